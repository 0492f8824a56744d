import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { checks, requireExactlyOne, validateParameter } from '../../../shared/validation';
import { customerEmailField } from './emailField';

const showOnlyForDeleteExclusion = { resource: ['customer'], operation: ['deleteExclusion'] };

/** delete_customer_exclude takes customer_id or email, exactly one (docs V6). */
export const deleteExclusionPreSend = [
	requireExactlyOne([
		['customerId', 'Customer ID'],
		['email', 'Email'],
	]),
	validateParameter('customerId', 'Customer ID', checks.numericId),
	validateParameter('email', 'Email', checks.email),
];

/** What the confirmation item names: the one identifier that was sent. */
export function deletedExclusion(this: IExecuteSingleFunctions): IDataObject {
	const customerId = String(this.getNodeParameter('customerId', '')).trim();
	return customerId ? { deleted: true, customer_id: customerId } : { deleted: true, email: String(this.getNodeParameter('email', '')).trim() };
}

export const deleteExclusionDescription: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 7390012345001',
		displayOptions: { show: showOnlyForDeleteExclusion },
		description: 'The excluded customer’s ID, as Get Many Exclusions returns it. Give this or Email, not both.',
		routing: { send: { type: 'body', property: 'customer_id', value: '={{ String($value).trim() || undefined }}' } },
	},
	customerEmailField(showOnlyForDeleteExclusion, 'The excluded customer’s email. Give this or Customer ID, not both.', false),
];
