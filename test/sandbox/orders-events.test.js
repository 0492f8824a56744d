'use strict';

const { startSandbox } = require('../../sandbox');
const { signedCall, allPages, expectEnvelope } = require('./helpers/client');

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const toMs = (s) => Date.parse(`${s.replace(' ', 'T')}Z`);

let sb;
let orders;
let events;
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 30 });
  orders = (await allPages(sb, 'get_orders', {}, 100)).items;
  events = (await allPages(sb, 'get_customer_events', {}, 100)).items;
});
afterAll(() => sb.close());

const ids = (list) => list.map((o) => o.order_id || o.id);
const ordersWith = async (query) => (await allPages(sb, 'get_orders', query, 100)).items;

describe('get_orders', () => {
  test('plausible order objects (inferred fields)', () => {
    expect(orders.length).toBeGreaterThan(100);
    for (const o of orders) {
      expect(Object.keys(o)).toEqual(['order_id', 'order_name', 'customer_name', 'customer_email', 'products', 'type', 'sent_at', 'created_at', 'updated_at']);
      expect(o.order_id).toMatch(/^\d+$/);
      expect([1, 2, 3, 4, 5, 6]).toContain(o.type);
      expect(o.created_at).toMatch(DATETIME);
      if ([3, 4, 5].includes(o.type)) expect(o.sent_at).toMatch(DATETIME);
      else expect(o.sent_at).toBeNull();
      expect(o.products.length).toBeGreaterThan(0);
    }
    expect(new Set(orders.map((o) => o.type)).size).toBe(6);
  });

  test('type 0 is all; 1-6 filter exactly; others -> 3', async () => {
    expect(ids(await ordersWith({ type: 0 }))).toEqual(ids(orders));
    for (const t of [1, 3, 5, 6]) {
      expect(ids(await ordersWith({ type: t }))).toEqual(ids(orders.filter((o) => o.type === t)));
    }
    const bad = await signedCall(sb, { path: 'get_orders', query: { type: 7 } });
    expect(bad.json).toMatchObject({ code: 3, message: expect.stringContaining('type must be 0') });
  });

  test('start_time/end_time in the three accepted formats', async () => {
    const mid = orders[Math.floor(orders.length / 2)];
    const ms = toMs(mid.created_at);
    const expectedFrom = orders.filter((o) => toMs(o.created_at) >= ms);
    expect(ids(await ordersWith({ start_time: mid.created_at }))).toEqual(ids(expectedFrom));
    expect(ids(await ordersWith({ start_time: String(ms / 1000) }))).toEqual(ids(expectedFrom));
    const day = mid.created_at.slice(0, 10);
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    const dayEnd = dayStart + 86399000;
    expect(ids(await ordersWith({ start_time: day, end_time: day }))).toEqual(ids(orders.filter((o) => toMs(o.created_at) >= dayStart && toMs(o.created_at) <= dayEnd)));
    expect(ids(await ordersWith({ end_time: mid.created_at }))).toEqual(ids(orders.filter((o) => toMs(o.created_at) <= ms)));
  });

  test('start_sent_at/end_sent_at filter on sent_at and drop unsent orders', async () => {
    const sent = orders.filter((o) => o.sent_at).sort((a, b) => toMs(a.sent_at) - toMs(b.sent_at));
    const from = sent[5].sent_at;
    const to = sent[sent.length - 5].sent_at;
    const got = await ordersWith({ start_sent_at: from, end_sent_at: to });
    const want = orders.filter((o) => o.sent_at && toMs(o.sent_at) >= toMs(from) && toMs(o.sent_at) <= toMs(to));
    expect(want.length).toBeGreaterThan(10);
    expect(ids(got)).toEqual(ids(want));
  });

  test.each(['2025/06/01', '2025-06-01T00:00:00Z', '1750000000000', 'yesterday', '2025-13-01'])('bad date %s -> 3 naming the field', async (v) => {
    const res = await signedCall(sb, { path: 'get_orders', query: { start_sent_at: v } });
    expectEnvelope(res.json, 3);
    expect(res.json.message).toBe("invalid argument: start_sent_at must be 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS' or unix seconds");
  });

  test('sort_by created-ascending reverses the default', async () => {
    expect(ids(await ordersWith({ sort_by: 'created-ascending' }))).toEqual(ids(orders).reverse());
    const t = orders.map((o) => toMs(o.created_at));
    expect(t).toEqual(t.slice().sort((a, b) => b - a));
  });

  test('orders are per shop', async () => {
    const other = (await allPages(sb, 'get_orders', {}, 100, sb.shops[1])).items;
    expect(other.length).toBeGreaterThan(0);
    const mine = new Set(ids(orders));
    expect(other.some((o) => mine.has(o.order_id))).toBe(false);
  });
});

describe('get_customer_events', () => {
  const eventsWith = async (query) => (await allPages(sb, 'get_customer_events', query, 100)).items;

  test('plausible event objects (inferred fields)', () => {
    expect(events.length).toBeGreaterThan(200);
    for (const e of events) {
      expect(Object.keys(e)).toEqual(['id', 'event_type', 'event_source', 'os_type', 'customer_id', 'product_id', 'review_id', 'page_url', 'created_at']);
      expect(e.created_at).toMatch(DATETIME);
    }
  });

  test.each([['event_type', 'CLICK_MEDIA'], ['event_type', 'VIEW_REVIEW'], ['os_type', 'ANDROID'], ['event_source', 'EMAIL']])('%s=%s filters exactly', async (name, value) => {
    const want = events.filter((e) => e[name] === value);
    expect(want.length).toBeGreaterThan(0);
    expect(ids(await eventsWith({ [name]: value }))).toEqual(ids(want));
  });

  test('filters combine; unlisted values match nothing (list is "etc.")', async () => {
    const want = events.filter((e) => e.os_type === 'IOS' && e.event_source === 'STOREFRONT');
    expect(ids(await eventsWith({ os_type: 'IOS', event_source: 'STOREFRONT' }))).toEqual(ids(want));
    const none = await signedCall(sb, { path: 'get_customer_events', query: { event_type: 'ADD_TO_CART' } });
    expect(none.json.code).toBe(0);
    expect(none.json.data.list).toEqual([]);
  });

  test('sort ascending and bad sort', async () => {
    expect(ids(await eventsWith({ sort_by: 'created-ascending' }))).toEqual(ids(events).reverse());
    expect((await signedCall(sb, { path: 'get_customer_events', query: { sort_by: 'newest' } })).json.code).toBe(3);
  });

  test('a created customer event appears first', async () => {
    const ev = sb.createCustomerEvent(0, { event_type: 'SUBMIT_REVIEW', os_type: 'WINDOWS' });
    const top = await signedCall(sb, { path: 'get_customer_events', query: { page_size: 1 } });
    expect(top.json.data.list[0]).toEqual(ev);
  });
});
