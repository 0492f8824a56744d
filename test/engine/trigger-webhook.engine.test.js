'use strict';
// Deliveries from the sandbox (signed, retried on Trustoo's schedule) into the instant trigger's
// webhook(), through n8n-core's WebhookContext on a real HTTP server.
const { startSandbox } = require('../../sandbox');
const { waitUntil } = require('../sandbox/helpers/receiver');
const { startWebhookTrigger, postDelivery, logger } = require('./trigger-harness');
const { setProcessSeen } = require('../../dist/nodes/TrustooTrigger/dedupe');

const ACK = '{"code":0,"message":"success"}';
const MINUTE_MS = 20;

let sb;
let h;
beforeAll(async () => {
	sb = await startSandbox({ reviewCount: 12, minuteMs: MINUTE_MS, deliveryTimeoutMs: 2000 });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	sb.reset();
	sb.setMode({ clock: undefined, platformWebhookKey: 'client_secret', reviewIdParam: 'id' });
	logger.clear();
});
afterEach(async () => {
	if (h) await h.close();
	h = undefined;
});

const shop = () => sb.shops[0];
const active = async (parameters, credentials) => {
	h = await startWebhookTrigger({ sandbox: sb, parameters, credentials });
	await h.activate();
	return h;
};
const settled = async () => {
	await waitUntil(() => sb.deliveries.length > 0 && sb.deliveries.every((d) => d.done), 5000);
	await h.idle();
};
const at = (topic, base = h.productionUrl) => `${base}?topic=${encodeURIComponent(topic)}`;
/** A delivery signed like Trustoo's; resolves once the trigger has finished with it. */
const signed = async (url, body, extra = {}) => {
	const answer = await postDelivery(url, { body, key: shop().privateToken, publicToken: shop().publicToken, ...extra });
	await h.idle();
	return answer;
};
const warnings = () => logger.of('warn');

