'use strict';

const http = require('http');
const { EventEmitter } = require('events');
const { resolveOptions, checkModePatch, describeModes } = require('./lib/options');
const { SandboxUsageError, ApiError } = require('./lib/errors');
const { FaultSet } = require('./lib/faults');
const { deriveBytes } = require('./lib/random');
const { formatDateTime } = require('./lib/time');
const { Store } = require('./state/store');
const { TOPICS, toWebhookJson } = require('./state/webhooks');
const { toReviewJson } = require('./data/reviews');
const { toEventJson } = require('./data/customer-events');
const { EVENT_TYPES } = require('./data/catalog');
const { parseCreateReview, applyReviewUpdate } = require('./api/review-input');
const { API_PREFIX } = require('./api/routes');
const { DeliveryDispatcher } = require('./delivery/dispatcher');
const { deliveryItem } = require('./delivery/payload');
const { createRequestHandler } = require('./server');
const { validateConsent, CONSENT_PATH } = require('./web/consent');

const MAX_LOGGED_REQUESTS = 5000;

/**
 * A running (or ready-to-run) Trustoo sandbox. See README.md for the full contract.
 */
class Sandbox extends EventEmitter {
  /** @param {object} [options] see lib/options.js */
  constructor(options = {}) {
    super();
    this._options = resolveOptions(options);
    this._store = new Store(this._options.seed, this._options.reviewCount);
    this._faults = new FaultSet();
    this._dispatcher = new DeliveryDispatcher(this);
    this._sleepers = new Set();
    this._requests = [];
    this._deliveries = [];
    this._requestSeq = 0;
    this._url = undefined;
    this._closed = false;
    this._refreshOss();
    this.server = http.createServer(createRequestHandler(this));
  }

  /** A bug in the sandbox itself (answered as code 13): emitted, or printed when nobody listens. */
  _internalError(e) {
    if (this.listenerCount('internal-error') > 0) this.emit('internal-error', e);
    else process.stderr.write(`trustoo-sandbox internal error: ${e && e.stack ? e.stack : e}\n`);
  }

  _refreshOss() {
    const seed = this._options.seed;
    this._oss = { accessId: `LTAI5tSbx${deriveBytes(seed, 'oss/id', 6).toString('hex')}`, secret: deriveBytes(seed, 'oss/secret', 24).toString('base64') };
  }

  /** Current time in ms (option clock, else Date.now). */
  now() {
    return this._options.clock ? this._options.clock() : Date.now();
  }

  get url() {
    return this._url;
  }

  /** Base URL written into generated links (authorize_url, upload hosts). */
  get publicUrl() {
    return this._options.publicUrl || this._url || `http://${this._options.host}:${this._options.port}`;
  }

  get shops() {
    return this._store.shops;
  }

  get platform() {
    return this._store.platform;
  }

  /** Every non-admin request received, oldest first (capped at 5000). */
  get requests() {
    return this._requests;
  }

  get deliveries() {
    return this._deliveries;
  }

  get options() {
    return { ...this._options };
  }

  listen() {
    if (this._url) return Promise.resolve(this);
    return new Promise((resolve, reject) => {
      const onError = (e) => reject(e);
      this.server.once('error', onError);
      this.server.listen(this._options.port, this._options.host, () => {
        this.server.off('error', onError);
        const { port } = this.server.address();
        const host = ['0.0.0.0', '::', ''].includes(this._options.host) ? '127.0.0.1' : this._options.host;
        this._url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
        resolve(this);
      });
    });
  }

