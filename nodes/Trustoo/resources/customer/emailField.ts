import type { INodeProperties } from 'n8n-workflow';

/** A customer's email address, sent trimmed in the JSON body. */
export function customerEmailField(show: { resource: string[]; operation: string[] }, description: string, required = true): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required,
		default: '',
		displayOptions: { show },
		description,
		routing: { send: { type: 'body', property: 'email', value: '={{ String($value).trim() || undefined }}' } },
	};
}
