'use strict';

// Both triggers in a started n8n (`n8n start`, webhook URL on 127.0.0.1),
// for every pinned version, against the sandbox in this jest process.
//
// Trustoo Trigger: activating (publishing, in 2.x) registers exactly one
// Trustoo webhook per selected topic at n8n's production webhook URL; a
// review created in Trustoo starts one execution with that review and
// Trustoo gets exactly the acknowledgement it insists on; a forged delivery
// gets 401 and starts nothing; Trustoo's retry of an acknowledged delivery
// starts nothing either; deactivating removes the webhooks; restarting n8n
// with the workflow active leaves exactly one webhook per topic.
//
// Trustoo Poll Trigger (another shop, so the two triggers do not see each
// other's reviews): activated at the start of the file, it polls while the
// webhook tests run; at the end each review created meanwhile must have been
// emitted exactly once.

const crypto = require('node:crypto');
const http = require('node:http');
const { startSandbox, signing } = require('../../sandbox');
const { versions, createInstance, disposeInstance, workflows: wf, TIMEOUTS, progress } = require('./harness');
const t = require('./harness/trustoo');

const ACK = '{"code":0,"message":"success"}';
const TOPICS = ['review/created', 'review/updated'];
const WEBHOOK_SHOP = 0;
const POLL_SHOP = 1;
// n8n refuses poll times shorter than a minute (a cron whose seconds field is
// not one fixed number: "The polling interval is too short", checked at
// activation in all three versions: n8n-core active-workflows.js in 1.123.81
// and 2.8.4, active-workflow-triggers.js isSubMinuteCron in 2.41.1). Several
// poll times are allowed, though, as in the editor's "Add Poll Time": three
// once-a-minute crons at seconds 0, 20 and 40 poll every 20 s.
const POLL_TIMES = { item: [0, 20, 40].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };
const POLL_WAIT_MS = 75 * 1000;

let sandbox;
let pack;

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 13 });
	pack = await t.packTrustoo();
}, TIMEOUTS.cli);

afterAll(async () => {
	if (sandbox) await sandbox.close();
	if (pack) pack.cleanup();
});

/** POST exactly these headers and body (as Trustoo's sender does), without fetch's header rules. */
function postRaw(url, headers, body) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
			const chunks = [];
			res.on('data', (chunk) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.setTimeout(15000, () => req.destroy(new Error(`POST ${url} timed out`)));
		req.on('error', reject);
		req.end(body);
	});
}

/** Delivery headers as documented (reference §8), signed with `key`. */
function deliveryHeaders({ publicToken, key, timestamp, body, requestId }) {
	return {
		'Content-Type': 'application/json',
		'Open-Trustoo-Webhook-Public-token': publicToken,
		'Open-Trustoo-Webhook-Timestamp': String(timestamp),
		'Open-Trustoo-Webhook-Sign': signing.signWebhook(key, timestamp, body),
		'Open-Trustoo-Webhook-RequestId': requestId,
	};
}

