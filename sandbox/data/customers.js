'use strict';

const { createRng } = require('../lib/random');
const { AUTHORS } = require('./catalog');

/**
 * Customer pool behind orders, events and exclusions. inferred: Shopify-style numeric customer ids.
 * @returns {Array<{customer_id:string, first_name:string, last_name:string, email:string, phone:string}>}
 */
function generateCustomers(seed, shop, count) {
  const rng = createRng(seed, `customers/${shop.key}`);
  const out = [];
  let id = shop.key === 'main' ? 7390012345001 : 7390098765001;
  for (let i = 0; i < count; i++) {
    const [name, country] = AUTHORS[(i * 7 + rng.int(0, 3)) % AUTHORS.length];
    const parts = name.split(' ');
    const first = parts[0];
    const last = parts.slice(1).join(' ');
    const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');
    out.push({
      customer_id: String(id),
      first_name: first,
      last_name: last,
      email: `${ascii || 'customer'}.${i + 1}@example.com`,
      phone: rng.chance(0.6) ? `+${country === 'US' || country === 'CA' ? '1' : '44'}555${String(rng.int(1000000, 9999999))}` : '',
    });
    id += rng.int(1, 900);
  }
  return out;
}

module.exports = { generateCustomers };
