import type { INodeProperties } from 'n8n-workflow';

import { confirmOutput } from '../../../shared/output';
import { webhookChecks, webhookIdField } from './fields';

const showOnlyForWebhookDelete = { resource: ['webhook'], operation: ['delete'] };

export const webhookDeletePreSend = [webhookChecks.id];

/** The answer's data is UNKNOWN (inferred: none), so the item says what was deleted. */
export const webhookDeleteOutput = confirmOutput(function () {
	return { deleted: true, id: String(this.getNodeParameter('webhookId', '')).trim() };
});

export const webhookDeleteDescription: INodeProperties[] = [webhookIdField(showOnlyForWebhookDelete)];
