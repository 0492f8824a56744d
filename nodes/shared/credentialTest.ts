import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { DEFAULT_BASE_URL, PATHS } from './constants';

/** Both credentials talk to the same host, changeable only for the local sandbox. */
export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: DEFAULT_BASE_URL,
	description: 'Leave as is for Trustoo. Change it only to talk to a local Trustoo sandbox.',
};

/**
 * A cheap authenticated read (the webhook list, no paging) through the credential's own signing or
 * Bearer logic; Trustoo answers failures under HTTP 200, so the rules name the codes.
 */
export function trustooCredentialTest(rules: Array<{ code: number; message: string }>): ICredentialTestRequest {
	return {
		request: { baseURL: `={{$credentials.baseUrl || "${DEFAULT_BASE_URL}"}}`, url: PATHS.webhookList, method: 'GET' },
		rules: rules.map(({ code, message }) => ({ type: 'responseSuccessBody', properties: { key: 'code', value: code, message } })),
	};
}
