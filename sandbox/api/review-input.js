'use strict';

const { invalidArgument } = require('../lib/errors');
const { formatDateTime, parseDateTime } = require('../lib/time');
const { isPlainObject, charLength, isHttpUrl, isEmail, optionalString, optionalFlag, optionalNumericId } = require('../lib/fields');
const { REVIEW_SOURCES } = require('../data/catalog');

const MAX_MEDIA = 10; // V2/V3: images <= 10; inferred to apply to the V6 media array

function parseRating(v) {
  if (v === undefined || v === null) throw invalidArgument('rating is required (an integer 1-5)');
  // inferred: a typed server rejects "5" (string) for an integer field.
  if (!Number.isInteger(v) || v < 1 || v > 5) throw invalidArgument('rating must be an integer 1-5');
  return v;
}

function parseAuthor(v) {
  if (v === undefined || v === null || v === '') throw invalidArgument('author is required (a string of at most 120 characters)');
  if (typeof v !== 'string') throw invalidArgument('author must be a string');
  if (charLength(v) > 120) throw invalidArgument('author must be at most 120 characters');
  return v;
}

function parseDateTimeField(obj, name, fallbackMs) {
  const v = obj[name];
  if (v === undefined || v === null || v === '') return formatDateTime(fallbackMs);
  if (parseDateTime(v) === null) throw invalidArgument(`${name} must be a date-time 'YYYY-MM-DD HH:MM:SS'`);
  return v;
}

function parseSource(v, fallback) {
  if (v === undefined || v === null || v === '') return fallback;
  if (!REVIEW_SOURCES.includes(v)) throw invalidArgument(`source must be one of ${REVIEW_SOURCES.join(', ')}`);
  return v;
}

/**
 * V6 media form: an array of {url, thumbnail_url, type, is_published}. The V2/V3 object form
 * ({images[], thumbnails[], video, video_thumbnail}) is superseded by V6 and refused.
 */
function parseMedia(v) {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalidArgument('media must be an array of {url, thumbnail_url, type, is_published}');
  if (v.length > MAX_MEDIA) throw invalidArgument(`media must have at most ${MAX_MEDIA} items`);
  return v.map((m, i) => {
    const at = `media[${i}]`;
    if (!isPlainObject(m)) throw invalidArgument(`${at} must be an object {url, thumbnail_url, type, is_published}`);
    if (!isHttpUrl(m.url)) throw invalidArgument(`${at}.url must be an http(s) URL`);
    if (m.thumbnail_url !== undefined && m.thumbnail_url !== null && m.thumbnail_url !== '' && !isHttpUrl(m.thumbnail_url)) {
      throw invalidArgument(`${at}.thumbnail_url must be an http(s) URL`);
    }
    // inferred: type 1 = image, 2 = video.
    const type = m.type === undefined || m.type === null ? 1 : m.type;
    if (type !== 1 && type !== 2) throw invalidArgument(`${at}.type must be 1 (image) or 2 (video)`);
    const pub = m.is_published === undefined || m.is_published === null ? 1 : m.is_published;
    if (pub !== 0 && pub !== 1) throw invalidArgument(`${at}.is_published must be 0 or 1`);
    // inferred: without a thumbnail the media URL doubles as its thumbnail.
    return { url: m.url, thumbnail_url: m.thumbnail_url || m.url, type, is_published: pub };
  });
}

function parseReply(v, nowMs) {
  if (v === undefined || v === null) return null;
  if (!isPlainObject(v)) throw invalidArgument('reply must be an object {content, reply_at}');
  if (typeof v.content !== 'string' || v.content === '') throw invalidArgument('reply.content is required (a string)');
  if (charLength(v.content) > 10000) throw invalidArgument('reply.content must be at most 10000 characters');
  let replyAt = formatDateTime(nowMs);
  if (v.reply_at !== undefined && v.reply_at !== null && v.reply_at !== '') {
    if (parseDateTime(v.reply_at) === null) throw invalidArgument('reply.reply_at must be a date-time \'YYYY-MM-DD HH:MM:SS\'');
    replyAt = v.reply_at;
  }
  return { content: v.content, reply_at: replyAt };
}

