'use strict';

const { startSandbox } = require('../../sandbox');
const { signedCall, bearerCall, expectEnvelope } = require('./helpers/client');

let sb;
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 10 });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const create = (body, shop) => signedCall(sb, { path: 'create_shop_webhook', body, shop });

describe('webhook subscriptions (HMAC)', () => {
  test('create -> webhook object with the doc\'s mixed date formats', async () => {
    const res = await create({ topic: 'review/created', url: 'https://hooks.example.com/t?x=1&y=2' });
    expectEnvelope(res.json, 0);
    expect(res.json.data).toEqual({ id: expect.stringMatching(/^\d+$/), topic: 'review/created', url: 'https://hooks.example.com/t?x=1&y=2', created_at: expect.stringMatching(ISO), updated_at: expect.stringMatching(DATETIME) });
  });

  test('all four topics are accepted; others -> 3', async () => {
    for (const topic of ['review/created', 'review/updated', 'review/deleted', 'customer_event/created']) {
      expect((await create({ topic, url: 'https://a.example/h' })).json.code).toBe(0);
    }
    const bad = await create({ topic: 'order/created', url: 'https://a.example/h' });
    expect(bad.json).toMatchObject({ code: 3, message: expect.stringContaining('topic must be one of review/created') });
    expect((await create({ url: 'https://a.example/h' })).json.message).toContain('topic is required');
  });

  test('url must be an absolute http(s) URL', async () => {
    for (const url of ['ftp://a.example/h', '/relative', 'not a url', '']) {
      const res = await create({ topic: 'review/created', url });
      expect(res.json.code).toBe(3);
      expect(res.json.message).toContain('url');
    }
    expect((await create({ topic: 'review/created', url: 'http://127.0.0.1:5678/webhook/abc' })).json.code).toBe(0);
  });

  test('duplicate owner+topic+url: reject mode -> 6, allow mode -> created', async () => {
    const body = { topic: 'review/updated', url: 'https://a.example/dup' };
    expect((await create(body)).json.code).toBe(0);
    expectEnvelope((await create(body)).json, 6);
    expect((await create({ ...body, topic: 'review/deleted' })).json.code).toBe(0);
    sb.setMode({ duplicateWebhook: 'allow' });
    try {
      expect((await create(body)).json.code).toBe(0);
      expect((await signedCall(sb, { path: 'get_shop_webhooks' })).json.data.filter((w) => w.url === body.url && w.topic === body.topic)).toHaveLength(2);
    } finally {
      sb.setMode({ duplicateWebhook: 'reject' });
    }
  });

  test('get lists own webhooks as a plain array', async () => {
    const a = (await create({ topic: 'review/created', url: 'https://a.example/1' })).json.data;
    const b = (await create({ topic: 'review/deleted', url: 'https://a.example/2' })).json.data;
    const res = await signedCall(sb, { path: 'get_shop_webhooks' });
    expectEnvelope(res.json, 0);
    expect(res.json.data).toEqual([a, b]);
  });

  test('update (id as string or integer) and its validation', async () => {
    const w = (await create({ topic: 'review/created', url: 'https://a.example/1' })).json.data;
    const res = await signedCall(sb, { path: 'update_shop_webhook', body: { id: Number(w.id), topic: 'review/updated', url: 'https://a.example/2' } });
    expect(res.json.data).toMatchObject({ id: w.id, topic: 'review/updated', url: 'https://a.example/2', created_at: w.created_at });
    expect((await signedCall(sb, { path: 'update_shop_webhook', body: { id: w.id, topic: 'review/created', url: 'https://a.example/3' } })).json.code).toBe(0);
    expect((await signedCall(sb, { path: 'update_shop_webhook', body: { id: '999', topic: 'review/created', url: 'https://a.example/3' } })).json.code).toBe(5);
    expect((await signedCall(sb, { path: 'update_shop_webhook', body: { topic: 'review/created', url: 'https://a.example/3' } })).json.message).toBe('invalid argument: id is required');
    expect((await signedCall(sb, { path: 'update_shop_webhook', body: { id: w.id, url: 'https://a.example/3' } })).json.code).toBe(3);
  });

  test('delete; unknown -> 5', async () => {
    const w = (await create({ topic: 'review/created', url: 'https://a.example/1' })).json.data;
    expectEnvelope((await signedCall(sb, { path: 'delete_shop_webhook', body: { id: w.id } })).json, 0);
    expect((await signedCall(sb, { path: 'get_shop_webhooks' })).json.data).toEqual([]);
    expect((await signedCall(sb, { path: 'delete_shop_webhook', body: { id: w.id } })).json.code).toBe(5);
  });
});

