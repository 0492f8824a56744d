'use strict';

const { invalidArgument } = require('../lib/errors');
const { authenticateMerchant, authenticateClient } = require('./auth');
const { checkRedirectUri, checkScopes } = require('./oauth-rules');

/**
 * Redirect target with code and state appended to whatever query the redirect_uri already has.
 */
function withParams(uri, params) {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

/**
 * GET /api/v1/openapi/oauth/authorize — called by Trustoo's admin UI with the merchant JWT.
 * Seed version: answers data{code, redirect_url, state}.
 */
function merchantAuthorize(ctx) {
  const shop = authenticateMerchant(ctx);
  const q = ctx.query;
  const platform = authenticateClient(ctx, q.get('client_id'), undefined, { requireSecret: false });
  const redirectUri = checkRedirectUri(platform, q.get('redirect_uri'));
  const scope = q.get('scope');
  checkScopes(platform, scope);
  const rt = q.getNonEmpty('response_type');
  if (rt !== undefined && rt !== 'code') throw invalidArgument('response_type must be code'); // inferred value
  const state = q.get('state');
  const code = ctx.store.oauth.createCode({ platformId: platform.platformId, clientId: platform.clientId, shopId: shop.id, redirectUri, scope, nowMs: ctx.nowMs });
  return { code, redirect_url: withParams(redirectUri, { code, state }), state: state === undefined ? '' : state };
}

/** GET /api/v1/openapi/get_open_api_information (merchant session). inferred answer shape. */
function openApiInformation(ctx) {
  const shop = authenticateMerchant(ctx);
  return { public_token: shop.publicToken, shop_id: shop.id, myshopify_domain: shop.myshopifyDomain };
}

/** GET /api/v1/openapi/get_open_api_private_token (merchant session). inferred answer shape. */
function openApiPrivateToken(ctx) {
  const shop = authenticateMerchant(ctx);
  return { private_token: shop.privateToken };
}

module.exports = { merchantAuthorize, openApiInformation, openApiPrivateToken, withParams };
