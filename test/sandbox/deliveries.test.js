'use strict';

const crypto = require('crypto');
const { startSandbox } = require('../../sandbox');
const { signedCall, bearerCall, HEX32, nowSeconds } = require('./helpers/client');
const { startReceiver, waitUntil, ACK } = require('./helpers/receiver');

const MINUTE_MS = 25;
const CUMULATIVE_MIN = [0, 3, 9, 18, 30, 45, 63, 84, 108, 135];

let sb;
let rx;
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 12, minuteMs: MINUTE_MS, deliveryTimeoutMs: 200 });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.reset();
  sb.setMode({ ackMode: 'strict', platformWebhookKey: 'client_secret' });
  rx = await startReceiver();
});
afterEach(() => rx.close());

const subscribe = async (topic, url = `${rx.url}/hook`, shop) => (await signedCall(sb, { path: 'create_shop_webhook', body: { topic, url }, shop })).json.data;
const hmac = (key, ts, body) => crypto.createHmac('sha256', key).update(`timestamp=${ts}|${body}`).digest('hex');

describe('delivery format', () => {
  test('POST with the documented headers, a correct Sign and a {"list":[…]} body', async () => {
    const hook = await subscribe('review/created');
    const review = sb.createReview(0, { rating: 4, author: 'Delivery Test', content: 'Nice 👍' });
    const [hit] = await rx.waitFor(1);
    const shop = sb.shops[0];
    expect(hit.method).toBe('POST');
    expect(hit.url).toBe('/hook');
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['open-trustoo-webhook-public-token']).toBe(shop.publicToken);
    const ts = hit.headers['open-trustoo-webhook-timestamp'];
    expect(Math.abs(Number(ts) - nowSeconds())).toBeLessThan(5);
    expect(hit.headers['open-trustoo-webhook-sign']).toBe(hmac(shop.privateToken, ts, hit.rawBody));
    expect(hit.headers['open-trustoo-webhook-requestid']).toMatch(HEX32);
    expect(hit.body).toEqual({ list: [{ ...review, id: Number(review.id), my_shopify_domain: shop.myshopifyDomain, shopify_shop_id: Number(shop.id) }] });
    expect(Object.keys(hit.body.list[0]).slice(0, 3)).toEqual(['id', 'my_shopify_domain', 'shopify_shop_id']);
    expect(typeof hit.body.list[0].id).toBe('number');
    const d = await waitUntil(() => sb.deliveries.find((x) => x.done));
    expect(d).toMatchObject({ webhookId: hook.id, topic: 'review/created', url: hook.url, requestId: hit.headers['open-trustoo-webhook-requestid'], done: true, acknowledged: true });
    expect(d.attempts).toEqual([expect.objectContaining({ n: 1, status: 200, ok: true, error: null, body: '{"code":0,"message":"success"}' })]);
  });

  test('every topic fires from its event, only to that topic\'s subscribers of that shop', async () => {
    const urls = {};
    for (const t of ['review/created', 'review/updated', 'review/deleted', 'customer_event/created']) {
      urls[t] = `/${t.replace('/', '-')}`;
      await subscribe(t, `${rx.url}${urls[t]}`);
    }
    await subscribe('review/created', `${rx.url}/other-shop`, sb.shops[1]);
    const r = sb.createReview(0, {});
    sb.updateReview(r.id, { content: 'edited ✍️' });
    sb.hideReview(r.id);
    const apiCreated = (await signedCall(sb, { path: 'create_review', body: { rating: 2, author: 'API' } })).json.data;
    await signedCall(sb, { path: 'delete_review', body: { id: apiCreated.id } });
    const ev = sb.createCustomerEvent(0, { event_type: 'CLICK_REVIEW' });
    const hits = await rx.waitFor(6);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(hits).toHaveLength(6);
    const by = (path) => hits.filter((h) => h.url === path).map((h) => h.body.list[0]);
    expect(by(urls['review/created']).map((x) => x.id)).toEqual([Number(r.id), Number(apiCreated.id)]);
    expect(by(urls['review/updated'])).toEqual([expect.objectContaining({ id: Number(r.id), content: 'edited ✍️' })]);
    expect(by(urls['review/deleted'])).toEqual([
      expect.objectContaining({ id: Number(r.id), is_published: 0 }),
      expect.objectContaining({ id: Number(apiCreated.id), author: 'API' }),
    ]);
    expect(by(urls['customer_event/created'])).toEqual([{ ...ev, id: Number(ev.id), my_shopify_domain: sb.shops[0].myshopifyDomain, shopify_shop_id: Number(sb.shops[0].id) }]);
    expect(by('/other-shop')).toEqual([]);
  });

  test('platform webhooks are signed with client_secret (default) or the shop private token (mode)', async () => {
    const { access_token: token } = sb.issueTokens({ shopIndex: 0 });
    await bearerCall(sb, token, { path: 'create_shop_webhook', body: { topic: 'review/created', url: `${rx.url}/platform` } });
    sb.createReview(0, {});
    const [a] = await rx.waitFor(1);
    const ts = a.headers['open-trustoo-webhook-timestamp'];
    expect(a.headers['open-trustoo-webhook-sign']).toBe(hmac(sb.platform.clientSecret, ts, a.rawBody));
    expect(a.headers['open-trustoo-webhook-public-token']).toBe(sb.shops[0].publicToken);
    sb.setMode({ platformWebhookKey: 'private_token' });
    sb.createReview(0, {});
    const hits = await rx.waitFor(2);
    expect(hits[1].headers['open-trustoo-webhook-sign']).toBe(hmac(sb.shops[0].privateToken, hits[1].headers['open-trustoo-webhook-timestamp'], hits[1].rawBody));
  });

  test('send-test pushes the latest review to the topic subscribers', async () => {
    await subscribe('review/updated');
    const latest = sb.createReview(0, { author: 'Latest' });
    const ds = sb.sendTestWebhook(0, 'review/updated');
    expect(ds).toHaveLength(1);
    const [hit] = await rx.waitFor(1);
    expect(hit.body.list[0]).toMatchObject({ id: Number(latest.id), author: 'Latest' });
  });
});

