'use strict';
// The poll trigger's cursor (nodes/TrustooPollTrigger/cursor.ts), against the compiled dist/.
const { PollScan, readPollState, writePollState, reviewTime } = require('../../dist/nodes/TrustooPollTrigger/cursor');

const T0 = Date.UTC(2026, 4, 1, 12, 0, 0);
const fmt = (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
const r = (id, secondsAfter, updated) => ({ id: String(id), created_at: fmt(T0 + secondsAfter * 1000), updated_at: updated ?? fmt(T0 + secondsAfter * 1000) });

/** Newest first, ties by id descending, split into pages — what get_reviews created-descending returns. */
function pages(reviews, size) {
	const sorted = [...reviews].sort((a, b) => reviewTime(b.created_at) - reviewTime(a.created_at) || Number(b.id) - Number(a.id));
	const out = [];
	for (let i = 0; i < sorted.length; i += size) out.push(sorted.slice(i, i + size));
	return out.length ? out : [[]];
}

/** Runs a scan the way forEachPage drives it; returns emitted events, next state and pages read. */
function poll(state, reviews, { size = 3, nowMs = T0 + 3600_000, lookbackMs = 0, updatePages = 0 } = {}) {
	const scan = new PollScan(state, { nowMs, lookbackMs, updatePages });
	const all = pages(reviews, size);
	let read = 0;
	for (let p = 0; p < all.length; p++) {
		read++;
		if (!scan.visit(all[p], p + 1)) break;
	}
	const { events, next } = scan.result();
	return { events: events.map((e) => `${e.kind}:${e.review.id}`), next, read };
}

describe('reviewTime', () => {
	test('reads Trustoo’s zone-less format as UTC, ISO with zone, and Unix seconds', () => {
		expect(reviewTime('2026-05-01 12:00:00')).toBe(T0);
		expect(reviewTime('2026-05-01T14:00:00+02:00')).toBe(T0);
		expect(reviewTime(T0 / 1000)).toBe(T0);
		expect(reviewTime('soon')).toBeUndefined();
		expect(reviewTime(undefined)).toBeUndefined();
	});
});

describe('PollScan', () => {
	const history = [r(1, 0), r(2, 10), r(3, 20)];

	test('the first poll starts from now: nothing is emitted, the newest review becomes the cursor, one page is read', () => {
		const { events, next, read } = poll({}, [...history, r(4, 30), r(5, 40), r(6, 50), r(7, 60)]);
		expect(events).toEqual([]);
		expect(next.cursor).toEqual({ createdMs: T0 + 60_000, ids: ['7'] });
		expect(read).toBe(1);
	});

	test('every new review exactly once, oldest first, even when more than a page arrived', () => {
		const first = poll({}, history).next;
		const burst = [4, 5, 6, 7, 8, 9, 10].map((id) => r(id, 20 + id));
		const second = poll(first, [...history, ...burst]);
		expect(second.events).toEqual(['created:4', 'created:5', 'created:6', 'created:7', 'created:8', 'created:9', 'created:10']);
		expect(second.read).toBe(3);
		const third = poll(second.next, [...history, ...burst]);
		expect(third.events).toEqual([]);
		expect(third.read).toBe(1);
	});

	test('reviews sharing the cursor’s second are told apart by id', () => {
		const first = poll({}, [r(1, 0), r(2, 5)]).next;
		expect(first.cursor).toEqual({ createdMs: T0 + 5000, ids: ['2'] });
		const second = poll(first, [r(1, 0), r(2, 5), r(3, 5), r(4, 5)]);
		expect(second.events).toEqual(['created:3', 'created:4']);
		expect(second.next.cursor.ids.sort()).toEqual(['2', '3', '4']);
		expect(poll(second.next, [r(1, 0), r(2, 5), r(3, 5), r(4, 5)]).events).toEqual([]);
	});

	test('a review repeated on the next page (the list shifted while paging) is emitted once', () => {
		const first = poll({}, [r(1, 0)]).next;
		const scan = new PollScan(first, { nowMs: T0, lookbackMs: 0, updatePages: 0 });
		scan.visit([r(4, 30), r(3, 20)], 1);
		scan.visit([r(3, 20), r(2, 10), r(1, 0)], 2);
		expect(scan.result().events.map((e) => e.review.id)).toEqual(['2', '3', '4']);
	});

	test('look back N hours on the first poll only', () => {
		const now = T0 + 2 * 3600_000;
		const reviews = [r(1, 0), r(2, 3600 + 10), r(3, 3600 + 20)];
		const { events, next } = poll({}, reviews, { nowMs: now, lookbackMs: 3600_000 });
		expect(events).toEqual(['created:2', 'created:3']);
		expect(poll(next, reviews, { nowMs: now, lookbackMs: 3600_000 }).events).toEqual([]);
	});

	test('an empty shop gets a cursor that makes every later review new', () => {
		const { next } = poll({}, []);
		expect(next.cursor).toEqual({ createdMs: 0, ids: [] });
		expect(poll(next, [r(1, 0)]).events).toEqual(['created:1']);
	});

	test('the cursor never moves back when the newest review is deleted', () => {
		const first = poll({}, [r(1, 0), r(2, 10)]).next;
		const second = poll(first, [r(1, 0)]);
		expect(second.events).toEqual([]);
		expect(second.next.cursor).toEqual(first.cursor);
	});

	test('state is only what result() returns: the input state is not mutated by a scan', () => {
		const first = poll({}, history).next;
		const frozen = JSON.parse(JSON.stringify(first));
		const scan = new PollScan(first, { nowMs: T0, lookbackMs: 0, updatePages: 0 });
		scan.visit([r(9, 100)], 1);
		expect(first).toEqual(frozen);
	});

	describe('updated reviews (watching the newest pages)', () => {
		test('the first watched poll is a baseline; a changed updated_at is reported once', () => {
			const reviews = [r(1, 0), r(2, 10), r(3, 20)];
			const baseline = poll({}, reviews, { updatePages: 1 }).next;
			expect(Object.keys(baseline.versions).sort()).toEqual(['1', '2', '3']);
			const edited = [r(1, 0), r(2, 10, fmt(T0 + 500_000)), r(3, 20)];
			const second = poll(baseline, edited, { updatePages: 1 });
			expect(second.events).toEqual(['updated:2']);
			expect(poll(second.next, edited, { updatePages: 1 }).events).toEqual([]);
		});

		test('new and updated reviews come out together in time order', () => {
			const baseline = poll({}, [r(1, 0), r(2, 10)], { updatePages: 1 }).next;
			const later = [r(1, 0, fmt(T0 + 40_000)), r(2, 10), r(3, 30)];
			expect(poll(baseline, later, { updatePages: 1 }).events).toEqual(['created:3', 'updated:1']);
		});

		test('only the watched pages are compared, and they are read even when the cursor is on page 1', () => {
			const reviews = [1, 2, 3, 4, 5, 6].map((id) => r(id, id));
			const baseline = poll({}, reviews, { size: 2, updatePages: 2 });
			expect(baseline.read).toBe(2);
			const edited = reviews.map((x) => (x.id === '1' || x.id === '4' ? { ...x, updated_at: fmt(T0 + 999_000) } : x));
			expect(poll(baseline.next, edited, { size: 2, updatePages: 2 }).events).toEqual(['updated:4']);
		});

		test('watching off drops the versions from the state', () => {
			const baseline = poll({}, history, { updatePages: 1 }).next;
			expect(poll(baseline, history, { updatePages: 0 }).next.versions).toBeUndefined();
		});
	});
});

describe('poll state in static data', () => {
	test('round-trips through JSON; garbage reads as a first run', () => {
		const staticData = {};
		writePollState(staticData, { cursor: { createdMs: 5, ids: ['a'] }, versions: { a: 'v' } });
		expect(readPollState(JSON.parse(JSON.stringify(staticData)))).toEqual({ cursor: { createdMs: 5, ids: ['a'] }, versions: { a: 'v' } });
		writePollState(staticData, { cursor: { createdMs: 6, ids: [] } });
		expect(staticData.trustooVersions).toBeUndefined();
		expect(readPollState({ trustooCursor: { createdMs: 'x' } })).toEqual({ cursor: undefined, versions: undefined });
	});
});

test('a review without a readable created_at is counted, never emitted, and does not block the others', () => {
	const first = poll({}, [r(1, 0)]).next;
	const scan = new PollScan(first, { nowMs: T0, lookbackMs: 0, updatePages: 0 });
	scan.visit([r(3, 20), { id: '2', created_at: 'sometime' }, r(1, 0)], 1);
	const { events, undated } = scan.result();
	expect(events.map((e) => e.review.id)).toEqual(['3']);
	expect(undated).toBe(1);
});
