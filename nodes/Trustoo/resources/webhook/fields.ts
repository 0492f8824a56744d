import type { INodeProperties } from 'n8n-workflow';

import { WEBHOOK_TOPICS } from '../../../shared/constants';
import type { WebhookTopic } from '../../../shared/constants';
import { checks, validateRequired } from '../../../shared/validation';

type Show = { resource: string[]; operation: string[] };

const TOPIC_DESCRIPTIONS: Record<WebhookTopic, [name: string, description: string]> = {
	'review/created': ['Review Created', 'A new review was written or imported'],
	'review/updated': ['Review Updated', 'An existing review changed'],
	'review/deleted': ['Review Deleted', 'A review was deleted or hidden'],
	'customer_event/created': ['Customer Event Created', 'A shopper interacted with the review widgets'],
};

export function webhookTopicField(show: Show): INodeProperties {
	return {
		displayName: 'Topic',
		name: 'topic',
		type: 'options',
		required: true,
		default: 'review/created',
		displayOptions: { show },
		description: 'The event Trustoo should send to the URL (one topic per webhook)',
		options: WEBHOOK_TOPICS.map((topic) => ({ name: TOPIC_DESCRIPTIONS[topic][0], value: topic, description: TOPIC_DESCRIPTIONS[topic][1] })),
		routing: { send: { type: 'body', property: 'topic' } },
	};
}

export function webhookUrlField(show: Show): INodeProperties {
	return {
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/hooks/trustoo',
		displayOptions: { show },
		description: 'Where Trustoo POSTs the events. It must answer HTTP 200 with {"code":0,"message":"success"}, or Trustoo retries for about 2 hours.',
		routing: { send: { type: 'body', property: 'url', value: '={{ String($value).trim() }}' } },
	};
}

/**
 * The webhook's ID as Trustoo returned it ("19"). Sent as an integer, the type the V1 field table
 * gives (answers carry it as a string; which one the current server insists on is UNKNOWN).
 */
export function webhookIdField(show: Show): INodeProperties {
	return {
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 19',
		displayOptions: { show },
		description: 'The ID from Webhook → Create or Get Many',
		routing: {
			send: {
				type: 'body',
				property: 'id',
				value: '={{ Number.isSafeInteger(Number($value)) ? Number($value) : String($value).trim() }}',
			},
		},
	};
}

export const webhookChecks = {
	topic: validateRequired('topic', 'Topic', checks.oneOf(WEBHOOK_TOPICS)),
	url: validateRequired('url', 'URL', checks.url),
	id: validateRequired('webhookId', 'Webhook ID', checks.numericId),
};