describe('acknowledgement and output', () => {
	test('answers HTTP 200 with exactly {"code":0,"message":"success"}; Trustoo counts it delivered at once', async () => {
		await active({ events: ['review/created'] });
		const review = sb.createReview(0, { rating: 4, content: 'Fits well' });
		await settled();
		const [delivery] = sb.deliveries;
		expect(delivery.acknowledged).toBe(true);
		expect(delivery.attempts).toHaveLength(1);
		expect(delivery.attempts[0]).toMatchObject({ status: 200, body: ACK });
		expect(h.responses[0]).toMatchObject({ status: 200, body: ACK, contentType: 'application/json; charset=utf-8' });
		expect(h.runs).toHaveLength(1);
		const [item] = h.runs[0].items;
		expect(item).toMatchObject({ id: review.id, rating: 4, content: 'Fits well', shopify_shop_id: shop().id, product_id: review.product_id });
		expect(typeof item.id).toBe('string');
		expect(item._trustoo).toEqual({
			topic: 'review/created',
			request_id: delivery.requestId,
			received_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			shop: shop().myshopifyDomain,
		});
	});

	test('each topic is told apart by its ?topic= URL, including hidden reviews and customer events', async () => {
		await active({ events: ['review/updated', 'review/deleted', 'customer_event/created'] });
		const reviewId = sb.createReview(0, { rating: 2 }).id;
		sb.updateReview(reviewId, { content: 'Edited' });
		sb.hideReview(reviewId);
		const event = sb.createCustomerEvent(0, { event_type: 'CLICK_MEDIA' });
		await waitUntil(() => h.runs.length === 3);
		expect(h.runs.map((run) => run.items[0]._trustoo.topic)).toEqual(['review/updated', 'review/deleted', 'customer_event/created']);
		expect(h.runs[0].items[0]).toMatchObject({ id: reviewId, content: 'Edited' });
		expect(h.runs[1].items[0]).toMatchObject({ id: reviewId, is_published: 0 });
		expect(h.runs[2].items[0]).toMatchObject({ id: event.id, event_type: 'CLICK_MEDIA' });
	});

	test('a delivery with several items starts one run with one item each, in order', async () => {
		await active({ events: ['review/created'] });
		const list = [1, 2, 3].map((n) => ({ id: 900 + n, rating: n, my_shopify_domain: shop().myshopifyDomain, product_id: 9200305176832 }));
		const answer = await signed(at('review/created'), { list });
		expect(answer).toEqual({ status: 200, body: ACK });
		expect(h.runs).toHaveLength(1);
		expect(h.runs[0].items.map((item) => [item.id, item.rating, item.product_id])).toEqual([
			['901', 1, '9200305176832'],
			['902', 2, '9200305176832'],
			['903', 3, '9200305176832'],
		]);
	});

	test('Simplify compacts every review and keeps the delivery context', async () => {
		await active({ events: ['review/created'], simplify: true });
		const review = sb.createReview(0, { rating: 5, title: 'Great', media: [{ url: 'https://img.trustoo.io/a.jpg', type: 1 }] });
		await waitUntil(() => h.runs.length === 1);
		const [item] = h.runs[0].items;
		expect(Object.keys(item).sort()).toEqual(
			['_trustoo', 'author', 'author_country', 'author_email', 'commented_at', 'content', 'id', 'is_store_review', 'is_verified', 'media_urls', 'product_id', 'rating', 'reply', 'source', 'title'].sort(),
		);
		expect(item).toMatchObject({ id: review.id, title: 'Great', media_urls: ['https://img.trustoo.io/a.jpg'], is_store_review: false });
		expect(item._trustoo.topic).toBe('review/created');
	});

	test('Fetch Full Review loads the review by id; a thin delivery comes out complete', async () => {
		await active({ events: ['review/updated'], fetchFullReview: true });
		const review = sb.createReview(0, { rating: 3, title: 'Complete', content: 'All the fields' });
		sb.clearRequests();
		const answer = await signed(at('review/updated'), { list: [{ id: Number(review.id), my_shopify_domain: shop().myshopifyDomain }] });
		expect(answer.status).toBe(200);
		const detail = sb.requests.filter((r) => r.path === '/api/v1/openapi/get_review');
		expect(detail).toHaveLength(1);
		expect(detail[0].query.id).toBe(review.id);
		expect(h.runs[0].items[0]).toMatchObject({ id: review.id, title: 'Complete', content: 'All the fields', rating: 3, my_shopify_domain: shop().myshopifyDomain });
		expect(h.runs[0].items[0]._trustoo.fetch_error).toBeUndefined();
	});

	test('works whichever query name Get Review Detail reads (review_id mode)', async () => {
		sb.setMode({ reviewIdParam: 'review_id' });
		await active({ events: ['review/updated'], fetchFullReview: true });
		const review = sb.createReview(0, { title: 'By review_id' });
		await signed(at('review/updated'), { list: [{ id: Number(review.id) }] });
		expect(h.runs[0].items[0]).toMatchObject({ id: review.id, title: 'By review_id' });
	});

	test('if loading the full review fails, the delivered item is output with the error attached', async () => {
		await active({ events: ['review/updated'], fetchFullReview: true });
		sb.inject({ path: '/api/v1/openapi/get_review', kind: 'code', code: 5, message: 'review not found' });
		const answer = await signed(at('review/updated'), { list: [{ id: 4242, rating: 1 }] });
		expect(answer).toEqual({ status: 200, body: ACK });
		const [item] = h.runs[0].items;
		expect(item).toMatchObject({ id: '4242', rating: 1 });
		expect(item._trustoo.fetch_error.message).toBe('Trustoo error 5 (not found): review not found');
		expect(warnings().some((m) => m.includes('could not fetch review 4242'))).toBe(true);
	});
});

