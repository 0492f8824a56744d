'use strict';

const { SandboxUsageError } = require('./errors');

const KINDS = ['status', 'latency', 'drop', 'malformed', 'emptyPage', 'code'];
const FAULT_STATUSES = [429, 500, 502, 503];

const isNonNegInt = (v) => Number.isInteger(v) && v >= 0;

/**
 * Validates a fault description; throws SandboxUsageError on misuse.
 * @param {object} spec
 */
function normalizeFault(spec, id) {
  if (!spec || typeof spec !== 'object') throw new SandboxUsageError('a fault must be an object');
  const f = {
    id,
    path: spec.path,
    kind: spec.kind,
    times: spec.times === undefined ? 1 : spec.times,
    afterRequests: spec.afterRequests === undefined ? 0 : spec.afterRequests,
    page: spec.page === undefined || spec.page === null ? undefined : String(spec.page),
    seen: 0,
    fired: 0,
  };
  if (typeof f.path !== 'string' || !f.path.startsWith('/')) throw new SandboxUsageError('fault.path must be an exact path such as /api/v1/openapi/get_reviews');
  if (!KINDS.includes(f.kind)) throw new SandboxUsageError(`fault.kind must be one of ${KINDS.join(', ')}`);
  if (!Number.isInteger(f.times) || f.times < 1) throw new SandboxUsageError('fault.times must be a positive integer');
  if (!isNonNegInt(f.afterRequests)) throw new SandboxUsageError('fault.afterRequests must be a non-negative integer');
  if (f.kind === 'status') {
    if (!FAULT_STATUSES.includes(spec.status)) throw new SandboxUsageError(`fault.status must be one of ${FAULT_STATUSES.join(', ')}`);
    f.status = spec.status;
    if (spec.retryAfter !== undefined) {
      if (!isNonNegInt(spec.retryAfter)) throw new SandboxUsageError('fault.retryAfter must be whole seconds');
      f.retryAfter = spec.retryAfter;
    }
    f.body = spec.body === undefined ? 'envelope' : spec.body;
    if (!['envelope', 'text'].includes(f.body)) throw new SandboxUsageError('fault.body must be envelope or text');
  }
  if (f.kind === 'latency') {
    if (!isNonNegInt(spec.ms)) throw new SandboxUsageError('fault.ms must be a non-negative integer (milliseconds)');
    f.ms = spec.ms;
  }
  if (f.kind === 'code') {
    if (!Number.isInteger(spec.code) || spec.code === 0) throw new SandboxUsageError('fault.code must be a non-zero business code such as 8 or 13');
    f.code = spec.code;
    if (spec.message !== undefined) f.message = String(spec.message);
  }
  return f;
}

/** Active faults, matched against each incoming request in injection order. */
class FaultSet {
  constructor() {
    this.list = [];
    this.nextId = 1;
  }

  add(spec) {
    const f = normalizeFault(spec, this.nextId++);
    this.list.push(f);
    return { ...f };
  }

  clear() {
    this.list = [];
  }

  describe() {
    return this.list.map((f) => ({ ...f }));
  }

  /**
   * Every matching fault counts the request; the first one past its afterRequests with shots left
   * fires. A page filter compares with the effective page ('1' when absent).
   * @param {string} path
   * @param {import('./raw-query').QueryReader} query
   */
  take(path, query) {
    let chosen;
    const page = query.get('page') === undefined ? '1' : query.get('page');
    for (const f of this.list) {
      if (f.path !== path || (f.page !== undefined && f.page !== page)) continue;
      f.seen += 1;
      if (!chosen && f.seen > f.afterRequests && f.fired < f.times) chosen = f;
    }
    if (chosen) {
      chosen.fired += 1;
      if (chosen.fired >= chosen.times) this.list = this.list.filter((f) => f !== chosen);
    }
    return chosen;
  }
}

module.exports = { FaultSet, normalizeFault, KINDS, FAULT_STATUSES };
