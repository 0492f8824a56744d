'use strict';

const { readPageParams, paginate } = require('../lib/pagination');
const { readSortBy, sortByCreated } = require('../lib/sorting');
const { toEventJson } = require('../data/customer-events');

/**
 * GET /api/v1/openapi/get_customer_events. The docs list the filter values with "etc.", so an
 * unlisted value is not an error, it just matches nothing (inferred). Matching is exact.
 */
function getCustomerEvents(ctx) {
  ctx.requireScope('read_customer_events'); // UNKNOWN in the docs: scope; inferred name
  const q = ctx.query;
  const paging = readPageParams(q, ctx.opts);
  const sortBy = readSortBy(q);
  let items = ctx.store.events.filter((e) => e._shopId === ctx.shop.id);
  for (const name of ['event_type', 'os_type', 'event_source']) {
    const v = q.getNonEmpty(name);
    if (v !== undefined) items = items.filter((e) => e[name] === v);
  }
  return paginate(sortByCreated(items, sortBy, (e) => e._createdMs, (e) => Number(e.id)), paging, toEventJson);
}

module.exports = { getCustomerEvents };
