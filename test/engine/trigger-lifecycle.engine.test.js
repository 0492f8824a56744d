'use strict';
// The instant trigger's webhook lifecycle through n8n-core's HookContext against the sandbox.
const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const { startSandbox } = require('../../sandbox');
const { signedCall } = require('../sandbox/helpers/client');
const { startWebhookTrigger, logger } = require('./trigger-harness');

const ALL = ['review/created', 'review/updated', 'review/deleted', 'customer_event/created'];

let sb;
let h;
beforeAll(async () => {
	sb = await startSandbox({ reviewCount: 12 });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	sb.reset();
	sb.setMode({ duplicateWebhook: 'reject' });
	logger.clear();
});
afterEach(async () => {
	if (h) await h.close();
	h = undefined;
});

const trigger = async (events, extra = {}) => {
	h = await startWebhookTrigger({ sandbox: sb, parameters: { events, ...extra } });
	return h;
};
/** Subscriptions of shop 0 as Trustoo holds them. */
const remote = () => sb.webhooks().filter((w) => w.shop_id === sb.shops[0].id);
const ours = (base = h.productionUrl) => remote().filter((w) => w.url.startsWith(`${base}?`));
const topicOf = (w) => new URL(w.url).searchParams.get('topic');
const calls = (path) => sb.requests.filter((r) => r.path === `/api/v1/openapi/${path}`);
const createVia = async (topic, url) => {
	const res = await signedCall(sb, { path: 'create_shop_webhook', body: { topic, url } });
	expect(res.json.code).toBe(0);
	return res.json.data;
};

