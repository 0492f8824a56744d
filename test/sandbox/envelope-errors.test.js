'use strict';

const { startSandbox } = require('../../sandbox');
const { signedCall, plainCall, rawRequest, expectEnvelope, admin, API } = require('./helpers/client');

describe('envelope and error modes', () => {
  let sb;
  beforeAll(async () => {
    sb = await startSandbox({ reviewCount: 20 });
  });
  afterAll(() => sb.close());
  afterEach(() => sb.setMode({ errorMode: 'http200', skipShopOauth: true, duplicateWebhook: 'reject' }));

  test('success envelope: code 0, "success", unix time, 32-hex request_id, data', async () => {
    const res = await signedCall(sb, { path: 'get_rating', query: { is_all_rating: 1 } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expectEnvelope(res.json, 0);
    expect(Object.keys(res.json)).toEqual(['code', 'message', 'time', 'request_id', 'data']);
    expect(sb.requests[sb.requests.length - 1].requestId).toBe(res.json.request_id);
  });

  test('request ids are unique per request', async () => {
    const a = await signedCall(sb, { path: 'get_shop_webhooks' });
    const b = await signedCall(sb, { path: 'get_shop_webhooks' });
    expect(a.json.request_id).not.toBe(b.json.request_id);
  });

  test('a POST body that is not JSON -> 3', async () => {
    const res = await signedCall(sb, { path: 'create_review', body: 'rating=5&author=x' });
    expectEnvelope(res.json, 3);
    expect(res.json.message).toBe('invalid argument: request body is not valid JSON');
  });

  test('a JSON body that is not an object -> 3', async () => {
    const res = await signedCall(sb, { path: 'create_review', body: '[1,2]' });
    expect(res.json).toMatchObject({ code: 3, message: 'invalid argument: request body must be a JSON object' });
  });

  test('unknown path and wrong method -> 5', async () => {
    const unknown = await signedCall(sb, { path: 'get_review_list' });
    expectEnvelope(unknown.json, 5);
    const legacy = await signedCall(sb, { path: '/api/v1/open_api/get_shop_webhooks' });
    expect(legacy.status).toBe(404);
    const wrong = await signedCall(sb, { path: 'get_reviews', method: 'POST', body: {} });
    expect(wrong.json.code).toBe(5);
    expect(wrong.json.message).toContain('takes GET');
  });

  test('http200 mode: every error is HTTP 200', async () => {
    const bad = await signedCall(sb, { path: 'get_reviews', query: { page: 0 } });
    expect([bad.status, bad.json.code]).toEqual([200, 3]);
    const unauth = await rawRequest(sb.url, { path: `${API}/get_reviews` });
    expect([unauth.status, unauth.json.code]).toEqual([200, 16]);
  });

  test('status mode: 3->400, 16->401, 5->404, 6->409, 8->429, with the same envelope', async () => {
    sb.setMode({ errorMode: 'status' });
    const bad = await signedCall(sb, { path: 'get_reviews', query: { page: 'x' } });
    expect([bad.status, bad.json.code]).toEqual([400, 3]);
    expectEnvelope(bad.json, 3);
    const unauth = await rawRequest(sb.url, { path: `${API}/get_reviews` });
    expect([unauth.status, unauth.json.code]).toEqual([401, 16]);
    const missing = await signedCall(sb, { path: 'get_review', query: { id: '1' } });
    expect([missing.status, missing.json.code]).toEqual([404, 5]);
    const hook = { topic: 'review/created', url: 'https://example.com/hook' };
    expect((await signedCall(sb, { path: 'create_shop_webhook', body: hook })).status).toBe(200);
    const dup = await signedCall(sb, { path: 'create_shop_webhook', body: hook });
    expect([dup.status, dup.json.code]).toEqual([409, 6]);
    sb.setMode({ skipShopOauth: false });
    const p = sb.platform;
    const refused = await plainCall(sb, { path: 'oauth/token', body: { grant_type: 'client_credentials', client_id: p.clientId, client_secret: p.clientSecret, shop_id: sb.shops[0].id } });
    expect([refused.status, refused.json.code]).toEqual([429, 8]);
    const ok = await signedCall(sb, { path: 'get_shop_webhooks' });
    expect([ok.status, ok.json.code]).toEqual([200, 0]);
  });

  test('status mode is switchable over the admin API', async () => {
    const res = await admin(sb, 'POST', '/mode', { errorMode: 'status' });
    expect(res.json.errorMode).toBe('status');
    expect((await rawRequest(sb.url, { path: `${API}/get_reviews` })).status).toBe(401);
    const badMode = await admin(sb, 'POST', '/mode', { errorMode: 'teapot' });
    expect(badMode.status).toBe(400);
    expect(badMode.json.error).toContain('errorMode');
  });

  test('a sandbox bug answers code 13 (500 in status mode) without leaking details', async () => {
    const { ROUTES } = require('../../sandbox/api/routes');
    const route = ROUTES['/api/v1/openapi/get_orders'];
    const original = route.handler;
    const seen = [];
    const onError = (e) => seen.push(e.message);
    sb.on('internal-error', onError);
    route.handler = () => {
      throw new Error('boom secret detail');
    };
    try {
      const a = await signedCall(sb, { path: 'get_orders' });
      expect([a.status, a.json.code, a.json.message]).toEqual([200, 13, 'internal error']);
      sb.setMode({ errorMode: 'status' });
      const b = await signedCall(sb, { path: 'get_orders' });
      expect([b.status, b.json.code]).toEqual([500, 13]);
      expect(b.text).not.toContain('boom');
      expect(sb.requests[sb.requests.length - 1].error).toContain('boom secret detail');
      expect(seen).toEqual(['boom secret detail', 'boom secret detail']);
    } finally {
      route.handler = original;
      sb.off('internal-error', onError);
    }
  });

  test('setMode rejects unknown options and bad values', () => {
    expect(() => sb.setMode({ nope: 1 })).toThrow(/unknown sandbox option/);
    expect(() => sb.setMode({ pageSizeCap: 0 })).toThrow(/pageSizeCap/);
    expect(() => sb.setMode({ port: 1 })).toThrow(/only be set when the sandbox starts/);
  });
});
