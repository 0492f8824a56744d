'use strict';

const { formatIso } = require('../lib/time');

const CUSTOMER_EXCLUSION_FIELDS = ['customer_id', 'first_name', 'last_name', 'email', 'phone', 'created_at', 'updated_at'];

/** CustomerExclusion as documented in V3 (dates ISO-8601 Z). */
function toExclusionJson(x) {
  const out = {};
  for (const k of CUSTOMER_EXCLUSION_FIELDS) out[k] = x[k];
  return out;
}

function makeExclusion(shopId, customer, atMs) {
  return {
    _shopId: shopId,
    _createdMs: atMs,
    customer_id: customer.customer_id,
    first_name: customer.first_name,
    last_name: customer.last_name,
    email: customer.email,
    phone: customer.phone,
    created_at: formatIso(atMs),
    updated_at: formatIso(atMs),
  };
}

module.exports = { toExclusionJson, makeExclusion, CUSTOMER_EXCLUSION_FIELDS };
