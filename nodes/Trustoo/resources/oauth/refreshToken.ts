import type { INodeProperties } from 'n8n-workflow';

import { checks, validateRequired } from '../../../shared/validation';
import { secretField } from './fields';

const showOnlyForRefreshToken = { resource: ['oauth'], operation: ['refreshToken'], authentication: ['oAuth2'] };

export const refreshTokenPreSend = [validateRequired('refreshToken', 'Refresh Token', checks.notEmpty)];

export const refreshTokenDescription: INodeProperties[] = [
	secretField(showOnlyForRefreshToken, {
		displayName: 'Refresh Token',
		name: 'refreshToken',
		property: 'refresh_token',
		description: 'The refresh token of the shop’s last token answer. Store the one this call returns: Trustoo may rotate it (not documented).',
	}),
];
