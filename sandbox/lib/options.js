'use strict';

/**
 * Sandbox options and modes. Every enum below exists because the docs leave that behaviour
 * UNKNOWN; each value is one plausible behaviour of the real server.
 */

const DEFAULTS = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  publicUrl: undefined, // base URL written into authorize_url / upload hosts; defaults to the listening URL
  seed: 1,
  reviewCount: 240,
  errorMode: 'http200',
  pageSizeCap: 100,
  pageSizeOverCap: 'clamp',
  accessTokenTtlSeconds: 3600,
  refreshRotation: 'rotate',
  reviewIdParam: 'id',
  ackMode: 'strict',
  duplicateWebhook: 'reject',
  platformWebhookKey: 'client_secret',
  minuteMs: 60000,
  deliveryTimeoutMs: 5000,
  clock: undefined,
  revokeResponse: 'envelope',
  skipShopOauth: true,
});

const ENUMS = Object.freeze({
  errorMode: ['http200', 'status'],
  pageSizeOverCap: ['clamp', 'reject'],
  refreshRotation: ['rotate', 'keep'],
  reviewIdParam: ['id', 'review_id'],
  ackMode: ['strict', 'status'],
  duplicateWebhook: ['reject', 'allow'],
  platformWebhookKey: ['client_secret', 'private_token'],
  revokeResponse: ['envelope', 'empty'],
});

/** [min, max] for integer options */
const INTEGERS = Object.freeze({
  port: [0, 65535],
  seed: [-2147483648, 2147483647],
  reviewCount: [0, 100000],
  pageSizeCap: [1, 100000],
  accessTokenTtlSeconds: [1, 10 * 365 * 86400],
  minuteMs: [1, 3600000],
  deliveryTimeoutMs: [1, 600000],
});

const BOOLEANS = Object.freeze(['skipShopOauth']);

/** Options that only make sense before listening. */
const STARTUP_ONLY = Object.freeze(['port', 'host']);

function checkOne(key, value) {
  if (!Object.prototype.hasOwnProperty.call(DEFAULTS, key)) {
    throw new TypeError(`unknown sandbox option "${key}"; known: ${Object.keys(DEFAULTS).join(', ')}`);
  }
  if (value === undefined) return;
  if (ENUMS[key] && !ENUMS[key].includes(value)) {
    throw new TypeError(`option ${key} must be one of ${ENUMS[key].join(' | ')} (got ${JSON.stringify(value)})`);
  }
  if (INTEGERS[key]) {
    const [min, max] = INTEGERS[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new TypeError(`option ${key} must be an integer ${min}..${max} (got ${JSON.stringify(value)})`);
    }
  }
  if (BOOLEANS.includes(key) && typeof value !== 'boolean') {
    throw new TypeError(`option ${key} must be a boolean`);
  }
  if (key === 'clock' && typeof value !== 'function') throw new TypeError('option clock must be a function returning ms');
  if (key === 'host' && typeof value !== 'string') throw new TypeError('option host must be a string');
  if (key === 'publicUrl' && !/^https?:\/\/[^/]+$/.test(String(value))) {
    throw new TypeError('option publicUrl must be an origin like http://localhost:5681 (no trailing slash)');
  }
}

/** @param {object} [input] @returns {typeof DEFAULTS} */
function resolveOptions(input = {}) {
  for (const [k, v] of Object.entries(input)) checkOne(k, v);
  const out = { ...DEFAULTS };
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = v;
  return out;
}

/** Validates a setMode() patch. */
function checkModePatch(patch) {
  if (!patch || typeof patch !== 'object') throw new TypeError('setMode expects an object');
  for (const [k, v] of Object.entries(patch)) {
    if (STARTUP_ONLY.includes(k)) throw new TypeError(`option ${k} can only be set when the sandbox starts`);
    checkOne(k, v);
  }
}

/** The modes as JSON (clock is a function, so only its presence is reported). */
function describeModes(opts) {
  const out = {};
  for (const k of Object.keys(DEFAULTS)) {
    if (k === 'clock') out.clock = opts.clock ? 'custom' : 'system';
    else out[k] = opts[k];
  }
  return out;
}

module.exports = { DEFAULTS, ENUMS, INTEGERS, BOOLEANS, resolveOptions, checkModePatch, describeModes };
