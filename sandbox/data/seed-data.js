'use strict';

const { buildShops, buildPlatform } = require('./shops');
const { generateReviews } = require('./reviews');
const { generateCustomers } = require('./customers');
const { generateOrders } = require('./orders');
const { generateEvents } = require('./customer-events');
const { makeExclusion } = require('./exclusions');
const { createRng } = require('../lib/random');

const SECOND_SHOP_REVIEWS = 7;

/**
 * Everything the sandbox serves, derived from the seed only (never from the clock), so two
 * sandboxes with the same seed hold identical data.
 */
function buildSeedData(seed, reviewCount) {
  const shops = buildShops(seed);
  const platform = buildPlatform(seed);
  const [main, second] = shops;

  const mainReviews = generateReviews(seed, main, reviewCount, 10200001);
  const secondReviews = generateReviews(seed, second, SECOND_SHOP_REVIEWS, 18700001);
  const customers = {
    [main.id]: generateCustomers(seed, main, 60),
    [second.id]: generateCustomers(seed, second, 8),
  };
  const orders = [
    ...generateOrders(seed, main, customers[main.id], 150),
    ...generateOrders(seed, second, customers[second.id], 6),
  ];
  const mainEvents = generateEvents(seed, main, customers[main.id], mainReviews.reviews, 320, 3300001);
  const secondEvents = generateEvents(seed, second, customers[second.id], secondReviews.reviews, 10, 3900001);

  const rng = createRng(seed, 'exclusions');
  const exclusions = [];
  for (const [shop, n] of [[main, 3], [second, 1]]) {
    const picked = rng.sample(customers[shop.id], n);
    picked.forEach((c, i) => exclusions.push(makeExclusion(shop.id, c, Date.UTC(2025, 8, 10 + i * 9, 9, 30 + i, 0))));
  }

  return {
    shops,
    platform,
    reviews: [...mainReviews.reviews, ...secondReviews.reviews],
    customers,
    orders,
    events: [...mainEvents.events, ...secondEvents.events],
    exclusions,
    nextReviewId: Math.max(mainReviews.nextId, secondReviews.nextId, 19000001),
    nextEventId: Math.max(mainEvents.nextId, secondEvents.nextId, 4000001),
  };
}

module.exports = { buildSeedData };
