import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, trustooCredentials } from '../shared/authentication';
import { DEFAULT_BASE_URL } from '../shared/constants';
import { executeTrustooRequest } from '../shared/executor';
import { searchReviews } from './listSearch/searchReviews';
import { reviewDescription } from './resources/review';

export class Trustoo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trustoo',
		name: 'trustoo',
		icon: { light: 'file:../../icons/trustoo.svg', dark: 'file:../../icons/trustoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and manage Trustoo (TrustWILL) product reviews, ratings, orders and webhooks for a Shopify store',
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
				options: [{ name: 'Review', value: 'review' }],
				default: 'review',
			},
			...reviewDescription,
		],
	};

	methods = {
		listSearch: { searchReviews },
	};
}
