import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { normalizeExclusion } from '../../../shared/normalize';
import { confirmOutput, shapeOutput } from '../../../shared/output';
import { trustooRouting } from '../../../shared/routing';
import { createExclusionDescription, createExclusionPreSend } from './createExclusion';
import { deleteExclusionDescription, deleteExclusionPreSend, deletedExclusion } from './deleteExclusion';
import { emailUnsubscribeDescription, emailUnsubscribePreSend, unsubscribed } from './emailUnsubscribe';
import { getExclusionsDescription } from './getExclusions';

const showOnlyForCustomers = { resource: ['customer'] };

const exclusionOutput = shapeOutput(normalizeExclusion);

export const customerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCustomers },
		options: [
			{
				name: 'Create Exclusion',
				value: 'createExclusion',
				action: 'Exclude a customer from review requests',
				description:
					'Stop all review invitation emails to one customer, by email. Returns the exclusion (customer_id, name, email, phone, dates). Fails with code 6 if the customer is already excluded.',
				routing: trustooRouting('POST', PATHS.exclusionCreate, { preSend: createExclusionPreSend, postReceive: [exclusionOutput] }),
			},
			{
				name: 'Delete Exclusion',
				value: 'deleteExclusion',
				action: 'Remove a customer exclusion',
				description:
					'Let review invitation emails reach a previously excluded customer again. Identify the customer by customer ID or by email (exactly one).',
				routing: trustooRouting('POST', PATHS.exclusionDelete, {
					preSend: deleteExclusionPreSend,
					postReceive: [confirmOutput(deletedExclusion)],
				}),
			},
			{
				name: 'Email Unsubscribe',
				value: 'emailUnsubscribe',
				action: 'Unsubscribe a customer from emails',
				description:
					'Unsubscribe one email address from one kind of Trustoo email (review requests, reminders, notifications, referral and reward emails…) or from all of them',
				routing: trustooRouting('POST', PATHS.emailUnsubscribe, {
					preSend: emailUnsubscribePreSend,
					postReceive: [confirmOutput(unsubscribed)],
				}),
			},
			{
				name: 'Get Many Exclusions',
				value: 'getManyExclusions',
				action: 'Get many customer exclusions',
				description:
					'List the customers excluded from review invitation emails. The path is inferred (Trustoo’s docs do not show it) and can be changed under Options.',
				routing: trustooRouting('GET', PATHS.exclusionList, { postReceive: [exclusionOutput] }),
			},
		],
		default: 'emailUnsubscribe',
	},
	...emailUnsubscribeDescription,
	...createExclusionDescription,
	...deleteExclusionDescription,
	...getExclusionsDescription,
];
