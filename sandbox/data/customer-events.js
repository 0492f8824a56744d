'use strict';

const { createRng } = require('../lib/random');
const { formatDateTime } = require('../lib/time');
const { EVENT_TYPES, OS_TYPES, EVENT_SOURCES } = require('./catalog');

const START = Date.UTC(2026, 0, 1, 0, 0, 0);
const END = Date.UTC(2026, 4, 31, 23, 0, 0);

// inferred: the CustomerEvent schema was not retrievable; these names cover the documented filters
// (event_type, os_type, event_source) plus what a storefront analytics row usually holds.
const EVENT_FIELDS = ['id', 'event_type', 'event_source', 'os_type', 'customer_id', 'product_id', 'review_id', 'page_url', 'created_at'];

function toEventJson(e) {
  const out = {};
  for (const k of EVENT_FIELDS) out[k] = e[k];
  return out;
}

function generateEvents(seed, shop, customers, reviews, count, firstId) {
  const rng = createRng(seed, `events/${shop.key}`);
  const times = [];
  for (let i = 0; i < count; i++) times.push(Math.floor((START + rng.next() * (END - START)) / 1000) * 1000);
  times.sort((a, b) => a - b);
  let id = firstId;
  const events = times.map((at) => {
    const type = rng.weighted(EVENT_TYPES.map((t, i) => [t, i === 0 ? 30 : 8]));
    const product = rng.chance(0.85) ? rng.pick(shop.products) : null;
    const review = reviews.length && ['CLICK_REVIEW', 'EXPAND_CONTENT', 'CLICK_MEDIA'].includes(type) ? rng.pick(reviews) : null;
    const row = {
      _shopId: shop.id,
      _createdMs: at,
      id: String(id),
      event_type: type,
      event_source: rng.weighted([[EVENT_SOURCES[0], 80], [EVENT_SOURCES[1], 15], [EVENT_SOURCES[2], 5]]),
      os_type: rng.weighted([[OS_TYPES[0], 35], [OS_TYPES[1], 30], [OS_TYPES[2], 20], [OS_TYPES[3], 12], [OS_TYPES[4], 3]]),
      customer_id: rng.chance(0.4) ? rng.pick(customers).customer_id : '',
      product_id: product ? product.id : '0',
      review_id: review ? review.id : '',
      page_url: product ? `https://${shop.myshopifyDomain}/products/${product.handle}` : `https://${shop.myshopifyDomain}/`,
      created_at: formatDateTime(at),
    };
    id += rng.int(1, 4);
    return row;
  });
  return { events, nextId: id };
}

module.exports = { generateEvents, toEventJson, EVENT_FIELDS };
