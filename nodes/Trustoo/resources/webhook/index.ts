import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { normalizeWebhook } from '../../../shared/normalize';
import { shapeOutput } from '../../../shared/output';
import { trustooRouting } from '../../../shared/routing';
import { webhookCreateDescription, webhookCreatePreSend } from './create';
import { webhookDeleteDescription, webhookDeleteOutput, webhookDeletePreSend } from './delete';
import { webhookUpdateDescription, webhookUpdatePreSend } from './update';

const showOnlyForWebhooks = { resource: ['webhook'] };

const webhookOutput = shapeOutput(normalizeWebhook);

export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWebhooks },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a webhook',
				description:
					'Subscribe a URL to one Trustoo event (review created, updated, deleted or customer event created). Returns the webhook with its ID. To start a workflow on these events, use the Trustoo Trigger node instead.',
				routing: trustooRouting('POST', PATHS.webhookCreate, { preSend: webhookCreatePreSend, postReceive: [webhookOutput] }),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a webhook',
				description: 'Stop sending events to a webhook, by its ID. The path and request body are inferred from public client code.',
				routing: trustooRouting('POST', PATHS.webhookDelete, { preSend: webhookDeletePreSend, postReceive: [webhookDeleteOutput] }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many webhooks',
				description: 'List every webhook of the shop (or, with OAuth2, of this platform) with its ID, topic and URL',
				routing: trustooRouting('GET', PATHS.webhookList, { postReceive: [webhookOutput] }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a webhook',
				description:
					'Change the topic and URL of a webhook, by its ID; both must be given. Returns the updated webhook. (The current path is inferred from the V1 one.)',
				routing: trustooRouting('POST', PATHS.webhookUpdate, { preSend: webhookUpdatePreSend, postReceive: [webhookOutput] }),
			},
		],
		default: 'getAll',
	},
	...webhookCreateDescription,
	...webhookUpdateDescription,
	...webhookDeleteDescription,
];