describe('isolation', () => {
  test('shops see and manage only their own webhooks', async () => {
    const mine = (await create({ topic: 'review/created', url: 'https://a.example/1' })).json.data;
    const theirs = (await create({ topic: 'review/created', url: 'https://a.example/1' }, sb.shops[1])).json.data;
    expect((await signedCall(sb, { path: 'get_shop_webhooks' })).json.data).toEqual([mine]);
    expect((await signedCall(sb, { path: 'get_shop_webhooks', shop: sb.shops[1] })).json.data).toEqual([theirs]);
    expect((await signedCall(sb, { path: 'delete_shop_webhook', body: { id: theirs.id } })).json.code).toBe(5);
    expect((await signedCall(sb, { path: 'update_shop_webhook', body: { id: theirs.id, topic: 'review/created', url: 'https://x.example' } })).json.code).toBe(5);
  });

  test('HMAC (platform_id 0) and Bearer (platform) webhooks are separate owners', async () => {
    const token = sb.issueTokens({ shopIndex: 0 }).access_token;
    const shopHook = (await create({ topic: 'review/created', url: 'https://a.example/same' })).json.data;
    const platHook = (await bearerCall(sb, token, { path: 'create_shop_webhook', body: { topic: 'review/created', url: 'https://a.example/same' } })).json;
    expect(platHook.code).toBe(0); // same topic+url is not a duplicate across owners
    expect((await bearerCall(sb, token, { path: 'get_shop_webhooks' })).json.data).toEqual([platHook.data]);
    expect((await signedCall(sb, { path: 'get_shop_webhooks' })).json.data).toEqual([shopHook]);
    expect((await bearerCall(sb, token, { path: 'delete_shop_webhook', body: { id: shopHook.id } })).json.code).toBe(5);
    expect((await signedCall(sb, { path: 'delete_shop_webhook', body: { id: platHook.data.id } })).json.code).toBe(5);
    expect(sb.webhooks()).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: shopHook.id, platform_id: 0, shop_id: sb.shops[0].id }),
      expect.objectContaining({ id: platHook.data.id, platform_id: sb.platform.platformId, shop_id: sb.shops[0].id }),
    ]));
  });

  test('Bearer webhook scopes (V6): review/* need write_reviews, customer_event/created needs read_customer_events', async () => {
    const readOnly = sb.issueTokens({ shopIndex: 0, scope: 'read_reviews read_customer_events' }).access_token;
    const denied = await bearerCall(sb, readOnly, { path: 'create_shop_webhook', body: { topic: 'review/created', url: 'https://a.example/1' } });
    expectEnvelope(denied.json, 16);
    expect(denied.json.message).toContain('write_reviews');
    expect((await bearerCall(sb, readOnly, { path: 'create_shop_webhook', body: { topic: 'customer_event/created', url: 'https://a.example/1' } })).json.code).toBe(0);
    const writer = sb.issueTokens({ shopIndex: 0, scope: 'write_reviews' }).access_token;
    const noEvents = await bearerCall(sb, writer, { path: 'create_shop_webhook', body: { topic: 'customer_event/created', url: 'https://a.example/2' } });
    expect(noEvents.json.message).toContain('read_customer_events');
  });
});
