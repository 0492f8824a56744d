import type { WebhookTopic } from '../shared/constants';
import { WEBHOOK_TOPICS } from '../shared/constants';

/** A Trustoo webhook: one topic delivered to one URL (docs §6.3). */
export interface Subscription {
	id: string;
	topic: string;
	url: string;
}

/**
 * Trustoo holds one topic per webhook, and every topic of this trigger is delivered to the same
 * n8n URL. The body does not reliably say which topic it carries (UNKNOWN in the docs), so each
 * topic is registered at the n8n URL plus `?topic=<topic>` and the query tells deliveries apart.
 */
export function subscriptionUrl(baseUrl: string, topic: WebhookTopic): string {
	const url = new URL(baseUrl);
	url.searchParams.set('topic', topic);
	return url.toString();
}

export function isWebhookTopic(value: unknown): value is WebhookTopic {
	return typeof value === 'string' && (WEBHOOK_TOPICS as readonly string[]).includes(value);
}

/**
 * The topic a subscription URL was registered for, when the URL is this trigger's URL; undefined
 * for anyone else's URL. Compared after parsing, so Trustoo may re-encode the query (`%2F` or `/`)
 * without the trigger losing track of its own webhooks (inferred: the docs do not say whether the
 * URL is stored verbatim).
 */
export function ownTopic(url: string, baseUrl: string): WebhookTopic | undefined {
	const theirs = parse(url);
	const ours = parse(baseUrl);
	if (!theirs || !ours) return undefined;
	const topic = theirs.searchParams.get('topic');
	theirs.searchParams.delete('topic');
	if (comparable(theirs) !== comparable(ours) || !isWebhookTopic(topic)) return undefined;
	return topic;
}

export interface SubscriptionPlan {
	/** One live subscription per wanted topic, adopted as they are. */
	keep: Subscription[];
	/** Wanted topics with no subscription at this trigger's URL. */
	create: WebhookTopic[];
	/** This trigger's own subscriptions that are not wanted: duplicates and topics no longer selected. */
	remove: Subscription[];
}

/**
 * What to do so that exactly one subscription per wanted topic points at this trigger. Only
 * webhooks whose URL is this trigger's are ever kept or removed; other URLs' webhooks are invisible
 * here. Among duplicates the one already stored wins, so re-activation keeps the ids it knows.
 */
export function planSubscriptions(
	wanted: readonly WebhookTopic[],
	baseUrl: string,
	remote: readonly Subscription[],
	storedIds: ReadonlySet<string>,
): SubscriptionPlan {
	const ours = remote.filter((webhook) => {
		const topic = ownTopic(webhook.url, baseUrl);
		return topic !== undefined && topic === webhook.topic;
	});
	const keep: Subscription[] = [];
	const create: WebhookTopic[] = [];
	for (const topic of wanted) {
		const candidates = ours.filter((webhook) => webhook.topic === topic);
		const chosen = candidates.find((webhook) => storedIds.has(webhook.id)) ?? candidates[0];
		if (chosen) keep.push(chosen);
		else create.push(topic);
	}
	const kept = new Set(keep.map((webhook) => webhook.id));
	const remove = remote.filter((webhook) => !kept.has(webhook.id) && ownTopic(webhook.url, baseUrl) !== undefined);
	return { keep, create, remove };
}

/** The webhook list as Trustoo returns it (docs: an array; a paged `{list}` is tolerated). */
export function readSubscriptions(data: unknown): Subscription[] {
	const list = Array.isArray(data) ? data : Array.isArray((data as { list?: unknown })?.list) ? (data as { list: unknown[] }).list : [];
	return list
		.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
		.filter((entry) => entry.id !== undefined && entry.id !== null)
		.map((entry) => ({ id: String(entry.id), topic: String(entry.topic ?? ''), url: String(entry.url ?? '') }));
}

function parse(url: string): URL | undefined {
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
}

function comparable(url: URL): string {
	url.searchParams.sort();
	url.hash = '';
	return url.toString().replace(/\/(\?|$)/, '$1');
}
