'use strict';
/**
 * Return All / Limit, retries and error mapping of the node's one request executor, run through
 * n8n-core's engine against the sandbox. Review → Get Many is the vehicle; every list operation
 * shares this executor.
 */
const { startSandbox } = require('../../sandbox');
const { runNode, shopCredentials } = require('./harness');

const REVIEWS = '/api/v1/openapi/get_reviews';
const getMany = (extra = {}) => ({ resource: 'review', operation: 'getAll', returnAll: true, ...extra });
const pagesAsked = (requests) => requests.filter((r) => r.path === REVIEWS).map((r) => Number(r.query.page ?? 1));

describe.each(['http200', 'status'])('listing and errors with errorMode=%s', (errorMode) => {
	let sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ errorMode, reviewCount: 240, seed: 7 });
	});
	afterAll(async () => sandbox.close());
	afterEach(() => sandbox.clearFaults());

	test('Return All walks every page once, in order, with the filters on every page', async () => {
		const { items, error, requests } = await runNode({ sandbox, parameters: getMany({ filters: { ratings: ['4', '5'] }, sortBy: 'created-ascending' }) });
		expect(error).toBeUndefined();
		// The oracle is the sandbox's own data, not another run of the node.
		const stored = sandbox._store.reviewsOf(sandbox.shops[0].id).filter((r) => r.rating >= 4);
		const oracle = stored.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id)).map((r) => r.id);
		expect(items.length).toBeGreaterThan(100);
		expect(items.every((review) => review.rating >= 4)).toBe(true);
		expect(new Set(items.map((review) => review.id)).size).toBe(items.length);
		expect(items.map((r) => r.id)).toEqual(oracle);
		const created = items.map((review) => review.created_at);
		expect([...created].sort()).toEqual(created);
		expect(pagesAsked(requests)).toEqual([1, 2]);
		for (const request of requests) {
			expect(request.authOk).toBe(true);
			expect(request.query['ratings[0]']).toBe('4');
			expect(request.query['ratings[1]']).toBe('5');
			expect(request.query.page_size).toBe('100');
			expect(request.query.sort_by).toBe('created-ascending');
		}
	});

	test('Limit stops at the limit and asks only for the pages it needs', async () => {
		const { items, requests } = await runNode({ sandbox, parameters: getMany({ returnAll: false, limit: 130 }) });
		expect(items).toHaveLength(130);
		expect(pagesAsked(requests)).toEqual([1, 2]);
		const small = await runNode({ sandbox, parameters: getMany({ returnAll: false, limit: 7 }) });
		expect(small.items).toHaveLength(7);
		expect(small.requests[0].query.page_size).toBe('7');
	});

	test('an empty result is no items and no error', async () => {
		const { items, error, requests } = await runNode({ sandbox, parameters: getMany({ filters: { keyword: 'no review says this 7d1f' } }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(requests).toHaveLength(1);
	});

	test.each([
		['429 with Retry-After', { kind: 'status', status: 429, retryAfter: 1 }],
		['502', { kind: 'status', status: 502 }],
		['a dropped connection', { kind: 'drop' }],
		['malformed JSON', { kind: 'malformed' }],
		['an empty page', { kind: 'emptyPage' }],
		['code 13', { kind: 'code', code: 13 }],
	])('a transient %s on page 2 is retried for that page only', async (_name, fault) => {
		const clean = await runNode({ sandbox, parameters: getMany() });
		sandbox.inject({ path: REVIEWS, page: 2, times: 1, ...fault });
		const { items, error, requests } = await runNode({ sandbox, parameters: getMany() });
		expect(error).toBeUndefined();
		expect(items.map((r) => r.id)).toEqual(clean.items.map((r) => r.id));
		expect(pagesAsked(requests)).toEqual([1, 2, 2, 3]);
	}, 30000);

	test('a page that stays empty inside the listing fails the run instead of returning part of it', async () => {
		sandbox.inject({ path: REVIEWS, page: 2, times: 10, kind: 'emptyPage' });
		const { items, error } = await runNode({ sandbox, parameters: getMany() });
		expect(items).toEqual([]);
		expect(error.message).toBe('Trustoo returned an empty page 2 of 3 while listing');
	});

	test('a failure that outlasts the retries fails the item with Trustoo’s details', async () => {
		sandbox.inject({ path: REVIEWS, page: 2, times: 10, kind: 'status', status: 503 });
		const { items, error, requests } = await runNode({ sandbox, parameters: getMany() });
		expect(items).toEqual([]);
		expect(error.message).toMatch(/^Trustoo error 13 \(internal error\): |^Trustoo answered HTTP 503/);
		expect(error.description).toMatch(/request_id: [0-9a-f]{32}/);
		expect(pagesAsked(requests)).toEqual([1, 2, 2, 2, 2]);
	}, 60000);

	test('a wrong private token is code 16, named with its request_id, and not retried by the node', async () => {
		const credentials = { trustooApi: { ...shopCredentials(sandbox), privateToken: 'not-the-private-token' } };
		const { error, requests } = await runNode({ sandbox, credentials, parameters: getMany() });
		expect(error.message).toMatch(/^Trustoo error 16 \(unauthenticated\): /);
		expect(error.description).toContain(`request_id: ${requests[requests.length - 1].requestId}`);
		expect(error.description).toContain(`HTTP status: ${errorMode === 'status' ? 401 : 200}`);
		// n8n's HTTP helper itself repeats a request once after an HTTP 401; the node adds nothing.
		expect(requests).toHaveLength(errorMode === 'status' ? 2 : 1);
		expect(JSON.stringify(error)).not.toContain('not-the-private-token');
	});

	test('Continue On Fail turns the failure into an error item and keeps the other items going', async () => {
		const [existing] = (await runNode({ sandbox, parameters: getMany({ returnAll: false, limit: 1 }) })).items;
		const { rawItems } = await runNode({
			sandbox,
			continueOnFail: true,
			input: [{ json: { id: '0000000' } }, { json: { id: existing.id } }],
			parameters: { resource: 'review', operation: 'get', reviewId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		});
		expect(rawItems).toHaveLength(2);
		expect(rawItems[0].json.error).toMatch(/Trustoo error 5 \(not found\)/);
		expect(rawItems[1].json.id).toBe(existing.id);
	});
});

describe('page size the server clamps below what the node asks for', () => {
	test('total_page drives the walk, so nothing is lost', async () => {
		const sandbox = await startSandbox({ pageSizeCap: 40, reviewCount: 130 });
		try {
			const { items, requests } = await runNode({ sandbox, parameters: getMany() });
			expect(items).toHaveLength(130);
			expect(pagesAsked(requests)).toEqual([1, 2, 3, 4]);
		} finally {
			await sandbox.close();
		}
	});
});

describe('listing sizes around the page boundary', () => {
	test.each([
		[1, [1]],
		[100, [1]],
		[101, [1, 2]],
		[200, [1, 2]],
		[201, [1, 2, 3]],
	])('%i reviews come back whole, asking for pages %j', async (reviewCount, pages) => {
		const sandbox = await startSandbox({ reviewCount, seed: 3 });
		try {
			const { items, error, requests } = await runNode({ sandbox, parameters: getMany() });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(reviewCount);
			expect(new Set(items.map((r) => r.id)).size).toBe(reviewCount);
			expect(pagesAsked(requests)).toEqual(pages);
		} finally {
			await sandbox.close();
		}
	});
});
