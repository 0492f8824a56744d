'use strict';

// The Trustoo node in a real n8n, run the way a user's saved workflow runs
// from the CLI (`n8n execute --id`), for every pinned n8n version: every
// resource with the signed-token credential, Return All over many pages, a
// Trustoo error as a failed node, and n8n's HTTP Request node signing with
// our credential. The package is installed from its packed tarball the way
// n8n's community-package installer does it; the sandbox runs in this jest
// process on 127.0.0.1.

const crypto = require('node:crypto');
const { startSandbox } = require('../../sandbox');
const { versions, createInstance, disposeInstance, N8nInstance, workflows: wf, TIMEOUTS, progress } = require('./harness');
const t = require('./harness/trustoo');

const { nodeOutput } = N8nInstance;
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), Buffer.from('e2e-photo')]);

let sandbox;
let pack;

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 11 });
	pack = await t.packTrustoo();
}, TIMEOUTS.cli);

afterAll(async () => {
	if (sandbox) await sandbox.close();
	if (pack) pack.cleanup();
});

/** Every Open API call an execution made, and that each one was signed and accepted. */
function expectAllSigned(requests) {
	expect(requests.length).toBeGreaterThan(0);
	for (const request of requests) {
		expect({ path: request.path, auth: request.auth, authOk: request.authOk }).toEqual({ path: request.path, auth: 'signature', authOk: true });
		expect(request.headers['public-token']).toBe(sandbox.shops[0].publicToken);
		expect(request.headers.authorization).toBeUndefined();
	}
}

