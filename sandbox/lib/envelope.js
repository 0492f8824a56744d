'use strict';

const crypto = require('crypto');
const { CODES } = require('./errors');

/** 32 lowercase hex chars, the current request_id format (V1 used UUIDs). */
function newRequestId() {
  return crypto.randomBytes(16).toString('hex');
}

/**
 * The documented envelope. Errors carry no `data` key.
 * inferred: ErrorResponse = SuccessResponse minus data (the V6 schema body was not retrievable).
 * @param {{code:number, message:string, nowMs:number, requestId:string, data?:any}} p
 */
function buildEnvelope({ code, message, nowMs, requestId, data }) {
  const env = { code, message, time: Math.floor(nowMs / 1000), request_id: requestId };
  if (code === CODES.OK && data !== undefined) env.data = data;
  return env;
}

// UNKNOWN in the docs: whether errors ever use a non-200 HTTP status. errorMode 'status' uses this
// mapping; 8 -> 429 is inferred from code 8 being gRPC RESOURCE_EXHAUSTED.
const STATUS_BY_CODE = Object.freeze({
  [CODES.OK]: 200,
  [CODES.INVALID_ARGUMENT]: 400,
  [CODES.UNAUTHENTICATED]: 401,
  [CODES.NOT_FOUND]: 404,
  [CODES.ALREADY_EXISTS]: 409,
  [CODES.REJECTED]: 429,
  [CODES.INTERNAL]: 500,
});

/**
 * @param {number} code
 * @param {'http200'|'status'} errorMode
 */
function httpStatusFor(code, errorMode) {
  if (code === CODES.OK || errorMode !== 'status') return 200;
  return STATUS_BY_CODE[code] || 500;
}

/** A handler result that is sent as-is instead of being wrapped (e.g. unsubscribe, revoke `{}`). */
class RawJson {
  /** @param {object} body */
  constructor(body) {
    this.body = body;
  }
}

module.exports = { newRequestId, buildEnvelope, httpStatusFor, RawJson, STATUS_BY_CODE };
