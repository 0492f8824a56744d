'use strict';

const { createRng } = require('../lib/random');
const { formatDateTime } = require('../lib/time');
const { AUTHORS, TITLES, CONTENT, STORE_CONTENT, REPLIES } = require('./catalog');

const WINDOW_START = Date.UTC(2024, 0, 5, 8, 0, 0);
const WINDOW_END = Date.UTC(2026, 4, 31, 20, 0, 0);
const DAY = 86400000;

/** Field order of the Review object (section 7); product_title is inferred. */
const REVIEW_FIELDS = ['id', 'product_id', 'product_handle', 'product_title', 'rating', 'author', 'author_email',
  'author_country', 'title', 'content', 'commented_at', 'created_at', 'updated_at', 'is_verified', 'is_featured',
  'is_published', 'is_top', 'source', 'item_type', 'media', 'reply'];

/** Public JSON of a stored review (internal bookkeeping keys start with '_'). */
function toReviewJson(r) {
  const out = {};
  for (const k of REVIEW_FIELDS) out[k] = r[k];
  out.media = r.media.map((m) => ({ ...m }));
  out.reply = r.reply ? { ...r.reply } : null;
  return out;
}

function emailFor(author, n) {
  const ascii = author.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');
  return `${ascii || `customer${n}`}@example.com`;
}

function mediaFor(rng, shopId, id) {
  const media = [];
  // inferred: media[].type 1 = image, 2 = video (only "type" is documented).
  if (rng.chance(0.05)) {
    media.push({
      url: `https://img.trustoo.io/review/${shopId}/${id}.mp4`,
      thumbnail_url: `https://img.trustoo.io/review/${shopId}/${id}_video_thumb.jpg`,
      type: 2,
      is_published: 1,
    });
  }
  const images = rng.chance(0.25) ? rng.int(1, 3) : 0;
  for (let i = 1; i <= images; i++) {
    media.push({
      url: `https://img.trustoo.io/review/${shopId}/${id}_${i}.jpg`,
      thumbnail_url: `https://img.trustoo.io/review/${shopId}/${id}_${i}_thumb.jpg`,
      type: 1,
      is_published: rng.chance(0.95) ? 1 : 0,
    });
  }
  return media;
}

const SOURCE_WEIGHTS = [
  ['Email request', 35], ['Store front', 25], ['AliExpress', 6], ['Amazon', 6], ['Store link', 5], ['Auto', 4],
  ['QR Code', 3], ['Shop', 3], ['Shopee', 2], ['ChatWILL', 2],
];
const IMPORTED = new Set(['CSV uploaded', 'AliExpress', 'Amazon', 'Shopee']);
const VERIFIED_SOURCES = new Set(['Email request', 'Auto', 'Shop']);

/**
 * Deterministic reviews for one shop, ordered by creation, with ids increasing in that order.
 * A few CSV imports share one created_at to exercise the id tie-break of sort_by.
 * @param {number} seed
 * @param {{id:string, key:string, products:Array}} shop
 * @param {number} count
 * @param {number} firstId
 */
function generateReviews(seed, shop, count, firstId) {
  const rng = createRng(seed, `reviews/${shop.key}`);
  const slots = [];
  const batches = count >= 40 ? 3 : count >= 12 ? 1 : 0;
  for (let b = 0; b < batches; b++) {
    const at = Math.floor((WINDOW_START + rng.next() * (WINDOW_END - WINDOW_START)) / 1000) * 1000;
    const size = Math.min(rng.int(4, 10), count - slots.length);
    for (let i = 0; i < size; i++) slots.push({ at, source: 'CSV uploaded' });
  }
  while (slots.length < count) {
    const at = Math.floor((WINDOW_START + rng.next() * (WINDOW_END - WINDOW_START)) / 1000) * 1000;
    slots.push({ at, source: rng.weighted(SOURCE_WEIGHTS) });
  }
  slots.sort((a, b) => a.at - b.at);

  let nextId = firstId;
  const reviews = slots.map((slot, n) => {
    const id = String(nextId);
    nextId += rng.int(1, 7);
    const isStore = rng.chance(0.15);
    const product = isStore ? null : rng.pick(shop.products);
    const rating = rng.weighted([[5, 56], [4, 21], [3, 9], [2, 5], [1, 9]]);
    const [author, country] = rng.pick(AUTHORS);
    const commentedMs = IMPORTED.has(slot.source) ? slot.at - rng.int(1, 400) * DAY - rng.int(0, 86399) * 1000 : slot.at - rng.int(0, 120) * 1000;
    const replyChance = rating <= 2 ? 0.6 : 0.12;
    let reply = null;
    let updatedMs = slot.at;
    if (rng.chance(replyChance)) {
      const replyMs = Math.min(slot.at + rng.int(1, 10) * DAY + rng.int(0, 86399) * 1000, WINDOW_END + DAY);
      reply = { content: rng.pick(REPLIES), reply_at: formatDateTime(replyMs) };
      updatedMs = replyMs;
    }
    const storePool = rating >= 4 ? STORE_CONTENT.good : rating === 3 ? STORE_CONTENT.mixed : STORE_CONTENT.bad;
    const contentPool = isStore ? storePool : CONTENT[rating];
    const sentences = isStore ? 1 : rng.int(1, 2);
    const content = rng.sample(contentPool, sentences).join(' ');
    return {
      _shopId: shop.id,
      _createdMs: slot.at,
      id,
      // inferred: store reviews carry product_id "0" (create_review doc: 0 = store review) and empty product fields.
      product_id: product ? product.id : '0',
      product_handle: product ? product.handle : '',
      product_title: product ? product.title : '',
      rating,
      author,
      author_email: rng.chance(0.8) ? emailFor(author, n) : '',
      author_country: country,
      title: rng.pick(TITLES[rating]),
      content,
      commented_at: formatDateTime(commentedMs),
      created_at: formatDateTime(slot.at),
      updated_at: formatDateTime(updatedMs),
      is_verified: VERIFIED_SOURCES.has(slot.source) || rng.chance(0.3) ? 1 : 0,
      is_featured: rating === 5 && rng.chance(0.12) ? 1 : 0,
      is_published: rng.chance(0.93) ? 1 : 0,
      is_top: 0,
      source: slot.source,
      item_type: product && rng.chance(0.8) ? rng.pick(product.variants) : '',
      media: mediaFor(rng, shop.id, id),
      reply,
      _extra: {},
    };
  });
  // A couple of pinned reviews, as merchants usually pin a handful.
  const fiveStars = reviews.filter((r) => r.rating === 5 && r.is_published === 1);
  for (const r of rng.sample(fiveStars, Math.min(3, fiveStars.length))) r.is_top = 1;
  return { reviews, nextId };
}

module.exports = { generateReviews, toReviewJson, REVIEW_FIELDS, WINDOW_START, WINDOW_END };
