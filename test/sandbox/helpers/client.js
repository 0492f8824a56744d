'use strict';

/*
 * Test-side Trustoo client. The signing here is written from the reference (section 4.1), not
 * imported from the sandbox, so the tests check the server against the spec, not against itself.
 */
const crypto = require('crypto');
const axios = require('axios');

const API = '/api/v1/openapi';

/** @param {string|object|undefined} query raw query string or an object of name -> value|value[] */
function toRawQuery(query) {
  if (query === undefined || query === null) return '';
  if (typeof query === 'string') return query.replace(/^\?/, '');
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) v.forEach((x) => qs.append(k, String(x)));
    else if (v !== undefined) qs.append(k, String(v));
  }
  return qs.toString();
}

/** Section 4.1: sorted decoded pairs + timestamp, then '|' + exact body when non-empty; HMAC-SHA256 hex. */
function specSign(privateToken, rawQuery, timestamp, bodyText) {
  const pairs = Array.from(new URLSearchParams(rawQuery)).filter(([n]) => n !== 'timestamp');
  pairs.push(['timestamp', String(timestamp)]);
  const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  pairs.sort((x, y) => byBytes(x[0], y[0]) || byBytes(x[1], y[1]));
  let message = pairs.map(([n, v]) => `${n}=${v}`).join('&');
  if (bodyText) message += `|${bodyText}`;
  return crypto.createHmac('sha256', privateToken).update(message, 'utf8').digest('hex');
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function parseMaybeJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return undefined;
  }
}

/**
 * Raw HTTP call that never throws on status; `json` is the parsed body (undefined if not JSON).
 * @returns {Promise<{status:number, headers:object, text:string, json:any}>}
 */
async function rawRequest(baseUrl, { method = 'GET', path, rawQuery = '', body, headers = {}, maxRedirects = 0 }) {
  const res = await axios.request({
    baseURL: baseUrl,
    url: rawQuery ? `${path}?${rawQuery}` : path,
    method,
    data: body,
    headers,
    validateStatus: () => true,
    responseType: 'text',
    // axios would re-serialise and trim a JSON string body; the signature covers exact bytes.
    transformRequest: [(d) => d],
    transformResponse: [(d) => d],
    maxRedirects,
  });
  return { status: res.status, headers: res.headers, text: res.data, json: parseMaybeJson(res.data) };
}

/**
 * HMAC-signed Open API call.
 * @param {object} sb sandbox
 * @param {object} o
 * @param {string} o.path path under /api/v1/openapi (e.g. 'get_reviews') or absolute
 * @param {string|object} [o.query]
 * @param {object|string} [o.body] object -> JSON.stringify once; string -> sent verbatim
 * @param {object} [o.shop] default sb.shops[0]
 * @param {number|string} [o.timestamp]
 * @param {string} [o.signKey] sign with another key
 * @param {(p:{rawQuery:string, bodyText:string})=>{rawQuery?:string, bodyText?:string}} [o.tamper] change bytes after signing
 * @param {object} [o.headers] extra/override headers (null value removes one)
 */
function signedCall(sb, o) {
  const shop = o.shop || sb.shops[0];
  const method = o.method || (o.body === undefined ? 'GET' : 'POST');
  const rawQuery = toRawQuery(o.query);
  const bodyText = o.body === undefined ? '' : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const timestamp = o.timestamp === undefined ? nowSeconds() : o.timestamp;
  const sign = specSign(o.signKey || shop.privateToken, rawQuery, timestamp, bodyText);
  let sent = { rawQuery, bodyText };
  if (o.tamper) sent = { ...sent, ...o.tamper(sent) };
  const headers = { 'Public-Token': shop.publicToken, Timestamp: String(timestamp), Sign: sign };
  if (bodyText) headers['Content-Type'] = 'application/json';
  for (const [k, v] of Object.entries(o.headers || {})) {
    if (v === null) delete headers[k];
    else headers[k] = v;
  }
  const path = o.path.startsWith('/') ? o.path : `${API}/${o.path}`;
  return rawRequest(sb.url, { method, path, rawQuery: sent.rawQuery, body: sent.bodyText || undefined, headers });
}

/** Bearer-token Open API call. */
function bearerCall(sb, token, o) {
  const method = o.method || (o.body === undefined ? 'GET' : 'POST');
  const bodyText = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const headers = { Authorization: `Bearer ${token}`, ...(bodyText ? { 'Content-Type': 'application/json' } : {}), ...(o.headers || {}) };
  const path = o.path.startsWith('/') ? o.path : `${API}/${o.path}`;
  return rawRequest(sb.url, { method, path, rawQuery: toRawQuery(o.query), body: bodyText, headers });
}

/** Unauthenticated JSON call (platform endpoints carry client credentials themselves). */
function plainCall(sb, o) {
  const method = o.method || (o.body === undefined ? 'GET' : 'POST');
  const bodyText = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const headers = { ...(bodyText ? { 'Content-Type': 'application/json' } : {}), ...(o.headers || {}) };
  const path = o.path.startsWith('/') ? o.path : `${API}/${o.path}`;
  return rawRequest(sb.url, { method, path, rawQuery: toRawQuery(o.query), body: bodyText, headers });
}

/** Admin control-plane call. */
async function admin(sb, method, path, body) {
  const res = await rawRequest(sb.url, { method, path: `/__sandbox${path}`, body: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'Content-Type': 'application/json' } });
  return res;
}

/** Fetches every page of a paginated endpoint (signed). */
async function allPages(sb, path, query = {}, pageSize = 50, shop = undefined) {
  const items = [];
  for (let page = 1; ; page++) {
    const q = typeof query === 'string' ? `${query}${query ? '&' : ''}page=${page}&page_size=${pageSize}` : { ...query, page, page_size: pageSize };
    const res = await signedCall(sb, { path, query: q, shop });
    if (res.json.code !== 0) throw new Error(`${path} page ${page}: ${res.json.message}`);
    items.push(...res.json.data.list);
    if (page >= res.json.data.page.total_page) return { items, meta: res.json.data.page };
  }
}

const HEX32 = /^[0-9a-f]{32}$/;

/** Asserts the documented envelope around a response. */
function expectEnvelope(json, code) {
  expect(json).toEqual(expect.objectContaining({ code, message: expect.any(String), time: expect.any(Number), request_id: expect.stringMatching(HEX32) }));
  expect(Math.abs(json.time - nowSeconds())).toBeLessThan(5);
  if (code === 0) expect(json.message).toBe('success');
  else expect(json).not.toHaveProperty('data');
}

module.exports = { API, specSign, signedCall, bearerCall, plainCall, rawRequest, admin, allPages, toRawQuery, nowSeconds, expectEnvelope, HEX32 };
