import type { IDataObject } from 'n8n-workflow';

import type { WebhookTopic } from '../shared/constants';
import { normalizeCustomerEvent, normalizeReview, simplifyReview } from '../shared/normalize';
import { isWebhookTopic } from './subscriptions';

/** The exact answer Trustoo counts as delivered (docs §8); anything else is retried for 135 minutes. */
export const ACK_BODY = { code: 0, message: 'success' } as const;

export type TopicResolution = { topic: WebhookTopic } | { problem: string };

/**
 * Which topic a delivery is about. The URL's `?topic=` says so for every subscription this trigger
 * registered (see subscriptionUrl). A delivery without it can only be attributed when the trigger's
 * stored subscriptions cover a single topic; otherwise it is refused rather than guessed.
 */
export function resolveTopic(query: unknown, subscribedTopics: readonly string[]): TopicResolution {
	const raw = (query as IDataObject | undefined)?.topic;
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value !== undefined && value !== '') {
		return isWebhookTopic(value) ? { topic: value } : { problem: `unknown topic ${JSON.stringify(value)}` };
	}
	const topics = [...new Set(subscribedTopics)];
	if (topics.length === 1 && isWebhookTopic(topics[0])) return { topic: topics[0] };
	return { problem: 'the delivery URL does not name a topic' };
}

/**
 * The entries of a delivery body `{"list":[…]}` (docs §8: a list, so one delivery may carry several
 * items). A bare object with an id is read as a list of one (inferred, defensive: the rest of the
 * payload is UNKNOWN). Undefined means the body is not a delivery at all.
 */
export function deliveryEntries(body: unknown): IDataObject[] | undefined {
	if (!isObject(body)) return undefined;
	if (Array.isArray(body.list)) return body.list.filter(isObject);
	return body.id !== undefined ? [body] : undefined;
}

export function isReviewTopic(topic: string): boolean {
	return topic.startsWith('review/');
}

/** An entry with ids as strings (deliveries send numbers, the API strings), by what it is about. */
export function normalizeEntry(topic: WebhookTopic, entry: IDataObject): IDataObject {
	return isReviewTopic(topic) ? normalizeReview(entry) : normalizeCustomerEvent(entry);
}

export interface DeliveryMeta {
	topic: WebhookTopic;
	requestId: string | null;
	receivedAt: string;
	fetchError?: IDataObject;
}

/**
 * One output item: the normalised entry, compacted when Simplify is on (reviews only: the fields
 * of other events are UNKNOWN), and the delivery's topic and request id under `_trustoo`, since the
 * entry itself does not reliably carry them.
 */
export function outputJson(entry: IDataObject, meta: DeliveryMeta, simplify: boolean): IDataObject {
	const json = simplify && isReviewTopic(meta.topic) ? simplifyReview(entry) : entry;
	const trustoo: IDataObject = { topic: meta.topic, request_id: meta.requestId, received_at: meta.receivedAt };
	if (entry.my_shopify_domain !== undefined) trustoo.shop = entry.my_shopify_domain;
	if (meta.fetchError) trustoo.fetch_error = meta.fetchError;
	return { ...json, _trustoo: trustoo };
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