  close() {
    if (this._closed) return Promise.resolve();
    this._closed = true;
    this._dispatcher.close();
    for (const t of this._sleepers) {
      clearTimeout(t.timer);
      t.resolve();
    }
    this._sleepers.clear();
    return new Promise((resolve) => {
      if (!this.server.listening) {
        resolve();
        return;
      }
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** A timer the sandbox can cancel on close (latency faults). */
  _sleep(ms) {
    return new Promise((resolve) => {
      const entry = { resolve };
      entry.timer = setTimeout(() => {
        this._sleepers.delete(entry);
        resolve();
      }, ms);
      if (entry.timer.unref) entry.timer.unref();
      this._sleepers.add(entry);
    });
  }

  modes() {
    return describeModes(this._options);
  }

  /** Changes modes at runtime. Changing seed or reviewCount regenerates the data (like reset()). */
  setMode(patch) {
    checkModePatch(patch);
    const before = this._options;
    this._options = { ...before };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) this._options[k] = v;
    if (patch.clock === undefined && 'clock' in patch) this._options.clock = undefined;
    if (this._options.seed !== before.seed || this._options.reviewCount !== before.reviewCount) this.reset();
    return this.modes();
  }

  inject(fault) {
    return this._faults.add(fault);
  }

  clearFaults() {
    this._faults.clear();
  }

  faults() {
    return this._faults.describe();
  }

  clearRequests() {
    this._requests.length = 0;
  }

  /** Restores seed data and clears logs, webhooks, tokens, uploads, faults and pending retries. Modes stay. */
  reset() {
    this._dispatcher.cancelAll();
    this._store.load(this._options.seed, this._options.reviewCount);
    this._refreshOss();
    this._faults.clear();
    this._requests.length = 0;
    this._deliveries.length = 0;
  }

  _recordRequest(log) {
    log.seq = ++this._requestSeq;
    this._requests.push(log);
    if (this._requests.length > MAX_LOGGED_REQUESTS) this._requests.shift();
    this.emit('request', log);
  }

  _recordDelivery(d) {
    this._deliveries.push(d);
  }

  /** Accepts a shop index, shop id or myshopify domain; default shop 0. */
  _shopIndex(ref) {
    if (ref === undefined || ref === null || ref === '') return 0;
    const shops = this._store.shops;
    if (Number.isInteger(ref) && shops[ref]) return ref;
    const s = String(ref);
    const i = shops.findIndex((x) => x.id === s || x.myshopifyDomain === s.toLowerCase());
    if (i >= 0) return i;
    if (/^\d+$/.test(s) && shops[Number(s)]) return Number(s);
    throw new SandboxUsageError(`unknown shop ${JSON.stringify(ref)} (use an index, a shop id or a myshopify domain)`, 404);
  }

  _shop(shopIndex) {
    const shop = this._store.shops[shopIndex === undefined ? 0 : shopIndex];
    if (!shop) throw new SandboxUsageError(`unknown shop index ${shopIndex}`, 404);
    return shop;
  }

  _review(id) {
    const r = this._store.findReview(id);
    if (!r) throw new SandboxUsageError(`unknown review ${id}`, 404);
    return r;
  }

  /** Signing key of a delivery: shop private token, or per mode platformWebhookKey for platform webhooks. */
  _webhookKey(webhook, shop) {
    // UNKNOWN in the docs: the key for platform (OAuth) webhooks -> mode platformWebhookKey.
    if (webhook.platformId === 0 || this._options.platformWebhookKey === 'private_token') return shop.privateToken;
    return this._store.platform.clientSecret;
  }

  _deliverToSubscribers(shop, topic, item) {
    const { webhooks, oauth } = this._store;
    const subs = webhooks.subscribers(shop.id, topic).filter((w) => w.platformId === 0 || oauth.authorization(w.platformId, shop.id));
    return subs.map((w) => this._dispatcher.deliver(w, shop, [item], this._webhookKey(w, shop)));
  }

  _emitReviewEvent(topic, record) {
    const shop = this._store.shopById(record._shopId);
    return this._deliverToSubscribers(shop, topic, deliveryItem(toReviewJson(record), shop));
  }

  _emitCustomerEvent(record) {
    const shop = this._store.shopById(record._shopId);
    return this._deliverToSubscribers(shop, 'customer_event/created', deliveryItem(toEventJson(record), shop));
  }

  _wrapValidation(fn) {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ApiError) throw new SandboxUsageError(e.message.replace(/^invalid argument: /, ''));
      throw e;
    }
  }

  /** A review posted on the store front (source "Store front", first product unless product_id given); fires review/created. */
  createReview(shopIndex, fields = {}) {
    const shop = this._shop(shopIndex);
    const merged = { rating: 5, author: 'Sandbox Shopper', product_id: shop.products[0].id, is_verified: 1, ...fields };
    const record = this._wrapValidation(() => parseCreateReview(merged, { shop, id: this._store.allocateReviewId(), nowMs: this.now(), defaultSource: 'Store front' }));
    this._store.reviews.push(record);
    this._emitReviewEvent('review/created', record);
    return toReviewJson(record);
  }

  /** A merchant edit; fires review/updated. */
  updateReview(id, fields = {}) {
    const r = this._review(id);
    this._wrapValidation(() => applyReviewUpdate(r, fields, this.now()));
    this._emitReviewEvent('review/updated', r);
    return toReviewJson(r);
  }

  /** Fires review/deleted with the review as it was. */
  deleteReview(id) {
    const r = this._review(id);
    this._store.removeReview(r);
    this._emitReviewEvent('review/deleted', r);
    return toReviewJson(r);
  }

  /** Unpublishes; the docs say review/deleted covers "deleted or hidden". */
  hideReview(id) {
    const r = this._review(id);
    r.is_published = 0;
    r.updated_at = formatDateTime(this.now());
    this._emitReviewEvent('review/deleted', r);
    return toReviewJson(r);
  }

