import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../nodes/shared/constants';
import { baseUrlProperty, trustooCredentialTest } from '../nodes/shared/credentialTest';
import { signRequestOptions } from '../nodes/shared/signRequest';

/**
 * A shop's own signed-token access: every request is signed with HMAC-SHA256 over its query and
 * exact body (docs §4.1), so `authenticate` is a function rather than a header template.
 */
export class TrustooApi implements ICredentialType {
	name = 'trustooApi';

	displayName = 'Trustoo API';

	icon: Icon = { light: 'file:../icons/trustoo.svg', dark: 'file:../icons/trustoo.dark.svg' };

	documentationUrl = 'https://github.com/trustoo-n8n/n8n-nodes-trustoo#credentials';

	httpRequestNode = {
		name: 'Trustoo',
		docsUrl: 'https://github.com/trustoo-n8n/n8n-nodes-trustoo#use-the-credential-in-the-http-request-node',
		apiBaseUrl: `${DEFAULT_BASE_URL}/api/v1/openapi/`,
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Public Token',
			name: 'publicToken',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'GfKu22TCaj4gULtrA3/OgA==',
			description: 'Shown in the Trustoo admin under Integrations → Open API',
		},
		{
			displayName: 'Private Token',
			name: 'privateToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret that signs every request. It is never sent itself. If Trustoo resets it, the old one stops working at once.',
		},
		baseUrlProperty,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signRequestOptions(
			{ publicToken: String(credentials.publicToken), privateToken: String(credentials.privateToken) },
			requestOptions,
			Math.floor(Date.now() / 1000),
		);
	}

	test: ICredentialTestRequest = trustooCredentialTest([
		{ code: 16, message: 'Trustoo refused the signature (code 16): check the Public Token and Private Token, and that this machine’s clock is right (signatures are valid for 15 minutes)' },
		{ code: 13, message: 'Trustoo answered with an internal error (code 13); try again in a moment' },
	]);
}
