import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { normalizeReview, simplifyReview } from '../../../shared/normalize';
import { shapeOutput } from '../../../shared/output';
import { trustooRouting } from '../../../shared/routing';
import { validateRequired } from '../../../shared/validation';
import { reviewCreateDescription, reviewCreatePreSend } from './create';
import { reviewDeleteDescription, reviewDeleteOutput } from './delete';
import { reviewGetDescription } from './get';
import { reviewGetManyDescription, reviewGetManyPreSend } from './getAll';

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
					'Add a review to the shop, e.g. one imported from another platform, with optional photos/videos (upload them first with Media → Upload Image or Upload Video) and a shop reply. Returns the new review with its ID.',
				routing: trustooRouting('POST', PATHS.reviewCreate, { preSend: reviewCreatePreSend, postReceive: [reviewOutput] }),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a review',
				description:
					'Permanently delete one review by its ID. This cannot be undone. Returns success, deleted and the ID. The request body is inferred from public client code.',
				routing: trustooRouting('POST', PATHS.reviewDelete, {
					preSend: [validateRequired('reviewId', 'Review')],
					postReceive: [reviewDeleteOutput],
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a review',
				description:
					'Get one review by its ID, with rating, text, author, media and the shop’s reply. The ID’s query parameter name is not documented, so the node sends both names Trustoo may use.',
				routing: trustooRouting('GET', PATHS.reviewGet, { preSend: [validateRequired('reviewId', 'Review')], postReceive: [reviewOutput] }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many reviews',
				description:
					'List reviews, newest first by default, filtered by product, store or product reviews, star ratings, sources or a keyword. The filter names are inferred from public client code.',
				routing: trustooRouting('GET', PATHS.reviewList, { preSend: reviewGetManyPreSend, postReceive: [reviewOutput] }),
			},
		],
		default: 'getAll',
	},
	...reviewGetDescription,
	...reviewGetManyDescription,
	...reviewCreateDescription,
	...reviewDeleteDescription,
];
