import type { INodeProperties } from 'n8n-workflow';

type Show = { resource: string[]; operation: string[]; authentication: string[] };

/** The platform's callback; the token exchange must repeat the one of the authorization request. */
export function redirectUriField(show: Show, type: 'query' | 'body', description: string): INodeProperties {
	return {
		displayName: 'Redirect URI',
		name: 'redirectUri',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://platform.example.com/trustoo/callback',
		displayOptions: { show },
		description,
		routing: { send: { type, property: 'redirect_uri', value: '={{ String($value).trim() }}' } },
	};
}

/** A code or token the user pastes: hidden while typed, sent trimmed in the JSON body. */
export function secretField(show: Show, field: { displayName: string; name: string; property: string; description: string }): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show },
		description: field.description,
		routing: { send: { type: 'body', property: field.property, value: '={{ String($value).trim() }}' } },
	};
}
