import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../nodes/shared/constants';

/**
 * OAuth2 for platforms acting for many merchants (docs V6 §4.4): authorization_code and
 * refresh_token grants against Trustoo's authorize and token endpoints, Bearer on every call.
 */
export class TrustooOAuth2Api implements ICredentialType {
	name = 'trustooOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Trustoo OAuth2 API';

	icon: Icon = { light: 'file:../icons/trustoo.svg', dark: 'file:../icons/trustoo.dark.svg' };

	documentationUrl = 'https://github.com/trustoo-n8n/n8n-nodes-trustoo#oauth2-credential';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Leave as is for Trustoo. Change it only to talk to a local Trustoo sandbox.',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: `${DEFAULT_BASE_URL}/api/v1/openapi/oauth/authorize`,
			required: true,
			description: 'Where the merchant approves access. Trustoo hands this page out per request (Get Authorization URL); its fixed address is not documented (inferred).',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: `${DEFAULT_BASE_URL}/api/v1/openapi/oauth/token`,
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'read_reviews write_reviews read_customer_events write_customers read_shop_install_status',
			description: 'Space-separated Trustoo scopes to request',
		},
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
