'use strict';

const { startSandbox } = require('../../sandbox');
const { signedCall, allPages, expectEnvelope } = require('./helpers/client');

let sb;
let all;
beforeAll(async () => {
  sb = await startSandbox({ seed: 3 });
  all = (await allPages(sb, 'get_reviews', {}, 100)).items;
});
afterAll(() => sb.close());

/** Independent expectation: published reviews only, mean rounded to one decimal. */
function expected(reviews) {
  const pub = reviews.filter((r) => r.is_published === 1);
  const c = [1, 2, 3, 4, 5].map((n) => pub.filter((r) => r.rating === n).length);
  const mean = pub.length ? pub.reduce((s, r) => s + r.rating, 0) / pub.length : 0;
  return { rating_value: (Math.round(mean * 10) / 10).toFixed(1), review_count: pub.length, star1_count: c[0], star2_count: c[1], star3_count: c[2], star4_count: c[3], star5_count: c[4] };
}

const rating = async (query, shop) => {
  const res = await signedCall(sb, { path: 'get_rating', query, shop });
  expectEnvelope(res.json, res.json.code);
  return res.json;
};

describe('get_rating', () => {
  test('is_all_rating=1 covers every published review; shape per the doc', async () => {
    const r = await rating({ is_all_rating: 1 });
    expect(r.code).toBe(0);
    expect(Object.keys(r.data)).toEqual(['rating_value', 'review_count', 'star1_count', 'star2_count', 'star3_count', 'star4_count', 'star5_count']);
    expect(r.data.rating_value).toMatch(/^\d\.\d$/);
    expect(r.data).toEqual(expected(all));
  });

  test('is_all_products_rating=1 and is_store_rating=1', async () => {
    expect((await rating({ is_all_products_rating: 1 })).data).toEqual(expected(all.filter((x) => x.product_id !== '0')));
    expect((await rating({ is_store_rating: 1 })).data).toEqual(expected(all.filter((x) => x.product_id === '0')));
  });

  test('by product_id and by product_handle', async () => {
    const p = sb.shops[0].products[1];
    const want = expected(all.filter((x) => x.product_id === p.id));
    expect(want.review_count).toBeGreaterThan(0);
    expect((await rating({ product_id: p.id })).data).toEqual(want);
    expect((await rating({ product_handle: p.handle })).data).toEqual(want);
  });

  test('unknown product -> zero counts, "0.0"', async () => {
    expect((await rating({ product_id: '1' })).data).toEqual({ rating_value: '0.0', review_count: 0, star1_count: 0, star2_count: 0, star3_count: 0, star4_count: 0, star5_count: 0 });
  });

  test('no selector -> 3; bad flag -> 3 naming it', async () => {
    expect((await rating({})).code).toBe(3);
    const bad = await rating({ is_store_rating: 'yes' });
    expect(bad).toMatchObject({ code: 3, message: 'invalid argument: is_store_rating must be 0 or 1' });
  });

  test('follows the current reviews (create and delete)', async () => {
    const p = sb.shops[0].products[4];
    const before = (await rating({ product_id: p.id })).data;
    const created = await signedCall(sb, { path: 'create_review', body: { product_id: p.id, rating: 1, author: 'Grumpy' } });
    const after = (await rating({ product_id: p.id })).data;
    expect(after.review_count).toBe(before.review_count + 1);
    expect(after.star1_count).toBe(before.star1_count + 1);
    await signedCall(sb, { path: 'delete_review', body: { id: created.json.data.id } });
    expect((await rating({ product_id: p.id })).data).toEqual(before);
  });

  test('per shop', async () => {
    const r = await rating({ is_all_rating: 1 }, sb.shops[1]);
    const own = (await allPages(sb, 'get_reviews', {}, 100)).items.length;
    expect(r.data.review_count).toBeLessThan(own);
    expect(r.data.review_count).toBeLessThan(15);
  });
});
