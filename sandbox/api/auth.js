'use strict';

const crypto = require('crypto');
const { unauthenticated } = require('../lib/errors');
const { signRequest, canonicalQuery, hexEquals } = require('../lib/signature');
const { splitScopes } = require('../state/oauth');

const TIMESTAMP_WINDOW_S = 15 * 60;

/** Header value or undefined; Node lowercases incoming header names, so lookup is case-insensitive. */
function header(req, name) {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Open API auth. Doc V6 selection rule: a non-empty Authorization header means OAuth Bearer,
 * otherwise the HMAC headers are used.
 * @param {import('./context').ApiContext} ctx
 */
function authenticateShopRequest(ctx) {
  const authz = header(ctx.req, 'authorization');
  if (authz !== undefined && authz !== '') return authenticateBearer(ctx, authz);
  return authenticateSignature(ctx);
}

function authenticateSignature(ctx) {
  ctx.log.auth = 'signature';
  const publicToken = header(ctx.req, 'public-token');
  const timestamp = header(ctx.req, 'timestamp');
  const sign = header(ctx.req, 'sign');
  for (const [name, value] of [['Public-Token', publicToken], ['Timestamp', timestamp], ['Sign', sign]]) {
    if (value === undefined || value === '') throw unauthenticated(`missing ${name} header`);
  }
  const shop = ctx.store.shopByPublicToken(publicToken);
  if (!shop) throw unauthenticated('unknown Public-Token');
  ctx.log.shopId = shop.id;
  if (!/^\d{1,16}$/.test(timestamp)) throw unauthenticated('Timestamp must be unix time in seconds');
  const skew = Number(timestamp) - Math.floor(ctx.nowMs / 1000);
  if (skew < -TIMESTAMP_WINDOW_S) throw unauthenticated('Timestamp is older than 15 minutes');
  if (skew > TIMESTAMP_WINDOW_S) {
    const hint = timestamp.length >= 13 ? ' (it looks like milliseconds; send seconds)' : '';
    throw unauthenticated(`Timestamp is more than 15 minutes in the future${hint}`);
  }
  // inferred: the docs show lowercase hex only, so uppercase hex is refused like any other non-match.
  if (!/^[0-9a-f]{64}$/.test(sign)) throw unauthenticated('Sign must be 64 lowercase hex characters (HMAC-SHA256)');
  // Kept in the request log (not in the answer) so tests and humans can see what was signed.
  ctx.log.signedString = canonicalQuery(ctx.pairs, timestamp) + (ctx.rawBody.length ? `|<${ctx.rawBody.length} body bytes>` : '');
  const expected = signRequest(shop.privateToken, ctx.pairs, timestamp, ctx.rawBody);
  if (!hexEquals(expected, sign)) throw unauthenticated('signature mismatch');
  ctx.shop = shop;
  ctx.owner = { shopId: shop.id, platformId: 0 };
  ctx.log.authOk = true;
}

function authenticateBearer(ctx, authz) {
  ctx.log.auth = 'bearer';
  // inferred: the scheme name is case-insensitive as in RFC 6750.
  const m = /^Bearer\s+(\S+)$/i.exec(authz.trim());
  if (!m) throw unauthenticated('Authorization header must be "Bearer <access_token>"');
  const rec = ctx.store.oauth.checkAccess(m[1], ctx.nowMs);
  if (typeof rec === 'string') throw unauthenticated(rec);
  const shop = ctx.store.shopById(rec.shopId);
  ctx.log.shopId = shop.id;
  ctx.log.platformId = rec.platformId;
  ctx.shop = shop;
  ctx.token = rec;
  ctx.owner = { shopId: shop.id, platformId: rec.platformId };
  ctx.log.authOk = true;
}

/** Bearer-only endpoints (disconnect). */
function authenticateBearerOnly(ctx) {
  const authz = header(ctx.req, 'authorization');
  if (authz === undefined || authz === '') {
    ctx.log.auth = 'none';
    throw unauthenticated('this endpoint needs Authorization: Bearer <access_token>');
  }
  return authenticateBearer(ctx, authz);
}

/**
 * Scope enforcement for Bearer calls (section 4.4). HMAC calls act as the shop owner and have
 * every right. inferred: a missing scope is code 16 with a message naming the scope.
 */
function requireScope(ctx, scope) {
  if (ctx.log.auth !== 'bearer') return;
  if (!splitScopes(ctx.token.scope).includes(scope)) {
    throw unauthenticated(`access token lacks the ${scope} scope`);
  }
}

function secretEquals(a, b) {
  const x = crypto.createHash('sha256').update(String(a)).digest();
  const y = crypto.createHash('sha256').update(String(b)).digest();
  return crypto.timingSafeEqual(x, y);
}

/**
 * Platform client credentials (body or query, per endpoint).
 * inferred: missing or wrong credentials are code 16 (unauthenticated), not 3.
 * @param {{requireSecret?: boolean}} [o]
 */
function authenticateClient(ctx, clientId, clientSecret, o = {}) {
  const requireSecret = o.requireSecret !== false;
  const platform = ctx.store.platform;
  if (typeof clientId !== 'string' || clientId === '') throw unauthenticated('client_id is required');
  if (clientId !== platform.clientId) throw unauthenticated('unknown client_id');
  if (requireSecret) {
    if (typeof clientSecret !== 'string' || clientSecret === '') throw unauthenticated('client_secret is required');
    if (!secretEquals(clientSecret, platform.clientSecret)) throw unauthenticated('invalid client_secret');
  }
  ctx.log.platformId = platform.platformId;
  ctx.log.authOk = true;
  return platform;
}

/** Merchant admin JWT session (Trustoo's own admin UI). */
function authenticateMerchant(ctx) {
  const authz = header(ctx.req, 'authorization') || '';
  const m = /^Bearer\s+(\S+)$/i.exec(authz.trim());
  const shop = m && ctx.store.shops.find((s) => s.merchantJwt === m[1]);
  if (!shop) throw unauthenticated('this endpoint needs the merchant\'s Trustoo admin session (JWT)');
  ctx.log.shopId = shop.id;
  ctx.log.authOk = true;
  ctx.shop = shop;
  return shop;
}

module.exports = {
  header, authenticateShopRequest, authenticateBearerOnly, authenticateClient, authenticateMerchant, requireScope,
};
