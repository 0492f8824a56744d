import type { INodeProperties } from 'n8n-workflow';

import { confirmOutput } from '../../../shared/output';
import { reviewIdLocator } from './reviewLocator';

const showOnlyForReviewDelete = { resource: ['review'], operation: ['delete'] };

export const reviewDeleteDescription: INodeProperties[] = [
	{
		...reviewIdLocator(showOnlyForReviewDelete),
		// Body `{ "id": … }` as public clients send it; the doc page body was not retrievable (inferred).
		routing: { send: { type: 'body', property: 'id', value: '={{ String($value).trim() }}' } },
	},
];

/** Trustoo's answer carries no data (inferred: an empty object), so the item says what was deleted. */
export const reviewDeleteOutput = confirmOutput(function () {
	return { deleted: true, id: String(this.getNodeParameter('reviewId', '', { extractValue: true })).trim() };
});
