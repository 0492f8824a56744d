'use strict';
// Reading a delivery: topic, entries and output items (nodes/TrustooTrigger/delivery.ts).
const { ACK_BODY, resolveTopic, deliveryEntries, normalizeEntry, outputJson } = require('../../dist/nodes/TrustooTrigger/delivery');

test('the acknowledgement is exactly what Trustoo requires', () => {
	expect(JSON.stringify(ACK_BODY)).toBe('{"code":0,"message":"success"}');
});

describe('resolveTopic', () => {
	test('the URL query names the topic', () => {
		expect(resolveTopic({ topic: 'review/updated' }, ['review/created', 'review/updated'])).toEqual({ topic: 'review/updated' });
		expect(resolveTopic({ topic: ['review/deleted', 'x'] }, [])).toEqual({ topic: 'review/deleted' });
	});

	test('an unknown topic is refused', () => {
		expect(resolveTopic({ topic: 'order/created' }, ['review/created'])).toEqual({ problem: 'unknown topic "order/created"' });
	});

	test('without a query, a single stored topic attributes the delivery; several do not', () => {
		expect(resolveTopic({}, ['review/created', 'review/created'])).toEqual({ topic: 'review/created' });
		expect(resolveTopic({}, ['review/created', 'review/deleted'])).toEqual({ problem: 'the delivery URL does not name a topic' });
		expect(resolveTopic(undefined, [])).toEqual({ problem: 'the delivery URL does not name a topic' });
	});
});

describe('deliveryEntries', () => {
	test('the documented {"list":[…]}, keeping only objects', () => {
		expect(deliveryEntries({ list: [{ id: 1 }, { id: 2 }, 'x', null] })).toEqual([{ id: 1 }, { id: 2 }]);
		expect(deliveryEntries({ list: [] })).toEqual([]);
	});

	test('a bare object with an id is a list of one; anything else is not a delivery', () => {
		expect(deliveryEntries({ id: 3, rating: 1 })).toEqual([{ id: 3, rating: 1 }]);
		expect(deliveryEntries({ hello: 'world' })).toBeUndefined();
		expect(deliveryEntries('text')).toBeUndefined();
		expect(deliveryEntries([{ id: 1 }])).toBeUndefined();
	});
});

describe('outputJson', () => {
	const meta = { topic: 'review/created', requestId: 'r1', receivedAt: '2026-01-01T00:00:00.000Z' };
	const delivered = { id: 123, my_shopify_domain: 'a.myshopify.com', shopify_shop_id: 77, rating: '1', product_id: 9200305176832, content: 'Bad' };

	test('ids become strings, ratings numbers, and the delivery context sits under _trustoo', () => {
		const json = outputJson(normalizeEntry('review/created', delivered), meta, false);
		expect(json).toEqual({
			id: '123',
			my_shopify_domain: 'a.myshopify.com',
			shopify_shop_id: '77',
			rating: 1,
			product_id: '9200305176832',
			content: 'Bad',
			_trustoo: { topic: 'review/created', request_id: 'r1', received_at: '2026-01-01T00:00:00.000Z', shop: 'a.myshopify.com' },
		});
	});

	test('Simplify compacts reviews but keeps _trustoo; customer events are never simplified', () => {
		const json = outputJson(normalizeEntry('review/created', delivered), meta, true);
		expect(json).toMatchObject({ id: '123', rating: 1, product_id: '9200305176832', is_store_review: false, media_urls: [] });
		expect(json.my_shopify_domain).toBeUndefined();
		expect(json._trustoo.topic).toBe('review/created');
		const event = { id: 5, event_type: 'VIEW_REVIEW', review_id: 123 };
		const eventJson = outputJson(normalizeEntry('customer_event/created', event), { ...meta, topic: 'customer_event/created' }, true);
		expect(eventJson).toMatchObject({ id: '5', event_type: 'VIEW_REVIEW', review_id: '123' });
	});

	test('a fetch error is attached, not hidden', () => {
		const json = outputJson(normalizeEntry('review/created', delivered), { ...meta, fetchError: { message: 'boom' } }, false);
		expect(json._trustoo.fetch_error).toEqual({ message: 'boom' });
	});
});
