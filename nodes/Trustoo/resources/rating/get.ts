import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checks, validateRequired } from '../../../shared/validation';

const showOnlyForRatingGet = { resource: ['rating'], operation: ['get'] };

/** get_rating takes one selector per call (curl examples); the flags are sent as 1 (0/1 inferred). */
const FLAGS: Record<string, string> = {
	allProducts: 'is_all_products_rating',
	all: 'is_all_rating',
	store: 'is_store_rating',
};

const PRODUCT_FIELDS: Record<string, [parameter: string, label: string, property: string]> = {
	productId: ['productId', 'Product ID', 'product_id'],
	productHandle: ['productHandle', 'Product Handle', 'product_handle'],
};

/**
 * Puts the chosen selector into the query. A function rather than per-option routing so that an
 * expression or an AI agent may choose the rating (option routing only sees a fixed choice).
 */
export async function ratingSelector(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const ratingOf = String(this.getNodeParameter('ratingOf', 'productId'));
	const qs = { ...(requestOptions.qs ?? {}) };
	if (FLAGS[ratingOf]) {
		qs[FLAGS[ratingOf]] = 1;
	} else if (PRODUCT_FIELDS[ratingOf]) {
		const [parameter, label, property] = PRODUCT_FIELDS[ratingOf];
		await validateRequired(parameter, label, ...(ratingOf === 'productId' ? [checks.numericId] : [])).call(this, requestOptions);
		qs[property] = String(this.getNodeParameter(parameter)).trim();
	} else {
		throw new NodeOperationError(this.getNode(), `Rating Of must be one of ${[...Object.keys(PRODUCT_FIELDS), ...Object.keys(FLAGS)].join(', ')}`, {
			itemIndex: this.getItemIndex(),
			description: `Got: ${JSON.stringify(ratingOf)}`,
		});
	}
	requestOptions.qs = qs;
	return requestOptions;
}

/**
 * The product fields are not marked required: n8n shows (and would demand) both whenever Rating Of
 * is an expression, so ratingSelector checks the one that applies instead.
 */
export const ratingGetDescription: INodeProperties[] = [
	{
		displayName: 'Rating Of',
		name: 'ratingOf',
		type: 'options',
		default: 'productId',
		displayOptions: { show: showOnlyForRatingGet },
		options: [
			{ name: 'A Product (by Handle)', value: 'productHandle', description: 'One product, by its URL handle such as blue-t-shirt' },
			{ name: 'A Product (by ID)', value: 'productId', description: 'One product, by its Shopify product ID' },
			{ name: 'All Products', value: 'allProducts', description: 'Every product review of the shop together, without store reviews' },
			{ name: 'Everything', value: 'all', description: 'Every review of the shop, product and store reviews together' },
			{ name: 'The Store', value: 'store', description: 'Reviews of the shop itself (store reviews)' },
		],
	},
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 9200305176832',
		displayOptions: { show: { ...showOnlyForRatingGet, ratingOf: ['productId'] } },
		description: 'Shopify product ID. Required for this choice.',
	},
	{
		displayName: 'Product Handle',
		name: 'productHandle',
		type: 'string',
		default: '',
		placeholder: 'e.g. blue-t-shirt',
		displayOptions: { show: { ...showOnlyForRatingGet, ratingOf: ['productHandle'] } },
		description: 'The product’s URL handle, the last part of its store front address. Required for this choice.',
	},
];
