'use strict';

const { ApiError, SandboxUsageError } = require('../lib/errors');

/*
 * /__sandbox/* control plane (JSON in, JSON out; not part of the Trustoo API, not logged in
 * sandbox.requests). Mirrors the programmatic API.
 */
const ADMIN_PREFIX = '/__sandbox';

function send(res, status, obj) {
  const text = JSON.stringify(obj, null, 2);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function parseJson(rawBody) {
  const text = rawBody.toString('utf8').trim();
  if (text === '') return {};
  try {
    const v = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return v;
  } catch (e) {
    throw new SandboxUsageError('admin request body must be a JSON object');
  }
}

function withoutShop(body) {
  const { shop, ...rest } = body;
  return { shop, fields: rest };
}

/** @type {Array<[string, RegExp, (sb:any, body:any, m:RegExpMatchArray, q:URLSearchParams)=>any]>} */
const ROUTES = [
  ['GET', /^\/info$/, (sb) => sb.info()],
  ['POST', /^\/reviews$/, (sb, body) => {
    const { shop, fields } = withoutShop(body);
    return sb.createReview(sb._shopIndex(shop), fields);
  }],
  ['POST', /^\/reviews\/([^/]+)\/update$/, (sb, body, m) => sb.updateReview(decodeURIComponent(m[1]), body)],
  ['POST', /^\/reviews\/([^/]+)\/delete$/, (sb, body, m) => sb.deleteReview(decodeURIComponent(m[1]))],
  ['POST', /^\/reviews\/([^/]+)\/hide$/, (sb, body, m) => sb.hideReview(decodeURIComponent(m[1]))],
  ['POST', /^\/customer_events$/, (sb, body) => {
    const { shop, fields } = withoutShop(body);
    return sb.createCustomerEvent(sb._shopIndex(shop), fields);
  }],
  ['GET', /^\/deliveries$/, (sb) => sb.deliveries],
  ['GET', /^\/requests$/, (sb, body, m, q) => (q.get('path') ? sb.requests.filter((r) => r.path === q.get('path')) : sb.requests)],
  ['DELETE', /^\/requests$/, (sb) => {
    sb.clearRequests();
    return { ok: true };
  }],
  ['GET', /^\/mode$/, (sb) => sb.modes()],
  ['POST', /^\/mode$/, (sb, body) => {
    if ('clock' in body) throw new SandboxUsageError('clock can only be set programmatically');
    sb.setMode(body);
    return sb.modes();
  }],
  ['GET', /^\/faults$/, (sb) => sb.faults()],
  ['POST', /^\/faults$/, (sb, body) => sb.inject(body)],
  ['DELETE', /^\/faults$/, (sb) => {
    sb.clearFaults();
    return { ok: true };
  }],
  ['POST', /^\/reset$/, (sb) => {
    sb.reset();
    return { ok: true };
  }],
  ['GET', /^\/webhooks$/, (sb) => sb.webhooks()],
  ['POST', /^\/webhooks\/send-test$/, (sb, body) => sb.sendTestWebhook(sb._shopIndex(body.shop), body.topic)],
  ['POST', /^\/oauth\/approve$/, (sb, body) => ({ code: sb.approveConsent({ ...body, shopIndex: sb._shopIndex(body.shop !== undefined ? body.shop : body.shopIndex) }) })],
  ['POST', /^\/oauth\/tokens$/, (sb, body) => sb.issueTokens({ shopIndex: sb._shopIndex(body.shop), scope: body.scope })],
];

/**
 * @param {import('../sandbox').Sandbox} sandbox
 */
async function handleAdmin(sandbox, req, res, { path, rawQuery, rawBody }) {
  const sub = path.slice(ADMIN_PREFIX.length) || '/';
  const q = new URLSearchParams(rawQuery);
  const candidates = ROUTES.filter(([, re]) => re.test(sub));
  if (!candidates.length) return send(res, 404, { error: `no admin route ${path}` });
  const route = candidates.find(([method]) => method === req.method);
  if (!route) return send(res, 405, { error: `${req.method} not allowed on ${path}; use ${candidates.map(([m]) => m).join(', ')}` });
  try {
    const body = req.method === 'GET' || req.method === 'DELETE' ? {} : parseJson(rawBody);
    const result = await route[2](sandbox, body, sub.match(route[1]), q);
    return send(res, 200, result === undefined ? { ok: true } : result);
  } catch (e) {
    if (e instanceof SandboxUsageError) return send(res, e.status, { error: e.message });
    if (e instanceof ApiError || e instanceof TypeError) return send(res, 400, { error: e.message });
    sandbox._internalError(e);
    return send(res, 500, { error: 'sandbox internal error' });
  }
}

module.exports = { handleAdmin, ADMIN_PREFIX };
