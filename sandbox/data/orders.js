'use strict';

const { createRng } = require('../lib/random');
const { formatDateTime } = require('../lib/time');

const DAY = 86400000;
const START = Date.UTC(2025, 5, 1, 0, 0, 0);
const END = Date.UTC(2026, 4, 31, 23, 0, 0);

/**
 * Review-request status of an order, the `type` filter of get_orders:
 * 1 waiting, 2 scheduled, 3 sent, 4 opened, 5 evaluated (reviewed), 6 cancelled.
 */
const ORDER_TYPES = { 1: 'waiting', 2: 'scheduled', 3: 'sent', 4: 'opened', 5: 'evaluated', 6: 'cancelled' };

// inferred: the V1 doc shows 9 fields per order but their names were not retrievable; these 9 are
// plausible names for a review-request order row.
const ORDER_FIELDS = ['order_id', 'order_name', 'customer_name', 'customer_email', 'products', 'type', 'sent_at', 'created_at', 'updated_at'];

function toOrderJson(o) {
  const out = {};
  for (const k of ORDER_FIELDS) out[k] = o[k];
  out.products = o.products.map((p) => ({ ...p }));
  return out;
}

function generateOrders(seed, shop, customers, count) {
  const rng = createRng(seed, `orders/${shop.key}`);
  const times = [];
  for (let i = 0; i < count; i++) times.push(Math.floor((START + rng.next() * (END - START)) / 1000) * 1000);
  times.sort((a, b) => a - b);
  let orderId = shop.key === 'main' ? 5601234560001 : 5609876540001;
  return times.map((created, i) => {
    const customer = rng.pick(customers);
    const products = rng.sample(shop.products, rng.int(1, Math.min(3, shop.products.length)))
      .map((p) => ({ product_id: p.id, product_handle: p.handle, product_title: p.title }));
    const type = rng.weighted([[1, 10], [2, 12], [3, 25], [4, 18], [5, 28], [6, 7]]);
    const sentMs = type >= 3 && type <= 5 ? created + rng.int(5, 14) * DAY + rng.int(0, 86399) * 1000 : null;
    const updatedMs = sentMs ? sentMs + (type >= 4 ? rng.int(1, 5) * DAY : 0) : created + rng.int(0, 2) * DAY;
    const row = {
      _shopId: shop.id,
      _createdMs: created,
      _sentMs: sentMs,
      _numericId: orderId,
      order_id: String(orderId),
      order_name: `#${1001 + i}`,
      customer_name: `${customer.first_name} ${customer.last_name}`.trim(),
      customer_email: customer.email,
      products,
      type,
      sent_at: sentMs ? formatDateTime(sentMs) : null,
      created_at: formatDateTime(created),
      updated_at: formatDateTime(updatedMs),
    };
    orderId += rng.int(1, 50);
    return row;
  });
}

module.exports = { generateOrders, toOrderJson, ORDER_TYPES, ORDER_FIELDS };