describe('activation', () => {
	test('registers one webhook per selected topic at the trigger URL plus ?topic=, and stores their ids', async () => {
		await trigger(['review/created', 'review/deleted']);
		expect(await h.activate()).toEqual({ existed: false });
		const mine = ours();
		expect(mine.map((w) => [w.topic, topicOf(w)]).sort()).toEqual([
			['review/created', 'review/created'],
			['review/deleted', 'review/deleted'],
		]);
		expect(remote()).toHaveLength(2);
		const stored = h.nodeStaticData().trustooSubscriptions;
		expect(stored.map((s) => s.id).sort()).toEqual(mine.map((w) => w.id).sort());
	});

	test('re-activation and n8n restarts create nothing: checkExists is true against Trustoo itself', async () => {
		await trigger(ALL);
		await h.activate();
		const ids = ours().map((w) => w.id).sort();
		expect(await h.activate()).toEqual({ existed: true });
		expect(await h.restart()).toEqual({ existed: true });
		expect(await h.restart()).toEqual({ existed: true });
		expect(ours().map((w) => w.id).sort()).toEqual(ids);
		expect(calls('create_shop_webhook')).toHaveLength(4);
	});

	test('only the missing topic is created; one already at our URL is adopted; other URLs are untouched', async () => {
		await trigger(['review/created', 'review/updated']);
		const adopted = await createVia('review/created', `${h.productionUrl}?topic=review%2Fcreated`);
		const foreign = await createVia('review/updated', 'https://hooks.example.com/zapier');
		const foreignSameTopic = await createVia('review/created', `${h.testUrl}?topic=review%2Fcreated`);
		sb.clearRequests();
		await h.activate();
		expect(calls('create_shop_webhook').map((r) => JSON.parse(r.rawBody).topic)).toEqual(['review/updated']);
		expect(ours().map((w) => w.id)).toContain(adopted.id);
		expect(remote().map((w) => w.id)).toEqual(expect.arrayContaining([foreign.id, foreignSameTopic.id]));
		expect(h.nodeStaticData().trustooSubscriptions.map((s) => s.id)).toContain(adopted.id);
	});

	test('a webhook deleted on Trustoo’s side is re-created on the next restart, and only that one', async () => {
		await trigger(['review/created', 'review/deleted']);
		await h.activate();
		const gone = ours().find((w) => w.topic === 'review/deleted');
		const kept = ours().find((w) => w.topic === 'review/created');
		expect((await signedCall(sb, { path: 'delete_shop_webhook', body: { id: gone.id } })).json.code).toBe(0);
		sb.clearRequests();
		expect(await h.restart()).toEqual({ existed: false });
		expect(calls('create_shop_webhook').map((r) => JSON.parse(r.rawBody).topic)).toEqual(['review/deleted']);
		expect(ours().map((w) => w.topic).sort()).toEqual(['review/created', 'review/deleted']);
		expect(ours().map((w) => w.id)).toContain(kept.id);
	});

	test('static data lost (e.g. a re-imported workflow): the existing webhooks are adopted, not duplicated', async () => {
		await trigger(['review/created']);
		await h.activate();
		const before = ours();
		h.savedStaticData = {};
		expect(await h.restart()).toEqual({ existed: true });
		expect(ours()).toEqual(before);
		expect(h.nodeStaticData().trustooSubscriptions.map((s) => s.id)).toEqual([before[0].id]);
	});

	test('a shop that refuses duplicates (code 6): two activations racing end with one webhook per topic', async () => {
		await trigger(['review/created', 'review/updated']);
		sb.inject({ path: '/api/v1/openapi/get_shop_webhooks', kind: 'latency', ms: 150, times: 2 });
		await Promise.all([h.activate(), h.activate()]);
		expect(ours().map((w) => w.topic).sort()).toEqual(['review/created', 'review/updated']);
		expect(calls('create_shop_webhook').filter((r) => r.code === 6)).toHaveLength(2);
		expect(logger.of('info').filter((m) => m.includes('adopted existing webhook'))).toHaveLength(2);
	});

	test('a shop that allows duplicates: surplus webhooks at our URL are removed, one per topic stays', async () => {
		sb.setMode({ duplicateWebhook: 'allow' });
		await trigger(['review/created']);
		const url = `${h.productionUrl}?topic=review%2Fcreated`;
		await createVia('review/created', url);
		await createVia('review/created', url);
		const foreign = await createVia('review/created', 'https://hooks.example.com/other');
		await h.activate();
		expect(ours()).toHaveLength(1);
		expect(remote().map((w) => w.id)).toContain(foreign.id);
		expect(calls('create_shop_webhook').filter((r) => r.code === 0)).toHaveLength(3);
		expect(logger.of('warn').some((m) => m.includes('removing surplus webhook'))).toBe(true);
	});

	test('racing activations on a shop that allows duplicates heal on the next restart', async () => {
		sb.setMode({ duplicateWebhook: 'allow' });
		await trigger(['review/created']);
		sb.inject({ path: '/api/v1/openapi/get_shop_webhooks', kind: 'latency', ms: 150, times: 2 });
		await Promise.all([h.activate(), h.activate()]);
		expect(ours()).toHaveLength(2);
		expect(await h.restart()).toEqual({ existed: false });
		expect(ours()).toHaveLength(1);
		expect(await h.restart()).toEqual({ existed: true });
	});

	test('changing the selected events: the next activation removes the unselected topic and adds the new one', async () => {
		await trigger(['review/created', 'review/updated']);
		await h.activate();
		h.parameters.events = ['review/created', 'customer_event/created'];
		await h.activate();
		expect(ours().map((w) => w.topic).sort()).toEqual(['customer_event/created', 'review/created']);
	});
});

