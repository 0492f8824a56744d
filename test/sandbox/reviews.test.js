'use strict';

const { startSandbox, createSandbox } = require('../../sandbox');
const { signedCall, allPages, expectEnvelope } = require('./helpers/client');

const SOURCES = ['CSV uploaded', 'AliExpress', 'Amazon', 'Store front', 'Store link', 'Email request', 'Auto', 'Shop', 'QR Code', 'Shopee', 'ChatWILL'];
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

let sb;
let all; // every review of shop 0, default order
beforeAll(async () => {
  sb = await startSandbox({ seed: 7 });
  all = (await allPages(sb, 'get_reviews', {}, 100)).items;
});
afterAll(() => sb.close());

function expectReviewShape(r) {
  expect(Object.keys(r).sort()).toEqual(['author', 'author_country', 'author_email', 'commented_at', 'content', 'created_at', 'id', 'is_featured',
    'is_published', 'is_top', 'is_verified', 'item_type', 'media', 'product_handle', 'product_id', 'product_title', 'rating', 'reply', 'source', 'title', 'updated_at']);
  expect(r.id).toMatch(/^\d+$/);
  expect(r.product_id).toMatch(/^\d+$/);
  expect([1, 2, 3, 4, 5]).toContain(r.rating);
  for (const f of ['author', 'author_email', 'author_country', 'title', 'content', 'product_handle', 'product_title', 'item_type']) expect(typeof r[f]).toBe('string');
  for (const f of ['commented_at', 'created_at', 'updated_at']) expect(r[f]).toMatch(DATETIME);
  for (const f of ['is_verified', 'is_featured', 'is_published', 'is_top']) expect([0, 1]).toContain(r[f]);
  expect(SOURCES).toContain(r.source);
  expect(Array.isArray(r.media)).toBe(true);
  for (const m of r.media) {
    expect(m).toEqual({ url: expect.stringMatching(/^https:\/\//), thumbnail_url: expect.stringMatching(/^https:\/\//), type: expect.any(Number), is_published: expect.any(Number) });
    expect([1, 2]).toContain(m.type);
  }
  if (r.reply !== null) expect(r.reply).toEqual({ content: expect.any(String), reply_at: expect.stringMatching(DATETIME) });
}

describe('seed data', () => {
  test('the main shop has reviewCount reviews with every documented field', () => {
    expect(all).toHaveLength(240);
    all.forEach(expectReviewShape);
  });

  test('data is realistic: skewed ratings, store reviews, media, replies, unicode', () => {
    const count = (fn) => all.filter(fn).length;
    expect(count((r) => r.rating === 5)).toBeGreaterThan(count((r) => r.rating === 3));
    expect(count((r) => r.product_id === '0')).toBeGreaterThan(10);
    expect(count((r) => r.product_id === '0' && r.product_handle === '' && r.product_title === '')).toBe(count((r) => r.product_id === '0'));
    expect(count((r) => r.media.length > 0)).toBeGreaterThan(20);
    expect(count((r) => r.media.some((m) => m.type === 2))).toBeGreaterThan(0);
    expect(count((r) => r.reply !== null)).toBeGreaterThan(10);
    expect(count((r) => r.is_published === 0)).toBeGreaterThan(0);
    const text = all.map((r) => r.title + r.content + r.author).join('');
    expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // CJK
    expect(text).toMatch(/\p{Extended_Pictographic}/u); // emoji
    expect(new Set(all.map((r) => r.product_id)).size).toBeGreaterThanOrEqual(6);
    expect(all.some((r) => /^\d{13}$/.test(r.product_id))).toBe(true);
  });

  test('same seed -> identical data; other seed -> different data', async () => {
    const a = createSandbox({ seed: 7 });
    const c = createSandbox({ seed: 7 });
    const b = createSandbox({ seed: 8 });
    const json = (x) => JSON.stringify([x._store.reviews, x._store.orders, x._store.events, x._store.exclusions]);
    expect(json(a)).toBe(json(c));
    expect(json(a)).not.toBe(json(b));
    // What the running seed-7 sandbox served equals the fresh seed-7 data.
    const fresh = a._store.reviews.filter((r) => r._shopId === a.shops[0].id).map((r) => r.id);
    expect(all.map((r) => r.id).sort()).toEqual(fresh.sort());
    expect(a.shops[0].publicToken).toBe(sb.shops[0].publicToken);
    expect(a.platform.clientSecret).toBe(sb.platform.clientSecret);
    expect(b.shops[0].publicToken).not.toBe(sb.shops[0].publicToken);
    await Promise.all([a.close(), b.close(), c.close()]);
  });

  test('the second shop has few reviews and never sees the first shop\'s', async () => {
    const res = await signedCall(sb, { path: 'get_reviews', shop: sb.shops[1], query: { page_size: 100 } });
    expect(res.json.data.page.count).toBeLessThan(15);
    const ids = new Set(all.map((r) => r.id));
    expect(res.json.data.list.some((r) => ids.has(r.id))).toBe(false);
  });
});

describe('get_reviews filters and sort', () => {
  const list = async (query) => (await allPages(sb, 'get_reviews', query, 100)).items;

  test('default sort is created-descending with id tie-break; ascending is the exact reverse', async () => {
    const key = (r) => `${r.created_at}#${r.id.padStart(12, '0')}`;
    const desc = all.map(key);
    expect(desc).toEqual(desc.slice().sort().reverse());
    const asc = await list({ sort_by: 'created-ascending' });
    expect(asc.map((r) => r.id)).toEqual(all.map((r) => r.id).reverse());
    const explicit = await list({ sort_by: 'created-descending' });
    expect(explicit.map((r) => r.id)).toEqual(all.map((r) => r.id));
    // Some reviews share created_at (CSV imports): the tie-break is what keeps pages stable.
    expect(new Set(all.map((r) => r.created_at)).size).toBeLessThan(all.length);
  });

  test('bad sort_by -> 3 naming sort_by', async () => {
    const res = await signedCall(sb, { path: 'get_reviews', query: { sort_by: 'rating' } });
    expect(res.json).toMatchObject({ code: 3, message: expect.stringContaining('sort_by') });
  });

  test.each([
    ['bracketed', (a, b) => `product_ids%5B0%5D=${a}&product_ids%5B1%5D=${b}`],
    ['repeated', (a, b) => `product_ids=${a}&product_ids=${b}`],
    ['comma-separated', (a, b) => `product_ids=${a},${b}`],
  ])('product_ids %s', async (name, build) => {
    const [a, b] = sb.shops[0].products.map((p) => p.id);
    const got = await list(build(a, b));
    const expected = all.filter((r) => r.product_id === a || r.product_id === b);
    expect(expected.length).toBeGreaterThan(0);
    expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  test('product_ids single value', async () => {
    const a = sb.shops[0].products[2].id;
    const got = await list({ product_ids: a });
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((r) => r.product_id === a)).toBe(true);
  });

  test('is_store_review 1 and 0 split the reviews', async () => {
    const store = await list({ is_store_review: 1 });
    const products = await list({ is_store_review: 0 });
    expect(store.every((r) => r.product_id === '0')).toBe(true);
    expect(products.every((r) => r.product_id !== '0')).toBe(true);
    expect(store.length + products.length).toBe(all.length);
    const bad = await signedCall(sb, { path: 'get_reviews', query: { is_store_review: 2 } });
    expect(bad.json).toMatchObject({ code: 3, message: 'invalid argument: is_store_review must be 0 or 1' });
  });

  test('keyword is case-insensitive over title, content and author', async () => {
    const got = await list({ keyword: 'QUALITY' });
    const expected = all.filter((r) => [r.title, r.content, r.author].some((f) => f.toLowerCase().includes('quality')));
    expect(expected.length).toBeGreaterThan(0);
    expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const author = all.find((r) => /[\u4e00-\u9fff]/.test(r.author));
    if (author) {
      const byAuthor = await list({ keyword: author.author });
      expect(byAuthor.map((r) => r.id)).toContain(author.id);
    }
    const cjk = await list({ keyword: '品質' });
    expect(cjk.length).toBeGreaterThan(0);
    expect(cjk.every((r) => (r.title + r.content + r.author).includes('品質'))).toBe(true);
    expect(await list({ keyword: 'zzz-no-such-text' })).toEqual([]);
  });

  test('ratings (all three encodings) and validation', async () => {
    const expected = all.filter((r) => r.rating <= 2).map((r) => r.id);
    for (const q of ['ratings=1&ratings=2', 'ratings=1,2', 'ratings%5B0%5D=1&ratings%5B1%5D=2']) {
      expect((await list(q)).map((r) => r.id)).toEqual(expected);
    }
    const bad = await signedCall(sb, { path: 'get_reviews', query: { ratings: '6' } });
    expect(bad.json).toMatchObject({ code: 3, message: expect.stringContaining('ratings') });
  });

  test('sources filter and validation', async () => {
    const got = await list({ sources: ['Email request', 'Amazon'] });
    expect(got.map((r) => r.id)).toEqual(all.filter((r) => ['Email request', 'Amazon'].includes(r.source)).map((r) => r.id));
    const bad = await signedCall(sb, { path: 'get_reviews', query: { sources: 'Facebook' } });
    expect(bad.json).toMatchObject({ code: 3, message: expect.stringContaining('sources') });
  });

  test('filters combine', async () => {
    const pid = sb.shops[0].products[0].id;
    const got = await list({ product_ids: pid, ratings: '5', sort_by: 'created-ascending' });
    const expected = all.filter((r) => r.product_id === pid && r.rating === 5).reverse();
    expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });
});

describe('get_review', () => {
  test('by id (default mode) returns the same object as the list', async () => {
    const target = all[17];
    const res = await signedCall(sb, { path: 'get_review', query: { id: target.id } });
    expectEnvelope(res.json, 0);
    expect(res.json.data).toEqual(target);
  });

  test('unknown id -> 5; another shop\'s review -> 5; missing id -> 3', async () => {
    expect((await signedCall(sb, { path: 'get_review', query: { id: '999' } })).json.code).toBe(5);
    const other = await signedCall(sb, { path: 'get_review', shop: sb.shops[1], query: { id: all[0].id } });
    expect(other.json.code).toBe(5);
    expect((await signedCall(sb, { path: 'get_review' })).json).toMatchObject({ code: 3, message: 'invalid argument: id is required' });
  });

  test('reviewIdParam review_id: reads review_id and ignores id', async () => {
    sb.setMode({ reviewIdParam: 'review_id' });
    try {
      const target = all[3];
      const ok = await signedCall(sb, { path: 'get_review', query: { review_id: target.id } });
      expect(ok.json.data.id).toBe(target.id);
      const ignored = await signedCall(sb, { path: 'get_review', query: { id: target.id } });
      expect(ignored.json).toMatchObject({ code: 3, message: 'invalid argument: review_id is required' });
    } finally {
      sb.setMode({ reviewIdParam: 'id' });
    }
    const ignoredNow = await signedCall(sb, { path: 'get_review', query: { review_id: all[3].id } });
    expect(ignoredNow.json.code).toBe(3);
  });
});

describe('create_review', () => {
  const V6 = {
    product_id: '9200305176832',
    rating: 5,
    author: 'Trustoo',
    author_country: 'US',
    content: 'Great jacket 🧥 — 很好',
    source: 'ChatWILL',
    media: [
      { url: 'https://img.trustoo.io/review/a.jpg', thumbnail_url: 'https://img.trustoo.io/review/a_t.jpg', type: 1, is_published: 1 },
      { url: 'https://img.trustoo.io/review/b.mp4', thumbnail_url: 'https://img.trustoo.io/review/b.jpg', type: 2, is_published: 0 },
    ],
  };

  test('the V6 example body creates a review that the API then serves', async () => {
    const res = await signedCall(sb, { path: 'create_review', body: V6 });
    expectEnvelope(res.json, 0);
    const r = res.json.data;
    expectReviewShape(r);
    expect(r).toMatchObject({ product_id: '9200305176832', product_handle: 'aurora-down-parka', rating: 5, author: 'Trustoo', author_country: 'US', content: V6.content, source: 'ChatWILL', media: V6.media, reply: null, is_published: 1 });
    const detail = await signedCall(sb, { path: 'get_review', query: { id: r.id } });
    expect(detail.json.data).toEqual(r);
    const first = await signedCall(sb, { path: 'get_reviews', query: { page_size: 1 } });
    expect(first.json.data.list[0].id).toBe(r.id);
    expect(first.json.data.page.count).toBe(241);
  });

  test('V2/V3 fields: integer product_id, order_id, flags, commented_at, reply, item_type', async () => {
    const body = { product_id: 9200305209600, order_id: 5601234560001, rating: 3, author: 'Zoë', author_email: 'zoe@example.com', title: 'ok', content: 'fine',
      commented_at: '2025-06-20 11:06:48', item_type: 'Rust', source: 'CSV uploaded', is_verified: 1, is_featured: 1, is_published: 0, is_top: 1,
      reply: { content: 'Thanks!', reply_at: '2025-06-21 08:00:00' }, tag: 'imported' };
    const r = (await signedCall(sb, { path: 'create_review', body })).json.data;
    expect(r).toMatchObject({ product_id: '9200305209600', rating: 3, commented_at: '2025-06-20 11:06:48', item_type: 'Rust', source: 'CSV uploaded',
      is_verified: 1, is_featured: 1, is_published: 0, is_top: 1, reply: { content: 'Thanks!', reply_at: '2025-06-21 08:00:00' } });
  });

  test('store review when product_id is 0 or absent', async () => {
    const a = (await signedCall(sb, { path: 'create_review', body: { rating: 4, author: 'A', product_id: 0 } })).json.data;
    const b = (await signedCall(sb, { path: 'create_review', body: { rating: 4, author: 'B' } })).json.data;
    expect([a.product_id, b.product_id]).toEqual(['0', '0']);
  });

  test.each([
    ['rating is required', { author: 'x' }],
    ['rating must be an integer 1-5', { rating: 6, author: 'x' }],
    ['rating must be an integer 1-5', { rating: 0, author: 'x' }],
    ['rating must be an integer 1-5', { rating: '5', author: 'x' }],
    ['rating must be an integer 1-5', { rating: 4.5, author: 'x' }],
    ['author is required', { rating: 5 }],
    ['author must be at most 120 characters', { rating: 5, author: 'a'.repeat(121) }],
    ['title must be at most 300 characters', { rating: 5, author: 'x', title: 't'.repeat(301) }],
    ['content must be at most 10000 characters', { rating: 5, author: 'x', content: 'c'.repeat(10001) }],
    ['commented_at must be a date-time', { rating: 5, author: 'x', commented_at: '2025-06-20T11:06:48Z' }],
    ['commented_at must be a date-time', { rating: 5, author: 'x', commented_at: '2025-02-30 10:00:00' }],
    ['source must be one of', { rating: 5, author: 'x', source: 'Facebook' }],
    ['is_verified must be 0 or 1', { rating: 5, author: 'x', is_verified: true }],
    ['product_id must be a numeric string', { rating: 5, author: 'x', product_id: 'abc' }],
    ['author_email must be a valid email', { rating: 5, author: 'x', author_email: 'not-an-email' }],
    ['media must be an array', { rating: 5, author: 'x', media: { images: ['https://a/b.jpg'] } }],
    ['media[0].url must be an http(s) URL', { rating: 5, author: 'x', media: [{ url: 'ftp://a/b.jpg' }] }],
    ['media[0].type must be 1 (image) or 2 (video)', { rating: 5, author: 'x', media: [{ url: 'https://a/b.jpg', type: 3 }] }],
    ['media must have at most 10 items', { rating: 5, author: 'x', media: Array.from({ length: 11 }, () => ({ url: 'https://a/b.jpg' })) }],
    ['reply must be an object', { rating: 5, author: 'x', reply: 'thanks' }],
    ['reply.content is required', { rating: 5, author: 'x', reply: { content: '' } }],
  ])('invalid body -> 3 "%s"', async (fragment, body) => {
    const res = await signedCall(sb, { path: 'create_review', body });
    expectEnvelope(res.json, 3);
    expect(res.json.message).toContain(`invalid argument: ${fragment}`);
  });

  test('author length counts characters, not bytes', async () => {
    const res = await signedCall(sb, { path: 'create_review', body: { rating: 5, author: '王'.repeat(120) } });
    expect(res.json.code).toBe(0);
  });
});

describe('delete_review', () => {
  test('deletes; unknown and other shop -> 5; missing id -> 3', async () => {
    const target = all[5];
    const res = await signedCall(sb, { path: 'delete_review', body: { id: target.id } });
    expectEnvelope(res.json, 0);
    expect((await signedCall(sb, { path: 'get_review', query: { id: target.id } })).json.code).toBe(5);
    expect((await signedCall(sb, { path: 'delete_review', body: { id: target.id } })).json.code).toBe(5);
    expect((await signedCall(sb, { path: 'delete_review', body: { id: Number(all[6].id) }, shop: sb.shops[1] })).json.code).toBe(5);
    expect((await signedCall(sb, { path: 'delete_review', body: { id: Number(all[6].id) } })).json.code).toBe(0);
    expect((await signedCall(sb, { path: 'delete_review', body: {} })).json).toMatchObject({ code: 3, message: 'invalid argument: id is required' });
  });
});
