'use strict';

const { invalidArgument, notFound, alreadyExists } = require('../lib/errors');
const { isHttpUrl } = require('../lib/fields');
const { toWebhookJson, TOPICS } = require('../state/webhooks');

/** V6 webhook scopes: review/* topics need write_reviews (sic), customer_event/created read_customer_events. */
const scopeForTopic = (topic) => (topic === 'customer_event/created' ? 'read_customer_events' : 'write_reviews');

function readTopic(body) {
  const t = body.topic;
  if (t === undefined || t === null || t === '') throw invalidArgument(`topic is required, one of ${TOPICS.join(', ')}`);
  if (!TOPICS.includes(t)) throw invalidArgument(`topic must be one of ${TOPICS.join(', ')}`);
  return t;
}

function readUrl(body) {
  const u = body.url;
  if (u === undefined || u === null || u === '') throw invalidArgument('url is required');
  // inferred: any absolute http(s) URL, query strings allowed; 2048 is a common URL column size.
  if (!isHttpUrl(u)) throw invalidArgument('url must be an absolute http(s) URL');
  if (u.length > 2048) throw invalidArgument('url must be at most 2048 characters');
  return u;
}

function readId(body) {
  const id = body.id;
  if (id === undefined || id === null || id === '') throw invalidArgument('id is required');
  // The V1 doc types id as integer while answers return a string: both are accepted.
  if (!(typeof id === 'string' && /^\d+$/.test(id)) && !(Number.isSafeInteger(id) && id >= 0)) {
    throw invalidArgument('id must be an integer or a numeric string');
  }
  return String(Number(id));
}

function checkDuplicate(ctx, topic, url, exceptId) {
  // UNKNOWN in the docs: duplicates -> mode duplicateWebhook ('reject' = code 6 | 'allow').
  if (ctx.opts.duplicateWebhook === 'reject' && ctx.store.webhooks.findDuplicate(ctx.owner, topic, url, exceptId)) {
    throw alreadyExists(`a webhook for ${topic} -> ${url}`);
  }
}

/** POST /api/v1/openapi/create_shop_webhook {topic, url} */
function createWebhook(ctx) {
  const body = ctx.jsonObject();
  const topic = readTopic(body);
  ctx.requireScope(scopeForTopic(topic));
  const url = readUrl(body);
  checkDuplicate(ctx, topic, url);
  return toWebhookJson(ctx.store.webhooks.create(ctx.owner, topic, url, ctx.nowMs));
}

/** POST /api/v1/openapi/update_shop_webhook {id, topic, url} (all required, V1 table) */
function updateWebhook(ctx) {
  const body = ctx.jsonObject();
  const id = readId(body);
  const topic = readTopic(body);
  ctx.requireScope(scopeForTopic(topic)); // inferred: the scope of the new topic
  const url = readUrl(body);
  const w = ctx.store.webhooks.findFor(ctx.owner, id);
  if (!w) throw notFound(`webhook ${id}`);
  checkDuplicate(ctx, topic, url, w.id);
  return toWebhookJson(ctx.store.webhooks.update(w, topic, url, ctx.nowMs));
}

/** POST /api/v1/openapi/delete_shop_webhook {id}; inferred: any valid token may delete its own webhooks. */
function deleteWebhook(ctx) {
  const body = ctx.jsonObject();
  const id = readId(body);
  const w = ctx.store.webhooks.findFor(ctx.owner, id);
  if (!w) throw notFound(`webhook ${id}`);
  ctx.store.webhooks.remove(w);
  return {}; // UNKNOWN in the docs: answer data; inferred empty object
}

/** GET /api/v1/openapi/get_shop_webhooks -> data = array (not paginated) */
function getWebhooks(ctx) {
  return ctx.store.webhooks.listFor(ctx.owner).map(toWebhookJson);
}

module.exports = { createWebhook, updateWebhook, deleteWebhook, getWebhooks, scopeForTopic };
