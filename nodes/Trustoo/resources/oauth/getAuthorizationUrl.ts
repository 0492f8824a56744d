import type { INodeProperties } from 'n8n-workflow';

import { OAUTH_SCOPES } from '../../../shared/constants';
import { checks, validateRequired } from '../../../shared/validation';
import { redirectUriField } from './fields';

const showOnlyForGetAuthorizationUrl = { resource: ['oauth'], operation: ['getAuthorizationUrl'], authentication: ['oAuth2'] };

export const getAuthorizationUrlPreSend = [
	validateRequired('redirectUri', 'Redirect URI', checks.url),
	validateRequired('scopes', 'Scopes'),
];

export const getAuthorizationUrlDescription: INodeProperties[] = [
	redirectUriField(showOnlyForGetAuthorizationUrl, 'query', 'Where Trustoo sends the merchant back with the authorization code after consent'),
	{
		displayName: 'Scopes',
		name: 'scopes',
		type: 'multiOptions',
		required: true,
		default: ['read_reviews'],
		displayOptions: { show: showOnlyForGetAuthorizationUrl },
		description: 'What the platform may do in the merchant’s shop. Sent space-separated (the separator is not documented).',
		options: OAUTH_SCOPES.map(({ value, name, description }) => ({ value, name, description })),
		routing: { send: { type: 'query', property: 'scope', value: '={{ [].concat($value).join(" ") }}' } },
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'string',
		default: '',
		displayOptions: { show: showOnlyForGetAuthorizationUrl },
		description: 'An unguessable value Trustoo hands back with the code, to check that the callback answers your own request',
		routing: { send: { type: 'query', property: 'state', value: '={{ String($value).trim() || undefined }}' } },
	},
];
