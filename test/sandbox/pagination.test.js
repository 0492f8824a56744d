'use strict';

const { startSandbox } = require('../../sandbox');
const { signedCall } = require('./helpers/client');

let sb;
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 245 });
});
afterAll(() => sb.close());
afterEach(() => sb.setMode({ pageSizeCap: 100, pageSizeOverCap: 'clamp' }));

const page = async (path, query) => (await signedCall(sb, { path, query })).json;

describe.each(['get_reviews', 'get_orders', 'get_customer_events', 'get_customer_excludes'])('%s pagination', (path) => {
  test('defaults: page 1, page_size 20; meta per the doc', async () => {
    const r = await page(path, {});
    expect(r.code).toBe(0);
    expect(Object.keys(r.data)).toEqual(['page', 'list']);
    const { count } = r.data.page;
    expect(r.data.page).toEqual({ page: 1, page_size: 20, total_page: Math.ceil(count / 20), count });
    expect(r.data.list).toHaveLength(Math.min(20, count));
  });

  test('walking every page returns each item once; a page past the end is empty with intact meta', async () => {
    const first = await page(path, { page_size: 7 });
    const { count, total_page: totalPage } = first.data.page;
    expect(totalPage).toBe(Math.ceil(count / 7));
    const seen = [];
    for (let p = 1; p <= totalPage; p++) {
      const r = await page(path, { page: p, page_size: 7 });
      expect(r.data.page).toEqual({ page: p, page_size: 7, total_page: totalPage, count });
      expect(r.data.list.length).toBe(p < totalPage ? 7 : count - 7 * (totalPage - 1));
      seen.push(...r.data.list.map((x) => JSON.stringify(x)));
    }
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
    const past = await page(path, { page: totalPage + 1, page_size: 7 });
    expect(past.code).toBe(0);
    expect(past.data).toEqual({ page: { page: totalPage + 1, page_size: 7, total_page: totalPage, count }, list: [] });
  });

  test.each([['page', '0'], ['page', '-1'], ['page', 'abc'], ['page', '1.5'], ['page', ''], ['page_size', '0'], ['page_size', 'ten'], ['page_size', '2e1']])(
    '%s=%s -> 3 naming the field', async (name, value) => {
      const r = await page(path, `${name}=${value}`);
      expect(r).toMatchObject({ code: 3, message: `invalid argument: ${name} must be a positive integer` });
    },
  );
});

describe('page_size cap', () => {
  test('clamp (default): page_size above the cap is served at the cap', async () => {
    const r = await page('get_reviews', { page_size: 500 });
    expect(r.data.page).toEqual({ page: 1, page_size: 100, total_page: 3, count: 245 });
    expect(r.data.list).toHaveLength(100);
  });

  test('reject: page_size above the cap -> 3 naming page_size and the range', async () => {
    sb.setMode({ pageSizeOverCap: 'reject' });
    expect(await page('get_reviews', { page_size: 101 })).toMatchObject({ code: 3, message: 'invalid argument: page_size must be an integer 1-100' });
    expect((await page('get_reviews', { page_size: 100 })).code).toBe(0);
  });

  test('pageSizeCap is configurable', async () => {
    sb.setMode({ pageSizeCap: 30 });
    const r = await page('get_reviews', { page_size: 50, page: 9 });
    expect(r.data.page).toEqual({ page: 9, page_size: 30, total_page: 9, count: 245 });
    expect(r.data.list).toHaveLength(5);
  });
});
