'use strict';
// Duplicate-delivery memory (nodes/TrustooTrigger/dedupe.ts), against the compiled dist/.
const { deliveryKey, itemKey, hasSeen, remember, processSeen, setProcessSeen, DEDUPE_LIMITS } = require('../../dist/nodes/TrustooTrigger/dedupe');

const HOUR = 60 * 60 * 1000;

describe('keys', () => {
	test('a delivery is keyed by its request id', () => {
		expect(deliveryKey('abc')).toBe('request:abc');
		expect(deliveryKey(undefined)).toBeUndefined();
	});

	test('an item is keyed by topic, id and version; created events need no version', () => {
		expect(itemKey('review/updated', { id: 5, updated_at: '2026-01-01 10:00:00' })).toBe('item:review/updated:5:2026-01-01 10:00:00');
		expect(itemKey('review/updated', { id: '5', version: 3 })).toBe('item:review/updated:5:3');
		expect(itemKey('review/created', { id: 5 })).toBe('item:review/created:5');
		expect(itemKey('customer_event/created', { id: 9 })).toBe('item:customer_event/created:9');
	});

	test('an update or deletion without a version is never keyed: two real changes must not collapse', () => {
		expect(itemKey('review/updated', { id: 5 })).toBeUndefined();
		expect(itemKey('review/deleted', { id: 5, updated_at: '' })).toBeUndefined();
		expect(itemKey('review/created', {})).toBeUndefined();
	});

	test('two updates of one review differ; the same update through two topics differs too', () => {
		const a = itemKey('review/updated', { id: 5, updated_at: 'v1' });
		expect(itemKey('review/updated', { id: 5, updated_at: 'v2' })).not.toBe(a);
		expect(itemKey('review/deleted', { id: 5, updated_at: 'v1' })).not.toBe(a);
	});
});

describe('remember / hasSeen', () => {
	const limits = { windowMs: 24 * HOUR, maxEntries: 3 };

	test('a key is seen within the window and forgotten after it', () => {
		const seen = remember({}, ['k'], 0, limits);
		expect(hasSeen(seen, 'k', 23 * HOUR, limits)).toBe(true);
		expect(hasSeen(seen, 'k', 24 * HOUR, limits)).toBe(false);
		expect(hasSeen(seen, 'other', 1, limits)).toBe(false);
		expect(hasSeen(seen, undefined, 1, limits)).toBe(false);
	});

	test('remembering again keeps the first sighting, so retries cannot extend the window forever', () => {
		let seen = remember({}, ['k'], 0, limits);
		seen = remember(seen, ['k'], 10 * HOUR, limits);
		expect(seen.k).toBe(0);
	});

	test('expired keys are pruned and the size is capped, oldest first', () => {
		let seen = remember({}, ['old'], 0, limits);
		seen = remember(seen, ['a', 'b', 'c', 'd', undefined], 25 * HOUR, limits);
		expect(seen.old).toBeUndefined();
		expect(Object.keys(seen)).toHaveLength(3);
		seen = remember(seen, ['e'], 26 * HOUR, limits);
		expect(seen.e).toBe(26 * HOUR);
		expect(Object.keys(seen)).toHaveLength(3);
	});

	test('the default window covers Trustoo’s 135-minute retry schedule with room to spare', () => {
		expect(DEDUPE_LIMITS.windowMs).toBeGreaterThanOrEqual(135 * 60 * 1000 * 2);
		expect(DEDUPE_LIMITS.maxEntries).toBeGreaterThan(0);
		expect(remember({}, ['x'], 0)).toEqual({ x: 0 });
	});

	test('returns a new object and leaves the input alone', () => {
		const input = { a: 1 };
		const output = remember(input, ['b'], 2);
		expect(input).toEqual({ a: 1 });
		expect(output).toEqual({ a: 1, b: 2 });
	});
});

describe('process memory for test listeners', () => {
	test('is kept per scope and copied in and out', () => {
		setProcessSeen('wf1:node1', { a: 1 });
		const copy = processSeen('wf1:node1');
		copy.b = 2;
		expect(processSeen('wf1:node1')).toEqual({ a: 1 });
		expect(processSeen('wf2:node1')).toEqual({});
	});
});
