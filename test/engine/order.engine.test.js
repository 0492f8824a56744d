'use strict';
const { API, ERROR_MODES, useSandbox, runNode, wire, expectSigned, expectTrustooError, expectRefused, wrongTokenCredentials } = require('./support');

const ORDERS = `${API}/get_orders`;
const getMany = (extra) => ({ resource: 'order', operation: 'getAll', ...extra });

/** The sandbox's own orders of the main shop, as the oracle for what a filter must return. */
function storeOrders(sandbox, keep) {
	const shopId = sandbox.shops[0].id;
	return sandbox._store.orders.filter((order) => order._shopId === shopId && keep(order));
}

describe.each(ERROR_MODES)('Order → Get Many (errorMode=%s)', (errorMode) => {
	const ctx = useSandbox(errorMode);

	test('sends status, both date ranges in YYYY-MM-DD HH:MM:SS and the sort, and returns the orders', async () => {
		const filters = {
			status: '3',
			createdAfter: '2025-06-01',
			createdBefore: '2026-03-31T18:30:00',
			sentAfter: '2025-06-01T00:00:00',
			sentBefore: '2026-05-31',
		};
		const result = await runNode({ sandbox: ctx.sandbox, parameters: getMany({ limit: 5, filters, sortBy: 'created-ascending' }) });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(1);
		expect(wire(result.requests[0])).toEqual({
			method: 'GET',
			path: ORDERS,
			query: {
				page_size: '5',
				type: '3',
				start_time: '2025-06-01 00:00:00',
				end_time: '2026-03-31 18:30:00',
				start_sent_at: '2025-06-01 00:00:00',
				end_sent_at: '2026-05-31 23:59:59',
				sort_by: 'created-ascending',
			},
			body: undefined,
		});
		expectSigned(result.requests[0], ctx.sandbox);
		const expected = storeOrders(ctx.sandbox, (order) => order.type === 3 && order.created_at <= '2026-03-31 18:30:00')
			.sort((a, b) => a._createdMs - b._createdMs)
			.slice(0, 5);
		expect(result.items.map((order) => order.order_id)).toEqual(expected.map((order) => order.order_id));
		for (const order of result.items) {
			expect(order.type).toBe(3);
			expect(typeof order.order_id).toBe('string');
			expect(order.products.every((product) => typeof product.product_id === 'string')).toBe(true);
		}
	});

	test('Return All walks every page and keeps the filter on each', async () => {
		const expected = storeOrders(ctx.sandbox, (order) => order.type === 5);
		const result = await runNode({ sandbox: ctx.sandbox, parameters: getMany({ returnAll: true, filters: { status: '5' } }) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(expected.length);
		expect(new Set(result.items.map((order) => order.order_id))).toEqual(new Set(expected.map((order) => order.order_id)));
		const pages = result.requests.map((request) => request.query.page ?? '1');
		expect(pages).toEqual(Array.from({ length: Math.ceil(expected.length / 100) }, (_, i) => String(i + 1)));
		for (const request of result.requests) expect(request.query).toMatchObject({ type: '5', page_size: '100', sort_by: 'created-descending' });
	});

	test('status All sends type 0 and returns orders in every status', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: getMany({ limit: 100, filters: { status: '0' } }) });
		expect(result.requests[0].query.type).toBe('0');
		expect(new Set(result.items.map((order) => order.type)).size).toBeGreaterThan(3);
	});

	test.each([
		[{ createdAfter: '2026-02-30' }, 'Created After must be a real date such as 2026-05-01 or 2026-05-01 13:45:00'],
		[{ sentBefore: '31/12/2025' }, 'Request Sent Before must be a real date such as 2026-05-01 or 2026-05-01 13:45:00'],
		[{ createdAfter: '2026-05-02', createdBefore: '2026-05-01' }, 'Created After must not be after Created Before'],
		[{ status: '={{ "9" }}' }, 'Review Request Status must be one of 0, 1, 2, 3, 4, 5, 6'],
	])('bad filter %j is refused before any request', async (filters, message) => {
		expectRefused(await runNode({ sandbox: ctx.sandbox, parameters: getMany({ filters }) }), message);
	});

	test('a Trustoo error names the code, message and request id', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: getMany({ limit: 5 }), credentials: wrongTokenCredentials(ctx.sandbox) });
		expectTrustooError(result, { code: 16, meaning: 'unauthenticated', message: 'unauthenticated: signature mismatch' });
	});
});
