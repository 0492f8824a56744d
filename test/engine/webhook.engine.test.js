'use strict';
const { API, ERROR_MODES, useSandbox, runNode, wire, expectSigned, expectTrustooError, expectRefused, platformCredentials } = require('./support');

const webhook = (operation, extra) => ({ resource: 'webhook', operation, ...extra });
const WEBHOOK_KEYS = ['created_at', 'id', 'topic', 'updated_at', 'url'];

describe.each(ERROR_MODES)('Webhook (errorMode=%s)', (errorMode) => {
	const ctx = useSandbox(errorMode);
	const create = async (topic = 'review/created', url = 'https://example.com/hooks/trustoo') =>
		(await runNode({ sandbox: ctx.sandbox, parameters: webhook('create', { topic, url }) })).items[0];

	test.each(['review/created', 'review/updated', 'review/deleted', 'customer_event/created'])('Create subscribes %s', async (topic) => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: webhook('create', { topic, url: ' https://example.com/hooks/trustoo?x=1 ' }) });
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({
			method: 'POST',
			path: `${API}/create_shop_webhook`,
			query: {},
			body: { topic, url: 'https://example.com/hooks/trustoo?x=1' },
		});
		expectSigned(result.requests[0], ctx.sandbox);
		expect(result.items).toHaveLength(1);
		expect(Object.keys(result.items[0]).sort()).toEqual(WEBHOOK_KEYS);
		expect(result.items[0]).toMatchObject({ id: expect.stringMatching(/^\d+$/), topic, url: 'https://example.com/hooks/trustoo?x=1' });
	});

	test('Update sends id (as the integer of the V1 table), topic and url and returns the webhook', async () => {
		const { id } = await create();
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: webhook('update', { webhookId: id, topic: 'review/deleted', url: 'https://example.com/other' }),
		});
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({
			method: 'POST',
			path: `${API}/update_shop_webhook`,
			query: {},
			body: { id: Number(id), topic: 'review/deleted', url: 'https://example.com/other' },
		});
		expect(result.items).toEqual([expect.objectContaining({ id, topic: 'review/deleted', url: 'https://example.com/other' })]);
	});

	test('Delete sends the id and confirms; Get Many no longer lists it', async () => {
		const kept = await create('review/updated');
		const { id } = await create('review/created');
		const result = await runNode({ sandbox: ctx.sandbox, parameters: webhook('delete', { webhookId: id }) });
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({ method: 'POST', path: `${API}/delete_shop_webhook`, query: {}, body: { id: Number(id) } });
		expect(result.items).toEqual([{ success: true, deleted: true, id, request_id: result.requests[0].requestId }]);
		const list = await runNode({ sandbox: ctx.sandbox, parameters: webhook('getAll') });
		expect(list.items).toEqual([kept]);
	});

	test('Get Many returns every webhook as one item each, without paging', async () => {
		const made = [await create('review/created'), await create('review/updated'), await create('customer_event/created')];
		const result = await runNode({ sandbox: ctx.sandbox, parameters: webhook('getAll') });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(wire(result.requests[0])).toEqual({ method: 'GET', path: `${API}/get_shop_webhooks`, query: {}, body: undefined });
		expect(result.items).toEqual(made);
	});

	test('with OAuth2 the webhook belongs to the platform, and the signed-token shop does not see it', async () => {
		const credentials = platformCredentials(ctx.sandbox);
		const created = await runNode({
			sandbox: ctx.sandbox,
			parameters: webhook('create', { authentication: 'oAuth2', topic: 'review/created', url: 'https://platform.example.com/hook' }),
			credentials,
		});
		expect(created.error).toBeUndefined();
		expect(created.requests[0].auth).toBe('bearer');
		const platformList = await runNode({ sandbox: ctx.sandbox, parameters: webhook('getAll', { authentication: 'oAuth2' }), credentials });
		expect(platformList.items).toEqual(created.items);
		const shopList = await runNode({ sandbox: ctx.sandbox, parameters: webhook('getAll') });
		expect(shopList.items).toEqual([]);
	});

	test.each([
		['create', { topic: 'review/created', url: 'example.com/hook' }, 'URL must be a full http(s) URL such as https://example.com/hooks/trustoo'],
		['create', { topic: 'review/created', url: 'ftp://example.com/hook' }, 'URL must be a full http(s) URL such as https://example.com/hooks/trustoo'],
		['create', { topic: '={{ "review/liked" }}', url: 'https://example.com' }, 'Topic must be one of review/created, review/updated, review/deleted, customer_event/created'],
		['update', { webhookId: 'nineteen', topic: 'review/created', url: 'https://example.com' }, 'Webhook ID must be a numeric ID (digits only)'],
		['update', { webhookId: '19', topic: 'review/created', url: '={{ "" }}' }, 'URL is required'],
		['delete', { webhookId: '={{ "" }}' }, 'Webhook ID is required'],
	])('%s with %j is refused before any request', async (operation, parameters, message) => {
		expectRefused(await runNode({ sandbox: ctx.sandbox, parameters: webhook(operation, parameters) }), message);
	});

	test('updating a webhook that does not exist gives code 5 with the request id', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: webhook('update', { webhookId: '4242', topic: 'review/created', url: 'https://example.com' }) });
		expectTrustooError(result, { code: 5, meaning: 'not found', message: 'not found: webhook 4242' });
	});

	test('a duplicate subscription gives code 6 with the request id', async () => {
		await create('review/created', 'https://example.com/dup');
		const result = await runNode({ sandbox: ctx.sandbox, parameters: webhook('create', { topic: 'review/created', url: 'https://example.com/dup' }) });
		expectTrustooError(result, { code: 6, meaning: 'already exists', message: 'already exists: a webhook for review/created -> https://example.com/dup' });
	});

	test('with Continue On Fail a Trustoo error becomes an error item and the other items go on', async () => {
		const { id } = await create();
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: webhook('delete', { webhookId: '={{ $json.id }}' }),
			input: [{ json: { id: '4242' } }, { json: { id } }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.rawItems[0].error.message).toBe('Trustoo error 5 (not found): not found: webhook 4242');
		expect(result.items[1]).toMatchObject({ success: true, deleted: true, id });
	});
});