describe.each(versions)('n8n %s: Trustoo node via `n8n execute`', (version) => {
	let inst;
	const ids = {};
	const tag = `v${version.replace(/\./g, '_')}`;

	const credentials = {};
	const node = (name, parameters, credential = credentials.shop) => t.trustooNode(name, parameters, { credential });
	const byId = (value) => ({ __rl: true, mode: 'id', value });

	/** The read-only resources' execution, run once for the three tests that look at it. */
	let readsRun;
	const reads = async (endpoint) => {
		readsRun = readsRun || execute('reads');
		const { run, requests } = await readsRun;
		t.expectSuccess(run);
		return { run, requests: requests.filter((r) => r.path === `${t.API}/${endpoint}`), all: requests };
	};

	/** Runs one imported workflow and returns { run, requests } (the sandbox's log of that run). */
	async function execute(key) {
		const from = sandbox.requests.length;
		const run = await inst.execute(ids[key]);
		return { run, requests: t.apiRequests(sandbox, from), all: sandbox.requests.slice(from) };
	}

	beforeAll(async () => {
		const started = Date.now();
		sandbox.reset();
		inst = await createInstance({ version });
		await inst.installPackage(pack.tarball);
		credentials.shop = t.shopCredential(sandbox, { id: 'e2eShopSigned001', name: 'Trustoo sandbox shop' });
		credentials.wrong = t.shopCredential(sandbox, { id: 'e2eShopWrongKey1', name: 'Trustoo wrong private token', privateToken: 'f'.repeat(32) });
		await inst.importCredentials([credentials.shop, credentials.wrong]);

		const shop = sandbox.shops[0];
		const start = () => wf.manualTrigger('Start');
		const definitions = {
			review: t.fanOutWorkflow('E2E review', start(), [
				[
					node('Create Review', {
						resource: 'review',
						operation: 'create',
						rating: 4,
						author: `E2E Reviewer ${tag}`,
						source: 'Shop',
						additionalFields: { productId: shop.products[1].id, title: 'Warm 🔥', content: 'Wärmt wie ein Ofen — 暖かい！', authorEmail: 'e2e.reviewer@example.com' },
					}),
					node('Get Review', { resource: 'review', operation: 'get', reviewId: byId('={{ $json.id }}') }),
					node('Delete Review', { resource: 'review', operation: 'delete', reviewId: byId('={{ $json.id }}') }),
				],
				[node('Five-Star Reviews', { resource: 'review', operation: 'getAll', limit: 5, filters: { ratings: ['5'] }, sortBy: 'created-ascending' })],
			]),
			// Three read-only resources in one execution (one CLI boot); each test below checks its own.
			reads: t.fanOutWorkflow('E2E rating, orders, customer events', start(), [
				[node('Shop Rating', { resource: 'rating', operation: 'get', ratingOf: 'all' })],
				[node('Orders', { resource: 'order', operation: 'getAll', limit: 3 })],
				[node('Customer Events', { resource: 'customerEvent', operation: 'getAll', limit: 4 })],
			]),
			customer: t.fanOutWorkflow('E2E customer', start(), [
				[node('Unsubscribe', { resource: 'customer', operation: 'emailUnsubscribe', email: `unsubscribe.${tag}@example.com`, emailType: 'all' })],
				[
					node('Exclude', { resource: 'customer', operation: 'createExclusion', email: `excluded.${tag}@example.com` }),
					node('Include Again', { resource: 'customer', operation: 'deleteExclusion', email: '={{ $json.email }}' }),
				],
				[node('Exclusions', { resource: 'customer', operation: 'getManyExclusions', returnAll: true })],
			]),
			media: t.fanOutWorkflow('E2E media', start(), [
				[node('Image Upload Credentials', { resource: 'media', operation: 'getImageUploadCredentials' })],
				[node('Video Upload URL', { resource: 'media', operation: 'getVideoUploadUrl', options: { fileName: 'unboxing.mp4' } })],
				[
					wf.setNode('Photo Base64', { photo: PNG.toString('base64') }),
					{
						id: crypto.randomUUID(),
						name: 'Photo File',
						type: 'n8n-nodes-base.convertToFile',
						typeVersion: 1.1,
						position: [0, 0],
						parameters: { operation: 'toBinary', sourceProperty: 'photo', binaryPropertyName: 'data', options: { fileName: 'customer photo.png', mimeType: 'image/png' } },
					},
					node('Upload Image', { resource: 'media', operation: 'uploadImage', binaryPropertyName: 'data' }),
				],
			]),
			webhook: t.fanOutWorkflow('E2E webhook', start(), [
				[
					node('Create Webhook', { resource: 'webhook', operation: 'create', topic: 'review/created', url: `https://hooks.example.com/${tag}` }),
					node('Update Webhook', { resource: 'webhook', operation: 'update', webhookId: '={{ $json.id }}', topic: 'review/updated', url: `https://hooks.example.com/${tag}/updated` }),
					node('Webhooks After Update', { resource: 'webhook', operation: 'getAll' }),
				],
				[node('Delete Webhook', { resource: 'webhook', operation: 'delete', webhookId: `={{ $('Update Webhook').first().json.id }}` })],
				[node('Webhooks After Delete', { resource: 'webhook', operation: 'getAll' })],
			]),
			returnAll: t.fanOutWorkflow('E2E return all', start(), [[node('All Reviews', { resource: 'review', operation: 'getAll', returnAll: true })]]),
			notFound: t.fanOutWorkflow('E2E not found', start(), [[node('Missing Review', { resource: 'review', operation: 'get', reviewId: byId('999999999') })]]),
			badSignature: t.fanOutWorkflow('E2E bad signature', start(), [
				[node('Reviews With Wrong Token', { resource: 'review', operation: 'getAll', limit: 1 }, credentials.wrong)],
			]),
			httpRequest: t.fanOutWorkflow('E2E HTTP Request node', start(), [
				[httpRequestNode('HTTP Get Reviews', { method: 'GET', url: `${sandbox.url}/api/v1/openapi/get_reviews?sort_by=created-ascending`, query: { page_size: '3', 'ratings[0]': '5' } })],
				[
					httpRequestNode('HTTP Create Review', {
						method: 'POST',
						url: `${sandbox.url}/api/v1/openapi/create_review`,
						jsonBody: JSON.stringify({ rating: 5, author: `HTTP Node ${tag}`, content: 'Signed by the credential ✓', source: 'Shop' }),
					}),
				],
			]),
		};
		const keys = Object.keys(definitions);
		const imported = await inst.importWorkflow(keys.map((key) => definitions[key]));
		keys.forEach((key, i) => {
			ids[key] = imported[i];
		});
		progress(`n8n ${version}: actions instance ready in ${Date.now() - started} ms`);
	}, TIMEOUTS.install);

	afterAll(() => disposeInstance(inst), TIMEOUTS.cli);

	/** HTTP Request node 4.2, Authentication "Predefined Credential Type" = Trustoo API. */
	function httpRequestNode(name, { method, url, query, jsonBody }) {
		const parameters = { method, url, authentication: 'predefinedCredentialType', nodeCredentialType: 'trustooApi', options: {} };
		if (query) {
			parameters.sendQuery = true;
			parameters.queryParameters = { parameters: Object.entries(query).map(([key, value]) => ({ name: key, value })) };
		}
		if (jsonBody) Object.assign(parameters, { sendBody: true, contentType: 'json', specifyBody: 'json', jsonBody });
		return {
			id: crypto.randomUUID(),
			name,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [0, 0],
			parameters,
			credentials: t.credentialRef(credentials.shop),
		};
	}

	test(
		'Review: Create → Get → Delete round-trips one review, and Get Many filters and sorts',
		async () => {
			const before = sandbox.info().shops[0].reviewCount;
			const { run, requests } = await execute('review');
			t.expectSuccess(run);
			const [created] = nodeOutput(run, 'Create Review');
			expect(created).toMatchObject({
				id: expect.stringMatching(/^\d+$/),
				rating: 4,
				author: `E2E Reviewer ${tag}`,
				title: 'Warm 🔥',
				content: 'Wärmt wie ein Ofen — 暖かい！',
				product_id: sandbox.shops[0].products[1].id,
			});
			expect(nodeOutput(run, 'Get Review')).toEqual([created]);
			expect(nodeOutput(run, 'Delete Review')).toEqual([expect.objectContaining({ success: true, deleted: true, id: created.id })]);
			expect(sandbox.info().shops[0].reviewCount).toBe(before);

			const fiveStars = nodeOutput(run, 'Five-Star Reviews');
			expect(fiveStars).toHaveLength(5);
			expect(fiveStars.every((review) => review.rating === 5)).toBe(true);
			const createdAt = fiveStars.map((review) => review.created_at);
			expect([...createdAt].sort()).toEqual(createdAt);

			expect(requests.map((r) => [r.method, r.path.split('/').pop(), r.code])).toEqual([
				['POST', 'create_review', 0],
				['GET', 'get_review', 0],
				['POST', 'delete_review', 0],
				['GET', 'get_reviews', 0],
			]);
			expect(t.bodyOf(requests[0])).toMatchObject({ rating: 4, author: `E2E Reviewer ${tag}`, product_id: sandbox.shops[0].products[1].id });
			expect(t.bodyOf(requests[2])).toEqual({ id: created.id });
			expect(requests[3].query).toMatchObject({ page_size: '5', 'ratings[0]': '5', sort_by: 'created-ascending' });
			expectAllSigned(requests);
		},
		TIMEOUTS.cli,
	);

	test(
		'Rating: Get for the whole shop returns numbers that add up',
		async () => {
			const { run, requests, all } = await reads('get_rating');
			expect(all.map((r) => r.path.split('/').pop())).toEqual(['get_rating', 'get_orders', 'get_customer_events']);
			const [rating] = nodeOutput(run, 'Shop Rating');
			expect(typeof rating.rating_value).toBe('number');
			expect(rating.rating_value).toBeGreaterThanOrEqual(1);
			expect(rating.rating_value).toBeLessThanOrEqual(5);
			const stars = [1, 2, 3, 4, 5].map((n) => rating[`star${n}_count`]);
			expect(stars.reduce((a, b) => a + b, 0)).toBe(rating.review_count);
			expect(rating.review_count).toBeGreaterThan(100);
			expect(requests).toHaveLength(1);
			expect(requests[0]).toMatchObject({ path: `${t.API}/get_rating`, query: { is_all_rating: '1' }, code: 0 });
			expectAllSigned(requests);
		},
		TIMEOUTS.cli,
	);

	test(
		'Order: Get Many returns the review-request orders up to the limit',
		async () => {
			const { run, requests } = await reads('get_orders');
			const orders = nodeOutput(run, 'Orders');
			expect(orders).toHaveLength(3);
			for (const order of orders) expect(order).toMatchObject({ order_id: expect.any(String), customer_email: expect.any(String) });
			expect(requests.map((r) => [r.path, r.query.page_size, r.code])).toEqual([[`${t.API}/get_orders`, '3', 0]]);
			expectAllSigned(requests);
		},
		TIMEOUTS.cli,
	);

	test(
		'Customer Event: Get Many returns widget events up to the limit',
		async () => {
			const { run, requests } = await reads('get_customer_events');
			const events = nodeOutput(run, 'Customer Events');
			expect(events).toHaveLength(4);
			for (const event of events) expect(event).toMatchObject({ id: expect.any(String), event_type: expect.any(String) });
			expect(requests.map((r) => [r.path, r.query.page_size, r.code])).toEqual([[`${t.API}/get_customer_events`, '4', 0]]);
			expectAllSigned(requests);
		},
		TIMEOUTS.cli,
	);

	test(
		'Customer: Email Unsubscribe, Create and Delete Exclusion, Get Many Exclusions',
		async () => {
			const { run, requests } = await execute('customer');
			t.expectSuccess(run);
			expect(nodeOutput(run, 'Unsubscribe')).toEqual([expect.objectContaining({ success: true, email: `unsubscribe.${tag}@example.com`, email_type: 'all' })]);
			const [excluded] = nodeOutput(run, 'Exclude');
			expect(excluded).toMatchObject({ email: `excluded.${tag}@example.com`, customer_id: expect.stringMatching(/^\d+$/) });
			expect(nodeOutput(run, 'Include Again')).toEqual([expect.objectContaining({ success: true, deleted: true, email: `excluded.${tag}@example.com` })]);
			const exclusions = nodeOutput(run, 'Exclusions');
			expect(exclusions.length).toBeGreaterThan(0);
			expect(exclusions.map((entry) => entry.email)).not.toContain(`excluded.${tag}@example.com`);
			expect(requests.map((r) => [r.path.split('/').pop(), r.code])).toEqual([
				['email_unsubscribe', 0],
				['create_customer_exclude', 0],
				['delete_customer_exclude', 0],
				['get_customer_excludes', 0],
			]);
			expect(t.bodyOf(requests[0])).toEqual({ email: `unsubscribe.${tag}@example.com`, email_type: 'all' });
			expectAllSigned(requests);
		},
		TIMEOUTS.cli,
	);

	test(
		'Media: upload credentials, a video upload URL, and Upload Image of a binary file made in the workflow',
		async () => {
			const { run, requests, all } = await execute('media');
			t.expectSuccess(run);
			const [policy] = nodeOutput(run, 'Image Upload Credentials');
			expect(policy).toMatchObject({ host: `${sandbox.url}/sandbox/oss`, policy: expect.any(String), signature: expect.any(String) });
			expect(policy.expire).toBeGreaterThan(Date.now() / 1000);
			expect(nodeOutput(run, 'Video Upload URL')).toEqual([
				{ upload_url: expect.stringContaining('.mp4?'), video_url: expect.stringMatching(/\.mp4$/) },
			]);
			const [image] = nodeOutput(run, 'Upload Image');
			expect(image).toMatchObject({ type: 'image', mime_type: 'image/png', file_size: PNG.length, file_name: expect.stringMatching(/customer-photo\.png$/) });
			// The bytes n8n kept in its binary-data store are the ones Trustoo's storage now serves.
			const stored = await fetch(image.url, { signal: AbortSignal.timeout(10000) });
			expect(stored.status).toBe(200);
			expect(Buffer.from(await stored.arrayBuffer()).equals(PNG)).toBe(true);
			expect(requests.map((r) => r.path.split('/').pop())).toEqual([
				'get_image_upload_policy_token',
				'get_video_upload_url',
				'get_image_upload_policy_token',
			]);
			expectAllSigned(requests);
			const upload = all.find((r) => r.method === 'POST' && r.path === '/sandbox/oss');
			expect(upload).toBeDefined();
			expect(upload.headers['public-token']).toBeUndefined();
		},
		TIMEOUTS.cli,
	);

	test(
		'Webhook: Create → Update → Get Many, then Delete and Get Many again',
		async () => {
			const { run, requests } = await execute('webhook');
			t.expectSuccess(run);
			const [created] = nodeOutput(run, 'Create Webhook');
			expect(created).toMatchObject({ id: expect.any(String), topic: 'review/created', url: `https://hooks.example.com/${tag}` });
			expect(nodeOutput(run, 'Update Webhook')).toEqual([
				expect.objectContaining({ id: created.id, topic: 'review/updated', url: `https://hooks.example.com/${tag}/updated` }),
			]);
			expect(nodeOutput(run, 'Webhooks After Update')).toEqual([expect.objectContaining({ id: created.id, topic: 'review/updated' })]);
			expect(nodeOutput(run, 'Delete Webhook')).toEqual([expect.objectContaining({ success: true, deleted: true, id: created.id })]);
			expect(nodeOutput(run, 'Webhooks After Delete')).toEqual([]);
			expect(sandbox.webhooks()).toEqual([]);
			expect(requests.map((r) => [r.path.split('/').pop(), r.code])).toEqual([
				['create_shop_webhook', 0],
				['update_shop_webhook', 0],
				['get_shop_webhooks', 0],
				['delete_shop_webhook', 0],
				['get_shop_webhooks', 0],
			]);
			expectAllSigned(requests);
		},
		TIMEOUTS.cli,
	);

	test(
		'Return All walks every page: as many items as the sandbox holds, one request per page',
		async () => {
			const expected = sandbox.info().shops[0].reviewCount;
			expect(expected).toBeGreaterThan(200);
			const { run, requests } = await execute('returnAll');
			t.expectSuccess(run);
			const items = nodeOutput(run, 'All Reviews');
			expect(items).toHaveLength(expected);
			expect(new Set(items.map((review) => review.id)).size).toBe(expected);
			const pages = Math.ceil(expected / 100);
			expect(requests.map((r) => [r.path, r.query.page || '1', r.query.page_size, r.code])).toEqual(
				Array.from({ length: pages }, (_, i) => [`${t.API}/get_reviews`, String(i + 1), '100', 0]),
			);
			expectAllSigned(requests);
		},
		TIMEOUTS.cli,
	);

	test(
		'a Trustoo error fails the node with Trustoo’s code, message and request_id',
		async () => {
			const { run, requests } = await execute('notFound');
			expect(run.ok).toBe(false);
			expect(run.code).not.toBe(0);
			expect(requests).toHaveLength(1);
			const [request] = requests;
			expect(request).toMatchObject({ path: `${t.API}/get_review`, code: 5, authOk: true });
			const nodeError = run.runData['Missing Review'][0].error;
			for (const error of [run.error, nodeError]) {
				expect(error.message).toBe('Trustoo error 5 (not found): not found: review 999999999');
				expect(error.description).toContain(`request_id: ${request.requestId}`);
			}
			expect(nodeError.node.name).toBe('Missing Review');
			expect(run.result.data.resultData.lastNodeExecuted).toBe('Missing Review');
		},
		TIMEOUTS.cli,
	);

	test(
		'a wrong private token fails with code 16 and the hint to check tokens and clock, without leaking the token',
		async () => {
			const { run, requests } = await execute('badSignature');
			expect(run.ok).toBe(false);
			expect(requests).toHaveLength(1);
			expect(requests[0]).toMatchObject({ auth: 'signature', authOk: false, code: 16 });
			expect(run.error.message).toMatch(/^Trustoo error 16 \(unauthenticated\): /);
			expect(run.error.description).toContain(`request_id: ${requests[0].requestId}`);
			expect(run.error.description).toContain('check the Trustoo credential (tokens, clock)');
			expect(`${run.stdout}${run.stderr}`).not.toContain(credentials.wrong.data.privateToken);
		},
		TIMEOUTS.cli,
	);

	test(
		'the HTTP Request node with the Trustoo API credential signs query and JSON body so that Trustoo accepts them',
		async () => {
			const before = sandbox.info().shops[0].reviewCount;
			const { run, requests } = await execute('httpRequest');
			t.expectSuccess(run);
			expect(requests.map((r) => [r.method, r.path.split('/').pop(), r.auth, r.authOk, r.code])).toEqual([
				['GET', 'get_reviews', 'signature', true, 0],
				['POST', 'create_review', 'signature', true, 0],
			]);
			expectAllSigned(requests);
			expect(requests[0].query).toEqual({ sort_by: 'created-ascending', page_size: '3', 'ratings[0]': '5' });
			expect(t.bodyOf(requests[1])).toEqual({ rating: 5, author: `HTTP Node ${tag}`, content: 'Signed by the credential ✓', source: 'Shop' });

			const [listing] = nodeOutput(run, 'HTTP Get Reviews');
			expect(listing).toMatchObject({ code: 0, message: 'success', request_id: requests[0].requestId });
			expect(listing.data.list).toHaveLength(3);
			expect(listing.data.list.every((review) => review.rating === 5)).toBe(true);
			const [created] = nodeOutput(run, 'HTTP Create Review');
			expect(created).toMatchObject({ code: 0, data: { author: `HTTP Node ${tag}`, rating: 5 } });
			expect(sandbox.info().shops[0].reviewCount).toBe(before + 1);
		},
		TIMEOUTS.cli,
	);
});
