'use strict';

const { invalidArgument, notFound, alreadyExists } = require('../lib/errors');
const { RawJson } = require('../lib/envelope');
const { isEmail } = require('../lib/fields');
const { readPageParams, paginate } = require('../lib/pagination');
const { readSortBy, sortByCreated } = require('../lib/sorting');
const { EMAIL_TYPES } = require('../data/catalog');
const { makeExclusion, toExclusionJson } = require('../data/exclusions');

function readEmail(body, name = 'email') {
  const v = body[name];
  if (v === undefined || v === null || v === '') throw invalidArgument(`${name} is required`);
  if (!isEmail(v)) throw invalidArgument(`${name} must be a valid email address`);
  return v;
}

/** POST /api/v1/openapi/email_unsubscribe -> {code:0, message:"OK", request_id} without data or time (as documented). */
function emailUnsubscribe(ctx) {
  ctx.requireScope('write_customers'); // UNKNOWN in the docs: scope; inferred name
  const body = ctx.jsonObject();
  const email = readEmail(body);
  const type = body.email_type;
  if (type === undefined || type === null || type === '') throw invalidArgument(`email_type is required, one of ${EMAIL_TYPES.join(', ')}`);
  if (!EMAIL_TYPES.includes(type)) throw invalidArgument(`email_type must be one of ${EMAIL_TYPES.join(', ')}`);
  const list = ctx.store.unsubscribes;
  // inferred: unsubscribing twice is not an error.
  if (!list.some((u) => u.shopId === ctx.shop.id && u.email.toLowerCase() === email.toLowerCase() && u.email_type === type)) {
    list.push({ shopId: ctx.shop.id, email, email_type: type, at: ctx.nowMs });
  }
  return new RawJson({ code: 0, message: 'OK', request_id: ctx.log.requestId });
}

const exclusionsOf = (ctx) => ctx.store.exclusions.filter((x) => x._shopId === ctx.shop.id);

/** POST /api/v1/openapi/create_customer_exclude {email} -> data CustomerExclusion */
function createCustomerExclude(ctx) {
  ctx.requireScope('write_customers'); // UNKNOWN in the docs: scope; inferred name
  const body = ctx.jsonObject();
  const email = readEmail(body);
  const lower = email.toLowerCase();
  // inferred: excluding the same email twice is code 6 (already exists).
  if (exclusionsOf(ctx).some((x) => x.email.toLowerCase() === lower)) throw alreadyExists(`customer exclusion for ${email}`);
  // inferred: an email that is not a known customer still gets an exclusion with a new customer_id.
  const known = ctx.store.customerByEmail(ctx.shop.id, email);
  const customer = known || { customer_id: String(ctx.store.nextCustomerId++), first_name: '', last_name: '', email, phone: '' };
  const x = makeExclusion(ctx.shop.id, customer, ctx.nowMs);
  ctx.store.exclusions.push(x);
  return toExclusionJson(x);
}

/** POST /api/v1/openapi/delete_customer_exclude: exactly one of customer_id / email. */
function deleteCustomerExclude(ctx) {
  ctx.requireScope('write_customers');
  const body = ctx.jsonObject();
  const has = (k) => body[k] !== undefined && body[k] !== null && body[k] !== '';
  if (has('customer_id') === has('email')) throw invalidArgument('exactly one of customer_id or email is required');
  let target;
  if (has('customer_id')) {
    const id = body.customer_id;
    if (!(typeof id === 'string' && /^\d+$/.test(id)) && !(Number.isSafeInteger(id) && id >= 0)) {
      throw invalidArgument('customer_id must be a numeric string');
    }
    target = exclusionsOf(ctx).find((x) => x.customer_id === String(id));
    if (!target) throw notFound(`customer exclusion ${id}`);
  } else {
    const email = readEmail(body);
    target = exclusionsOf(ctx).find((x) => x.email.toLowerCase() === email.toLowerCase());
    if (!target) throw notFound(`customer exclusion for ${email}`);
  }
  ctx.store.exclusions = ctx.store.exclusions.filter((x) => x !== target);
  return {}; // UNKNOWN in the docs: answer data; inferred empty object
}

/** GET /api/v1/openapi/get_customer_excludes — UNKNOWN in the docs: path; inferred, paginated. */
function getCustomerExcludes(ctx) {
  ctx.requireScope('read_customers'); // inferred scope
  const paging = readPageParams(ctx.query, ctx.opts);
  const sortBy = readSortBy(ctx.query);
  return paginate(sortByCreated(exclusionsOf(ctx), sortBy, (x) => x._createdMs, (x) => Number(x.customer_id)), paging, toExclusionJson);
}

module.exports = { emailUnsubscribe, createCustomerExclude, deleteCustomerExclude, getCustomerExcludes };
