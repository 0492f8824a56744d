import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, trustooCredentials } from '../shared/authentication';
import { reviewFiltersProperty } from '../shared/reviewFilters';
import { simplifyReviewsProperty } from '../shared/triggerProperties';
import { createSubscriptions, deleteSubscriptions, subscriptionsExist } from './lifecycle';
import { receiveDelivery } from './receive';

const showForPlatformVerification = { authentication: ['oAuth2'], verifySignature: [true] };

export class TrustooTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trustoo Trigger',
		name: 'trustooTrigger',
		icon: { light: 'file:../../icons/trustoo.svg', dark: 'file:../../icons/trustoo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow the moment Trustoo (TrustWILL) reports a new, changed or removed review, or a customer event',
		defaults: { name: 'Trustoo Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: trustooCredentials,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Trustoo calls this n8n over the internet. To see sample data, click "Listen for test event", then create, edit or hide a review in Trustoo: the real delivery appears here. If Trustoo cannot reach this n8n (localhost, a private network), use the Trustoo Poll Trigger instead.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			authenticationProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['review/created'],
				description: 'What to listen for. Trustoo gets one webhook per event, all pointing at this trigger.',
				options: [
					{ name: 'Customer Event Created', value: 'customer_event/created', description: 'A shopper did something on a review widget (viewed, filtered, clicked…)' },
					{ name: 'Review Created', value: 'review/created', description: 'A new review was posted or imported' },
					{ name: 'Review Deleted or Hidden', value: 'review/deleted', description: 'A review was deleted, or hidden from the store' },
					{ name: 'Review Updated', value: 'review/updated', description: 'An existing review was changed' },
				],
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to accept only deliveries signed by Trustoo. Warning: turned off, anyone who learns this URL can start the workflow with made-up reviews; turn it off only to debug.',
			},
			{
				displayName: 'Platform Signing Key',
				name: 'platformSigningKey',
				type: 'options',
				displayOptions: { show: showForPlatformVerification },
				default: 'clientSecret',
				description:
					'Trustoo does not document which secret signs webhooks created with OAuth2. The client secret is the likely one; if deliveries are rejected with "signature mismatch", try the shop’s private token.',
				options: [
					{ name: 'Client Secret of the OAuth2 Credential', value: 'clientSecret' },
					{ name: 'Shop Private Token', value: 'shopPrivateToken' },
				],
			},
			{
				displayName: 'Shop Private Token',
				name: 'shopPrivateToken',
				type: 'string',
				typeOptions: { password: true },
				displayOptions: { show: { ...showForPlatformVerification, platformSigningKey: ['shopPrivateToken'] } },
				default: '',
				description: 'The private token from the shop’s Trustoo admin (Integrations → Open API)',
			},
			{
				displayName: 'Shop Public Token',
				name: 'shopPublicToken',
				type: 'string',
				typeOptions: { password: true },
				displayOptions: { show: showForPlatformVerification },
				default: '',
				description:
					'Optional. When set, deliveries must carry this public token. Leave empty if the workflow serves several shops.',
			},
			reviewFiltersProperty,
			{
				displayName: 'Fetch Full Review',
				name: 'fetchFullReview',
				type: 'boolean',
				default: false,
				description:
					'Whether to load the complete review from Trustoo for created and updated reviews (one API call each) before filtering. If loading fails, the delivered review is output with the error under _trustoo.fetch_error.',
			},
			simplifyReviewsProperty,
		],
	};

	webhookMethods = {
		default: {
			checkExists: async function (this: IHookFunctions): Promise<boolean> {
				return await subscriptionsExist.call(this);
			},
			create: async function (this: IHookFunctions): Promise<boolean> {
				return await createSubscriptions.call(this);
			},
			delete: async function (this: IHookFunctions): Promise<boolean> {
				return await deleteSubscriptions.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
