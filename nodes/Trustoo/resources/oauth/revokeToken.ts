import type { INodeProperties } from 'n8n-workflow';

import { confirmOutput } from '../../../shared/output';
import { checks, validateRequired } from '../../../shared/validation';
import { secretField } from './fields';

const showOnlyForRevokeToken = { resource: ['oauth'], operation: ['revokeToken'], authentication: ['oAuth2'] };

export const revokeTokenPreSend = [validateRequired('token', 'Token', checks.notEmpty)];

/** The V5 example answer is `{}`, so the item says what was done. */
export const revokeTokenOutput = confirmOutput(() => ({ revoked: true }));

export const revokeTokenDescription: INodeProperties[] = [
	secretField(showOnlyForRevokeToken, {
		displayName: 'Token',
		name: 'token',
		property: 'token',
		description: 'The access token or refresh token to invalidate (which kinds Trustoo accepts is not documented)',
	}),
];
