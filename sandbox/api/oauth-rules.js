'use strict';

const { invalidArgument, notFound } = require('../lib/errors');
const { isHttpUrl } = require('../lib/fields');
const { splitScopes } = require('../state/oauth');

/**
 * redirect_uri rule: the real registration rules are UNKNOWN. inferred: when the platform has no
 * registered list, any absolute http(s) URL (loopback included) is accepted; otherwise exact match.
 */
function checkRedirectUri(platform, uri) {
  if (uri === undefined || uri === '') throw invalidArgument('redirect_uri is required');
  if (!isHttpUrl(uri)) throw invalidArgument('redirect_uri must be an absolute http(s) URL');
  if (new URL(uri).hash) throw invalidArgument('redirect_uri must not contain a fragment');
  if (platform.redirectUris && platform.redirectUris.length && !platform.redirectUris.includes(uri)) {
    throw invalidArgument('redirect_uri is not registered for this client');
  }
  return uri;
}

/** Scopes: space or comma separated (separator UNKNOWN); each must be one the platform may ask for. */
function checkScopes(platform, scope) {
  const list = splitScopes(scope);
  if (!list.length) throw invalidArgument(`scope is required, among ${platform.scopes.join(', ')}`);
  for (const s of list) if (!platform.scopes.includes(s)) throw invalidArgument(`scope ${s} is not allowed; allowed: ${platform.scopes.join(', ')}`);
  return list;
}

/**
 * A shop named by shop_id and/or myshopify_domain (platform endpoints).
 * @returns {object} shop
 */
function resolveShop(store, shopId, domain) {
  const hasId = shopId !== undefined && shopId !== null && shopId !== '';
  const hasDomain = domain !== undefined && domain !== null && domain !== '';
  if (!hasId && !hasDomain) throw invalidArgument('shop_id or myshopify_domain is required');
  let byId;
  let byDomain;
  if (hasId) {
    if (!/^\d+$/.test(String(shopId))) throw invalidArgument('shop_id must be a numeric id');
    byId = store.shopById(String(shopId));
    if (!byId) throw notFound(`shop ${shopId}`);
  }
  if (hasDomain) {
    if (typeof domain !== 'string') throw invalidArgument('myshopify_domain must be a string');
    byDomain = store.shopByDomain(domain);
    if (!byDomain) throw notFound(`shop ${domain}`);
  }
  if (byId && byDomain && byId !== byDomain) throw invalidArgument('shop_id and myshopify_domain name different shops');
  return byId || byDomain;
}

module.exports = { checkRedirectUri, checkScopes, resolveShop };
