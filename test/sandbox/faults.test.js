'use strict';

const { startSandbox } = require('../../sandbox');
const { signedCall, admin, expectEnvelope, API } = require('./helpers/client');

let sb;
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 50 });
});
afterAll(() => sb.close());
beforeEach(() => {
  sb.clearFaults();
  sb.clearRequests();
});

const REVIEWS = `${API}/get_reviews`;
const list = (query) => signedCall(sb, { path: 'get_reviews', query });

describe('fault injection', () => {
  test('status 429 with Retry-After and an envelope body (code 8)', async () => {
    sb.inject({ path: REVIEWS, kind: 'status', status: 429, retryAfter: 7 });
    const res = await list();
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expectEnvelope(res.json, 8);
    expect((await list()).status).toBe(200); // times defaults to 1
    expect(sb.requests.map((r) => [r.fault, r.status, r.code])).toEqual([['status', 429, 8], [null, 200, 0]]);
  });

  test.each([500, 502, 503])('status %i with a plain-text body', async (status) => {
    sb.inject({ path: REVIEWS, kind: 'status', status, body: 'text' });
    const res = await list();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.json).toBeUndefined();
  });

  test('5xx envelope body carries code 13', async () => {
    sb.inject({ path: REVIEWS, kind: 'status', status: 500 });
    const res = await list();
    expect([res.status, res.json.code]).toEqual([500, 13]);
  });

  test('latency delays the real answer', async () => {
    sb.inject({ path: REVIEWS, kind: 'latency', ms: 300 });
    const t0 = Date.now();
    const res = await list();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(res.json.code).toBe(0);
    expect(sb.requests[0].fault).toBe('latency');
  });

  test('drop destroys the socket without an answer', async () => {
    sb.inject({ path: REVIEWS, kind: 'drop' });
    await expect(list()).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE|EPIPE/) });
    expect((await list()).json.code).toBe(0);
  });

  test('malformed answers HTTP 200 with truncated JSON', async () => {
    sb.inject({ path: REVIEWS, kind: 'malformed' });
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.text.startsWith('{"code":0,')).toBe(true);
    expect(() => JSON.parse(res.text)).toThrow();
  });

  test('emptyPage keeps the page meta and empties the list', async () => {
    const normal = await list({ page: 2, page_size: 10 });
    sb.inject({ path: REVIEWS, kind: 'emptyPage' });
    const res = await list({ page: 2, page_size: 10 });
    expectEnvelope(res.json, 0);
    expect(res.json.data).toEqual({ page: normal.json.data.page, list: [] });
  });

  test('code answers HTTP 200 with the given business code', async () => {
    sb.setMode({ errorMode: 'status' });
    try {
      sb.inject({ path: REVIEWS, kind: 'code', code: 8 });
      sb.inject({ path: REVIEWS, kind: 'code', code: 13, afterRequests: 1 });
      const a = await list();
      const b = await list();
      expect([a.status, a.json.code, b.status, b.json.code]).toEqual([200, 8, 200, 13]);
      expectEnvelope(a.json, 8);
    } finally {
      sb.setMode({ errorMode: 'http200' });
    }
  });

  test('times, afterRequests and page select which requests fail', async () => {
    sb.inject({ path: REVIEWS, kind: 'status', status: 503, times: 2, afterRequests: 1, page: 3 });
    const codes = [];
    for (const page of [3, 1, 3, 3, 2, 3, 3]) codes.push((await list({ page })).status);
    expect(codes).toEqual([200, 200, 503, 503, 200, 200, 200]);
  });

  test('a page filter of 1 matches requests without a page parameter', async () => {
    sb.inject({ path: REVIEWS, kind: 'code', code: 13, page: 1 });
    expect((await list({ page: 2 })).json.code).toBe(0);
    expect((await list()).json.code).toBe(13);
  });

  test('faults match the exact path only; clearFaults removes them', async () => {
    sb.inject({ path: `${API}/get_orders`, kind: 'code', code: 13, times: 5 });
    expect((await list()).json.code).toBe(0);
    expect((await signedCall(sb, { path: 'get_orders' })).json.code).toBe(13);
    expect(sb.faults()).toHaveLength(1);
    sb.clearFaults();
    expect((await signedCall(sb, { path: 'get_orders' })).json.code).toBe(0);
  });

  test('faults fire before auth and without side effects (status), after processing (malformed)', async () => {
    sb.inject({ path: `${API}/create_review`, kind: 'status', status: 502 });
    const before = sb._store.reviews.length;
    expect((await signedCall(sb, { path: 'create_review', body: { rating: 5, author: 'x' } })).status).toBe(502);
    expect(sb._store.reviews.length).toBe(before);
    sb.inject({ path: `${API}/create_review`, kind: 'malformed' });
    await signedCall(sb, { path: 'create_review', body: { rating: 5, author: 'x' } });
    expect(sb._store.reviews.length).toBe(before + 1);
  });

  test('invalid fault descriptions are refused', () => {
    expect(() => sb.inject({ path: REVIEWS, kind: 'explode' })).toThrow(/kind/);
    expect(() => sb.inject({ path: REVIEWS, kind: 'status', status: 404 })).toThrow(/status/);
    expect(() => sb.inject({ path: 'get_reviews', kind: 'drop' })).toThrow(/path/);
    expect(() => sb.inject({ path: REVIEWS, kind: 'latency' })).toThrow(/ms/);
    expect(() => sb.inject({ path: REVIEWS, kind: 'code' })).toThrow(/code/);
  });

  test('admin API: POST/GET/DELETE /__sandbox/faults', async () => {
    const created = await admin(sb, 'POST', '/faults', { path: REVIEWS, kind: 'status', status: 429, retryAfter: 1, times: 3 });
    expect(created.json).toMatchObject({ id: expect.any(Number), kind: 'status', status: 429, times: 3 });
    expect((await admin(sb, 'GET', '/faults')).json).toHaveLength(1);
    expect((await list()).status).toBe(429);
    expect((await admin(sb, 'POST', '/faults', { kind: 'nope' })).status).toBe(400);
    await admin(sb, 'DELETE', '/faults');
    expect((await list()).status).toBe(200);
  });
});
