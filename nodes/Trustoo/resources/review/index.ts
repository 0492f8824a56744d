import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { normalizeReview, simplifyReview } from '../../../shared/normalize';
import { shapeOutput } from '../../../shared/output';
import { trustooRouting } from '../../../shared/routing';
import { reviewCreateDescription, reviewCreatePreSend } from './create';
import { reviewDeleteDescription } from './delete';
import { reviewGetDescription } from './get';
import { reviewGetManyDescription } from './getAll';

const showOnlyForReviews = { resource: ['review'] };

const reviewOutput = shapeOutput(normalizeReview, simplifyReview);

export const reviewDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForReviews },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a review',
				description:
					'Add a review to the shop (for example one imported from another platform). Returns the new review with its ID.',
				routing: trustooRouting('POST', PATHS.reviewCreate, { preSend: reviewCreatePreSend, postReceive: [reviewOutput] }),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a review',
				description: 'Permanently delete one review by its ID. This cannot be undone.',
				routing: trustooRouting('POST', PATHS.reviewDelete),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a review',
				description: 'Get one review by its ID, with rating, text, author, media and the shop’s reply',
				routing: trustooRouting('GET', PATHS.reviewGet, { postReceive: [reviewOutput] }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many reviews',
				description:
					'List reviews, newest first by default, filtered by product, store or product reviews, star ratings, sources or a keyword',
				routing: trustooRouting('GET', PATHS.reviewList, { postReceive: [reviewOutput] }),
			},
		],
		default: 'getAll',
	},
	...reviewGetDescription,
	...reviewGetManyDescription,
	...reviewCreateDescription,
	...reviewDeleteDescription,
];
