'use strict';

const crypto = require('crypto');
const { SHOP_FIXTURES } = require('./catalog');
const { deriveBytes } = require('../lib/random');

const b64url = (buf) => Buffer.from(buf).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** A merchant admin session JWT stand-in (HS256 over a sandbox secret); only equality is checked. */
function merchantJwtFor(seed, shop) {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ shop_id: shop.id, myshopify_domain: shop.myshopifyDomain, role: 'owner', iat: 1767225600 }));
  const sig = b64url(crypto.createHmac('sha256', deriveBytes(seed, 'merchant-jwt', 32)).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${sig}`;
}

/**
 * Shops with tokens derived from the seed, so a given seed always yields the same credentials.
 * Public token format follows the doc example (base64 of 16 bytes); the private token format is
 * UNKNOWN (inferred: 32 lowercase hex chars).
 */
function buildShops(seed) {
  return SHOP_FIXTURES.map((f, index) => {
    const shop = {
      index,
      key: f.key,
      id: f.id,
      name: f.name,
      myshopifyDomain: f.myshopifyDomain,
      publicToken: deriveBytes(seed, `shop/${f.key}/public`, 16).toString('base64'),
      privateToken: deriveBytes(seed, `shop/${f.key}/private`, 16).toString('hex'),
      products: f.products.map((p) => ({ ...p })),
    };
    shop.merchantJwt = merchantJwtFor(seed, shop);
    return shop;
  });
}

// Scope names: documented ones plus inferred names for orders/customers (section 4.4).
const ALL_SCOPES = Object.freeze([
  'read_reviews', 'write_reviews', 'read_customer_events', 'write_customers', 'read_shop_install_status',
  'read_orders', // inferred
  'read_customers', // inferred
]);

/** The OAuth client a platform receives at onboarding. */
function buildPlatform(seed) {
  return {
    platformId: 1001,
    name: 'Sandbox Automation Platform',
    clientId: `tw_${deriveBytes(seed, 'platform/client-id', 8).toString('hex')}`,
    clientSecret: deriveBytes(seed, 'platform/client-secret', 24).toString('hex'),
    // Empty = any http(s) redirect_uri is accepted (the sandbox cannot know the caller's callback).
    redirectUris: [],
    scopes: ALL_SCOPES.slice(),
  };
}

module.exports = { buildShops, buildPlatform, ALL_SCOPES };
