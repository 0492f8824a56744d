'use strict';

const { invalidArgument } = require('./errors');

/**
 * Splits a raw query string into decoded [name, value] pairs in the order received, decoding
 * exactly like URLSearchParams ('+' is a space, malformed %-escapes are kept literally).
 * @param {string} rawQuery without the leading '?'
 * @returns {Array<[string, string]>}
 */
function parsePairs(rawQuery) {
  return Array.from(new URLSearchParams(rawQuery || ''));
}

/** For the request log: repeated names become arrays. */
function pairsToObject(pairs) {
  const out = {};
  for (const [name, value] of pairs) {
    if (!Object.prototype.hasOwnProperty.call(out, name)) out[name] = value;
    else if (Array.isArray(out[name])) out[name].push(value);
    else out[name] = [out[name], value];
  }
  return out;
}

/** Read-only view over the query pairs with the sandbox's lenient readers. */
class QueryReader {
  /** @param {Array<[string,string]>} pairs */
  constructor(pairs) {
    this.pairs = pairs;
  }

  has(name) {
    return this.pairs.some(([n]) => n === name);
  }

  /** First value, like Go's url.Values.Get. inferred: a repeated scalar parameter uses its first value. */
  get(name) {
    const hit = this.pairs.find(([n]) => n === name);
    return hit ? hit[1] : undefined;
  }

  /** A value that is present and not empty; empty values count as absent (inferred). */
  getNonEmpty(name) {
    const v = this.get(name);
    return v === undefined || v === '' ? undefined : v;
  }

  /**
   * UNKNOWN in the docs: how array parameters are encoded. All three seen in client code are
   * accepted: name[0]=a&name[1]=b (also name[]=a), name=a&name=b, and name=a,b.
   * @returns {string[]|undefined} undefined when the parameter is absent or empty
   */
  getArray(name) {
    const bracket = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[\\d*\\]$`);
    const values = [];
    for (const [n, v] of this.pairs) {
      if (n === name || bracket.test(n)) {
        for (const part of v.split(',')) {
          const t = part.trim();
          if (t !== '') values.push(t);
        }
      }
    }
    return values.length ? values : undefined;
  }

  /**
   * A 0/1 flag. Absent/empty -> undefined.
   * @returns {0|1|undefined}
   */
  getFlag(name) {
    const v = this.getNonEmpty(name);
    if (v === undefined) return undefined;
    if (v === '0' || v === '1') return Number(v);
    throw invalidArgument(`${name} must be 0 or 1`);
  }
}

module.exports = { parsePairs, pairsToObject, QueryReader };
