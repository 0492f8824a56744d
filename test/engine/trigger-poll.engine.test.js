'use strict';
// The polling trigger through n8n-core's PollContext against the sandbox, with n8n's rules for
// when static data is saved (after activation and when a poll emits).
const { NodeApiError } = require('n8n-workflow');
const { startSandbox } = require('../../sandbox');
const { createPollTrigger } = require('./trigger-harness');

const REVIEWS = '/api/v1/openapi/get_reviews';

let sb;
beforeAll(async () => {
	sb = await startSandbox({ reviewCount: 12 });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	sb.reset();
});

const poller = (parameters = {}) => createPollTrigger({ sandbox: sb, parameters: { event: 'created', ...parameters } });
const pagesRead = () => sb.requests.filter((r) => r.path === REVIEWS).map((r) => Number(r.query.page));
const burst = (count, fields = () => ({})) => Array.from({ length: count }, (_, n) => sb.createReview(0, { author: `Burst ${n}`, ...fields(n) }));

describe('activation', () => {
	test('starts from now: the first poll emits nothing, reads one page and saves the cursor', async () => {
		const p = poller();
		sb.clearRequests();
		await p.activate();
		expect(p.runs).toEqual([]);
		expect(pagesRead()).toEqual([1]);
		expect(sb.requests[0].query.sort_by).toBe('created-descending');
		expect(p.nodeStaticData().trustooCursor).toEqual({ createdMs: expect.any(Number), ids: [expect.any(String)] });
		const review = sb.createReview(0);
		expect((await p.tick()).items.map((item) => item.id)).toEqual([review.id]);
	});

	test('look back N hours: the reviews of the last hour come out once, at activation', async () => {
		const recent = burst(3);
		const p = poller({ lookbackHours: 1 });
		await p.activate();
		expect(p.runs.map((run) => run.map((item) => item.id))).toEqual([recent.map((review) => review.id)]);
		expect((await p.tick()).items).toEqual([]);
	});

	test('a failing first poll fails the activation (n8n runs it at once and rethrows)', async () => {
		sb.inject({ path: REVIEWS, kind: 'code', code: 16, message: 'bad signature' });
		await expect(poller().activate()).rejects.toBeInstanceOf(NodeApiError);
	});
});

describe('every new review exactly once, oldest first', () => {
	test('a burst larger than a page: all of it in one run, in creation order; the next poll is empty', async () => {
		const p = poller();
		await p.activate();
		const created = burst(130);
		sb.clearRequests();
		const { items } = await p.tick();
		expect(pagesRead()).toEqual([1, 2]);
		expect(items.map((item) => item.id)).toEqual(created.map((review) => review.id));
		expect(new Set(items.map((item) => item.id)).size).toBe(130);
		expect(items[0]).toMatchObject({ author: 'Burst 0', _trustoo: { topic: 'review/created', polled_at: expect.any(String) } });
		expect((await p.tick()).items).toEqual([]);
	});

	test('an error between polls leaves the cursor where it was; the next poll delivers everything once', async () => {
		const p = poller();
		await p.activate();
		const created = burst(130);
		const savedBefore = JSON.stringify(p.savedStaticData);
		const liveBefore = p.liveState();
		sb.inject({ path: REVIEWS, kind: 'code', code: 3, message: 'page broke', page: 2 });
		const failed = await p.tick();
		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect(failed.error.message).toBe('Trustoo error 3 (invalid argument): page broke');
		expect(p.runs).toEqual([]);
		expect(p.liveState()).toEqual(liveBefore);
		expect(JSON.stringify(p.savedStaticData)).toBe(savedBefore);
		const later = burst(2);
		const { items } = await p.tick();
		expect(items.map((item) => item.id)).toEqual([...created, ...later].map((review) => review.id));
		expect((await p.tick()).items).toEqual([]);
	});

	test('what was emitted is saved with the emit: a restart repeats nothing', async () => {
		const p = poller();
		await p.activate();
		burst(3);
		expect((await p.tick()).items).toHaveLength(3);
		await p.restart();
		expect(p.runs).toHaveLength(1);
		expect((await p.tick()).items).toEqual([]);
		const after = burst(1);
		expect((await p.tick()).items.map((item) => item.id)).toEqual([after[0].id]);
	});

	test('a review deleted meanwhile does not move the cursor back or repeat anything', async () => {
		const p = poller();
		await p.activate();
		const [a, b] = burst(2);
		await p.tick();
		sb.deleteReview(b.id);
		expect((await p.tick()).items).toEqual([]);
		expect((await p.tick()).items).toEqual([]);
		expect(p.runs.flat().map((item) => item.id)).toEqual([a.id, b.id]);
	});
});

