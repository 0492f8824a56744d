'use strict';

const { invalidArgument, unauthenticated, rejected } = require('../lib/errors');
const { RawJson } = require('../lib/envelope');
const { authenticateClient } = require('./auth');
const { checkRedirectUri, checkScopes, resolveShop } = require('./oauth-rules');

const GRANTS = ['authorization_code', 'refresh_token', 'client_credentials'];

/** Builds the consent URL. UNKNOWN in the docs: the real host/path; the sandbox serves its own page. */
function consentUrl(baseUrl, { clientId, redirectUri, state, scope }) {
  const qs = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri });
  if (state !== undefined) qs.set('state', state);
  qs.set('scope', scope);
  qs.set('response_type', 'code'); // inferred value
  return `${baseUrl}/sandbox/oauth/consent?${qs.toString()}`;
}

/** GET /api/v1/openapi/get_oauth_authorize_url?client_id&redirect_uri&state&scope */
function getAuthorizeUrl(ctx) {
  const q = ctx.query;
  const platform = authenticateClient(ctx, q.get('client_id'), undefined, { requireSecret: false });
  const redirectUri = checkRedirectUri(platform, q.get('redirect_uri'));
  const scope = q.get('scope');
  checkScopes(platform, scope);
  return { authorize_url: consentUrl(ctx.baseUrl, { clientId: platform.clientId, redirectUri, state: q.get('state'), scope }) };
}

function tokenData(pair, ttlSeconds) {
  return {
    access_token: pair.access.token,
    token_type: 'Bearer',
    expires_in: ttlSeconds,
    refresh_token: pair.refresh.token,
    // inferred: the scope string is echoed as it was requested (separator UNKNOWN).
    scope: pair.access.scope,
  };
}

function requireString(body, name, why) {
  const v = body[name];
  if (typeof v !== 'string' || v === '') throw invalidArgument(`${name} is required${why ? ` for ${why}` : ''}`);
  return v;
}

/**
 * POST /api/v1/openapi/oauth/token. JSON body only: a form-encoded body is not JSON and gets code 3,
 * exactly like any other endpoint (the docs show only application/json).
 */
function token(ctx) {
  const body = ctx.jsonObject();
  const platform = authenticateClient(ctx, body.client_id, body.client_secret);
  const grant = body.grant_type;
  if (grant === undefined || grant === null || grant === '') throw invalidArgument(`grant_type is required, one of ${GRANTS.join(', ')}`);
  if (!GRANTS.includes(grant)) throw invalidArgument(`grant_type must be one of ${GRANTS.join(', ')}`);
  const ttl = ctx.opts.accessTokenTtlSeconds;
  const { oauth } = ctx.store;

  if (grant === 'authorization_code') {
    const code = requireString(body, 'code', 'grant_type authorization_code');
    const redirectUri = requireString(body, 'redirect_uri', 'grant_type authorization_code');
    const rec = oauth.consumeCode(code, platform.clientId, redirectUri, ctx.nowMs);
    // inferred: every invalid_grant case (unknown, used, expired, redirect mismatch) is code 16.
    if (typeof rec === 'string') throw unauthenticated(rec);
    oauth.authorize(platform.platformId, rec.shopId, rec.scope, ctx.nowMs);
    ctx.log.shopId = rec.shopId;
    return tokenData(oauth.issue({ platformId: platform.platformId, clientId: platform.clientId, shopId: rec.shopId, scope: rec.scope, nowMs: ctx.nowMs, ttlSeconds: ttl }), ttl);
  }

  if (grant === 'refresh_token') {
    const refreshToken = requireString(body, 'refresh_token', 'grant_type refresh_token');
    // UNKNOWN in the docs: rotation -> mode refreshRotation.
    const pair = oauth.refresh({ refreshToken, clientId: platform.clientId, nowMs: ctx.nowMs, ttlSeconds: ttl, rotation: ctx.opts.refreshRotation });
    if (typeof pair === 'string') throw unauthenticated(pair);
    ctx.log.shopId = pair.access.shopId;
    return tokenData(pair, ttl);
  }

  // client_credentials: V6 "special platforms" flagged skip_shop_oauth=1 only (mode skipShopOauth).
  if (!ctx.opts.skipShopOauth) throw rejected('grant_type client_credentials is only available to platforms with skip_shop_oauth=1');
  const shop = resolveShop(ctx.store, body.shop_id, body.myshopify_domain);
  // inferred: the grant creates the shop authorization; without scope every platform scope is granted.
  const scope = body.scope === undefined || body.scope === '' ? platform.scopes.join(',') : body.scope;
  if (typeof scope !== 'string') throw invalidArgument('scope must be a string');
  checkScopes(platform, scope);
  oauth.authorize(platform.platformId, shop.id, scope, ctx.nowMs);
  ctx.log.shopId = shop.id;
  return tokenData(oauth.issue({ platformId: platform.platformId, clientId: platform.clientId, shopId: shop.id, scope, nowMs: ctx.nowMs, ttlSeconds: ttl }), ttl);
}

/** POST /api/v1/openapi/oauth_revoke_token {client_id, client_secret, token} */
function revokeToken(ctx) {
  const body = ctx.jsonObject();
  const platform = authenticateClient(ctx, body.client_id, body.client_secret);
  const t = requireString(body, 'token');
  ctx.store.oauth.revoke(t, platform.clientId);
  // UNKNOWN in the docs: the V5 example answer is `{}` -> mode revokeResponse ('envelope' | 'empty').
  if (ctx.opts.revokeResponse === 'empty') return new RawJson({});
  return {};
}

module.exports = { getAuthorizeUrl, token, revokeToken, consentUrl };
