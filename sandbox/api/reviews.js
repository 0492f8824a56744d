'use strict';

const { invalidArgument, notFound } = require('../lib/errors');
const { readPageParams, paginate } = require('../lib/pagination');
const { readSortBy, sortByCreated } = require('../lib/sorting');
const { toReviewJson } = require('../data/reviews');
const { REVIEW_SOURCES } = require('../data/catalog');
const { parseCreateReview } = require('./review-input');

const createdMs = (r) => r._createdMs;
const numericId = (r) => Number(r.id);

/** GET /api/v1/openapi/get_review */
function getReview(ctx) {
  ctx.requireScope('read_reviews');
  // UNKNOWN in the docs: the query name of the id -> mode reviewIdParam ('id' | 'review_id'); the other name is ignored.
  const param = ctx.opts.reviewIdParam;
  const id = ctx.query.getNonEmpty(param);
  if (id === undefined) throw invalidArgument(`${param} is required`);
  const review = ctx.store.findReview(id);
  if (!review || review._shopId !== ctx.shop.id) throw notFound(`review ${id}`);
  return toReviewJson(review);
}

function readRatings(query) {
  const values = query.getArray('ratings');
  if (!values) return undefined;
  for (const v of values) if (!/^[1-5]$/.test(v)) throw invalidArgument('ratings must be integers 1-5');
  return new Set(values.map(Number));
}

function readSources(query) {
  const values = query.getArray('sources');
  if (!values) return undefined;
  // inferred: an unknown source name is an invalid argument rather than an empty result.
  for (const v of values) if (!REVIEW_SOURCES.includes(v)) throw invalidArgument(`sources must be among ${REVIEW_SOURCES.join(', ')}`);
  return new Set(values);
}

/** GET /api/v1/openapi/get_reviews */
function getReviews(ctx) {
  ctx.requireScope('read_reviews');
  const { query } = ctx;
  const paging = readPageParams(query, ctx.opts);
  const sortBy = readSortBy(query);
  const productIds = query.getArray('product_ids');
  const isStore = query.getFlag('is_store_review');
  const keyword = query.getNonEmpty('keyword');
  const ratings = readRatings(query);
  const sources = readSources(query);

  let items = ctx.store.reviewsOf(ctx.shop.id);
  if (productIds) {
    const set = new Set(productIds);
    items = items.filter((r) => set.has(r.product_id));
  }
  // inferred: is_store_review=0 means product reviews only.
  if (isStore === 1) items = items.filter((r) => r.product_id === '0');
  if (isStore === 0) items = items.filter((r) => r.product_id !== '0');
  if (keyword !== undefined) {
    const k = keyword.toLowerCase();
    items = items.filter((r) => [r.title, r.content, r.author].some((f) => f.toLowerCase().includes(k)));
  }
  if (ratings) items = items.filter((r) => ratings.has(r.rating));
  if (sources) items = items.filter((r) => sources.has(r.source));
  // inferred: hidden (is_published 0) reviews stay listed, this is the merchant's data API.
  return paginate(sortByCreated(items, sortBy, createdMs, numericId), paging, toReviewJson);
}

/** POST /api/v1/openapi/create_review */
function createReview(ctx) {
  ctx.requireScope('write_reviews');
  const body = ctx.jsonObject();
  // inferred: reviews created through the API default to source "Shop" when none is given.
  const record = parseCreateReview(body, { shop: ctx.shop, id: ctx.store.allocateReviewId(), nowMs: ctx.nowMs, defaultSource: 'Shop' });
  ctx.store.reviews.push(record);
  ctx.sandbox._emitReviewEvent('review/created', record);
  // inferred: the doc only implies data.id (string); the whole created Review is returned.
  return toReviewJson(record);
}

/** POST /api/v1/openapi/delete_review  body {id} */
function deleteReview(ctx) {
  ctx.requireScope('write_reviews'); // inferred scope
  const body = ctx.jsonObject();
  const id = body.id;
  if (id === undefined || id === null || id === '') throw invalidArgument('id is required');
  if (!(typeof id === 'string' && /^\d+$/.test(id)) && !(Number.isSafeInteger(id) && id >= 0)) {
    throw invalidArgument('id must be a numeric string or integer');
  }
  const review = ctx.store.findReview(String(id));
  if (!review || review._shopId !== ctx.shop.id) throw notFound(`review ${id}`);
  ctx.store.removeReview(review);
  ctx.sandbox._emitReviewEvent('review/deleted', review);
  // UNKNOWN in the docs: the answer's data; inferred empty object.
  return {};
}

module.exports = { getReview, getReviews, createReview, deleteReview };
