'use strict';

const crypto = require('crypto');

/**
 * Deterministic generators: every stream is keyed by (seed, label) so adding a new stream never
 * shifts the values of existing ones.
 */
function streamSeed(seed, label) {
  return crypto.createHash('sha256').update(`trustoo-sandbox/${seed}/${label}`).digest().readUInt32LE(0);
}

/** mulberry32: small, fast, good enough for fixture data. */
function createRng(seed, label) {
  let a = streamSeed(seed, label);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    /** integer in [min, max] */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    /** @param {Array<[any, number]>} pairs value/weight */
    weighted(pairs) {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of pairs) {
        r -= w;
        if (r < 0) return v;
      }
      return pairs[pairs.length - 1][0];
    },
    sample(arr, n) {
      const copy = arr.slice();
      const out = [];
      while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
  return rng;
}

/** Deterministic bytes for fixture secrets (tokens are stable for a given seed). */
function deriveBytes(seed, label, length) {
  const out = [];
  let counter = 0;
  while (Buffer.concat(out).length < length) {
    out.push(crypto.createHash('sha256').update(`trustoo-sandbox-secret/${seed}/${label}/${counter++}`).digest());
  }
  return Buffer.concat(out).subarray(0, length);
}

module.exports = { createRng, deriveBytes };
