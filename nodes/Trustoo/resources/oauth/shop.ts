import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { checks, validateRequired } from '../../../shared/validation';

type Show = { resource: string[]; operation: string[]; authentication: string[] };

/**
 * The shop a platform call is about: its Shopify shop ID or its myshopify domain. The docs take
 * either (which one is required is UNKNOWN), so the user picks one and only that one is sent. The
 * two fields are not marked required because n8n would demand both when Identify Shop By is an
 * expression; sendShop checks the one that applies.
 */
export function shopFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Identify Shop By',
			name: 'shopBy',
			type: 'options',
			default: 'myshopifyDomain',
			displayOptions: { show },
			options: [
				{ name: 'Myshopify Domain', value: 'myshopifyDomain', description: 'Such as example.myshopify.com' },
				{ name: 'Shop ID', value: 'shopId', description: 'The numeric Shopify shop ID' },
			],
		},
		{
			displayName: 'Myshopify Domain',
			name: 'myshopifyDomain',
			type: 'string',
			default: '',
			placeholder: 'example.myshopify.com',
			description: 'The shop’s myshopify.com domain. Required for this choice.',
			displayOptions: { show: { ...show, shopBy: ['myshopifyDomain'] } },
		},
		{
			displayName: 'Shop ID',
			name: 'shopId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 68001234567',
			description: 'The numeric Shopify shop ID. Required for this choice.',
			displayOptions: { show: { ...show, shopBy: ['shopId'] } },
		},
	];
}

/**
 * Checks the chosen identifier and puts it into the query or the body. A function so that an
 * expression or an AI agent can choose how the shop is named.
 */
export function sendShop(target: 'qs' | 'body'): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const byId = this.getNodeParameter('shopBy', 'myshopifyDomain') === 'shopId';
		const [parameter, label, property, check] = byId
			? ['shopId', 'Shop ID', 'shop_id', checks.numericId]
			: ['myshopifyDomain', 'Myshopify Domain', 'myshopify_domain', checks.myshopifyDomain];
		await validateRequired(parameter, label, check).call(this, requestOptions);
		const value = String(this.getNodeParameter(parameter)).trim().toLowerCase();
		const current = (requestOptions[target] ?? {}) as IDataObject;
		requestOptions[target] = { ...current, [property]: value };
		return requestOptions;
	};
}