/**
 * Validates a Create Review body (V6 example + V2/V3 field table) into a stored review record.
 * inferred: V6's required set is UNKNOWN; only rating and author are required, the V2/V3 "required"
 * flags (commented_at, source, is_*) get defaults. Unknown fields are ignored.
 * @param {object} body
 * @param {{shop:object, id:string, nowMs:number, defaultSource:string}} o
 */
function parseCreateReview(body, { shop, id, nowMs, defaultSource }) {
  if (!isPlainObject(body)) throw invalidArgument('request body must be a JSON object');
  const rating = parseRating(body.rating);
  const author = parseAuthor(body.author);
  const productId = optionalNumericId(body, 'product_id') || '0';
  const orderId = optionalNumericId(body, 'order_id');
  const authorEmail = optionalString(body, 'author_email', 320);
  if (authorEmail !== '' && !isEmail(authorEmail)) throw invalidArgument('author_email must be a valid email address');
  const record = {
    _shopId: shop.id,
    _createdMs: nowMs,
    id,
    product_id: productId,
    product_handle: '',
    product_title: '',
    rating,
    author,
    author_email: authorEmail,
    author_country: optionalString(body, 'author_country', 64),
    title: optionalString(body, 'title', 300),
    content: optionalString(body, 'content', 10000),
    commented_at: parseDateTimeField(body, 'commented_at', nowMs),
    created_at: formatDateTime(nowMs),
    updated_at: formatDateTime(nowMs),
    is_verified: optionalFlag(body, 'is_verified', 0),
    is_featured: optionalFlag(body, 'is_featured', 0),
    is_published: optionalFlag(body, 'is_published', 1),
    is_top: optionalFlag(body, 'is_top', 0),
    source: parseSource(body.source, defaultSource),
    item_type: optionalString(body, 'item_type', 120),
    media: parseMedia(body.media),
    reply: parseReply(body.reply, nowMs),
    // Accepted by the docs but not part of the documented Review shape; kept for inspection only.
    _extra: {
      order_id: orderId,
      author_phone: optionalString(body, 'author_phone', 64),
      tag: optionalString(body, 'tag', 255),
    },
  };
  const product = shop.products.find((p) => p.id === productId);
  // inferred: an unknown product id is accepted (Trustoo syncs products from Shopify lazily).
  if (product) {
    record.product_handle = product.handle;
    record.product_title = product.title;
  }
  return record;
}

/** Fields a store-side edit may change (admin updateReview); same rules as creation. */
function applyReviewUpdate(review, fields, nowMs) {
  if (!isPlainObject(fields)) throw invalidArgument('fields must be an object');
  if ('rating' in fields) review.rating = parseRating(fields.rating);
  if ('author' in fields) review.author = parseAuthor(fields.author);
  for (const [name, max] of [['title', 300], ['content', 10000], ['author_country', 64], ['item_type', 120]]) {
    if (name in fields) review[name] = optionalString(fields, name, max);
  }
  if ('author_email' in fields) {
    const e = optionalString(fields, 'author_email', 320);
    if (e !== '' && !isEmail(e)) throw invalidArgument('author_email must be a valid email address');
    review.author_email = e;
  }
  for (const f of ['is_verified', 'is_featured', 'is_published', 'is_top']) if (f in fields) review[f] = optionalFlag(fields, f, review[f]);
  if ('commented_at' in fields) review.commented_at = parseDateTimeField(fields, 'commented_at', nowMs);
  if ('source' in fields) review.source = parseSource(fields.source, review.source);
  if ('media' in fields) review.media = parseMedia(fields.media);
  if ('reply' in fields) review.reply = parseReply(fields.reply, nowMs);
  review.updated_at = formatDateTime(nowMs);
  return review;
}

module.exports = { parseCreateReview, applyReviewUpdate };