describe('retries', () => {
  test('unacknowledged: 10 attempts on the documented schedule, same RequestId each time', async () => {
    rx.setResponder(() => ({ status: 500, body: 'boom' }));
    await subscribe('review/created');
    sb.createReview(0, {});
    const hits = await rx.waitFor(10, 135 * MINUTE_MS + 3000);
    const d = await waitUntil(() => sb.deliveries[0].done && sb.deliveries[0], 2000);
    expect(d.acknowledged).toBe(false);
    expect(d.attempts.map((a) => [a.n, a.status, a.ok])).toEqual(CUMULATIVE_MIN.map((_, i) => [i + 1, 500, false]));
    // Server schedule: delay before attempt n = 3*(n-1) minutes after the previous attempt ended.
    for (let n = 2; n <= 10; n++) {
      const prev = d.attempts[n - 2];
      const gap = d.attempts[n - 1].at - (prev.at + prev.durationMs);
      expect(gap).toBeGreaterThanOrEqual(3 * (n - 1) * MINUTE_MS - 2);
      expect(gap).toBeLessThan(3 * (n - 1) * MINUTE_MS + 60);
    }
    // As seen by the receiver: cumulative 0, 3, 9, … 135 minutes (scaled).
    hits.forEach((h, i) => {
      const offset = h.at - hits[0].at;
      expect(offset).toBeGreaterThanOrEqual(CUMULATIVE_MIN[i] * MINUTE_MS - 5);
      expect(offset).toBeLessThan(CUMULATIVE_MIN[i] * MINUTE_MS + 40 * (i + 1));
    });
    expect(new Set(hits.map((h) => h.headers['open-trustoo-webhook-requestid'])).size).toBe(1);
    expect(new Set(hits.map((h) => h.rawBody)).size).toBe(1);
    for (const h of hits) expect(h.headers['open-trustoo-webhook-sign']).toBe(hmac(sb.shops[0].privateToken, h.headers['open-trustoo-webhook-timestamp'], h.rawBody));
    await new Promise((ok) => setTimeout(ok, 30 * MINUTE_MS));
    expect(rx.hits).toHaveLength(10);
  });

  test('stops once acknowledged', async () => {
    rx.setResponder((hit, i) => (i < 3 ? { status: 503 } : ACK));
    await subscribe('review/created');
    sb.createReview(0, {});
    await rx.waitFor(4, 3000);
    const d = await waitUntil(() => sb.deliveries[0].done && sb.deliveries[0]);
    expect(d.acknowledged).toBe(true);
    expect(d.attempts.map((a) => a.ok)).toEqual([false, false, false, true]);
    await new Promise((ok) => setTimeout(ok, 15 * MINUTE_MS + 100));
    expect(rx.hits).toHaveLength(4);
  });

  test.each([
    ['200 with another body', { status: 200, body: 'ok' }],
    ['200 with message "OK"', { status: 200, body: { code: 0, message: 'OK' } }],
    ['200 with code "0" as a string', { status: 200, body: { code: '0', message: 'success' } }],
    ['200 with an empty body', { status: 200 }],
  ])('strict ackMode: %s is not an acknowledgement; status ackMode accepts it', async (label, answer) => {
    rx.setResponder(() => answer);
    await subscribe('review/created');
    sb.createReview(0, {});
    await rx.waitFor(2, 2000);
    expect(sb.deliveries[0].attempts[0].ok).toBe(false);
    sb.reset();
    sb.setMode({ ackMode: 'status' });
    rx.hits.length = 0;
    await subscribe('review/created');
    sb.createReview(0, {});
    const d = await waitUntil(() => sb.deliveries[0] && sb.deliveries[0].done && sb.deliveries[0]);
    expect(d.acknowledged).toBe(true);
    expect(d.attempts).toHaveLength(1);
  });

  test('strict ackMode accepts extra keys; a non-200 fails in both modes', async () => {
    rx.setResponder(() => ({ status: 200, body: { code: 0, message: 'success', received: true } }));
    await subscribe('review/created');
    sb.createReview(0, {});
    expect((await waitUntil(() => sb.deliveries[0].done && sb.deliveries[0])).acknowledged).toBe(true);
    sb.reset();
    sb.setMode({ ackMode: 'status' });
    rx.setResponder(() => ({ status: 204 }));
    await subscribe('review/created');
    sb.createReview(0, {});
    await rx.waitFor(3, 2000);
    expect(sb.deliveries[0].attempts[0]).toMatchObject({ status: 204, ok: false });
  });

  test('a timeout and a refused connection count as failures', async () => {
    rx.setResponder((hit, i) => (i === 0 ? { delayMs: 600, ...ACK } : ACK));
    await subscribe('review/created');
    const dead = await startReceiver();
    const deadUrl = `${dead.url}/gone`;
    await dead.close();
    await subscribe('review/created', deadUrl);
    sb.createReview(0, {});
    const ok = await waitUntil(() => sb.deliveries.find((d) => d.url.startsWith(rx.url) && d.done), 3000);
    expect(ok.attempts.map((a) => [a.ok, a.error])).toEqual([[false, 'timeout'], [true, null]]);
    const refused = await waitUntil(() => sb.deliveries.find((d) => d.url === deadUrl && d.attempts.length >= 2), 3000);
    expect(refused.attempts[0]).toMatchObject({ ok: false, status: null, error: 'ECONNREFUSED' });
  });
});

describe('lifecycle', () => {
  test('close() clears pending retry timers; reset() cancels pending deliveries', async () => {
    const slow = await startSandbox({ reviewCount: 3, minuteMs: 60000 });
    const local = await startReceiver(() => ({ status: 500 }));
    try {
      await signedCall(slow, { path: 'create_shop_webhook', body: { topic: 'review/created', url: local.url } });
      slow.createReview(0, {});
      await local.waitFor(1);
      await waitUntil(() => slow._dispatcher.timers.size === 1);
      slow.reset();
      expect(slow._dispatcher.timers.size).toBe(0);
      expect(slow.deliveries).toEqual([]);
      await signedCall(slow, { path: 'create_shop_webhook', body: { topic: 'review/created', url: local.url } });
      slow.createReview(0, {});
      await local.waitFor(2);
      await waitUntil(() => slow._dispatcher.timers.size === 1);
    } finally {
      await slow.close();
      await local.close();
    }
    expect(slow._dispatcher.timers.size).toBe(0);
  });
});