describe.each(versions)('n8n %s: triggers in a running n8n', (version) => {
	let inst;
	const ids = {};
	const webhookId = crypto.randomUUID();
	const oauthHookPath = `e2e-oauth-${crypto.randomBytes(4).toString('hex')}`;
	const state = { pollReviews: [], deliveries: {} };
	const shopHooks = () => sandbox.webhooks().filter((hook) => hook.shop_id === sandbox.shops[WEBHOOK_SHOP].id);
	const productionUrl = (topic) => `${inst.baseUrl}/webhook/${webhookId}/webhook?topic=${encodeURIComponent(topic)}`;

	/** Finished executions of a workflow, oldest first. */
	async function finishedExecutions(workflowId) {
		const list = await inst.listExecutions({ workflowId });
		return list.filter((e) => ['success', 'error', 'crashed'].includes(e.status)).sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** The items the trigger node emitted in one execution. */
	async function emitted(executionId, nodeName) {
		const exec = await inst.getExecution(executionId);
		const runs = exec.runData && exec.runData[nodeName];
		return runs ? runs[0].data.main[0].map((item) => item.json) : [];
	}

	/** The sandbox's delivery for a review event, once its first attempt is over. */
	function deliveryDone(topic, reviewId) {
		return t.waitFor(`the ${topic} delivery of review ${reviewId}`, () =>
			sandbox.deliveries.find((d) => d.topic === topic && JSON.parse(d.body).list[0].id === Number(reviewId) && d.attempts.length > 0),
		);
	}

	beforeAll(async () => {
		const started = Date.now();
		sandbox.reset();
		inst = await createInstance({ version });
		await inst.installPackage(pack.tarball);
		const webhookCredential = t.shopCredential(sandbox, { id: 'e2eTriggerShop01', name: 'Trustoo shop (trigger)', shopIndex: WEBHOOK_SHOP });
		const pollCredential = t.shopCredential(sandbox, { id: 'e2ePollerShop001', name: 'Trustoo shop (poll)', shopIndex: POLL_SHOP });
		const wrongCredential = t.shopCredential(sandbox, { id: 'e2eWrongShopKey1', name: 'Trustoo shop (wrong token)', privateToken: '0'.repeat(32) });
		// A connected OAuth2 credential (the consent flow itself is oauth2.e2e.test.js), its access
		// token due for a refresh.
		const tokens = sandbox.issueTokens({ shopIndex: WEBHOOK_SHOP, scope: 'read_reviews write_reviews' });
		const oauthCredential = {
			id: 'e2eServerOAuth01',
			name: 'Trustoo OAuth2 (server)',
			type: 'trustooOAuth2Api',
			data: {
				clientId: sandbox.platform.clientId,
				clientSecret: sandbox.platform.clientSecret,
				grantType: 'authorizationCode',
				redirectUri: 'https://platform.example.com/trustoo/callback',
				baseUrl: sandbox.url,
				accessToken: tokens.access_token,
				refreshToken: tokens.refresh_token,
				expiresAt: 1,
			},
		};
		state.credentials = { webhookCredential, wrongCredential, oauthCredential };
		await inst.importCredentials([webhookCredential, pollCredential, wrongCredential, oauthCredential]);
		const trigger = t.trustooNode('Trustoo Trigger', { events: TOPICS }, { credential: webhookCredential, type: t.NODE_TYPES.trigger, position: [0, 0], webhookId });
		const poller = t.trustooNode('Trustoo Poll Trigger', { event: 'created', pollTimes: POLL_TIMES }, { credential: pollCredential, type: t.NODE_TYPES.poll, position: [0, 0] });
		const hook = wf.webhookTrigger('Webhook', { path: oauthHookPath, method: 'GET', responseMode: 'lastNode' }, [0, 0]);
		const reviews = t.trustooNode('Reviews', { resource: 'review', operation: 'getAll', limit: 2 }, { credential: oauthCredential, position: [240, 0] });
		[ids.trigger, ids.poll, ids.oauthHook] = await inst.importWorkflow([
			{ name: 'E2E Trustoo Trigger', nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' } },
			{ name: 'E2E Trustoo Poll Trigger', nodes: [poller], connections: {}, settings: { executionOrder: 'v1' } },
			wf.workflow('E2E OAuth2 behind a webhook', [hook, reviews], { settings: { executionOrder: 'v1' } }),
		]);
		await inst.start();
		await inst.setupOwner();
		progress(`n8n ${version}: trigger instance ready in ${Date.now() - started} ms (boot ${inst.bootMs} ms)`);
	}, TIMEOUTS.install);

	afterAll(() => disposeInstance(inst), TIMEOUTS.server);

	test(
		'Poll Trigger: activating it polls once at once (that first poll only places the cursor)',
		async () => {
			const from = sandbox.requests.length;
			await inst.activateWorkflow(ids.poll);
			const polls = t.apiRequests(sandbox, from, 'get_reviews');
			expect(polls.length).toBeGreaterThanOrEqual(1);
			for (const poll of polls) {
				expect(poll).toMatchObject({ auth: 'signature', authOk: true, code: 0, shopId: sandbox.shops[POLL_SHOP].id });
				expect(poll.query).toMatchObject({ sort_by: 'created-descending' });
			}
			expect(await finishedExecutions(ids.poll)).toEqual([]);
			// New reviews from now on; the polls pick them up while the tests below run.
			state.pollReviews.push(sandbox.createReview(POLL_SHOP, { rating: 5, author: 'Poll Shopper A', content: 'first new one' }));
			state.pollReviews.push(sandbox.createReview(POLL_SHOP, { rating: 2, author: 'Poll Shopper B', content: 'second new one' }));
		},
		TIMEOUTS.server,
	);

	test(
		'Trustoo Trigger: activating registers exactly one Trustoo webhook per selected topic, at n8n’s production webhook URL',
		async () => {
			expect(shopHooks()).toEqual([]);
			const from = sandbox.requests.length;
			await inst.activateWorkflow(ids.trigger);
			const hooks = shopHooks();
			expect(hooks.map((hook) => [hook.topic, hook.url]).sort()).toEqual(TOPICS.map((topic) => [topic, productionUrl(topic)]).sort());
			expect(hooks.every((hook) => hook.platform_id === 0)).toBe(true);
			const calls = t.apiRequests(sandbox, from);
			expect(calls.filter((r) => r.path.endsWith('/create_shop_webhook'))).toHaveLength(TOPICS.length);
			for (const call of calls) expect({ path: call.path, authOk: call.authOk, code: call.code }).toEqual({ path: call.path, authOk: true, code: 0 });
			state.hookIds = hooks.map((hook) => hook.id).sort();
		},
		TIMEOUTS.server,
	);

	test(
		'a review created in Trustoo starts one execution with that review, and Trustoo gets exactly {"code":0,"message":"success"}',
		async () => {
			const review = sandbox.createReview(WEBHOOK_SHOP, { rating: 2, author: 'Webhook Shopper', content: 'Zu klein 😕', title: 'Small' });
			state.review = review;
			const delivery = await deliveryDone('review/created', review.id);
			state.deliveries.created = delivery;
			expect(delivery.url).toBe(productionUrl('review/created'));
			expect(delivery.attempts).toHaveLength(1);
			expect(delivery.attempts[0]).toMatchObject({ status: 200, ok: true, error: null });
			expect(delivery.attempts[0].body).toBe(ACK);
			expect(delivery.acknowledged).toBe(true);

			const [execution] = await t.waitFor('the execution of the delivered review', async () => {
				const list = await finishedExecutions(ids.trigger);
				return list.length ? list : null;
			});
			expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
			const items = await emitted(execution.id, 'Trustoo Trigger');
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({
				id: review.id,
				rating: 2,
				author: 'Webhook Shopper',
				content: 'Zu klein 😕',
				product_id: review.product_id,
				_trustoo: { topic: 'review/created', request_id: delivery.requestId },
			});
			expect(await finishedExecutions(ids.trigger)).toHaveLength(1);
		},
		TIMEOUTS.server,
	);

	test(
		'a forged delivery (Sign made with another key) is refused with HTTP 401',
		async () => {
			const body = JSON.stringify({ list: [{ ...JSON.parse(state.deliveries.created.body).list[0], id: 987654321, content: 'forged' }] });
			const headers = deliveryHeaders({
				publicToken: sandbox.shops[WEBHOOK_SHOP].publicToken,
				key: 'not-the-private-token',
				timestamp: Math.floor(Date.now() / 1000),
				body,
				requestId: crypto.randomBytes(16).toString('hex'),
			});
			const answer = await postRaw(productionUrl('review/created'), headers, body);
			expect(answer.status).toBe(401);
			expect(JSON.parse(answer.body)).toMatchObject({ code: 16 });
			// Unsigned, too.
			const unsigned = { ...headers };
			delete unsigned['Open-Trustoo-Webhook-Sign'];
			expect((await postRaw(productionUrl('review/created'), unsigned, body)).status).toBe(401);
			// No execution: checked once a later, genuine delivery has run (see below).
			expect(await finishedExecutions(ids.trigger)).toHaveLength(1);
		},
		TIMEOUTS.server,
	);

	test(
		'Trustoo’s retry of an acknowledged delivery (same RequestId) is acknowledged again and starts nothing',
		async () => {
			const delivery = state.deliveries.created;
			const key = sandbox.shops[WEBHOOK_SHOP].privateToken;
			const publicToken = sandbox.shops[WEBHOOK_SHOP].publicToken;
			// Byte for byte the first attempt: same headers (timestamp, Sign, RequestId) and body.
			const identical = deliveryHeaders({ publicToken, key, timestamp: delivery.attempts[0].timestamp, body: delivery.body, requestId: delivery.requestId });
			const replay = await postRaw(delivery.url, identical, delivery.body);
			expect(replay).toEqual({ status: 200, body: ACK });
			// As Trustoo's retries are sent: the same RequestId and body, a fresh timestamp and Sign.
			const later = deliveryHeaders({ publicToken, key, timestamp: Math.floor(Date.now() / 1000) + 1, body: delivery.body, requestId: delivery.requestId });
			expect(await postRaw(delivery.url, later, delivery.body)).toEqual({ status: 200, body: ACK });
			expect(await finishedExecutions(ids.trigger)).toHaveLength(1);
		},
		TIMEOUTS.server,
	);

	test(
		'the other selected topic works too: an edited review starts its own execution, and the forged and repeated deliveries started none',
		async () => {
			sandbox.updateReview(state.review.id, { content: 'Doch passend 🙂' });
			const delivery = await deliveryDone('review/updated', state.review.id);
			expect(delivery.url).toBe(productionUrl('review/updated'));
			expect(delivery.attempts[0]).toMatchObject({ status: 200, body: ACK, ok: true });
			const list = await t.waitFor('the execution of the updated review', async () => {
				const all = await finishedExecutions(ids.trigger);
				return all.length >= 2 ? all : null;
			});
			// Exactly two: the created and the updated review. The 401s and the replays of the
			// first delivery (all answered before this delivery was even made) added nothing.
			expect(list).toHaveLength(2);
			const items = await emitted(list[1].id, 'Trustoo Trigger');
			expect(items).toEqual([expect.objectContaining({ id: state.review.id, content: 'Doch passend 🙂', _trustoo: expect.objectContaining({ topic: 'review/updated', request_id: delivery.requestId }) })]);
		},
		TIMEOUTS.server,
	);

	test(
		'deactivating removes the trigger’s Trustoo webhooks',
		async () => {
			expect(shopHooks()).toHaveLength(TOPICS.length);
			const from = sandbox.requests.length;
			await inst.deactivateWorkflow(ids.trigger);
			expect(shopHooks()).toEqual([]);
			const deletes = t.apiRequests(sandbox, from, 'delete_shop_webhook');
			expect(deletes.map((r) => String(t.bodyOf(r).id)).sort()).toEqual(state.hookIds);
			expect(deletes.every((r) => r.authOk && r.code === 0)).toBe(true);
		},
		TIMEOUTS.server,
	);

	test(
		'restarting n8n with the workflow active leaves exactly one webhook per topic, and deliveries still run the workflow',
		async () => {
			await inst.activateWorkflow(ids.trigger);
			const before = shopHooks();
			expect(before.map((hook) => hook.topic).sort()).toEqual([...TOPICS].sort());

			await inst.stop();
			await inst.start();
			await inst.login();
			const after = shopHooks();
			expect(after.map((hook) => [hook.topic, hook.url]).sort()).toEqual(TOPICS.map((topic) => [topic, productionUrl(topic)]).sort());
			// n8n keeps production webhooks registered over a restart; at start-up the trigger's
			// checkExists finds its own on Trustoo and keeps them instead of creating new ones.
			expect(after.map((hook) => hook.id).sort()).toEqual(before.map((hook) => hook.id).sort());

			const executionsBefore = (await finishedExecutions(ids.trigger)).length;
			const review = sandbox.createReview(WEBHOOK_SHOP, { rating: 5, author: 'After Restart' });
			const delivery = await deliveryDone('review/created', review.id);
			expect(delivery.attempts[0]).toMatchObject({ status: 200, body: ACK });
			const list = await t.waitFor('the execution after the restart', async () => {
				const all = await finishedExecutions(ids.trigger);
				return all.length > executionsBefore ? all : null;
			});
			expect(list).toHaveLength(executionsBefore + 1);
			expect(await emitted(list[list.length - 1].id, 'Trustoo Trigger')).toEqual([expect.objectContaining({ id: review.id, author: 'After Restart' })]);
			expect(shopHooks()).toHaveLength(TOPICS.length);
		},
		TIMEOUTS.server,
	);

	/** POST /rest/credentials/test, what the editor's credential dialog does on save and on "Retry". */
	async function testCredential(credential, data) {
		return inst.rest('POST', '/rest/credentials/test', {
			body: { credentials: { id: credential.id, name: credential.name, type: credential.type, data } },
		});
	}

	test(
		'the editor’s credential test: the signed tokens pass, a wrong private token fails with the code-16 hint',
		async () => {
			const { webhookCredential, wrongCredential } = state.credentials;
			const from = sandbox.requests.length;
			expect(await testCredential(webhookCredential, webhookCredential.data)).toMatchObject({ status: 'OK' });
			const wrong = await testCredential(wrongCredential, wrongCredential.data);
			expect(wrong.status).toBe('Error');
			expect(wrong.message).toMatch(/^Trustoo refused the signature \(code 16\): check the Public Token and Private Token/);
			const calls = t.apiRequests(sandbox, from);
			expect(calls.map((r) => [r.path.split('/').pop(), r.auth, r.authOk, r.code])).toEqual([
				['get_shop_webhooks', 'signature', true, 0],
				['get_shop_webhooks', 'signature', false, 16],
			]);
		},
		TIMEOUTS.server,
	);

	test(
		'the editor’s credential test of an OAuth2 credential whose token expired refreshes it, and n8n keeps the new tokens',
		async () => {
			const { oauthCredential } = state.credentials;
			// From here, 5-second tokens, so that the next test finds this one expired.
			sandbox.setMode({ accessTokenTtlSeconds: 5 });
			// The dialog sends back what it loaded (secrets redacted); n8n fills them in from the DB.
			const loaded = await inst.rest('GET', `/rest/credentials/${oauthCredential.id}?includeData=true`);
			const from = sandbox.requests.length;
			expect(await testCredential(oauthCredential, loaded.data)).toMatchObject({ status: 'OK' });
			const calls = t.apiRequests(sandbox, from);
			expect(calls.map((r) => [r.path.split('/').pop(), (t.bodyOf(r) || {}).grant_type || r.auth, r.code])).toEqual([
				['token', 'refresh_token', 0],
				['get_shop_webhooks', 'bearer', 0],
			]);
			expect(t.fingerprint(t.bodyOf(calls[0]).refresh_token)).toBe(t.fingerprint(oauthCredential.data.refreshToken));
			state.oauthTokenAt = calls[0].at;
		},
		TIMEOUTS.server,
	);

	test(
		'two executions that find the OAuth2 token expired at the same moment share one refresh, and both succeed',
		async () => {
			await inst.activateWorkflow(ids.oauthHook);
			// Past the 5-second token of the credential test; with rotation, a second refresh with
			// the same refresh token would be refused and fail one of the two executions.
			const wait = state.oauthTokenAt + 5200 - Date.now();
			if (wait > 0) await t.sleep(wait);
			// A slow token endpoint keeps the first refresh in flight while the second execution starts.
			sandbox.inject({ path: `${t.API}/oauth/token`, kind: 'latency', ms: 1500, times: 2 });
			const from = sandbox.requests.length;
			try {
				const call = async () => {
					const res = await fetch(`${inst.baseUrl}/webhook/${oauthHookPath}`, { signal: AbortSignal.timeout(60000) });
					return { status: res.status, body: await res.text() };
				};
				const answers = await Promise.all([call(), call()]);
				for (const answer of answers) {
					expect(answer.status).toBe(200);
					expect(JSON.parse(answer.body)).toMatchObject({ id: expect.stringMatching(/^\d+$/) });
				}
			} finally {
				sandbox.clearFaults();
				sandbox.setMode({ accessTokenTtlSeconds: 3600 });
			}
			const calls = t.apiRequests(sandbox, from);
			const grants = calls.filter((r) => r.path === `${t.API}/oauth/token`);
			expect(grants.map((r) => [t.bodyOf(r).grant_type, r.code])).toEqual([['refresh_token', 0]]);
			// It presented the refresh token the credential test got, so n8n had stored that one.
			expect(t.fingerprint(t.bodyOf(grants[0]).refresh_token)).not.toBe(t.fingerprint(state.credentials.oauthCredential.data.refreshToken));
			const reads = calls.filter((r) => r.path === `${t.API}/get_reviews`);
			expect(reads.map((r) => [r.auth, r.authOk, r.code])).toEqual([
				['bearer', true, 0],
				['bearer', true, 0],
			]);
			expect(new Set(reads.map((r) => r.headers.authorization)).size).toBe(1);
			const runs = await t.waitFor('both webhook executions', async () => {
				const list = await finishedExecutions(ids.oauthHook);
				return list.length >= 2 ? list : null;
			});
			expect(runs.map((e) => e.status)).toEqual(['success', 'success']);
			await inst.deactivateWorkflow(ids.oauthHook);
		},
		TIMEOUTS.server,
	);

	test(
		'Poll Trigger: each review created after activation is emitted exactly once, oldest first',
		async () => {
			const pollItems = async () => {
				const items = [];
				for (const execution of await finishedExecutions(ids.poll)) {
					expect(execution.status).toBe('success');
					items.push(...(await emitted(execution.id, 'Trustoo Poll Trigger')));
				}
				return items;
			};
			const [first, second] = state.pollReviews;
			let items = await t.waitFor(
				'the poll that emits the two new reviews',
				async () => {
					const all = await pollItems();
					return all.length >= 2 ? all : null;
				},
				{ timeoutMs: POLL_WAIT_MS, intervalMs: 1000 },
			);
			expect(items.map((item) => item.id)).toEqual([first.id, second.id]);
			expect(items[0]).toMatchObject({ author: 'Poll Shopper A', rating: 5, _trustoo: { topic: 'review/created' } });

			// Another poll runs: only the newest review comes, the first two are not emitted again.
			const third = sandbox.createReview(POLL_SHOP, { rating: 4, author: 'Poll Shopper C' });
			items = await t.waitFor(
				'the poll that emits the third review',
				async () => {
					const all = await pollItems();
					return all.some((item) => item.id === third.id) ? all : null;
				},
				{ timeoutMs: POLL_WAIT_MS, intervalMs: 1000 },
			);
			expect(items.map((item) => item.id)).toEqual([first.id, second.id, third.id]);
			await inst.deactivateWorkflow(ids.poll);
		},
		2 * POLL_WAIT_MS + TIMEOUTS.cli,
	);
});
