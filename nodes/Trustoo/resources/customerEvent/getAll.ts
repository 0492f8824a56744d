import type { INodeProperties } from 'n8n-workflow';

import { listControls, sortControl } from '../../../shared/descriptions';
import { openFilter } from './openFilter';

const showOnlyForCustomerEventGetMany = { resource: ['customerEvent'], operation: ['getAll'] };

/** The values the docs list, each list ending in "etc.". */
const EVENT_TYPES = [
	'VIEW_REVIEW',
	'EXPAND_CONTENT',
	'SUBMIT_REVIEW',
	'CLICK_REVIEW',
	'PAGINATION',
	'FILTER_REVIEW',
	'SORT_REVIEW',
	'CLICK_MEDIA',
	'CLOSE_VIDEO_POPUP',
] as const;
const OS_TYPES = ['IOS', 'ANDROID', 'WINDOWS'] as const;
const EVENT_SOURCES = ['STOREFRONT', 'EMAIL', 'ADMIN'] as const;

const filters = [
	openFilter('Event Source', 'eventSource', 'event_source', EVENT_SOURCES, 'Only events from this place'),
	openFilter('Event Type', 'eventType', 'event_type', EVENT_TYPES, 'Only events of this kind, e.g. VIEW_REVIEW when a shopper sees reviews'),
	openFilter('Operating System', 'osType', 'os_type', OS_TYPES, 'Only events from shoppers on this operating system'),
];

export const customerEventGetManyPreSend = filters.map((filter) => filter.preSend);

export const customerEventGetManyDescription: INodeProperties[] = [
	...listControls(showOnlyForCustomerEventGetMany),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForCustomerEventGetMany },
		options: filters.flatMap((filter) => filter.options),
	},
	sortControl(showOnlyForCustomerEventGetMany),
];
