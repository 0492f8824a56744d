'use strict';

const { startSandbox } = require('../../sandbox');
const { signedCall, rawRequest, nowSeconds, expectEnvelope, API } = require('./helpers/client');

let sb;
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 30 });
});
afterAll(() => sb.close());
beforeEach(() => sb.clearRequests());

const expect16 = (res, fragment) => {
  expect(res.status).toBe(200);
  expectEnvelope(res.json, 16);
  if (fragment) expect(res.json.message).toContain(fragment);
};

describe('HMAC signature authentication', () => {
  test('a correctly signed GET succeeds and is logged exactly', async () => {
    const res = await signedCall(sb, { path: 'get_reviews', query: 'page_size=2&keyword=caf%C3%A9' });
    expectEnvelope(res.json, 0);
    const log = sb.requests[sb.requests.length - 1];
    expect(log).toMatchObject({ method: 'GET', path: `${API}/get_reviews`, rawQuery: 'page_size=2&keyword=caf%C3%A9', auth: 'signature', authOk: true, code: 0, status: 200, shopId: sb.shops[0].id });
    expect(log.query).toEqual({ page_size: '2', keyword: 'café' });
    expect(log.headers['public-token']).toBe(sb.shops[0].publicToken);
    expect(log.signedString).toMatch(/^keyword=café&page_size=2&timestamp=\d+$/);
  });

  test('a correctly signed POST succeeds; the raw body is logged', async () => {
    const body = '{"email":"signed@example.com","email_type":"all"}';
    const res = await signedCall(sb, { path: 'email_unsubscribe', body });
    expect(res.json).toMatchObject({ code: 0, message: 'OK' });
    expect(sb.requests[sb.requests.length - 1].rawBody).toBe(body);
  });

  test('header names are case-insensitive', async () => {
    const ts = nowSeconds();
    const ok = await signedCall(sb, { path: 'get_rating', query: { is_all_rating: 1 }, timestamp: ts });
    expect(ok.json.code).toBe(0);
    const { specSign } = require('./helpers/client');
    const sign = specSign(sb.shops[0].privateToken, 'is_all_rating=1', ts, '');
    const res = await rawRequest(sb.url, { path: `${API}/get_rating`, rawQuery: 'is_all_rating=1', headers: { 'public-token': sb.shops[0].publicToken, timestamp: String(ts), sign } });
    expect(res.json.code).toBe(0);
  });

  test('wrong key -> 16', async () => {
    expect16(await signedCall(sb, { path: 'get_reviews', signKey: 'not-the-private-token' }), 'signature mismatch');
  });

  test('another shop\'s private token -> 16', async () => {
    expect16(await signedCall(sb, { path: 'get_reviews', signKey: sb.shops[1].privateToken }), 'signature mismatch');
  });

  test('timestamp 16 minutes old -> 16', async () => {
    expect16(await signedCall(sb, { path: 'get_reviews', timestamp: nowSeconds() - 16 * 60 }), 'older than 15 minutes');
  });

  test('timestamp 16 minutes in the future -> 16', async () => {
    expect16(await signedCall(sb, { path: 'get_reviews', timestamp: nowSeconds() + 16 * 60 }), 'future');
  });

  test('timestamp 14 minutes old or ahead is accepted', async () => {
    expect((await signedCall(sb, { path: 'get_reviews', timestamp: nowSeconds() - 14 * 60 })).json.code).toBe(0);
    expect((await signedCall(sb, { path: 'get_reviews', timestamp: nowSeconds() + 14 * 60 })).json.code).toBe(0);
  });

  test('millisecond timestamps are refused with a hint', async () => {
    expect16(await signedCall(sb, { path: 'get_reviews', timestamp: Date.now() }), 'milliseconds');
  });

  test.each(['Public-Token', 'Timestamp', 'Sign'])('missing %s header -> 16 naming it', async (name) => {
    expect16(await signedCall(sb, { path: 'get_reviews', headers: { [name]: null } }), `missing ${name}`);
  });

  test('unknown Public-Token -> 16', async () => {
    expect16(await signedCall(sb, { path: 'get_reviews', headers: { 'Public-Token': 'AAAAAAAAAAAAAAAAAAAAAA==' } }), 'unknown Public-Token');
  });

  test('non-hex or uppercase Sign -> 16', async () => {
    expect16(await signedCall(sb, { path: 'get_reviews', headers: { Sign: 'zz'.repeat(32) } }), 'lowercase hex');
    const { specSign } = require('./helpers/client');
    const ts = nowSeconds();
    const upper = specSign(sb.shops[0].privateToken, '', ts, '').toUpperCase();
    expect16(await signedCall(sb, { path: 'get_reviews', timestamp: ts, headers: { Sign: upper } }), 'lowercase hex');
  });

  test('body changed after signing (re-serialised) -> 16', async () => {
    const res = await signedCall(sb, {
      path: 'email_unsubscribe',
      body: '{"email":"x@example.com","email_type":"all"}',
      tamper: () => ({ bodyText: '{"email_type":"all","email":"x@example.com"}' }),
    });
    expect16(res, 'signature mismatch');
  });

  test('body whitespace change after signing -> 16', async () => {
    const res = await signedCall(sb, { path: 'email_unsubscribe', body: { email: 'x@example.com', email_type: 'all' }, tamper: ({ bodyText }) => ({ bodyText: `${bodyText} ` }) });
    expect16(res);
  });

  test('query changed after signing -> 16', async () => {
    expect16(await signedCall(sb, { path: 'get_reviews', query: 'page=1', tamper: () => ({ rawQuery: 'page=2' }) }), 'signature mismatch');
    expect16(await signedCall(sb, { path: 'get_reviews', query: 'page=1', tamper: () => ({ rawQuery: 'page=1&page_size=5' }) }));
  });

  test('query encoding differences that decode to the same pairs still verify', async () => {
    // Signed over decoded values, so %20 and + are the same pair.
    const res = await signedCall(sb, { path: 'get_reviews', query: 'keyword=good+quality', tamper: () => ({ rawQuery: 'keyword=good%20quality' }) });
    expect(res.json.code).toBe(0);
  });

  test('each array encoding is verified over the pairs as received', async () => {
    for (const q of ['ratings%5B0%5D=5&ratings%5B1%5D=4', 'ratings=5&ratings=4', 'ratings=5,4']) {
      const res = await signedCall(sb, { path: 'get_reviews', query: q });
      expect(res.json.code).toBe(0);
    }
  });

  test('an empty Authorization header falls back to HMAC; a non-empty one is tried as Bearer', async () => {
    const viaHmac = await signedCall(sb, { path: 'get_reviews', headers: { Authorization: '' } });
    expect(viaHmac.json.code).toBe(0);
    const viaBearer = await signedCall(sb, { path: 'get_reviews', headers: { Authorization: 'Basic Zm9vOmJhcg==' } });
    expect16(viaBearer, 'Bearer');
    expect(sb.requests[sb.requests.length - 1]).toMatchObject({ auth: 'bearer', authOk: false, code: 16 });
  });

  test('no auth headers at all -> 16', async () => {
    const res = await rawRequest(sb.url, { path: `${API}/get_reviews` });
    expect16(res, 'missing Public-Token');
    expect(sb.requests[sb.requests.length - 1]).toMatchObject({ auth: 'signature', authOk: false });
  });
});

describe('clock option', () => {
  test('timestamps are judged against the injected clock', async () => {
    const fixed = Date.UTC(2030, 0, 1, 12, 0, 0);
    const other = await startSandbox({ clock: () => fixed, reviewCount: 5 });
    try {
      const ts = Math.floor(fixed / 1000);
      const ok = await signedCall(other, { path: 'get_reviews', timestamp: ts - 15 * 60 });
      expect(ok.json.code).toBe(0);
      expect(ok.json.time).toBe(ts);
      const stale = await signedCall(other, { path: 'get_reviews', timestamp: ts - 15 * 60 - 1 });
      expect(stale.json.code).toBe(16);
      const realNow = await signedCall(other, { path: 'get_reviews' });
      expect(realNow.json.code).toBe(16);
    } finally {
      await other.close();
    }
  });
});
