import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_TYPES } from './constants';

/** Signed tokens for a shop's own workflows; OAuth2 for platforms acting for many merchants (docs V6). */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Signed Tokens (Public + Private Token)', value: 'apiToken' },
		{ name: 'OAuth2 (Platforms)', value: 'oAuth2' },
	],
	default: 'apiToken',
};

export const trustooCredentials: INodeCredentialDescription[] = [
	{ name: CREDENTIAL_TYPES.shop, required: true, displayOptions: { show: { authentication: ['apiToken'] } } },
	{ name: CREDENTIAL_TYPES.platform, required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];
