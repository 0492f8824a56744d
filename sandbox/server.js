'use strict';

const { ApiError, CODES } = require('./lib/errors');
const { buildEnvelope, httpStatusFor, newRequestId, RawJson } = require('./lib/envelope');
const { parsePairs, pairsToObject, QueryReader } = require('./lib/raw-query');
const { readBody } = require('./lib/read-body');
const { ROUTES, API_PREFIX } = require('./api/routes');
const { ApiContext } = require('./api/context');
const { authenticateShopRequest, authenticateBearerOnly } = require('./api/auth');
const { handleOss, OSS_PREFIX } = require('./web/oss');
const { handleConsent, CONSENT_PATH } = require('./web/consent');
const { handleAdmin, ADMIN_PREFIX } = require('./admin/admin-routes');

const LOGGED_RAW_BODY_CHARS = 20000;

function sendJson(res, status, obj, extraHeaders = {}) {
  const text = JSON.stringify(obj);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extraHeaders });
  res.end(text);
}

function sendText(res, status, text, extraHeaders = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extraHeaders });
  res.end(text);
}

/** Splits req.url without normalising it: the signature covers the raw query as received. */
function splitUrl(rawUrl) {
  const i = rawUrl.indexOf('?');
  return i < 0 ? { path: rawUrl, rawQuery: '' } : { path: rawUrl.slice(0, i), rawQuery: rawUrl.slice(i + 1) };
}

/** Answers a fault that replaces the response entirely; returns true when the request is finished. */
function applyTerminalFault(sandbox, fault, req, res, log) {
  log.fault = fault.kind;
  if (fault.kind === 'drop') {
    // Socket destroyed with no answer at all: the client sees ECONNRESET / socket hang up.
    req.socket.destroy();
    return true;
  }
  if (fault.kind === 'status') {
    const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
    log.status = fault.status;
    if (fault.body === 'text') {
      sendText(res, fault.status, fault.status === 429 ? 'Too Many Requests' : `Upstream error ${fault.status}`, headers);
      return true;
    }
    // inferred: 429 carries code 8 (rejected), 5xx code 13 (internal).
    const code = fault.status === 429 ? CODES.REJECTED : CODES.INTERNAL;
    log.code = code;
    sendJson(res, fault.status, buildEnvelope({ code, message: fault.status === 429 ? 'rejected: too many requests' : 'internal error: upstream unavailable', nowMs: sandbox.now(), requestId: log.requestId }), headers);
    return true;
  }
  if (fault.kind === 'code') {
    log.status = 200;
    log.code = fault.code;
    sendJson(res, 200, buildEnvelope({ code: fault.code, message: fault.message || (fault.code === CODES.REJECTED ? 'rejected: too many requests' : 'internal error'), nowMs: sandbox.now(), requestId: log.requestId }));
    return true;
  }
  return false;
}

async function handleApi(sandbox, req, res, { path, pairs, query, rawBody, log, fault }) {
  const ctx = new ApiContext({ sandbox, req, pairs, query, rawBody, log });
  const route = ROUTES[path];
  let body;
  let status;
  try {
    // inferred: an unknown route or wrong method is answered like a missing entity (code 5).
    if (!route) throw new ApiError(CODES.NOT_FOUND, `not found: no Open API route ${path}`);
    if (route.method !== req.method) throw new ApiError(CODES.NOT_FOUND, `not found: ${req.method} ${path} (this route takes ${route.method})`);
    if (route.auth === 'shop') authenticateShopRequest(ctx);
    else if (route.auth === 'bearer') authenticateBearerOnly(ctx);
    const result = await route.handler(ctx);
    if (result instanceof RawJson) {
      body = result.body;
      log.code = typeof body.code === 'number' ? body.code : null;
    } else {
      body = buildEnvelope({ code: CODES.OK, message: 'success', nowMs: ctx.nowMs, requestId: log.requestId, data: result });
      log.code = CODES.OK;
    }
    status = 200;
  } catch (e) {
    let code = CODES.INTERNAL;
    let message = 'internal error';
    if (e instanceof ApiError) {
      code = e.code;
      message = e.message;
    } else {
      log.error = String(e && e.stack ? e.stack : e);
      sandbox._internalError(e);
    }
    body = buildEnvelope({ code, message, nowMs: ctx.nowMs, requestId: log.requestId });
    log.code = code;
    log.message = message;
    status = httpStatusFor(code, sandbox._options.errorMode);
  }
  if (fault && fault.kind === 'emptyPage' && body.data && Array.isArray(body.data.list)) {
    body = { ...body, data: { ...body.data, list: [] } };
  }
  let text = JSON.stringify(body);
  if (fault && fault.kind === 'malformed') text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  log.status = status;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function indexPage(sandbox, res) {
  sendText(res, 200, `Trustoo sandbox\nOpen API: ${sandbox.publicUrl}${API_PREFIX}/…\nInfo: ${sandbox.publicUrl}${ADMIN_PREFIX}/info\n`);
}

/**
 * @param {import('./sandbox').Sandbox} sandbox
 * @returns {(req: import('http').IncomingMessage, res: import('http').ServerResponse) => void}
 */
function createRequestHandler(sandbox) {
  return (req, res) => {
    handle(sandbox, req, res).catch((e) => {
      sandbox._internalError(e);
      if (!res.headersSent) sendText(res, 500, 'sandbox internal error');
      else res.destroy();
    });
  };
}

async function handle(sandbox, req, res) {
  const { path, rawQuery } = splitUrl(req.url || '/');
  let rawBody;
  try {
    rawBody = await readBody(req);
  } catch (e) {
    if (e.tooLarge && !res.headersSent) sendText(res, 413, 'request body too large');
    return;
  }
  if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) {
    await handleAdmin(sandbox, req, res, { path, rawQuery, rawBody });
    return;
  }

  const pairs = parsePairs(rawQuery);
  const query = new QueryReader(pairs);
  const bodyText = rawBody.toString('utf8');
  const log = {
    seq: 0,
    at: Date.now(),
    method: req.method,
    path,
    query: pairsToObject(pairs),
    rawQuery,
    headers: { ...req.headers },
    rawBody: bodyText.length > LOGGED_RAW_BODY_CHARS ? `${bodyText.slice(0, LOGGED_RAW_BODY_CHARS)}…` : bodyText,
    rawBodyLength: rawBody.length,
    auth: 'none',
    authOk: false,
    code: null,
    status: null,
    shopId: null,
    platformId: null,
    requestId: newRequestId(),
    fault: null,
  };
  sandbox._recordRequest(log);

  const fault = sandbox._faults.take(path, query);
  if (fault && applyTerminalFault(sandbox, fault, req, res, log)) return;
  if (fault) log.fault = fault.kind;
  if (fault && fault.kind === 'latency') await sandbox._sleep(fault.ms);
  if (res.destroyed) return;

  if (path === OSS_PREFIX || path.startsWith(`${OSS_PREFIX}/`)) {
    log.status = handleOss(sandbox, req, res, { path, query, rawBody });
  } else if (path === CONSENT_PATH) {
    log.status = handleConsent(sandbox, req, res, { query, rawBody });
  } else if (path.startsWith(`${API_PREFIX}/`)) {
    await handleApi(sandbox, req, res, { path, pairs, query, rawBody, log, fault });
  } else if (path === '/' && req.method === 'GET') {
    log.status = 200;
    indexPage(sandbox, res);
  } else {
    log.status = 404;
    sendText(res, 404, 'not found');
  }
}

module.exports = { createRequestHandler, sendJson, sendText };
