import type { INodeProperties } from 'n8n-workflow';

import { webhookChecks, webhookTopicField, webhookUrlField } from './fields';

const showOnlyForWebhookCreate = { resource: ['webhook'], operation: ['create'] };

export const webhookCreatePreSend = [webhookChecks.topic, webhookChecks.url];

export const webhookCreateDescription: INodeProperties[] = [
	webhookTopicField(showOnlyForWebhookCreate),
	webhookUrlField(showOnlyForWebhookCreate),
];
