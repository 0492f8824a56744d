import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { normalizeRating } from '../../../shared/normalize';
import { shapeOutput } from '../../../shared/output';
import { trustooRouting } from '../../../shared/routing';
import { ratingGetDescription, ratingSelector } from './get';

const showOnlyForRatings = { resource: ['rating'] };

export const ratingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForRatings },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a rating',
				description:
					'Get the average star rating and the number of reviews per star (1-5) for one product (by ID or handle), the store, all products or everything. rating_value (e.g. 4.8) and every count are numbers.',
				routing: trustooRouting('GET', PATHS.rating, { preSend: [ratingSelector], postReceive: [shapeOutput(normalizeRating)] }),
			},
		],
		default: 'get',
	},
	...ratingGetDescription,
];
