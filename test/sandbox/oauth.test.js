'use strict';

const { startSandbox } = require('../../sandbox');
const { plainCall, bearerCall, signedCall, rawRequest, expectEnvelope } = require('./helpers/client');

let sb;
let offsetMs = 0; // moves the sandbox clock forward for expiry tests
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 15, clock: () => Date.now() + offsetMs });
});
afterAll(() => sb.close());
beforeEach(() => {
  offsetMs = 0;
  sb.reset();
  sb.setMode({ refreshRotation: 'rotate', revokeResponse: 'envelope', accessTokenTtlSeconds: 3600, skipShopOauth: true });
});

const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback?tenant=a';
const creds = () => ({ client_id: sb.platform.clientId, client_secret: sb.platform.clientSecret });
const token = (body) => plainCall(sb, { path: 'oauth/token', body });

async function consent({ scope = 'read_reviews write_reviews', state = 'st-123', shop = 0, decision = 'approve', redirectUri = REDIRECT } = {}) {
  const form = new URLSearchParams({ client_id: sb.platform.clientId, redirect_uri: redirectUri, state, scope, response_type: 'code', shop: String(shop), decision });
  return rawRequest(sb.url, { method: 'POST', path: '/sandbox/oauth/consent', body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

async function codeFor(opts) {
  const res = await consent(opts);
  expect(res.status).toBe(302);
  return new URL(res.headers.location).searchParams.get('code');
}

async function tokensFor(opts = {}) {
  const code = await codeFor(opts);
  const res = await token({ grant_type: 'authorization_code', ...creds(), code, redirect_uri: opts.redirectUri || REDIRECT });
  expectEnvelope(res.json, 0);
  return res.json.data;
}

describe('authorization code flow', () => {
  test('get_oauth_authorize_url -> consent page -> approve -> redirect with code and state', async () => {
    const res = await plainCall(sb, { path: 'get_oauth_authorize_url', query: { client_id: sb.platform.clientId, redirect_uri: REDIRECT, state: 'xyz', scope: 'read_reviews' } });
    expectEnvelope(res.json, 0);
    const url = new URL(res.json.data.authorize_url);
    expect(`${url.origin}${url.pathname}`).toBe(`${sb.url}/sandbox/oauth/consent`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: sb.platform.clientId, redirect_uri: REDIRECT, state: 'xyz', scope: 'read_reviews', response_type: 'code' });

    const page = await rawRequest(sb.url, { path: url.pathname, rawQuery: url.search.slice(1) });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<form method="post" action="/sandbox/oauth/consent">');
    expect(page.text).toContain('value="approve"');
    expect(page.text).toContain('value="deny"');
    for (const s of sb.shops) expect(page.text).toContain(s.myshopifyDomain);
    expect(page.text).toContain('read_reviews');

    const approved = await consent({ state: 'xyz', scope: 'read_reviews', shop: 1 });
    const loc = new URL(approved.headers.location);
    expect(`${loc.origin}${loc.pathname}`).toBe('http://127.0.0.1:5678/rest/oauth2-credential/callback');
    expect(loc.searchParams.get('tenant')).toBe('a');
    expect(loc.searchParams.get('state')).toBe('xyz');
    expect(loc.searchParams.get('code')).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  test('code exchange returns the tokens inside the envelope; Bearer calls act for the chosen shop', async () => {
    const t = await tokensFor({ shop: 1, scope: 'read_reviews' });
    expect(t).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, refresh_token: expect.any(String), scope: 'read_reviews' });
    const res = await bearerCall(sb, t.access_token, { path: 'get_reviews', query: { page_size: 100 } });
    expectEnvelope(res.json, 0);
    const viaHmac = await signedCall(sb, { path: 'get_reviews', shop: sb.shops[1], query: { page_size: 100 } });
    expect(res.json.data).toEqual(viaHmac.json.data);
    const log = sb.requests[sb.requests.length - 2];
    expect(log).toMatchObject({ auth: 'bearer', authOk: true, shopId: sb.shops[1].id, platformId: sb.platform.platformId });
  });

  test('codes are single-use; redirect_uri must match; credentials are checked', async () => {
    const code = await codeFor();
    const mismatch = await token({ grant_type: 'authorization_code', ...creds(), code, redirect_uri: 'http://127.0.0.1:5678/other' });
    expect(mismatch.json).toMatchObject({ code: 16, message: expect.stringContaining('redirect_uri') });
    const reuse = await token({ grant_type: 'authorization_code', ...creds(), code, redirect_uri: REDIRECT });
    expect(reuse.json).toMatchObject({ code: 16, message: expect.stringContaining('already been used') });
    const fresh = await codeFor();
    expect((await token({ grant_type: 'authorization_code', client_id: sb.platform.clientId, client_secret: 'wrong', code: fresh, redirect_uri: REDIRECT })).json.code).toBe(16);
    expect((await token({ grant_type: 'authorization_code', client_secret: sb.platform.clientSecret, code: fresh, redirect_uri: REDIRECT })).json.code).toBe(16);
    expect((await token({ grant_type: 'authorization_code', ...creds(), redirect_uri: REDIRECT })).json).toMatchObject({ code: 3, message: expect.stringContaining('code is required') });
    expect((await token({ grant_type: 'password', ...creds() })).json).toMatchObject({ code: 3, message: expect.stringContaining('grant_type must be one of') });
    expect((await token({ grant_type: 'authorization_code', ...creds(), code: 'bm9wZQ==', redirect_uri: REDIRECT })).json.code).toBe(16);
  });

  test('codes expire after 10 minutes', async () => {
    const code = await codeFor();
    offsetMs = 10 * 60 * 1000 + 1000;
    expect((await token({ grant_type: 'authorization_code', ...creds(), code, redirect_uri: REDIRECT })).json).toMatchObject({ code: 16, message: expect.stringContaining('expired') });
  });

  test('a form-encoded token request is not JSON -> 3', async () => {
    const code = await codeFor();
    const form = new URLSearchParams({ grant_type: 'authorization_code', ...creds(), code, redirect_uri: REDIRECT }).toString();
    const res = await rawRequest(sb.url, { method: 'POST', path: '/api/v1/openapi/oauth/token', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expectEnvelope(res.json, 3);
    expect(res.json.message).toBe('invalid argument: request body is not valid JSON');
    // Basic auth is not an alternative either: credentials belong in the JSON body.
    const basic = await plainCall(sb, { path: 'oauth/token', body: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, headers: { Authorization: `Basic ${Buffer.from(`${sb.platform.clientId}:${sb.platform.clientSecret}`).toString('base64')}` } });
    expect(basic.json.code).toBe(16);
  });

  test('deny redirects with error=access_denied and the state', async () => {
    const res = await consent({ decision: 'deny', state: 'deny-state' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.location);
    expect(Object.fromEntries(loc.searchParams)).toEqual({ tenant: 'a', error: 'access_denied', state: 'deny-state' });
  });

  test('direct n8n-style consent URL: comma or space separated scopes', async () => {
    for (const scope of ['read_reviews,write_reviews', 'read_reviews write_reviews']) {
      const q = new URLSearchParams({ client_id: sb.platform.clientId, redirect_uri: REDIRECT, response_type: 'code', state: 'n8n', scope });
      const page = await rawRequest(sb.url, { path: '/sandbox/oauth/consent', rawQuery: q.toString() });
      expect(page.status).toBe(200);
      expect(page.text).toContain('<code>write_reviews</code>');
      const t = await tokensFor({ scope });
      expect(t.scope).toBe(scope);
      expect((await bearerCall(sb, t.access_token, { path: 'create_review', body: { rating: 5, author: 'n8n' } })).json.code).toBe(0);
    }
  });

  test('consent page errors: unknown client / bad redirect shown; bad scope / response_type redirected', async () => {
    const q = (o) => new URLSearchParams({ client_id: sb.platform.clientId, redirect_uri: REDIRECT, response_type: 'code', state: 's', scope: 'read_reviews', ...o }).toString();
    const unknown = await rawRequest(sb.url, { path: '/sandbox/oauth/consent', rawQuery: q({ client_id: 'nope' }) });
    expect([unknown.status, unknown.text.includes('Unknown client_id')]).toEqual([400, true]);
    const badRedirect = await rawRequest(sb.url, { path: '/sandbox/oauth/consent', rawQuery: q({ redirect_uri: 'javascript:alert(1)' }) });
    expect(badRedirect.status).toBe(400);
    const badScope = await rawRequest(sb.url, { path: '/sandbox/oauth/consent', rawQuery: q({ scope: 'admin' }) });
    expect(badScope.status).toBe(302);
    expect(new URL(badScope.headers.location).searchParams.get('error')).toBe('invalid_scope');
    const implicit = await rawRequest(sb.url, { path: '/sandbox/oauth/consent', rawQuery: q({ response_type: 'token' }) });
    expect(new URL(implicit.headers.location).searchParams.get('error')).toBe('unsupported_response_type');
  });

  test('get_oauth_authorize_url validation', async () => {
    const call = (query) => plainCall(sb, { path: 'get_oauth_authorize_url', query });
    expect((await call({ client_id: 'nope', redirect_uri: REDIRECT, scope: 'read_reviews' })).json.code).toBe(16);
    expect((await call({ client_id: sb.platform.clientId, scope: 'read_reviews' })).json).toMatchObject({ code: 3, message: 'invalid argument: redirect_uri is required' });
    expect((await call({ client_id: sb.platform.clientId, redirect_uri: REDIRECT, scope: 'everything' })).json.message).toContain('scope everything is not allowed');
  });

  test('approveConsent() gives a code like the consent page does', async () => {
    const code = sb.approveConsent({ redirectUri: REDIRECT, scope: 'read_reviews', state: 'p', shopIndex: 1 });
    const res = await token({ grant_type: 'authorization_code', ...creds(), code, redirect_uri: REDIRECT });
    expect(res.json.data.scope).toBe('read_reviews');
    expect(() => sb.approveConsent({ redirectUri: REDIRECT, scope: 'nope' })).toThrow(/scope/);
  });
});

describe('tokens', () => {
  test('access tokens expire after expires_in (ttl 1 s)', async () => {
    sb.setMode({ accessTokenTtlSeconds: 1 });
    const t = await tokensFor();
    expect(t.expires_in).toBe(1);
    expect((await bearerCall(sb, t.access_token, { path: 'get_reviews' })).json.code).toBe(0);
    offsetMs = 1001;
    const expired = await bearerCall(sb, t.access_token, { path: 'get_reviews' });
    expectEnvelope(expired.json, 16);
    expect(expired.json.message).toContain('expired');
  });

  test('refresh with rotation: new pair; the old refresh token is refused', async () => {
    const t = await tokensFor();
    const r1 = await token({ grant_type: 'refresh_token', ...creds(), refresh_token: t.refresh_token });
    expectEnvelope(r1.json, 0);
    expect(r1.json.data.refresh_token).not.toBe(t.refresh_token);
    expect(r1.json.data.access_token).not.toBe(t.access_token);
    expect(r1.json.data.scope).toBe(t.scope);
    expect((await bearerCall(sb, r1.json.data.access_token, { path: 'get_reviews' })).json.code).toBe(0);
    const old = await token({ grant_type: 'refresh_token', ...creds(), refresh_token: t.refresh_token });
    expect(old.json).toMatchObject({ code: 16, message: expect.stringContaining('already been used') });
    expect((await token({ grant_type: 'refresh_token', ...creds(), refresh_token: r1.json.data.refresh_token })).json.code).toBe(0);
  });

  test('refresh in keep mode returns the same refresh token, usable again', async () => {
    sb.setMode({ refreshRotation: 'keep' });
    const t = await tokensFor();
    const r1 = await token({ grant_type: 'refresh_token', ...creds(), refresh_token: t.refresh_token });
    const r2 = await token({ grant_type: 'refresh_token', ...creds(), refresh_token: t.refresh_token });
    expect([r1.json.data.refresh_token, r2.json.data.refresh_token]).toEqual([t.refresh_token, t.refresh_token]);
    expect(r2.json.data.access_token).not.toBe(r1.json.data.access_token);
  });

  test('refresh after expiry works and yields a working token', async () => {
    sb.setMode({ accessTokenTtlSeconds: 1 });
    const t = await tokensFor();
    offsetMs = 5000;
    expect((await bearerCall(sb, t.access_token, { path: 'get_reviews' })).json.code).toBe(16);
    const r = await token({ grant_type: 'refresh_token', ...creds(), refresh_token: t.refresh_token });
    expect((await bearerCall(sb, r.json.data.access_token, { path: 'get_reviews' })).json.code).toBe(0);
  });

  test('revoke: access token only, or the whole grant via its refresh token; envelope and empty answers', async () => {
    const t = await tokensFor();
    const res = await plainCall(sb, { path: 'oauth_revoke_token', body: { ...creds(), token: t.access_token } });
    expectEnvelope(res.json, 0);
    expect((await bearerCall(sb, t.access_token, { path: 'get_reviews' })).json.message).toContain('revoked');
    const r = await token({ grant_type: 'refresh_token', ...creds(), refresh_token: t.refresh_token });
    expect(r.json.code).toBe(0);
    sb.setMode({ revokeResponse: 'empty' });
    const empty = await plainCall(sb, { path: 'oauth_revoke_token', body: { ...creds(), token: r.json.data.refresh_token } });
    expect(empty.json).toEqual({});
    expect((await bearerCall(sb, r.json.data.access_token, { path: 'get_reviews' })).json.code).toBe(16);
    expect((await token({ grant_type: 'refresh_token', ...creds(), refresh_token: r.json.data.refresh_token })).json.code).toBe(16);
    expect((await plainCall(sb, { path: 'oauth_revoke_token', body: { ...creds(), token: 'unknown' } })).json).toEqual({});
    sb.setMode({ revokeResponse: 'envelope' });
    expect((await plainCall(sb, { path: 'oauth_revoke_token', body: creds() })).json.code).toBe(3);
    expect((await plainCall(sb, { path: 'oauth_revoke_token', body: { client_id: sb.platform.clientId, client_secret: 'x', token: 'y' } })).json.code).toBe(16);
  });

  test('a refresh token is not an access token', async () => {
    const t = await tokensFor();
    expect((await bearerCall(sb, t.refresh_token, { path: 'get_reviews' })).json.code).toBe(16);
  });

  test('scopes are enforced per endpoint for Bearer calls', async () => {
    const t = await tokensFor({ scope: 'read_reviews' });
    expect((await bearerCall(sb, t.access_token, { path: 'get_reviews' })).json.code).toBe(0);
    expect((await bearerCall(sb, t.access_token, { path: 'get_rating', query: { is_all_rating: 1 } })).json.code).toBe(0);
    const checks = [
      ['create_review', { rating: 5, author: 'x' }, 'write_reviews'],
      ['delete_review', { id: '1' }, 'write_reviews'],
      ['get_image_upload_policy_token', undefined, 'write_reviews'],
      ['get_orders', undefined, 'read_orders'],
      ['get_customer_events', undefined, 'read_customer_events'],
      ['email_unsubscribe', { email: 'a@b.co', email_type: 'all' }, 'write_customers'],
      ['delete_customer_exclude', { email: 'a@b.co' }, 'write_customers'],
      ['get_customer_excludes', undefined, 'read_customers'],
    ];
    for (const [path, body, scope] of checks) {
      const res = await bearerCall(sb, t.access_token, { path, body });
      expectEnvelope(res.json, 16);
      expect(res.json.message).toBe(`unauthenticated: access token lacks the ${scope} scope`);
    }
  });
});

describe('client_credentials (V6 special platforms)', () => {
  test('needs shop_id (integer ok) or myshopify_domain', async () => {
    const a = await token({ grant_type: 'client_credentials', ...creds(), shop_id: Number(sb.shops[1].id), scope: 'read_reviews' });
    expectEnvelope(a.json, 0);
    const res = await bearerCall(sb, a.json.data.access_token, { path: 'get_reviews' });
    expect(res.json.data.page.count).toBe((await signedCall(sb, { path: 'get_reviews', shop: sb.shops[1] })).json.data.page.count);
    const b = await token({ grant_type: 'client_credentials', ...creds(), myshopify_domain: sb.shops[0].myshopifyDomain });
    expect(b.json.data.scope.split(',')).toEqual(sb.platform.scopes);
    expect((await token({ grant_type: 'client_credentials', ...creds() })).json.message).toBe('invalid argument: shop_id or myshopify_domain is required');
    expect((await token({ grant_type: 'client_credentials', ...creds(), shop_id: 1 })).json.code).toBe(5);
  });

  test('refused (code 8) when the platform is not flagged skip_shop_oauth', async () => {
    sb.setMode({ skipShopOauth: false });
    const res = await token({ grant_type: 'client_credentials', ...creds(), shop_id: sb.shops[0].id });
    expectEnvelope(res.json, 8);
  });
});

describe('platform management', () => {
  const info = (query) => plainCall(sb, { path: 'get_shop_authorization_info', query: { ...creds(), ...query } });
  const install = (query) => plainCall(sb, { path: 'get_shop_install_status', query: { ...creds(), ...query } });

  test('authorization info and install status follow the grant; disconnect removes access and platform webhooks', async () => {
    const shop = sb.shops[0];
    expect((await info({ shop_id: shop.id })).json.data).toEqual({ is_authorized: false, authorized_at: '', granted_scopes: '', shop_id: shop.id, myshopify_domain: shop.myshopifyDomain });
    expect((await install({ myshopify_domain: shop.myshopifyDomain })).json.data).toEqual({ is_installed: 0, installed_at: '' });

    const t = await tokensFor({ scope: 'read_reviews,write_reviews' });
    const authz = (await info({ myshopify_domain: shop.myshopifyDomain })).json.data;
    expect(authz).toEqual({ is_authorized: true, authorized_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/), granted_scopes: 'read_reviews,write_reviews', shop_id: shop.id, myshopify_domain: shop.myshopifyDomain });
    expect((await install({ shop_id: shop.id })).json.data).toEqual({ is_installed: 1, installed_at: authz.authorized_at });

    await bearerCall(sb, t.access_token, { path: 'create_shop_webhook', body: { topic: 'review/created', url: 'https://platform.example/h' } });
    await signedCall(sb, { path: 'create_shop_webhook', body: { topic: 'review/created', url: 'https://shop.example/h' } });
    expect(sb.webhooks()).toHaveLength(2);

    expect((await plainCall(sb, { path: 'oauth/disconnect', method: 'POST' })).json.code).toBe(16);
    const res = await bearerCall(sb, t.access_token, { path: 'oauth/disconnect', method: 'POST' });
    expectEnvelope(res.json, 0);
    expect((await bearerCall(sb, t.access_token, { path: 'get_reviews' })).json.code).toBe(16);
    expect((await token({ grant_type: 'refresh_token', ...creds(), refresh_token: t.refresh_token })).json.code).toBe(16);
    expect(sb.webhooks()).toEqual([expect.objectContaining({ url: 'https://shop.example/h', platform_id: 0 })]);
    expect((await info({ shop_id: shop.id })).json.data.is_authorized).toBe(false);
    expect((await install({ shop_id: shop.id })).json.data.is_installed).toBe(1); // documented: not re-verified
  });

  test('cancel_authorization (inferred path) with client credentials', async () => {
    const t = await tokensFor({ shop: 1 });
    const res = await plainCall(sb, { path: 'oauth/cancel_authorization', body: { ...creds(), shop_id: sb.shops[1].id } });
    expectEnvelope(res.json, 0);
    expect((await bearerCall(sb, t.access_token, { path: 'get_reviews' })).json.code).toBe(16);
    expect((await plainCall(sb, { path: 'oauth/cancel_authorization', body: { ...creds(), shop_id: sb.shops[1].id } })).json.code).toBe(5);
  });

  test('validation: credentials 16, shop missing 3, unknown 5, mismatched id/domain 3', async () => {
    expect((await plainCall(sb, { path: 'get_shop_authorization_info', query: { client_id: sb.platform.clientId, client_secret: 'bad', shop_id: sb.shops[0].id } })).json.code).toBe(16);
    expect((await info({})).json.code).toBe(3);
    expect((await info({ shop_id: '42' })).json.code).toBe(5);
    expect((await info({ myshopify_domain: 'nope.myshopify.com' })).json.code).toBe(5);
    expect((await info({ shop_id: sb.shops[0].id, myshopify_domain: sb.shops[1].myshopifyDomain })).json.code).toBe(3);
  });
});

describe('merchant-session endpoints', () => {
  test('oauth/authorize needs the merchant JWT, then answers data{code, redirect_url, state}', async () => {
    const query = { client_id: sb.platform.clientId, redirect_uri: REDIRECT, state: 'm', scope: 'read_reviews', response_type: 'code' };
    expect((await plainCall(sb, { path: 'oauth/authorize', query })).json.code).toBe(16);
    expect((await bearerCall(sb, 'not-a-jwt', { path: 'oauth/authorize', query })).json.code).toBe(16);
    const res = await bearerCall(sb, sb.shops[1].merchantJwt, { path: 'oauth/authorize', query });
    expectEnvelope(res.json, 0);
    const { code, redirect_url: redirectUrl, state } = res.json.data;
    expect(state).toBe('m');
    expect(new URL(redirectUrl).searchParams.get('code')).toBe(code);
    const t = await token({ grant_type: 'authorization_code', ...creds(), code, redirect_uri: REDIRECT });
    expect((await bearerCall(sb, t.json.data.access_token, { path: 'get_reviews' })).json.data.page.count).toBeLessThan(15);
  });

  test('open API information / private token need the merchant JWT', async () => {
    expect((await plainCall(sb, { path: 'get_open_api_private_token' })).json.code).toBe(16);
    const pub = await bearerCall(sb, sb.shops[0].merchantJwt, { path: 'get_open_api_information' });
    expect(pub.json.data.public_token).toBe(sb.shops[0].publicToken);
    const priv = await bearerCall(sb, sb.shops[0].merchantJwt, { path: 'get_open_api_private_token' });
    expect(priv.json.data.private_token).toBe(sb.shops[0].privateToken);
  });
});
