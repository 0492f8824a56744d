'use strict';

const { invalidArgument } = require('../lib/errors');
const { readPageParams, paginate } = require('../lib/pagination');
const { readSortBy, sortByCreated } = require('../lib/sorting');
const { parseDateFilter } = require('../lib/time');
const { toOrderJson } = require('../data/orders');

function readRange(query, startName, endName) {
  const s = query.getNonEmpty(startName);
  const e = query.getNonEmpty(endName);
  return {
    start: s === undefined ? undefined : parseDateFilter(s, startName, 'start'),
    end: e === undefined ? undefined : parseDateFilter(e, endName, 'end'),
  };
}

const inRange = (ms, { start, end }) => (start === undefined || ms >= start) && (end === undefined || ms <= end);

/** GET /api/v1/openapi/get_orders */
function getOrders(ctx) {
  ctx.requireScope('read_orders'); // UNKNOWN in the docs: scope; inferred name
  const q = ctx.query;
  const paging = readPageParams(q, ctx.opts);
  const sortBy = readSortBy(q);
  const type = q.getNonEmpty('type');
  if (type !== undefined && !/^[0-6]$/.test(type)) {
    throw invalidArgument('type must be 0 (all), 1 waiting, 2 scheduled, 3 sent, 4 opened, 5 evaluated or 6 cancelled');
  }
  const sent = readRange(q, 'start_sent_at', 'end_sent_at');
  const created = readRange(q, 'start_time', 'end_time');

  let items = ctx.store.orders.filter((o) => o._shopId === ctx.shop.id);
  // inferred: each type value matches exactly that status (3 "sent" does not include opened/evaluated).
  if (type !== undefined && type !== '0') items = items.filter((o) => o.type === Number(type));
  if (sent.start !== undefined || sent.end !== undefined) items = items.filter((o) => o._sentMs !== null && inRange(o._sentMs, sent));
  if (created.start !== undefined || created.end !== undefined) items = items.filter((o) => inRange(o._createdMs, created));
  return paginate(sortByCreated(items, sortBy, (o) => o._createdMs, (o) => o._numericId), paging, toOrderJson);
}

module.exports = { getOrders };
