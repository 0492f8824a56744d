import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { pathOverrideOption } from '../../../shared/descriptions';
import { confirmOutput } from '../../../shared/output';
import { sendShop, shopFields } from './shop';

const showOnlyForCancelAuthorization = { resource: ['oauth'], operation: ['cancelAuthorization'], authentication: ['oAuth2'] };

/**
 * V6 lists Cancel Platform Authorization without a retrievable page: path, parameters and answer
 * are inferred (a POST naming the shop in the JSON body, authenticated by the client credentials).
 */
export const cancelAuthorizationPreSend = [sendShop('body')];

export const cancelAuthorizationOutput = confirmOutput(() => ({ cancelled: true }));

export const cancelAuthorizationDescription: INodeProperties[] = [
	...shopFields(showOnlyForCancelAuthorization),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForCancelAuthorization },
		options: [pathOverrideOption('options', PATHS.oauthCancelAuthorization)],
	},
];
