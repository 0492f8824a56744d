import type { INodeProperties } from 'n8n-workflow';

import { listControls, sortControl } from '../../../shared/descriptions';
import { checks, sendDateRange, validateParameter } from '../../../shared/validation';

const showOnlyForOrderGetMany = { resource: ['order'], operation: ['getAll'] };

/** `type` of get_orders: the status of the order's review-request email (docs, all versions). */
const ORDER_STATUSES: Array<[value: string, name: string, description: string]> = [
	['0', 'All', 'Orders in every status'],
	['1', 'Waiting', 'The review request is not scheduled yet'],
	['2', 'Scheduled', 'The review request email is scheduled'],
	['3', 'Sent', 'The review request email was sent'],
	['4', 'Opened', 'The customer opened the review request email'],
	['5', 'Reviewed', 'The customer left a review (Trustoo calls this evaluated)'],
	['6', 'Cancelled', 'The review request was cancelled'],
];

function dateFilter(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description };
}

/**
 * An expression may give a status outside the list, so it is checked. The date filters' format is
 * UNKNOWN in the docs; they are sent as `YYYY-MM-DD HH:MM:SS` like the other Trustoo dates
 * (inferred), by preSend rather than by routing, which cannot format dates.
 */
export const orderGetManyPreSend = [
	validateParameter('filters.status', 'Review Request Status', checks.oneOf(ORDER_STATUSES.map(([value]) => value))),
	sendDateRange(
		{ parameter: 'filters.sentAfter', label: 'Request Sent After', property: 'start_sent_at' },
		{ parameter: 'filters.sentBefore', label: 'Request Sent Before', property: 'end_sent_at' },
	),
	sendDateRange(
		{ parameter: 'filters.createdAfter', label: 'Created After', property: 'start_time' },
		{ parameter: 'filters.createdBefore', label: 'Created Before', property: 'end_time' },
	),
];

export const orderGetManyDescription: INodeProperties[] = [
	...listControls(showOnlyForOrderGetMany),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForOrderGetMany },
		options: [
			dateFilter('Created After', 'createdAfter', 'Only orders placed at or after this time. A date alone means its first second.'),
			dateFilter('Created Before', 'createdBefore', 'Only orders placed at or before this time. A date alone covers that whole day.'),
			dateFilter('Request Sent After', 'sentAfter', 'Only orders whose review request email was sent at or after this time'),
			dateFilter('Request Sent Before', 'sentBefore', 'Only orders whose review request email was sent at or before this time. A date alone covers that whole day.'),
			{
				displayName: 'Review Request Status',
				name: 'status',
				type: 'options',
				default: '0',
				description: 'Only orders whose review request email is in this state',
				options: ORDER_STATUSES.map(([value, name, description]) => ({ name, value, description })),
				routing: { send: { type: 'query', property: 'type' } },
			},
		],
	},
	sortControl(showOnlyForOrderGetMany),
];
