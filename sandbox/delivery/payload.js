'use strict';

const { signWebhook } = require('../lib/signature');

/**
 * One item of a delivery body {"list":[item]}: the object plus the shop identifiers, in the order
 * of the doc example {"id":123,"my_shopify_domain":…,"shopify_shop…":…}. The example shows a
 * numeric id, so ids are numbers here even though the API answers use strings.
 * inferred: shopify_shop_id is a number too; the rest of the item fields are UNKNOWN (the object's own fields are used).
 */
function deliveryItem(objectJson, shop) {
  const { id, ...rest } = objectJson;
  return { id: Number(id), my_shopify_domain: shop.myshopifyDomain, shopify_shop_id: Number(shop.id), ...rest };
}

/**
 * Headers of one attempt. Timestamp and Sign are fresh per attempt (inferred); the RequestId is
 * the same on every retry of a delivery.
 */
function deliveryHeaders({ publicToken, key, timestamp, body, requestId }) {
  return {
    'Content-Type': 'application/json',
    // inferred: the shop's public token, also for platform webhooks ("the authorized public token").
    'Open-Trustoo-Webhook-Public-token': publicToken,
    'Open-Trustoo-Webhook-Timestamp': String(timestamp),
    'Open-Trustoo-Webhook-Sign': signWebhook(key, timestamp, body),
    'Open-Trustoo-Webhook-RequestId': requestId,
    'Content-Length': String(Buffer.byteLength(body)),
  };
}

module.exports = { deliveryItem, deliveryHeaders };