describe('signature verification', () => {
	const review = { list: [{ id: 501, rating: 5, my_shopify_domain: 'aurora-outfitters.myshopify.com' }] };

	test.each([
		['a wrong key', { key: 'not-the-private-token' }, 'signature mismatch'],
		['a tampered body', { body: '{"list":[{"id":501,"rating":1}]}', signBody: true }, 'signature mismatch'],
		['a stale timestamp (16 minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 16 * 60 }, 'stale timestamp'],
		['a timestamp 16 minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 16 * 60 }, 'stale timestamp'],
		['no signature', { headers: { 'Open-Trustoo-Webhook-Sign': undefined } }, 'missing signature header'],
		['no timestamp', { headers: { 'Open-Trustoo-Webhook-Timestamp': undefined } }, 'missing timestamp header'],
		['another shop’s public token', { publicToken: 'GfKu22TCaj4gULtrA3/OgA==' }, 'public token mismatch'],
	])('%s: HTTP 401 naming the reason, no run, a warning in the log', async (_name, over, reason) => {
		await active({ events: ['review/created'] });
		let answer;
		if (over.signBody) {
			// Signed over one body, another sent: the bytes Trustoo signed are not the bytes received.
			const { signing } = require('../../sandbox');
			const ts = Math.floor(Date.now() / 1000);
			answer = await signed(at('review/created'), over.body, { timestamp: ts, headers: { 'Open-Trustoo-Webhook-Sign': signing.signWebhook(shop().privateToken, ts, JSON.stringify(review)) } });
		} else {
			const { signBody, ...rest } = over;
			answer = await signed(at('review/created'), review, rest);
		}
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({ code: 16, message: `Webhook signature rejected: ${reason}` });
		expect(h.runs).toHaveLength(0);
		expect(warnings()).toContain(`Trustoo Trigger rejected a delivery: ${reason}`);
		expect(logger.entries.map((e) => `${e.message} ${JSON.stringify(e.meta)}`).join('\n')).not.toContain(shop().privateToken);
	});

	test('a delivery signed with a clock 20 minutes behind is refused until the clock is right, then accepted once', async () => {
		await active({ events: ['review/created'] });
		sb.setMode({ clock: () => Date.now() - 20 * 60 * 1000 });
		sb.createReview(0, { rating: 1 });
		await waitUntil(() => h.responses.length >= 1);
		sb.setMode({ clock: undefined });
		await settled();
		const [delivery] = sb.deliveries;
		expect(delivery.acknowledged).toBe(true);
		expect(delivery.attempts[0]).toMatchObject({ status: 401 });
		expect(JSON.parse(delivery.attempts[0].body).message).toBe('Webhook signature rejected: stale timestamp');
		expect(delivery.attempts[delivery.attempts.length - 1]).toMatchObject({ status: 200, body: ACK });
		expect(h.runs).toHaveLength(1);
	});

	test('a replay of a real delivery (same request id, fresh signature) is acknowledged and starts nothing', async () => {
		await active({ events: ['review/created'] });
		sb.createReview(0);
		await settled();
		const [delivery] = sb.deliveries;
		const replay = await signed(at('review/created'), delivery.body, { requestId: delivery.requestId });
		expect(replay).toEqual({ status: 200, body: ACK });
		const stale = await signed(at('review/created'), delivery.body, { requestId: delivery.requestId, timestamp: delivery.attempts[0].timestamp - 16 * 60 });
		expect(stale.status).toBe(401);
		expect(h.runs).toHaveLength(1);
	});

	test('Verify Signature off accepts an unsigned delivery', async () => {
		await active({ events: ['review/created'], verifySignature: false });
		const answer = await signed(at('review/created'), review, { headers: { 'Open-Trustoo-Webhook-Sign': undefined } });
		expect(answer).toEqual({ status: 200, body: ACK });
		expect(h.runs).toHaveLength(1);
	});

	describe('OAuth2 platform webhooks (signing key UNKNOWN in the docs)', () => {
		const oauthCredentials = () => {
			const tokens = sb.issueTokens({ shopIndex: 0 });
			return {
				trustooOAuth2Api: {
					clientId: sb.platform.clientId,
					clientSecret: sb.platform.clientSecret,
					baseUrl: sb.url,
					grantType: 'authorizationCode',
					accessToken: tokens.access_token,
					refreshToken: tokens.refresh_token,
					expiresAt: Date.now() + tokens.expires_in * 1000,
				},
			};
		};
		const platformParameters = (extra = {}) => ({ authentication: 'oAuth2', events: ['review/created'], ...extra });

		test('registers platform-owned webhooks and, by default, verifies with the client secret', async () => {
			await active(platformParameters(), oauthCredentials());
			expect(sb.webhooks().filter((w) => w.url.startsWith(h.productionUrl)).map((w) => w.platform_id)).toEqual([sb.platform.platformId]);
			sb.createReview(0, { rating: 2 });
			await settled();
			expect(sb.deliveries[0].acknowledged).toBe(true);
			expect(h.runs).toHaveLength(1);
		});

		test('if Trustoo signs with the shop’s private token, only the "Shop Private Token" option accepts it', async () => {
			sb.setMode({ platformWebhookKey: 'private_token' });
			await active(platformParameters(), oauthCredentials());
			sb.createReview(0);
			await waitUntil(() => h.responses.length >= 1);
			expect(h.responses[0].status).toBe(401);
			expect(JSON.parse(h.responses[0].body).message).toBe('Webhook signature rejected: signature mismatch');
			h.parameters.platformSigningKey = 'shopPrivateToken';
			h.parameters.shopPrivateToken = shop().privateToken;
			await settled();
			expect(sb.deliveries[0].acknowledged).toBe(true);
			expect(h.runs).toHaveLength(1);
		});

		test('a Shop Public Token, when entered, must match the delivery’s', async () => {
			await active(platformParameters({ shopPublicToken: 'someone-else' }), oauthCredentials());
			sb.createReview(0);
			await waitUntil(() => h.responses.length >= 1);
			expect(JSON.parse(h.responses[0].body).message).toBe('Webhook signature rejected: public token mismatch');
			expect(h.runs).toHaveLength(0);
		});
	});
});

describe('no duplicate runs', () => {
	test('answers lost on the way back: Trustoo retries on its schedule, the workflow starts once', async () => {
		await active({ events: ['review/created'] });
		h.dropResponses(2);
		sb.createReview(0, { rating: 1 });
		await settled();
		const [delivery] = sb.deliveries;
		expect(delivery.attempts.map((a) => a.ok)).toEqual([false, false, true]);
		expect(delivery.attempts[1].at - delivery.attempts[0].at).toBeGreaterThanOrEqual(3 * MINUTE_MS);
		expect(h.responses.map((r) => [r.dropped, r.status, r.body])).toEqual([
			[true, 200, ACK],
			[true, 200, ACK],
			[false, 200, ACK],
		]);
		expect(h.runs).toHaveLength(1);
		expect(logger.of('info').filter((m) => m.includes('acknowledged a repeated review/created delivery'))).toHaveLength(2);
	});

	test('attempts that never reach n8n are retried until one does, which runs once and is acknowledged', async () => {
		await active({ events: ['review/created'] });
		let refused = 0;
		const handle = h.handle.bind(h);
		h.handle = async (req, res) => {
			if (refused < 2) {
				refused += 1;
				res.writeHead(502).end('bad gateway');
				return;
			}
			await handle(req, res);
		};
		sb.createReview(0);
		await settled();
		expect(sb.deliveries[0].attempts.map((a) => a.status)).toEqual([502, 502, 200]);
		expect(h.runs).toHaveLength(1);
	});

	test('the same review through a second delivery (new request id) does not start a second run', async () => {
		await active({ events: ['review/created'] });
		sb.createReview(0, { rating: 5 });
		await settled();
		sb.sendTestWebhook(0, 'review/created');
		await settled();
		expect(sb.deliveries).toHaveLength(2);
		expect(sb.deliveries[0].requestId).not.toBe(sb.deliveries[1].requestId);
		expect(sb.deliveries.every((d) => d.acknowledged)).toBe(true);
		expect(h.runs).toHaveLength(1);
	});

	test('two real updates of one review are two runs; the same update twice is one', async () => {
		await active({ events: ['review/updated'] });
		const list = (updatedAt) => ({ list: [{ id: 77, updated_at: updatedAt }] });
		await signed(at('review/updated'), list('2026-06-01 10:00:00'));
		await signed(at('review/updated'), list('2026-06-01 10:05:00'));
		await signed(at('review/updated'), list('2026-06-01 10:05:00'));
		expect(h.runs.map((run) => run.items[0].updated_at)).toEqual(['2026-06-01 10:00:00', '2026-06-01 10:05:00']);
	});

	test('in a multi-item delivery only the items not seen before are output', async () => {
		await active({ events: ['review/created'] });
		await signed(at('review/created'), { list: [{ id: 1 }, { id: 2 }] });
		await signed(at('review/created'), { list: [{ id: 2 }, { id: 3 }, { id: 3 }] });
		expect(h.runs.map((run) => run.items.map((item) => item.id))).toEqual([['1', '2'], ['3']]);
	});

	test('the memory is in static data for an active workflow, so it survives an n8n restart', async () => {
		await active({ events: ['review/created'] });
		sb.createReview(0);
		await settled();
		const [delivery] = sb.deliveries;
		expect(h.nodeStaticData().trustooSeen[`request:${delivery.requestId}`]).toEqual(expect.any(Number));
		// A new n8n process: nothing is left in memory, only the database row.
		setProcessSeen(`${h.workflowId}:${h.node.id}:production`, {});
		await h.restart();
		await signed(at('review/created'), delivery.body, { requestId: delivery.requestId });
		expect(logger.of('info')).toContain('Trustoo Trigger acknowledged a repeated review/created delivery without starting the workflow');
		expect(h.runs).toHaveLength(1);
	});

	test('a test listener keeps the memory in this process only, not in static data', async () => {
		h = await startWebhookTrigger({ sandbox: sb, parameters: { events: ['review/created'], filters: { negativeOnly: true } } });
		await h.listen();
		const body = { list: [{ id: 321, rating: 5 }] };
		await signed(at('review/created', h.testUrl), body, { requestId: 'f'.repeat(32) });
		await signed(at('review/created', h.testUrl), body, { requestId: 'f'.repeat(32) });
		expect(h.runs).toHaveLength(0);
		expect(logger.of('info')).toContain('Trustoo Trigger acknowledged a repeated review/created delivery without starting the workflow');
		expect(JSON.stringify(h.testRegistration.staticData)).not.toContain('trustooSeen');
		expect(h.savedStaticData).toEqual({});
	});
});

describe('filters, before the workflow starts', () => {
	test('negative reviews only: a 5-star review is acknowledged and starts nothing; a 1-star one runs', async () => {
		await active({ events: ['review/created'], filters: { negativeOnly: true } });
		sb.createReview(0, { rating: 5 });
		sb.createReview(0, { rating: 1, content: 'Broke after a day' });
		await settled();
		expect(sb.deliveries.every((d) => d.acknowledged && d.attempts.length === 1)).toBe(true);
		expect(h.runs.map((run) => run.items.map((item) => item.rating))).toEqual([[1]]);
	});

	test('rating range, store reviews, media and verified buyers, combined', async () => {
		await active({ events: ['review/created'], filters: { minRating: 2, maxRating: 4, reviewType: 'store', withMediaOnly: true, verifiedOnly: true } });
		const media = [{ url: 'https://img.trustoo.io/x.jpg', type: 1 }];
		sb.createReview(0, { rating: 3, product_id: '0', media, is_verified: 1, title: 'match' });
		sb.createReview(0, { rating: 3, media, is_verified: 1, title: 'product review' });
		sb.createReview(0, { rating: 5, product_id: '0', media, is_verified: 1, title: 'too good' });
		sb.createReview(0, { rating: 3, product_id: '0', is_verified: 1, title: 'no media' });
		sb.createReview(0, { rating: 3, product_id: '0', media, is_verified: 0, title: 'not verified' });
		await settled();
		expect(sb.deliveries).toHaveLength(5);
		expect(h.runs.map((run) => run.items[0].title)).toEqual(['match']);
	});

	test('in a multi-item delivery the filtered-out items are dropped, the rest run', async () => {
		await active({ events: ['review/created'], filters: { maxRating: 2 } });
		await signed(at('review/created'), { list: [{ id: 1, rating: 1 }, { id: 2, rating: 4 }, { id: 3, rating: 2 }] });
		expect(h.runs[0].items.map((item) => item.id)).toEqual(['1', '3']);
	});

	test('filters apply to reviews only: customer events pass', async () => {
		await active({ events: ['customer_event/created'], filters: { negativeOnly: true } });
		sb.createCustomerEvent(0);
		await settled();
		expect(h.runs).toHaveLength(1);
	});
});

describe('deliveries the trigger cannot place', () => {
	test('no ?topic= and one subscribed topic: attributed to it', async () => {
		await active({ events: ['review/deleted'] });
		const answer = await signed(h.productionUrl, { list: [{ id: 8 }] });
		expect(answer).toEqual({ status: 200, body: ACK });
		expect(h.runs[0].items[0]._trustoo.topic).toBe('review/deleted');
	});

	test('no ?topic= and several subscribed topics: HTTP 400, nothing runs', async () => {
		await active({ events: ['review/created', 'review/deleted'] });
		const answer = await signed(h.productionUrl, { list: [{ id: 8 }] });
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)).toEqual({ code: 3, message: 'the delivery URL does not name a topic' });
		expect(warnings()).toContain('Trustoo Trigger rejected a delivery: the delivery URL does not name a topic');
		expect(h.runs).toHaveLength(0);
	});

	test('an unknown topic or a body that is not a delivery: HTTP 400', async () => {
		await active({ events: ['review/created'] });
		expect((await signed(`${h.productionUrl}?topic=order%2Fcreated`, { list: [] })).status).toBe(400);
		const garbage = await signed(at('review/created'), { hello: 'world' });
		expect(garbage.status).toBe(400);
		expect(JSON.parse(garbage.body).message).toBe('the body has no list of items');
		expect(h.runs).toHaveLength(0);
	});

	test('a topic no longer selected, or an empty list: acknowledged so Trustoo stops, nothing runs', async () => {
		await active({ events: ['review/created'] });
		expect(await signed(at('review/updated'), { list: [{ id: 1 }] })).toEqual({ status: 200, body: ACK });
		expect(await signed(at('review/created'), { list: [] })).toEqual({ status: 200, body: ACK });
		expect(h.runs).toHaveLength(0);
	});
});

describe('listening for a test event', () => {
	test('a real delivery to the test URL is the sample; the listener then removes its webhooks', async () => {
		await active({ events: ['review/created'] });
		await h.listen();
		expect(sb.webhooks().filter((w) => w.url.startsWith(h.testUrl))).toHaveLength(1);
		const [toTest] = sb.sendTestWebhook(0, 'review/created').filter((d) => d.url.startsWith(h.testUrl));
		await settled();
		expect(toTest.acknowledged).toBe(true);
		const testRuns = h.runs.filter((run) => run.mode === 'manual');
		expect(testRuns).toHaveLength(1);
		expect(testRuns[0].items[0]._trustoo.request_id).toBe(toTest.requestId);
		expect(h.runs.filter((run) => run.mode === 'webhook')).toHaveLength(1);
		expect(sb.webhooks().filter((w) => w.url.startsWith(h.testUrl))).toEqual([]);
		expect(sb.webhooks().filter((w) => w.url.startsWith(h.productionUrl))).toHaveLength(1);
	});
});
