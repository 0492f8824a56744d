'use strict';

const { formatIso, formatDateTime } = require('../lib/time');

const TOPICS = Object.freeze(['review/created', 'review/updated', 'review/deleted', 'customer_event/created']);

/**
 * Webhook subscriptions. Ownership per V6: created with HMAC -> the shop (platformId 0); created
 * with a Bearer token -> that platform for that shop. Each owner sees only its own.
 */
class WebhookStore {
  constructor() {
    this.items = [];
    this.nextId = 1;
  }

  clear() {
    this.items = [];
    this.nextId = 1;
  }

  /** @param {{shopId:string, platformId:number}} owner */
  listFor(owner) {
    return this.items.filter((w) => w.shopId === owner.shopId && w.platformId === owner.platformId);
  }

  findFor(owner, id) {
    return this.listFor(owner).find((w) => w.id === String(id));
  }

  findDuplicate(owner, topic, url, exceptId) {
    return this.listFor(owner).find((w) => w.topic === topic && w.url === url && w.id !== exceptId);
  }

  create(owner, topic, url, nowMs) {
    const w = { id: String(this.nextId++), shopId: owner.shopId, platformId: owner.platformId, topic, url, _createdMs: nowMs, _updatedMs: nowMs };
    this.items.push(w);
    return w;
  }

  update(w, topic, url, nowMs) {
    w.topic = topic;
    w.url = url;
    w._updatedMs = nowMs;
    return w;
  }

  remove(w) {
    this.items = this.items.filter((x) => x !== w);
  }

  /** Removes a platform's webhooks for a shop (disconnect / cancel authorization, inferred). */
  removePlatformShop(platformId, shopId) {
    this.items = this.items.filter((w) => !(w.platformId === platformId && w.shopId === shopId));
  }

  subscribers(shopId, topic) {
    return this.items.filter((w) => w.shopId === shopId && w.topic === topic);
  }
}

/** The doc example mixes formats: created_at ISO 'Z', updated_at 'YYYY-MM-DD HH:MM:SS'. Reproduced. */
function toWebhookJson(w) {
  return { id: w.id, topic: w.topic, url: w.url, created_at: formatIso(w._createdMs), updated_at: formatDateTime(w._updatedMs) };
}

module.exports = { WebhookStore, toWebhookJson, TOPICS };
