'use strict';

const { notFound, unauthenticated } = require('../lib/errors');
const { formatIso } = require('../lib/time');
const { authenticateClient } = require('./auth');
const { resolveShop } = require('./oauth-rules');

/** Removes a platform's access to a shop: authorization, tokens, and (inferred) its webhooks. */
function removeAuthorization(ctx, platformId, shopId) {
  const had = ctx.store.oauth.disconnect(platformId, shopId);
  ctx.store.webhooks.removePlatformShop(platformId, shopId);
  return had;
}

/** POST /api/v1/openapi/oauth/disconnect (Bearer) */
function disconnect(ctx) {
  removeAuthorization(ctx, ctx.owner.platformId, ctx.owner.shopId);
  return {}; // UNKNOWN in the docs: answer data; inferred empty object
}

/**
 * Cancel Platform Authorization. UNKNOWN in the docs: path and parameters; inferred
 * POST /api/v1/openapi/oauth/cancel_authorization {client_id, client_secret, shop_id | myshopify_domain}.
 */
function cancelAuthorization(ctx) {
  const body = ctx.jsonObject();
  const platform = authenticateClient(ctx, body.client_id, body.client_secret);
  const shop = resolveShop(ctx.store, body.shop_id, body.myshopify_domain);
  ctx.log.shopId = shop.id;
  // inferred: cancelling a shop that is not authorized is code 5.
  if (!removeAuthorization(ctx, platform.platformId, shop.id)) throw notFound(`no active authorization for shop ${shop.id}`);
  return {};
}

/** GET /api/v1/openapi/get_shop_authorization_info?client_id&client_secret&shop_id|myshopify_domain */
function getShopAuthorizationInfo(ctx) {
  const q = ctx.query;
  const platform = authenticateClient(ctx, q.get('client_id'), q.get('client_secret'));
  const shop = resolveShop(ctx.store, q.get('shop_id'), q.get('myshopify_domain'));
  ctx.log.shopId = shop.id;
  const auth = ctx.store.oauth.authorization(platform.platformId, shop.id);
  return {
    is_authorized: Boolean(auth),
    // inferred: empty strings when not authorized.
    authorized_at: auth ? formatIso(auth.authorizedAt) : '',
    granted_scopes: auth ? auth.scope : '',
    shop_id: shop.id,
    myshopify_domain: shop.myshopifyDomain,
  };
}

/**
 * GET /api/v1/openapi/get_shop_install_status. V6 names scope read_shop_install_status; as the call
 * carries no token, inferred: the platform itself must hold that scope. Does not check that the
 * authorization is still current (documented): an install stays recorded after disconnect.
 */
function getShopInstallStatus(ctx) {
  const q = ctx.query;
  const platform = authenticateClient(ctx, q.get('client_id'), q.get('client_secret'));
  if (!platform.scopes.includes('read_shop_install_status')) throw unauthenticated('client lacks the read_shop_install_status scope');
  const shop = resolveShop(ctx.store, q.get('shop_id'), q.get('myshopify_domain'));
  ctx.log.shopId = shop.id;
  const inst = ctx.store.oauth.install(platform.platformId, shop.id);
  // inferred: installed_at in ISO-8601 Z like authorized_at; '' when never installed.
  return { is_installed: inst ? 1 : 0, installed_at: inst ? formatIso(inst.installedAt) : '' };
}

module.exports = { disconnect, cancelAuthorization, getShopAuthorizationInfo, getShopInstallStatus, removeAuthorization };
