import type { INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, trustooCredentials } from '../shared/authentication';
import { DEFAULT_BASE_URL } from '../shared/constants';
import { executeTrustooRequest } from '../shared/executor';
import { searchReviews } from './listSearch/searchReviews';
import { customerDescription } from './resources/customer';
import { customerEventDescription } from './resources/customerEvent';
import { mediaDescription } from './resources/media';
import { oauthDescription } from './resources/oauth';
import { orderDescription } from './resources/order';
import { ratingDescription } from './resources/rating';
import { reviewDescription } from './resources/review';
import { webhookDescription } from './resources/webhook';

const SHOP_RESOURCES: INodePropertyOptions[] = [
	{ name: 'Customer', value: 'customer' },
	{ name: 'Customer Event', value: 'customerEvent' },
	{ name: 'Media', value: 'media' },
	{ name: 'Order', value: 'order' },
	{ name: 'Rating', value: 'rating' },
	{ name: 'Review', value: 'review' },
	{ name: 'Webhook', value: 'webhook' },
];

/** Platform calls exist only for OAuth2 platforms, so their resource is offered only with OAuth2. */
const PLATFORM_RESOURCE: INodePropertyOptions = { name: 'OAuth / Shop', value: 'oauth' };

export class Trustoo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trustoo',
		name: 'trustoo',
		icon: { light: 'file:../../icons/trustoo.svg', dark: 'file:../../icons/trustoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and manage Trustoo (TrustWILL) product reviews, ratings, orders, customer events, exclusions, media and webhooks for a Shopify store',
		defaults: { name: 'Trustoo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: trustooCredentials,
		requestDefaults: {
			baseURL: `={{$credentials.baseUrl || "${DEFAULT_BASE_URL}"}}`,
			headers: { Accept: 'application/json' },
			json: true,
		},
		requestOperations: { pagination: executeTrustooRequest },
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { authentication: ['apiToken'] } },
				options: SHOP_RESOURCES,
				default: 'review',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
				options: [...SHOP_RESOURCES.slice(0, 3), PLATFORM_RESOURCE, ...SHOP_RESOURCES.slice(3)],
				default: 'review',
			},
			...customerDescription,
			...customerEventDescription,
			...mediaDescription,
			...oauthDescription,
			...orderDescription,
			...ratingDescription,
			...reviewDescription,
			...webhookDescription,
		],
	};

	methods = {
		listSearch: { searchReviews },
	};
}
