'use strict';
const { API, ERROR_MODES, useSandbox, runNode, wire, expectSigned, expectTrustooError, expectRefused, wrongTokenCredentials, platformCredentials } = require('./support');

const rating = (extra) => ({ resource: 'rating', operation: 'get', ...extra });

/** The average as get_rating states it, recomputed from the star counts the node returned. */
function expectConsistent(item) {
	const counts = [1, 2, 3, 4, 5].map((stars) => item[`star${stars}_count`]);
	for (const value of [item.rating_value, item.review_count, ...counts]) expect(typeof value).toBe('number');
	expect(counts.reduce((a, b) => a + b, 0)).toBe(item.review_count);
	const mean = counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / item.review_count;
	expect(item.rating_value).toBeCloseTo(Math.round(mean * 10) / 10, 5);
}

describe.each(ERROR_MODES)('Rating → Get (errorMode=%s)', (errorMode) => {
	const ctx = useSandbox(errorMode);

	test.each([
		['the store', { ratingOf: 'store' }, { is_store_rating: '1' }],
		['all products', { ratingOf: 'allProducts' }, { is_all_products_rating: '1' }],
		['everything', { ratingOf: 'all' }, { is_all_rating: '1' }],
	])('for %s sends the one flag and returns numbers', async (_name, parameters, query) => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: rating(parameters) });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(wire(result.requests[0])).toEqual({ method: 'GET', path: `${API}/get_rating`, query, body: undefined });
		expectSigned(result.requests[0], ctx.sandbox);
		expect(result.items).toHaveLength(1);
		expect(Object.keys(result.items[0]).sort()).toEqual(
			['rating_value', 'review_count', 'star1_count', 'star2_count', 'star3_count', 'star4_count', 'star5_count'].sort(),
		);
		expect(result.items[0].review_count).toBeGreaterThan(0);
		expectConsistent(result.items[0]);
	});

	test('for a product by ID and by handle gives the same rating', async () => {
		const product = ctx.sandbox.shops[0].products[0];
		const byId = await runNode({ sandbox: ctx.sandbox, parameters: rating({ ratingOf: 'productId', productId: ` ${product.id} ` }) });
		const byHandle = await runNode({ sandbox: ctx.sandbox, parameters: rating({ ratingOf: 'productHandle', productHandle: product.handle }) });
		expect(wire(byId.requests[0]).query).toEqual({ product_id: product.id });
		expect(wire(byHandle.requests[0]).query).toEqual({ product_handle: product.handle });
		expect(byId.items).toEqual(byHandle.items);
		expect(byId.items[0].review_count).toBeGreaterThan(0);
		expectConsistent(byId.items[0]);
	});

	test('the selector may come from an expression, as an AI agent would fill it', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: rating({ ratingOf: '={{ "store" }}' }) });
		expect(result.error).toBeUndefined();
		expect(result.requests[0].query).toEqual({ is_store_rating: '1' });
	});

	test('works with the OAuth2 credential (Bearer)', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: rating({ authentication: 'oAuth2', ratingOf: 'all' }),
			credentials: platformCredentials(ctx.sandbox),
		});
		expect(result.error).toBeUndefined();
		expect(result.requests[0].auth).toBe('bearer');
		expect(result.requests[0].headers['public-token']).toBeUndefined();
		expectConsistent(result.items[0]);
	});

	test.each([
		[{ ratingOf: 'productId', productId: 'blue-shirt' }, 'Product ID must be a numeric ID (digits only)'],
		[{ ratingOf: 'productId', productId: '' }, 'Product ID is required'],
		[{ ratingOf: 'productHandle', productHandle: '  ' }, 'Product Handle is required'],
		[{ ratingOf: '={{ "shop" }}' }, 'Rating Of must be one of productId, productHandle, allProducts, all, store'],
	])('bad input %j is refused before any request', async (parameters, message) => {
		expectRefused(await runNode({ sandbox: ctx.sandbox, parameters: rating(parameters) }), message);
	});

	test('a Trustoo error names the code, message and request id', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: rating({ ratingOf: 'store' }), credentials: wrongTokenCredentials(ctx.sandbox) });
		expectTrustooError(result, { code: 16, meaning: 'unauthenticated', message: 'unauthenticated: signature mismatch' });
		expect(result.error.httpCode).toBe(errorMode === 'status' ? '401' : '200');
	});
});
