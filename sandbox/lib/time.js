'use strict';

const { invalidArgument } = require('./errors');

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD HH:MM:SS' in UTC, the format of commented_at / reply_at. inferred: UTC. */
function formatDateTime(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** ISO-8601 without milliseconds, 'Z' suffix, as in the webhook created_at example. */
function formatIso(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Builds a UTC time and rejects impossible calendar values such as 2025-02-30. */
function utcParts(y, mo, d, h = 0, mi = 0, s = 0) {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  const same = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d &&
    back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === s;
  return same ? ms : null;
}

/** Strict 'YYYY-MM-DD HH:MM:SS' -> ms, or null. */
function parseDateTime(str) {
  if (typeof str !== 'string') return null;
  const m = DATETIME_RE.exec(str);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  return utcParts(y, mo, d, h, mi, s);
}

/**
 * Date filters of get_orders. UNKNOWN in the docs: the format. Accepted: 'YYYY-MM-DD',
 * 'YYYY-MM-DD HH:MM:SS' (UTC) and unix seconds; anything else is code 3 so that a client sending
 * milliseconds or ISO strings notices. A bare date used as an upper bound covers the whole day (inferred).
 * @param {string} value
 * @param {string} field
 * @param {'start'|'end'} edge
 * @returns {number} ms
 */
function parseDateFilter(value, field, edge) {
  const allowed = `${field} must be 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS' or unix seconds`;
  if (/^\d{1,10}$/.test(value)) return Number(value) * 1000;
  const dt = parseDateTime(value);
  if (dt !== null) return dt;
  const m = DATE_RE.exec(value);
  if (m) {
    const [y, mo, d] = m.slice(1).map(Number);
    const start = utcParts(y, mo, d);
    if (start !== null) return edge === 'end' ? start + 86399 * 1000 : start;
  }
  throw invalidArgument(allowed);
}

module.exports = { formatDateTime, formatIso, parseDateTime, parseDateFilter };