describe('a failure midway leaves nothing behind', () => {
	test('the webhooks created before the failure are deleted again, and the error is a NodeApiError', async () => {
		await trigger(['review/created', 'review/updated', 'review/deleted']);
		sb.inject({ path: '/api/v1/openapi/create_shop_webhook', kind: 'code', code: 3, message: 'url is not allowed', afterRequests: 1 });
		const error = await h.activate({ cleanUpOnFailure: false }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Trustoo error 3');
		expect(error.description).toContain('Rolled back: the 1 webhook(s) created before the failure were deleted again.');
		expect(ours()).toEqual([]);
		expect(calls('delete_shop_webhook')).toHaveLength(1);
	});

	test('when the rollback itself fails, the error names the leftover and n8n’s clean-up removes it', async () => {
		await trigger(['review/created', 'review/updated']);
		sb.inject({ path: '/api/v1/openapi/create_shop_webhook', kind: 'code', code: 3, afterRequests: 1 });
		sb.inject({ path: '/api/v1/openapi/delete_shop_webhook', kind: 'code', code: 3 });
		const error = await h.activate({ cleanUpOnFailure: false }).catch((e) => e);
		const [leftover] = ours();
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toContain(`Could not delete webhook(s) ${leftover.id} again`);
		expect(logger.of('error').some((m) => m.includes(`rollback could not delete webhook ${leftover.id}`))).toBe(true);
		await h.deactivate();
		expect(ours()).toEqual([]);
	});

	test('n8n calls delete() after a failed create(): that removes everything at our URL and nothing else', async () => {
		await trigger(['review/created', 'review/updated']);
		const foreign = await createVia('review/updated', 'https://hooks.example.com/keep-me');
		sb.inject({ path: '/api/v1/openapi/create_shop_webhook', kind: 'code', code: 3, afterRequests: 1 });
		await expect(h.activate()).rejects.toBeInstanceOf(NodeApiError);
		expect(ours()).toEqual([]);
		expect(remote().map((w) => w.id)).toEqual([foreign.id]);
	});

	test('a URL Trustoo cannot reach is refused before anything is registered (real Trustoo only)', async () => {
		h = await startWebhookTrigger({
			sandbox: sb,
			parameters: { events: ['review/created'] },
			credentials: { trustooApi: { publicToken: 'p', privateToken: 'q', baseUrl: 'https://rapi.trustoo.io' } },
		});
		const workflow = h.loadWorkflow();
		const error = await h.runHook('create', workflow, { mode: 'trigger', activation: 'activate', isTest: false }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(`Trustoo cannot reach this n8n at ${h.productionUrl}`);
	});
});

describe('deactivation', () => {
	test('deletes every webhook the trigger owns, including one static data never knew, and nothing else', async () => {
		await trigger(['review/created', 'review/deleted']);
		const foreign = await createVia('review/created', 'https://hooks.example.com/other');
		const testListener = await createVia('review/created', `${h.testUrl}?topic=review%2Fcreated`);
		await h.activate();
		sb.setMode({ duplicateWebhook: 'allow' });
		const unknownToStaticData = await createVia('review/deleted', `${h.productionUrl}?topic=review%2Fdeleted`);
		expect(await h.deactivate()).toBe(true);
		expect(ours()).toEqual([]);
		expect(remote().map((w) => w.id).sort()).toEqual([foreign.id, testListener.id].sort());
		expect(calls('delete_shop_webhook').map((r) => JSON.parse(r.rawBody).id)).toContain(unknownToStaticData.id);
		expect(h.nodeStaticData().trustooSubscriptions).toEqual([]);
	});

	test('a webhook already gone on Trustoo’s side (code 5) does not fail deactivation', async () => {
		await trigger(['review/created', 'review/updated']);
		await h.activate();
		const [first] = ours();
		await signedCall(sb, { path: 'delete_shop_webhook', body: { id: first.id } });
		sb.clearRequests();
		sb.inject({ path: '/api/v1/openapi/get_shop_webhooks', kind: 'code', code: 3 });
		const error = await h.deactivate().catch((e) => e);
		// The list failed (reported), yet both stored ids were handled: one deleted, one already gone.
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toContain('listing webhooks failed');
		expect(ours()).toEqual([]);
		expect(calls('delete_shop_webhook').map((r) => r.code).sort()).toEqual([0, 5]);
		expect(logger.of('debug').some((m) => m.includes(`webhook ${first.id} was already gone`))).toBe(true);
	});

	test('a failed delete is reported after the others were deleted, and kept for the next attempt', async () => {
		await trigger(['review/created', 'review/updated']);
		await h.activate();
		sb.inject({ path: '/api/v1/openapi/delete_shop_webhook', kind: 'code', code: 3 });
		const error = await h.deactivate().catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Could not remove all of the Trustoo webhooks of this trigger');
		expect(ours()).toHaveLength(1);
		expect(h.nodeStaticData().trustooSubscriptions.map((s) => s.id)).toEqual([ours()[0].id]);
		expect(await h.deactivate()).toBe(true);
		expect(ours()).toEqual([]);
	});
});

describe('test URL and production URL', () => {
	test('a test listener registers at the test URL next to the active workflow and removes only its own', async () => {
		await trigger(['review/created']);
		await h.activate();
		await h.listen();
		expect(ours(h.productionUrl)).toHaveLength(1);
		expect(ours(h.testUrl)).toHaveLength(1);
		await h.stopListening();
		expect(ours(h.testUrl)).toEqual([]);
		expect(ours(h.productionUrl)).toHaveLength(1);
		expect(await h.restart()).toEqual({ existed: true });
	});
});
