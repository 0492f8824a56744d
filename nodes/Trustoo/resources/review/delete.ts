import type { INodeProperties } from 'n8n-workflow';

import { reviewIdLocator } from './reviewLocator';

const showOnlyForReviewDelete = { resource: ['review'], operation: ['delete'] };

export const reviewDeleteDescription: INodeProperties[] = [
	{
		...reviewIdLocator(showOnlyForReviewDelete),
		// Body `{ "id": … }` as public clients send it; the doc page body was not retrievable (inferred).
		routing: { send: { type: 'body', property: 'id', value: '={{ String($value).trim() }}' } },
	},
];
