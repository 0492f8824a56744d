import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { authenticateOAuthRequest } from '../nodes/shared/oauthAuthenticate';
import type { OAuthCredentialData } from '../nodes/shared/oauthAuthenticate';
import { DEFAULT_BASE_URL, OAUTH_SCOPES } from '../nodes/shared/constants';
import { baseUrlProperty, trustooCredentialTest } from '../nodes/shared/credentialTest';
import { refreshTokens, requestTokens, scopeString } from '../nodes/shared/oauthTokens';
import type { TokenSet } from '../nodes/shared/oauthTokens';


/**
 * OAuth2 for platforms acting for merchants (docs V6 §4.4): authorization_code and refresh_token
 * grants (client_credentials for platforms Trustoo flags skip_shop_oauth), Bearer on every call.
 *
 * Why not n8n's generic OAuth2 (`extends: ['oAuth2Api']`): it sends the token request form-encoded
 * and reads `access_token` from the top level of the answer, while Trustoo's token endpoint takes a
 * JSON body and answers inside the envelope's `data`. So this credential exchanges the code and
 * refreshes tokens itself through n8n's preAuthentication hook, whose output n8n stores — which is
 * how a rotated refresh token survives to the next execution. See README, "OAuth2 credential".
 */
export class TrustooOAuth2Api implements ICredentialType {
	name = 'trustooOAuth2Api';

	displayName = 'Trustoo OAuth2 API';

	icon: Icon = { light: 'file:../icons/trustoo.svg', dark: 'file:../icons/trustoo.dark.svg' };

	documentationUrl = 'https://github.com/trustoo-n8n/n8n-nodes-trustoo#oauth2-credential';

	properties: INodeProperties[] = [
		{
			displayName:
				'Get a code: open the consent page with your Client ID and Redirect URI (Trustoo node → OAuth → Get Authorization URL), approve, then copy the <code>code</code> parameter of the page you are sent to into Authorization Code and save. The credential exchanges it once and refreshes tokens by itself from then on.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code (Merchant Approves)', value: 'authorizationCode' },
				{ name: 'Client Credentials (Platforms Flagged by Trustoo)', value: 'clientCredentials' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization Code',
			name: 'authorizationCode',
			type: 'string',
			default: '',
			displayOptions: { show: { grantType: ['authorizationCode'] } },
			description: 'The code from the consent redirect. Used once; leave it as is afterwards.',
		},
		{
			displayName: 'Redirect URI',
			name: 'redirectUri',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/trustoo/callback',
			displayOptions: { show: { grantType: ['authorizationCode'] } },
			description: 'Exactly the redirect_uri used on the consent page',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			options: OAUTH_SCOPES.map(({ name, value }) => ({ name, value })),
			default: ['read_reviews', 'write_reviews', 'read_customer_events', 'write_customers'],
			description: 'Scopes to ask for with the Client Credentials grant (for Authorization Code, the scopes are chosen on the consent page)',
		},
		{
			displayName: 'Shop ID',
			name: 'shopId',
			type: 'string',
			default: '',
			description: 'The shop for Client Credentials and for the shop authorization/installation calls (or give the domain)',
		},
		{ displayName: 'Shop Domain', name: 'myshopifyDomain', type: 'string', default: '', placeholder: 'example.myshopify.com' },
		baseUrlProperty,
		{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
		{ displayName: 'Refresh Token', name: 'refreshToken', type: 'hidden', typeOptions: { password: true }, default: '' },
		{ displayName: 'Expires At', name: 'expiresAt', type: 'hidden', default: 0 },
	];

	/** Runs when the access token is empty or n8n saw a 401 (see oauthAuthenticate.ts); n8n stores what it returns. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const client = {
			baseUrl: String(credentials.baseUrl || DEFAULT_BASE_URL),
			clientId: String(credentials.clientId),
			clientSecret: String(credentials.clientSecret),
		};
		let tokens: TokenSet;
		// A freshly pasted code wins over a stored refresh token: that is how a user reconnects. A code
		// that was already used (say, the form was saved again) fails; the refresh token still works then.
		if (credentials.grantType !== 'clientCredentials' && credentials.authorizationCode) {
			const grant = { grant_type: 'authorization_code', code: String(credentials.authorizationCode).trim(), redirect_uri: String(credentials.redirectUri ?? '') };
			tokens = credentials.refreshToken
				? await requestTokens(this.helpers, client, grant).catch(async () => await refreshTokens(this.helpers, client, String(credentials.refreshToken)))
				: await requestTokens(this.helpers, client, grant);
		} else if (credentials.refreshToken) {
			tokens = await refreshTokens(this.helpers, client, String(credentials.refreshToken));
		} else if (credentials.grantType === 'clientCredentials') {
			tokens = await requestTokens(this.helpers, client, {
				grant_type: 'client_credentials',
				...(credentials.shopId ? { shop_id: Number(credentials.shopId) || String(credentials.shopId) } : {}),
				...(credentials.myshopifyDomain ? { myshopify_domain: String(credentials.myshopifyDomain) } : {}),
				scope: scopeString(credentials.scopes),
			});
		} else {
			// Nothing to exchange yet: platform calls (authorization URL, shop status) still work.
			return {};
		}
		return { ...tokens, authorizationCode: '' };
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return authenticateOAuthRequest(credentials as OAuthCredentialData, requestOptions, Date.now());
	}

	test: ICredentialTestRequest = trustooCredentialTest([
		{ code: 16, message: 'Trustoo refused the access token (code 16): reconnect the credential with a new authorization code' },
	]);
}
