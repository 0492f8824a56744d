'use strict';

const { buildSeedData } = require('../data/seed-data');
const { WebhookStore } = require('./webhooks');
const { OAuthState } = require('./oauth');

/**
 * The sandbox's mutable world. Shop and platform objects keep their identity across reset() so
 * that references handed out earlier (sandbox.shops[0]) stay valid.
 */
class Store {
  constructor(seed, reviewCount) {
    this.shops = [];
    this.platform = null;
    this.webhooks = new WebhookStore();
    this.oauth = new OAuthState();
    /** @type {Map<string, {bytes:Buffer, contentType:string, uploadedAt:number}>} */
    this.uploads = new Map();
    this.load(seed, reviewCount);
  }

  load(seed, reviewCount) {
    const d = buildSeedData(seed, reviewCount);
    if (this.shops.length === d.shops.length) d.shops.forEach((s, i) => Object.assign(this.shops[i], s));
    else this.shops = d.shops;
    if (this.platform) Object.assign(this.platform, d.platform);
    else this.platform = d.platform;
    this.reviews = d.reviews;
    this.customers = d.customers;
    this.orders = d.orders;
    this.events = d.events;
    this.exclusions = d.exclusions;
    /** @type {Array<{shopId:string, email:string, email_type:string, at:number}>} */
    this.unsubscribes = [];
    this.nextReviewId = d.nextReviewId;
    this.nextEventId = d.nextEventId;
    this.nextCustomerId = 7391000000001;
    this.webhooks.clear();
    this.oauth.clear();
    this.uploads.clear();
  }

  shopById(id) {
    return this.shops.find((s) => s.id === String(id));
  }

  shopByDomain(domain) {
    const d = String(domain).toLowerCase();
    return this.shops.find((s) => s.myshopifyDomain === d);
  }

  shopByPublicToken(token) {
    return this.shops.find((s) => s.publicToken === token);
  }

  reviewsOf(shopId) {
    return this.reviews.filter((r) => r._shopId === shopId);
  }

  findReview(id) {
    return this.reviews.find((r) => r.id === String(id));
  }

  allocateReviewId() {
    const id = this.nextReviewId;
    this.nextReviewId += 1;
    return String(id);
  }

  allocateEventId() {
    const id = this.nextEventId;
    this.nextEventId += 1;
    return String(id);
  }

  removeReview(review) {
    this.reviews = this.reviews.filter((r) => r !== review);
  }

  /** A customer of the shop by email (case-insensitive), for exclusions. */
  customerByEmail(shopId, email) {
    const e = String(email).toLowerCase();
    return (this.customers[shopId] || []).find((c) => c.email.toLowerCase() === e);
  }
}

module.exports = { Store };
