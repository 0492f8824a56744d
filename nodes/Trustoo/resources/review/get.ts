import type { INodeProperties } from 'n8n-workflow';

import { simplifyControl } from '../../../shared/descriptions';
import { reviewIdLocator } from './reviewLocator';

const showOnlyForReviewGet = { resource: ['review'], operation: ['get'] };

export const reviewGetDescription: INodeProperties[] = [
	{
		...reviewIdLocator(showOnlyForReviewGet),
		routing: {
			send: {
				// The docs do not name the query parameter of Get Review Detail (UNKNOWN): `id` is
				// inferred, `review_id` the other plausible name. Sending both works whichever it is.
				preSend: [
					async function (this, requestOptions) {
						const id = String(this.getNodeParameter('reviewId', undefined, { extractValue: true })).trim();
						requestOptions.qs = { ...(requestOptions.qs ?? {}), id, review_id: id };
						return requestOptions;
					},
				],
			},
		},
	},
	simplifyControl(showOnlyForReviewGet, 'review'),
];
