'use strict';

const { invalidArgument } = require('./errors');

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Length in characters (code points), which is how a "max 120 characters" rule reads. */
const charLength = (s) => Array.from(s).length;

function isHttpUrl(s) {
  if (typeof s !== 'string' || s === '') return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch (e) {
    return false;
  }
}

// inferred: a light shape check, real servers rarely do more.
const isEmail = (s) => typeof s === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

/** Optional string with a maximum length; returns the value or the fallback. */
function optionalString(obj, name, max, fallback = '') {
  const v = obj[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string') throw invalidArgument(`${name} must be a string`);
  if (max !== undefined && charLength(v) > max) throw invalidArgument(`${name} must be at most ${max} characters`);
  return v;
}

/** Optional 0/1 integer flag. */
function optionalFlag(obj, name, fallback) {
  const v = obj[name];
  if (v === undefined || v === null) return fallback;
  if (v !== 0 && v !== 1) throw invalidArgument(`${name} must be 0 or 1`);
  return v;
}

/**
 * A Shopify-style id given as a numeric string or a non-negative integer (the docs show both).
 * @returns {string|undefined}
 */
function optionalNumericId(obj, name) {
  const v = obj[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^\d+$/.test(v)) return v.replace(/^0+(?=\d)/, '');
  throw invalidArgument(`${name} must be a numeric string or a non-negative integer`);
}

module.exports = { isPlainObject, charLength, isHttpUrl, isEmail, optionalString, optionalFlag, optionalNumericId };
