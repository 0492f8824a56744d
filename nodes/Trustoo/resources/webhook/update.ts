import type { INodeProperties } from 'n8n-workflow';

import { webhookChecks, webhookIdField, webhookTopicField, webhookUrlField } from './fields';

const showOnlyForWebhookUpdate = { resource: ['webhook'], operation: ['update'] };

/** update_shop_webhook takes id, topic and url, all required (V1 field table). */
export const webhookUpdatePreSend = [webhookChecks.id, webhookChecks.topic, webhookChecks.url];

export const webhookUpdateDescription: INodeProperties[] = [
	webhookIdField(showOnlyForWebhookUpdate),
	webhookTopicField(showOnlyForWebhookUpdate),
	webhookUrlField(showOnlyForWebhookUpdate),
];
