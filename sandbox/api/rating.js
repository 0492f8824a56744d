'use strict';

const { invalidArgument } = require('../lib/errors');

/** rating_value: mean with one decimal as a string ("4.8"); "0.0" without reviews (inferred). */
function summarize(reviews) {
  const counts = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const r of reviews) {
    counts[r.rating - 1] += 1;
    sum += r.rating;
  }
  const n = reviews.length;
  const mean = n ? Math.round((sum / n) * 10) / 10 : 0;
  return {
    rating_value: mean.toFixed(1),
    review_count: n,
    star1_count: counts[0],
    star2_count: counts[1],
    star3_count: counts[2],
    star4_count: counts[3],
    star5_count: counts[4],
  };
}

/**
 * GET /api/v1/openapi/get_rating. inferred: the selectors are applied in the order
 * is_all_rating, is_all_products_rating, is_store_rating, product_id, product_handle (first one set
 * wins); none set is code 3; only published reviews count (it is the storefront rating).
 */
function getRating(ctx) {
  ctx.requireScope('read_reviews');
  const q = ctx.query;
  const all = q.getFlag('is_all_rating');
  const allProducts = q.getFlag('is_all_products_rating');
  const store = q.getFlag('is_store_rating');
  const productId = q.getNonEmpty('product_id');
  const handle = q.getNonEmpty('product_handle');
  const published = ctx.store.reviewsOf(ctx.shop.id).filter((r) => r.is_published === 1);
  let pick;
  if (all === 1) pick = published;
  else if (allProducts === 1) pick = published.filter((r) => r.product_id !== '0');
  else if (store === 1) pick = published.filter((r) => r.product_id === '0');
  else if (productId !== undefined) pick = published.filter((r) => r.product_id === productId);
  else if (handle !== undefined) pick = published.filter((r) => r.product_handle === handle && r.product_id !== '0');
  else {
    throw invalidArgument('one of product_id, product_handle, is_store_rating=1, is_all_products_rating=1, is_all_rating=1 is required');
  }
  return summarize(pick);
}

module.exports = { getRating, summarize };
