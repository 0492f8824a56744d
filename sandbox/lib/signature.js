'use strict';

const crypto = require('crypto');

/*
 * Request signing, Quick Start section 4.1 of the reference (HMAC-SHA256 scheme, Nov 2025).
 * The server side re-derives the message from what it *received*: the decoded query pairs and the
 * exact body bytes, so a client that re-serialises its body after signing is caught.
 */

/** Plain byte order of the UTF-8 encoding (JS string compare is UTF-16 order, which differs). */
function compareUtf8(a, b) {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * `name=value` pairs sorted by name (ties by value), with `timestamp` set to the header value.
 * A `timestamp` already present in the query is replaced, as the doc pseudocode assigns it.
 * @param {Array<[string,string]>} pairs decoded query pairs
 * @param {string|number} timestamp
 */
function canonicalQuery(pairs, timestamp) {
  const list = pairs.filter(([n]) => n !== 'timestamp').map(([n, v]) => [n, v]);
  list.push(['timestamp', String(timestamp)]);
  list.sort((x, y) => compareUtf8(x[0], y[0]) || compareUtf8(x[1], y[1]));
  return list.map(([n, v]) => `${n}=${v}`).join('&');
}

/**
 * The exact bytes that are HMAC'd: canonical query, then `|` + raw body when the body is non-empty.
 * @param {Array<[string,string]>} pairs
 * @param {string|number} timestamp
 * @param {Buffer|string|undefined} rawBody
 * @returns {Buffer}
 */
function signingMessage(pairs, timestamp, rawBody) {
  const head = Buffer.from(canonicalQuery(pairs, timestamp), 'utf8');
  const body = rawBody === undefined ? Buffer.alloc(0) : Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8');
  if (body.length === 0) return head;
  return Buffer.concat([head, Buffer.from('|'), body]);
}

/** lowercase hex HMAC-SHA256 */
function hmacHex(key, message) {
  return crypto.createHmac('sha256', Buffer.from(key, 'utf8')).update(message).digest('hex');
}

/** Sign of an Open API request. */
function signRequest(privateToken, pairs, timestamp, rawBody) {
  return hmacHex(privateToken, signingMessage(pairs, timestamp, rawBody));
}

/**
 * Sign of a webhook delivery: the same scheme applied to a request with no query.
 * inferred: the Webhook Description only points at the Quick Start's section 2.2.
 */
function signWebhook(key, timestamp, rawBody) {
  return signRequest(key, [], timestamp, rawBody);
}

/** Constant-time comparison of two lowercase hex strings of equal length. */
function hexEquals(expectedHex, givenHex) {
  if (typeof givenHex !== 'string' || givenHex.length !== expectedHex.length) return false;
  return crypto.timingSafeEqual(Buffer.from(expectedHex, 'utf8'), Buffer.from(givenHex, 'utf8'));
}

module.exports = { canonicalQuery, signingMessage, signRequest, signWebhook, hmacHex, hexEquals, compareUtf8 };