  /** A storefront event; fires customer_event/created. */
  createCustomerEvent(shopIndex, fields = {}) {
    const shop = this._shop(shopIndex);
    const nowMs = this.now();
    const str = (k, d) => {
      const v = fields[k];
      if (v === undefined || v === null) return d;
      if (typeof v !== 'string') throw new SandboxUsageError(`${k} must be a string`);
      return v;
    };
    const product = shop.products[0];
    const record = {
      _shopId: shop.id,
      _createdMs: nowMs,
      id: this._store.allocateEventId(),
      event_type: str('event_type', EVENT_TYPES[0]),
      event_source: str('event_source', 'STOREFRONT'),
      os_type: str('os_type', 'IOS'),
      customer_id: str('customer_id', ''),
      product_id: str('product_id', product.id),
      review_id: str('review_id', ''),
      page_url: str('page_url', `https://${shop.myshopifyDomain}/products/${product.handle}`),
      created_at: formatDateTime(nowMs),
    };
    this._store.events.push(record);
    this._emitCustomerEvent(record);
    return toEventJson(record);
  }

  _createAuthorizationCode({ platform, shop, redirectUri, scope }) {
    return this._store.oauth.createCode({ platformId: platform.platformId, clientId: platform.clientId, shopId: shop.id, redirectUri, scope, nowMs: this.now() });
  }

  /** What the merchant consent page does on Approve; returns the authorization code. */
  approveConsent({ clientId, redirectUri, state, scope, shopIndex } = {}) {
    const v = validateConsent(this, { client_id: clientId || this._store.platform.clientId, redirect_uri: redirectUri, scope, state });
    if (v.page) throw new SandboxUsageError(v.page);
    if (v.redirect) throw new SandboxUsageError(`consent refused: ${new URL(v.redirect).searchParams.get('error_description') || new URL(v.redirect).searchParams.get('error')}`);
    return this._createAuthorizationCode({ platform: v.ok.platform, shop: this._shop(shopIndex), redirectUri: v.ok.redirectUri, scope: v.ok.scope });
  }

  /** Test helper: authorizes the platform for a shop and issues tokens without the redirect dance. */
  issueTokens({ shopIndex, scope } = {}) {
    const shop = this._shop(shopIndex);
    const platform = this._store.platform;
    const s = scope === undefined ? platform.scopes.join(' ') : scope;
    const bad = String(s).split(/[\s,]+/).filter(Boolean).filter((x) => !platform.scopes.includes(x));
    if (bad.length) throw new SandboxUsageError(`unknown scope ${bad.join(', ')}`);
    const { oauth } = this._store;
    const ttl = this._options.accessTokenTtlSeconds;
    oauth.authorize(platform.platformId, shop.id, s, this.now());
    const pair = oauth.issue({ platformId: platform.platformId, clientId: platform.clientId, shopId: shop.id, scope: s, nowMs: this.now(), ttlSeconds: ttl });
    return { access_token: pair.access.token, token_type: 'Bearer', expires_in: ttl, refresh_token: pair.refresh.token, scope: s };
  }

  /** Sends the latest review (or customer event) of the shop to the topic's subscribers; sample data if none. */
  sendTestWebhook(shopIndex, topic) {
    if (!TOPICS.includes(topic)) throw new SandboxUsageError(`topic must be one of ${TOPICS.join(', ')}`);
    const shop = this._shop(shopIndex);
    const latest = (list) => list.filter((x) => x._shopId === shop.id).sort((a, b) => b._createdMs - a._createdMs || Number(b.id) - Number(a.id))[0];
    let deliveries;
    if (topic === 'customer_event/created') {
      const ev = latest(this._store.events);
      deliveries = ev ? this._emitCustomerEvent(ev) : [];
    } else {
      let r = latest(this._store.reviews);
      if (!r) r = parseCreateReview({ rating: 5, author: 'Sample Reviewer', content: 'Sample review 🌟' }, { shop, id: this._store.allocateReviewId(), nowMs: this.now(), defaultSource: 'Store front' });
      deliveries = this._emitReviewEvent(topic, r);
    }
    return deliveries;
  }

  /** All subscriptions with their owners (admin view). */
  webhooks() {
    return this._store.webhooks.items.map((w) => ({ ...toWebhookJson(w), shop_id: w.shopId, platform_id: w.platformId }));
  }

  info() {
    const s = this._store;
    return {
      url: this._url,
      publicUrl: this.publicUrl,
      apiBase: `${this.publicUrl}${API_PREFIX}`,
      consentPage: `${this.publicUrl}${CONSENT_PATH}`,
      shops: s.shops.map((shop) => ({
        index: shop.index,
        id: shop.id,
        name: shop.name,
        myshopifyDomain: shop.myshopifyDomain,
        publicToken: shop.publicToken,
        privateToken: shop.privateToken,
        merchantJwt: shop.merchantJwt,
        reviewCount: s.reviewsOf(shop.id).length,
        products: shop.products.map((p) => ({ id: p.id, handle: p.handle, title: p.title })),
      })),
      platform: { ...s.platform },
      oss: { accessId: this._oss.accessId },
      modes: this.modes(),
      faults: this.faults(),
      counts: { requests: this._requests.length, deliveries: this._deliveries.length, webhooks: s.webhooks.items.length },
    };
  }
}

module.exports = { Sandbox };
