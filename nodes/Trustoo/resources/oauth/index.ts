import type { INodePropertyRouting, INodeProperties, PreSendAction } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { normalizeShopStatus, normalizeToken } from '../../../shared/normalize';
import { confirmOutput, shapeOutput } from '../../../shared/output';
import { trustooRouting } from '../../../shared/routing';
import {
	cancelAuthorizationDescription,
	cancelAuthorizationOutput,
	cancelAuthorizationPreSend,
} from './cancelAuthorization';
import { exchangeCodeDescription, exchangeCodePreSend } from './exchangeCode';
import { getAuthorizationUrlDescription, getAuthorizationUrlPreSend } from './getAuthorizationUrl';
import { refreshTokenDescription, refreshTokenPreSend } from './refreshToken';
import { revokeTokenDescription, revokeTokenOutput, revokeTokenPreSend } from './revokeToken';
import { shopAuthorizationInfoDescription, shopInstallStatusDescription, shopStatusPreSend } from './shopStatus';

/**
 * Platform calls, for OAuth2 only. The client id and secret are not fields here: the OAuth2
 * credential adds them to the body or query of these endpoints (docs V6, auth column).
 */
const showOnlyForOAuth = { resource: ['oauth'], authentication: ['oAuth2'] };

/** Both grants go to POST /oauth/token with a JSON body (seed, V6). */
function tokenRouting(grantType: 'authorization_code' | 'refresh_token', preSend: PreSendAction[]): INodePropertyRouting {
	const routing = trustooRouting('POST', PATHS.oauthToken, { preSend, postReceive: [shapeOutput(normalizeToken)] });
	return { ...routing, request: { ...routing.request, body: { grant_type: grantType } } };
}

const shopStatusOutput = shapeOutput(normalizeShopStatus);

export const oauthDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForOAuth },
		options: [
			{
				name: 'Cancel Platform Authorization',
				value: 'cancelAuthorization',
				action: 'Cancel the platform authorization of a shop',
				description:
					'End this platform’s authorization for a shop, named by domain or shop ID, from the platform’s side. Path and parameters are inferred (Trustoo’s docs only list this call); the path can be changed under Options.',
				routing: trustooRouting('POST', PATHS.oauthCancelAuthorization, {
					preSend: cancelAuthorizationPreSend,
					postReceive: [cancelAuthorizationOutput],
				}),
			},
			{
				name: 'Disconnect Shop',
				value: 'disconnect',
				action: 'Disconnect the shop of the access token',
				description:
					'Remove this platform’s access to the shop the OAuth2 credential’s access token belongs to. The credential stops working for that shop.',
				routing: trustooRouting('POST', PATHS.oauthDisconnect, { postReceive: [confirmOutput(() => ({ disconnected: true }))] }),
			},
			{
				name: 'Exchange Code',
				value: 'exchangeCode',
				action: 'Exchange an authorization code for tokens',
				description:
					'Turn the authorization code from the merchant’s consent into an access token and a refresh token (for platforms that store many merchants’ tokens themselves). Returns access_token, token_type, expires_in (seconds), refresh_token and scope.',
				routing: tokenRouting('authorization_code', exchangeCodePreSend),
			},
			{
				name: 'Get Authorization URL',
				value: 'getAuthorizationUrl',
				action: 'Get the authorization URL',
				description:
					'Get the Trustoo page to send a merchant to, so they can grant this platform the chosen scopes. Returns authorize_url; after consent Trustoo redirects to the redirect URI with a code and the state.',
				routing: trustooRouting('GET', PATHS.oauthAuthorizeUrl, { preSend: getAuthorizationUrlPreSend }),
			},
			{
				name: 'Get Shop Authorization Info',
				value: 'getShopAuthorizationInfo',
				action: 'Get the authorization info of a shop',
				description:
					'Check whether a shop (by domain or shop ID) has authorized this platform: is_authorized (true/false), authorized_at, granted_scopes, shop_id, myshopify_domain',
				routing: trustooRouting('GET', PATHS.shopAuthorizationInfo, { preSend: shopStatusPreSend, postReceive: [shopStatusOutput] }),
			},
			{
				name: 'Get Shop Installation Status',
				value: 'getShopInstallStatus',
				action: 'Get the installation status of a shop',
				description:
					'Check whether a shop (by domain or shop ID) has installed this platform: is_installed (1 or 0) and installed_at. It does not tell whether the authorization is still valid.',
				routing: trustooRouting('GET', PATHS.shopInstallStatus, { preSend: shopStatusPreSend, postReceive: [shopStatusOutput] }),
			},
			{
				name: 'Refresh Token',
				value: 'refreshToken',
				action: 'Refresh an access token',
				description:
					'Get a new access token (valid about an hour) with a refresh token. Returns access_token, expires_in and the refresh token to keep for next time.',
				routing: tokenRouting('refresh_token', refreshTokenPreSend),
			},
			{
				name: 'Revoke Token',
				value: 'revokeToken',
				action: 'Revoke a token',
				description: 'Invalidate an access token or refresh token at once, e.g. when a merchant uninstalls the platform',
				routing: trustooRouting('POST', PATHS.oauthRevokeToken, { preSend: revokeTokenPreSend, postReceive: [revokeTokenOutput] }),
			},
		],
		default: 'getAuthorizationUrl',
	},
	...getAuthorizationUrlDescription,
	...exchangeCodeDescription,
	...refreshTokenDescription,
	...revokeTokenDescription,
	...shopAuthorizationInfoDescription,
	...shopInstallStatusDescription,
	...cancelAuthorizationDescription,
];
