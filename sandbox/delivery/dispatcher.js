'use strict';

const http = require('http');
const https = require('https');
const { newRequestId } = require('../lib/envelope');
const { deliveryHeaders } = require('./payload');
const { isAcknowledged } = require('./ack');
const { postOnce } = require('./sender');

const MAX_ATTEMPTS = 10;
const LOGGED_BODY_CHARS = 2000;

/** Documented: delay before attempt n is 3*(n-1) minutes (0, 3, 6, … 27; cumulative 0 … 135). */
const delayBeforeAttempt = (n, minuteMs) => 3 * (n - 1) * minuteMs;

/**
 * Pushes webhook deliveries and retries them until acknowledged or 10 attempts are spent.
 * inferred: the delay runs from the end of the previous attempt.
 */
class DeliveryDispatcher {
  /** @param {import('../sandbox').Sandbox} sandbox */
  constructor(sandbox) {
    this.sandbox = sandbox;
    this.timers = new Set();
    this.inflight = new Set();
    this.keys = new Map(); // delivery id -> signing key, kept out of the public log
    this.agents = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };
    this.active = new Set();
    this.nextId = 1;
    this.closed = false;
  }

  /**
   * @param {{id:string, topic:string, url:string, shopId:string, platformId:number}} webhook
   * @param {object} shop
   * @param {object[]} items delivery items
   * @param {string} key signing key
   */
  deliver(webhook, shop, items, key) {
    const body = JSON.stringify({ list: items });
    const d = {
      id: String(this.nextId++),
      requestId: newRequestId(),
      webhookId: webhook.id,
      topic: webhook.topic,
      url: webhook.url,
      shopId: shop.id,
      platformId: webhook.platformId,
      publicToken: shop.publicToken,
      body,
      attempts: [],
      done: false,
      acknowledged: false,
      nextAttemptAt: Date.now(),
    };
    this.keys.set(d.id, key);
    this.active.add(d);
    this.sandbox._recordDelivery(d);
    this._schedule(d, 0);
    return d;
  }

  _schedule(d, delayMs) {
    if (this.closed) return;
    d.nextAttemptAt = Date.now() + delayMs;
    const t = setTimeout(() => {
      this.timers.delete(t);
      this._attempt(d);
    }, delayMs);
    if (t.unref) t.unref();
    this.timers.add(t);
  }

  async _attempt(d) {
    if (this.closed || d.done) return;
    const opts = this.sandbox._options;
    const n = d.attempts.length + 1;
    const timestamp = Math.floor(this.sandbox.now() / 1000);
    const headers = deliveryHeaders({ publicToken: d.publicToken, key: this.keys.get(d.id), timestamp, body: d.body, requestId: d.requestId });
    const at = Date.now();
    d.nextAttemptAt = null;
    const result = await postOnce(d.url, headers, d.body, { timeoutMs: opts.deliveryTimeoutMs, agents: this.agents, inflight: this.inflight });
    if (this.closed || d.done) return;
    const ok = isAcknowledged(result, opts.ackMode);
    d.attempts.push({
      n,
      at,
      durationMs: Date.now() - at,
      timestamp,
      status: result.status,
      body: result.body.length > LOGGED_BODY_CHARS ? `${result.body.slice(0, LOGGED_BODY_CHARS)}…` : result.body,
      ok,
      error: result.error,
    });
    if (ok) {
      d.done = true;
      d.acknowledged = true;
    } else if (n >= MAX_ATTEMPTS) {
      d.done = true;
    } else {
      this._schedule(d, delayBeforeAttempt(n + 1, opts.minuteMs));
    }
    if (d.done) {
      this.keys.delete(d.id);
      this.active.delete(d);
    }
    this.sandbox.emit('delivery-attempt', d, d.attempts[d.attempts.length - 1]);
    if (d.done) this.sandbox.emit('delivery-done', d);
  }

  /** Stops pending retries (reset); the deliveries stay in their current state. */
  cancelAll() {
    for (const d of this.active) {
      d.done = true;
      d.cancelled = true;
      d.nextAttemptAt = null;
    }
    this.active.clear();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const req of this.inflight) req.destroy();
    this.inflight.clear();
    this.keys.clear();
  }

  close() {
    this.closed = true;
    this.cancelAll();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

module.exports = { DeliveryDispatcher, delayBeforeAttempt, MAX_ATTEMPTS };
