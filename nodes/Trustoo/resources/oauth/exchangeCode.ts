import type { INodeProperties } from 'n8n-workflow';

import { checks, validateRequired } from '../../../shared/validation';
import { redirectUriField, secretField } from './fields';

const showOnlyForExchangeCode = { resource: ['oauth'], operation: ['exchangeCode'], authentication: ['oAuth2'] };

export const exchangeCodePreSend = [
	validateRequired('code', 'Authorization Code', checks.notEmpty),
	validateRequired('redirectUri', 'Redirect URI', checks.url),
];

export const exchangeCodeDescription: INodeProperties[] = [
	secretField(showOnlyForExchangeCode, {
		displayName: 'Authorization Code',
		name: 'code',
		property: 'code',
		description: 'The code Trustoo added to the redirect URI after the merchant consented. It works once and expires soon.',
	}),
	redirectUriField(showOnlyForExchangeCode, 'body', 'Exactly the redirect URI of the authorization request'),
];