describe('filters and output', () => {
	test('only matching reviews start the workflow; the cursor still moves past the others', async () => {
		const p = poller({ filters: { negativeOnly: true } });
		await p.activate();
		burst(4, (n) => ({ rating: [5, 1, 4, 2][n] }));
		expect((await p.tick()).items.map((item) => item.rating)).toEqual([1, 2]);
		expect((await p.tick()).items).toEqual([]);
	});

	test('a poll whose new reviews are all filtered out emits nothing', async () => {
		const p = poller({ filters: { verifiedOnly: true } });
		await p.activate();
		burst(2, () => ({ is_verified: 0 }));
		expect(await p.tick()).toEqual({ items: [] });
		expect(p.runs).toEqual([]);
	});

	test('Simplify compacts the output', async () => {
		const p = poller({ simplify: true });
		await p.activate();
		const [review] = burst(1, () => ({ rating: 2, title: 'Meh' }));
		const [item] = (await p.tick()).items;
		expect(item).toMatchObject({ id: review.id, rating: 2, title: 'Meh', is_store_review: false, media_urls: [] });
		expect(item.product_handle).toBeUndefined();
	});
});

describe('manual mode (Fetch Test Event)', () => {
	test('returns the newest review as sample data and leaves the cursor alone', async () => {
		const p = poller();
		await p.activate();
		const saved = JSON.stringify(p.savedStaticData);
		const [latest] = burst(1, () => ({ title: 'Newest' }));
		const sample = await p.manual();
		expect(sample).toHaveLength(1);
		expect(sample[0]).toMatchObject({ id: latest.id, title: 'Newest', _trustoo: { topic: 'review/created' } });
		expect(JSON.stringify(p.savedStaticData)).toBe(saved);
		expect((await p.tick()).items.map((item) => item.id)).toEqual([latest.id]);
	});

	test('prefers the newest review that matches the filters', async () => {
		const p = poller({ filters: { negativeOnly: true } });
		const [bad] = burst(2, (n) => ({ rating: n === 0 ? 1 : 5 }));
		const sample = await p.manual();
		expect(sample.map((item) => item.id)).toEqual([bad.id]);
	});
});

describe('updated reviews (optional; Trustoo has no updated-since filter)', () => {
	test('an edit of a review on the watched pages is reported once, as review/updated', async () => {
		const p = poller({ event: 'createdOrUpdated', updatePages: 1 });
		await p.activate();
		const [target] = await p.manual();
		sb.updateReview(target.id, { content: 'Edited by the merchant', rating: 1 });
		const { items } = await p.tick();
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ id: target.id, content: 'Edited by the merchant', _trustoo: { topic: 'review/updated' } });
		expect((await p.tick()).items).toEqual([]);
	});

	test('limit: an edit of a review older than the watched pages is not seen', async () => {
		const p = poller({ event: 'createdOrUpdated', updatePages: 1 });
		await p.activate();
		const [oldest] = await p.manual();
		burst(100);
		expect((await p.tick()).items).toHaveLength(100);
		sb.updateReview(oldest.id, { content: 'Too old to be watched' });
		expect((await p.tick()).items).toEqual([]);
	});

	test('with "New Review" only, edits are never reported', async () => {
		const p = poller({ event: 'created' });
		await p.activate();
		const [target] = await p.manual();
		sb.updateReview(target.id, { content: 'Edited' });
		expect((await p.tick()).items).toEqual([]);
	});
});
