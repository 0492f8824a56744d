import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { simplifyControl } from '../../../shared/descriptions';
import { checks, readDateTime, validateParameter, validateRequired } from '../../../shared/validation';
import { reviewMediaBody, reviewMediaFields } from './media';
import { REVIEW_SOURCES } from './sources';

const showOnlyForReviewCreate = { resource: ['review'], operation: ['create'] };

/**
 * Builds the whole Create Review body in one place: booleans become the 0/1 flags Trustoo uses,
 * dates the `YYYY-MM-DD HH:MM:SS` of the field table, media follows the newest docs (see media.ts),
 * and only fields the user set are sent.
 */
async function buildReviewBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const extra = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const body: IDataObject = {
		rating: Number(this.getNodeParameter('rating')),
		author: String(this.getNodeParameter('author')).trim(),
		source: this.getNodeParameter('source') as string,
		commented_at: readDateTime(this, this.getNodeParameter('commentedAt', '') || new Date().toISOString(), 'Commented At'),
	};
	const text: Array<[string, string]> = [
		['productId', 'product_id'],
		['orderId', 'order_id'],
		['title', 'title'],
		['content', 'content'],
		['authorEmail', 'author_email'],
		['authorPhone', 'author_phone'],
		['authorCountry', 'author_country'],
		['itemType', 'item_type'],
		['tag', 'tag'],
	];
	for (const [field, key] of text) {
		const value = extra[field];
		if (value !== undefined && String(value).trim() !== '') body[key] = String(value).trim();
	}
	for (const [field, key] of [
		['isVerified', 'is_verified'],
		['isFeatured', 'is_featured'],
		['isPublished', 'is_published'],
		['isTop', 'is_top'],
	] as const) {
		if (extra[field] !== undefined) body[key] = extra[field] ? 1 : 0;
	}
	const media = reviewMediaBody.call(this, extra);
	if (media.length) body.media = media;
	const replyEntry = ((extra.reply as IDataObject | undefined)?.value ?? undefined) as IDataObject | undefined;
	if (replyEntry?.content) {
		const replyAt = readDateTime(this, replyEntry.replyAt, 'Reply → Replied At');
		body.reply = { content: String(replyEntry.content), ...(replyAt ? { reply_at: replyAt } : {}) };
	}
	requestOptions.body = body;
	return requestOptions;
}

export const reviewCreatePreSend: PreSendAction[] = [
	validateRequired('rating', 'Rating', checks.rating),
	validateRequired('author', 'Author', checks.notEmpty, checks.maxLength(120)),
	validateParameter('additionalFields.productId', 'Product ID', checks.numericId),
	validateParameter('additionalFields.orderId', 'Order ID', checks.numericId),
	validateParameter('additionalFields.authorEmail', 'Author Email', checks.email),
	validateParameter('additionalFields.title', 'Title', checks.maxLength(300)),
	validateParameter('additionalFields.content', 'Content', checks.maxLength(10000)),
	validateParameter('additionalFields.itemType', 'Item Type', checks.maxLength(120)),
	buildReviewBody,
];

export const reviewCreateDescription: INodeProperties[] = [
	{
		displayName: 'Rating',
		name: 'rating',
		type: 'number',
		required: true,
		default: 5,
		typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
		displayOptions: { show: showOnlyForReviewCreate },
		description: 'Stars, from 1 to 5',
	},
	{
		displayName: 'Author',
		name: 'author',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: showOnlyForReviewCreate },
		description: 'Name shown on the review (up to 120 characters)',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		required: true,
		default: 'Shop',
		displayOptions: { show: showOnlyForReviewCreate },
		options: REVIEW_SOURCES.map((source) => ({ name: source, value: source })),
		description: 'Where the review came from',
	},
	{
		displayName: 'Commented At',
		name: 'commentedAt',
		type: 'dateTime',
		default: '',
		displayOptions: { show: showOnlyForReviewCreate },
		description: 'When the customer wrote the review. Empty means now.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForReviewCreate },
		options: [
			{ displayName: 'Author Country', name: 'authorCountry', type: 'string', default: '', placeholder: 'US', description: 'Two-letter region code' },
			{ displayName: 'Author Email', name: 'authorEmail', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Author Phone', name: 'authorPhone', type: 'string', default: '' },
			{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Review text (up to 10,000 characters)' },
			{ displayName: 'Featured', name: 'isFeatured', type: 'boolean', default: false, description: 'Whether the review is featured' },
			{ displayName: 'Item Type', name: 'itemType', type: 'string', default: '', placeholder: 'Red / XL', description: 'The variant the customer bought' },
			...reviewMediaFields,
			{ displayName: 'Order ID', name: 'orderId', type: 'string', default: '', description: 'Shopify order ID' },
			{ displayName: 'Pinned to Top', name: 'isTop', type: 'boolean', default: false, description: 'Whether the review is pinned to the top' },
			{ displayName: 'Product ID', name: 'productId', type: 'string', default: '', description: 'Shopify product ID. Leave empty for a store review.' },
			{ displayName: 'Published', name: 'isPublished', type: 'boolean', default: true, description: 'Whether the review is shown on the store front' },
			{
				displayName: 'Reply',
				name: 'reply',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Reply',
				options: [
					{
						displayName: 'Reply',
						name: 'value',
						values: [
							{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'The shop’s public answer' },
							{ displayName: 'Replied At', name: 'replyAt', type: 'dateTime', default: '' },
						],
					},
				],
			},
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 300 characters' },
			{ displayName: 'Verified Buyer', name: 'isVerified', type: 'boolean', default: false, description: 'Whether the author is a verified buyer' },
		],
	},
	simplifyControl(showOnlyForReviewCreate, 'review'),
];
