import type { INodeProperties } from 'n8n-workflow';

import { REVIEW_TYPE_OPTIONS } from '../../../shared/constants';
import { listControls, simplifyControl, sortControl } from '../../../shared/descriptions';
import { checks, validateParameter } from '../../../shared/validation';
import { REVIEW_SOURCES } from './sources';

const showOnlyForReviewGetMany = { resource: ['review'], operation: ['getAll'] };

export const reviewGetManyPreSend = [validateParameter('filters.productIds', 'Product IDs', checks.numericIdList)];

export const reviewGetManyDescription: INodeProperties[] = [
	...listControls(showOnlyForReviewGetMany),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForReviewGetMany },
		// The parameter names below come from public client code; the doc's own table was not
		// retrievable (inferred). Arrays go out as name[0], name[1]… (see shared/query.ts).
		options: [
			{
				displayName: 'Keyword',
				name: 'keyword',
				type: 'string',
				default: '',
				description: 'Only reviews whose title, text or author contains this text',
				routing: { send: { type: 'query', property: 'keyword' } },
			},
			{
				displayName: 'Product IDs',
				name: 'productIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 9200305176832, 9200305176833',
				description: 'Only reviews of these Shopify product IDs (comma-separated)',
				routing: {
					send: {
						type: 'query',
						property: 'product_ids',
						value: '={{ String($value).split(",").map(id => id.trim()).filter(id => id) }}',
					},
				},
			},
			{
				displayName: 'Ratings',
				name: 'ratings',
				type: 'multiOptions',
				default: [],
				description: 'Only reviews with these star ratings',
				options: [1, 2, 3, 4, 5].map((stars) => ({ name: `${stars} Star${stars > 1 ? 's' : ''}`, value: String(stars) })),
				routing: { send: { type: 'query', property: 'ratings' } },
			},
			{
				displayName: 'Review Type',
				name: 'reviewType',
				type: 'options',
				default: 'product',
				options: REVIEW_TYPE_OPTIONS,
				routing: { send: { type: 'query', property: 'is_store_review', value: '={{ $value === "store" ? 1 : 0 }}' } },
			},
			{
				displayName: 'Sources',
				name: 'sources',
				type: 'multiOptions',
				default: [],
				description: 'Only reviews that came from these sources',
				options: REVIEW_SOURCES.map((source) => ({ name: source, value: source })),
				routing: { send: { type: 'query', property: 'sources' } },
			},
		],
	},
	sortControl(showOnlyForReviewGetMany),
	simplifyControl(showOnlyForReviewGetMany, 'review'),
];
