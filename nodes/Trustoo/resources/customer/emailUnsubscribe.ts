import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { checks, validateRequired } from '../../../shared/validation';
import { customerEmailField } from './emailField';
import { EMAIL_TYPES } from './emailTypes';

const showOnlyForEmailUnsubscribe = { resource: ['customer'], operation: ['emailUnsubscribe'] };

export const emailUnsubscribePreSend = [
	validateRequired('email', 'Email', checks.email),
	validateRequired('emailType', 'Email Type', checks.oneOf(EMAIL_TYPES.map(([value]) => value))),
];

/** Trustoo answers without data (`{code, message: "OK", request_id}`), so the item says what was done. */
export function unsubscribed(this: IExecuteSingleFunctions): IDataObject {
	return { email: String(this.getNodeParameter('email', '')).trim(), email_type: this.getNodeParameter('emailType', '') as string };
}

export const emailUnsubscribeDescription: INodeProperties[] = [
	customerEmailField(showOnlyForEmailUnsubscribe, 'The customer who should stop receiving these emails'),
	{
		displayName: 'Email Type',
		name: 'emailType',
		type: 'options',
		required: true,
		default: 'all',
		displayOptions: { show: showOnlyForEmailUnsubscribe },
		description: 'Which Trustoo emails to stop. All Emails stops every kind.',
		options: EMAIL_TYPES.map(([value, name]) => ({ name, value })),
		routing: { send: { type: 'body', property: 'email_type' } },
	},
];
