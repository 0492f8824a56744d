'use strict';
const { API, ERROR_MODES, useSandbox, runNode, wire, expectSigned, expectTrustooError, expectRefused, platformCredentials } = require('./support');

const EVENTS = `${API}/get_customer_events`;
const getMany = (extra) => ({ resource: 'customerEvent', operation: 'getAll', ...extra });

function storeEvents(sandbox, keep = () => true) {
	const shopId = sandbox.shops[0].id;
	return sandbox._store.events.filter((event) => event._shopId === shopId && keep(event));
}

describe.each(ERROR_MODES)('Customer Event → Get Many (errorMode=%s)', (errorMode) => {
	const ctx = useSandbox(errorMode);

	test('sends event type, source, operating system and sort, and returns matching events', async () => {
		const filters = { eventType: 'VIEW_REVIEW', eventSource: 'STOREFRONT', osType: 'ANDROID' };
		const result = await runNode({ sandbox: ctx.sandbox, parameters: getMany({ limit: 10, filters, sortBy: 'created-ascending' }) });
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({
			method: 'GET',
			path: EVENTS,
			query: { page_size: '10', event_type: 'VIEW_REVIEW', event_source: 'STOREFRONT', os_type: 'ANDROID', sort_by: 'created-ascending' },
			body: undefined,
		});
		expectSigned(result.requests[0], ctx.sandbox);
		const expected = storeEvents(ctx.sandbox, (e) => e.event_type === 'VIEW_REVIEW' && e.event_source === 'STOREFRONT' && e.os_type === 'ANDROID')
			.sort((a, b) => a._createdMs - b._createdMs || Number(a.id) - Number(b.id))
			.slice(0, 10);
		expect(expected.length).toBe(10);
		expect(result.items.map((event) => event.id)).toEqual(expected.map((event) => event.id));
		expect(result.items.every((event) => typeof event.id === 'string' && typeof event.product_id === 'string')).toBe(true);
	});

	test('an event type the docs do not list goes out as typed', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: getMany({ limit: 10, filters: { eventTypeOther: ' ADD_TO_CART ' } }) });
		expect(result.error).toBeUndefined();
		expect(result.requests[0].query).toEqual({ page_size: '10', event_type: 'ADD_TO_CART', sort_by: 'created-descending' });
		expect(result.items).toEqual([]);
	});

	test('Return All returns every event of the shop exactly once', async () => {
		const expected = storeEvents(ctx.sandbox, (e) => e.event_source === 'STOREFRONT');
		const result = await runNode({ sandbox: ctx.sandbox, parameters: getMany({ returnAll: true, filters: { eventSource: 'STOREFRONT' } }) });
		expect(result.error).toBeUndefined();
		expect(expected.length).toBeGreaterThan(100);
		expect(result.items.map((event) => event.id).sort()).toEqual(expected.map((event) => event.id).sort());
		expect(result.requests.length).toBe(Math.ceil(expected.length / 100));
		expect(result.requests.every((request) => request.query.event_source === 'STOREFRONT')).toBe(true);
	});

	test('works with the OAuth2 credential', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: getMany({ authentication: 'oAuth2', limit: 3 }),
			credentials: platformCredentials(ctx.sandbox),
		});
		expect(result.error).toBeUndefined();
		expect(result.requests[0].auth).toBe('bearer');
		expect(result.items).toHaveLength(3);
	});

	test('a listed value and a free-text value for the same filter are refused together', async () => {
		expectRefused(
			await runNode({ sandbox: ctx.sandbox, parameters: getMany({ filters: { eventType: 'VIEW_REVIEW', eventTypeOther: 'ADD_TO_CART' } }) }),
			'Give only one of Event Type or Event Type (Other)',
		);
	});

	test('a token without the scope gives a Trustoo error naming code, message and request id', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: getMany({ authentication: 'oAuth2', limit: 3 }),
			credentials: platformCredentials(ctx.sandbox, { scope: 'read_reviews' }),
		});
		expectTrustooError(result, { code: 16, meaning: 'unauthenticated', message: 'unauthenticated: access token lacks the read_customer_events scope' });
	});
});
