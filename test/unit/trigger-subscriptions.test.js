'use strict';
// Which Trustoo webhooks the instant trigger owns and what activation must change
// (nodes/TrustooTrigger/subscriptions.ts, state.ts), against the compiled dist/.
const { subscriptionUrl, ownTopic, planSubscriptions, readSubscriptions } = require('../../dist/nodes/TrustooTrigger/subscriptions');
const { TriggerState } = require('../../dist/nodes/TrustooTrigger/state');

const BASE = 'https://n8n.example.com/webhook/0b5c7e8e-1111-4d2f-9d7a-2f0c3c9a1c11/webhook';
const TEST_BASE = 'https://n8n.example.com/webhook-test/0b5c7e8e-1111-4d2f-9d7a-2f0c3c9a1c11/webhook';
const at = (topic, base = BASE) => subscriptionUrl(base, topic);
const hook = (id, topic, url = at(topic)) => ({ id, topic, url });

describe('subscription URLs', () => {
	test('each topic gets the trigger URL plus ?topic=<topic>', () => {
		const url = new URL(at('review/created'));
		expect(`${url.origin}${url.pathname}`).toBe(BASE);
		expect(url.searchParams.get('topic')).toBe('review/created');
	});

	test('ownTopic recognises our URL however the query is encoded, and nobody else’s', () => {
		expect(ownTopic(at('review/deleted'), BASE)).toBe('review/deleted');
		expect(ownTopic(`${BASE}?topic=review/deleted`, BASE)).toBe('review/deleted');
		expect(ownTopic(`${BASE}?topic=review%2Fupdated`, BASE)).toBe('review/updated');
		expect(ownTopic(at('review/created', TEST_BASE), BASE)).toBeUndefined();
		expect(ownTopic(BASE, BASE)).toBeUndefined();
		expect(ownTopic(`${BASE}?topic=order/created`, BASE)).toBeUndefined();
		expect(ownTopic('https://other.example.com/hook?topic=review/created', BASE)).toBeUndefined();
		expect(ownTopic('not a url', BASE)).toBeUndefined();
	});
});

describe('planSubscriptions', () => {
	const wanted = ['review/created', 'review/deleted'];

	test('an empty shop: create every wanted topic', () => {
		expect(planSubscriptions(wanted, BASE, [], new Set())).toEqual({ keep: [], create: wanted, remove: [] });
	});

	test('re-activation with everything in place changes nothing', () => {
		const remote = [hook('1', 'review/created'), hook('2', 'review/deleted')];
		expect(planSubscriptions(wanted, BASE, remote, new Set(['1', '2']))).toEqual({ keep: remote, create: [], remove: [] });
	});

	test('only the missing topic is created; an existing one at our URL is adopted even if not stored', () => {
		const remote = [hook('7', 'review/deleted')];
		expect(planSubscriptions(wanted, BASE, remote, new Set())).toEqual({ keep: remote, create: ['review/created'], remove: [] });
	});

	test('other URLs’ webhooks are neither kept nor removed', () => {
		const foreign = [
			hook('3', 'review/created', 'https://zapier.example.com/hooks/1'),
			hook('4', 'review/created', at('review/created', TEST_BASE)),
			hook('5', 'review/created', BASE),
		];
		const plan = planSubscriptions(wanted, BASE, foreign, new Set(['3', '4', '5']));
		expect(plan).toEqual({ keep: [], create: wanted, remove: [] });
	});

	test('duplicates at our URL: the stored one is kept, the rest removed', () => {
		const remote = [hook('10', 'review/created'), hook('11', 'review/created'), hook('12', 'review/deleted')];
		const plan = planSubscriptions(wanted, BASE, remote, new Set(['11', '12']));
		expect(plan.keep.map((w) => w.id)).toEqual(['11', '12']);
		expect(plan.remove.map((w) => w.id)).toEqual(['10']);
		expect(plan.create).toEqual([]);
	});

	test('a topic no longer selected, or a webhook whose topic disagrees with its URL, is removed', () => {
		const remote = [hook('1', 'review/created'), hook('2', 'customer_event/created'), hook('3', 'review/updated', at('review/deleted'))];
		const plan = planSubscriptions(wanted, BASE, remote, new Set());
		expect(plan.keep.map((w) => w.id)).toEqual(['1']);
		expect(plan.create).toEqual(['review/deleted']);
		expect(plan.remove.map((w) => w.id).sort()).toEqual(['2', '3']);
	});
});

describe('readSubscriptions', () => {
	test('reads the documented array, ids as strings, and tolerates a paged list', () => {
		expect(readSubscriptions([{ id: 19, topic: 'review/created', url: 'u', created_at: 'x' }])).toEqual([{ id: '19', topic: 'review/created', url: 'u' }]);
		expect(readSubscriptions({ list: [{ id: '2', topic: 't', url: 'v' }], page: {} })).toEqual([{ id: '2', topic: 't', url: 'v' }]);
		expect(readSubscriptions(null)).toEqual([]);
		expect(readSubscriptions([{ topic: 'no id' }, 'junk'])).toEqual([]);
	});
});

describe('TriggerState', () => {
	test('test and production subscriptions live side by side in one static data object', () => {
		const staticData = {};
		const state = new TriggerState(staticData);
		state.setSubscriptions(BASE, [hook('1', 'review/created')]);
		state.setSubscriptions(TEST_BASE, [hook('2', 'review/created', at('review/created', TEST_BASE))]);
		expect(state.subscriptions(BASE).map((s) => s.id)).toEqual(['1']);
		expect(state.subscriptions(TEST_BASE).map((s) => s.id)).toEqual(['2']);
		state.setSubscriptions(TEST_BASE, []);
		expect(new TriggerState(staticData).subscriptions(BASE).map((s) => s.id)).toEqual(['1']);
		expect(new TriggerState(staticData).subscriptions(TEST_BASE)).toEqual([]);
		expect(state.subscribedTopics()).toEqual(['review/created']);
	});

	test('writes replace the top-level value (what makes n8n see static data as changed) and survive JSON', () => {
		const staticData = {};
		const state = new TriggerState(staticData);
		state.setSubscriptions(BASE, [hook('1', 'review/created')]);
		const first = staticData.trustooSubscriptions;
		state.setSubscriptions(BASE, [hook('1', 'review/created'), hook('2', 'review/deleted')]);
		expect(staticData.trustooSubscriptions).not.toBe(first);
		const reloaded = new TriggerState(JSON.parse(JSON.stringify(staticData)));
		expect(reloaded.subscriptions(BASE).map((s) => s.topic)).toEqual(['review/created', 'review/deleted']);
		state.setSeen({ a: 1 });
		expect(new TriggerState(JSON.parse(JSON.stringify(staticData))).seen()).toEqual({ a: 1 });
	});

	test('garbage in static data reads as nothing stored', () => {
		const state = new TriggerState({ trustooSubscriptions: 'x', trustooSeen: [1] });
		expect(state.subscriptions(BASE)).toEqual([]);
		expect(state.seen()).toEqual({});
	});
});
