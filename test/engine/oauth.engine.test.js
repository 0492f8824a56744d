'use strict';
const axios = require('axios');
const { Trustoo } = require('../../dist/nodes/Trustoo/Trustoo.node.js');
const { API, ERROR_MODES, useSandbox, runNode, wire, bodyOf, expectTrustooError, expectRefused, platformCredentials } = require('./support');

const oauth = (operation, extra) => ({ authentication: 'oAuth2', resource: 'oauth', operation, ...extra });
const REDIRECT = 'https://platform.example.com/trustoo/callback';

describe('OAuth / Shop resource', () => {
	test('is offered with OAuth2 only', () => {
		const resources = new Trustoo().description.properties.filter((p) => p.name === 'resource');
		const offered = Object.fromEntries(resources.map((p) => [p.displayOptions.show.authentication[0], p.options.map((o) => o.value)]));
		expect(offered.apiToken).not.toContain('oauth');
		expect(offered.oAuth2).toContain('oauth');
		expect([...offered.oAuth2].sort()).toEqual([...offered.apiToken, 'oauth'].sort());
	});
});

describe.each(ERROR_MODES)('OAuth / Shop (errorMode=%s)', (errorMode) => {
	const ctx = useSandbox(errorMode);
	const client = () => ({ client_id: ctx.sandbox.platform.clientId, client_secret: ctx.sandbox.platform.clientSecret });
	const shop = () => ctx.sandbox.shops[0];

	test('Get Authorization URL sends redirect URI, space-separated scopes and state; the URL opens the consent page', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: oauth('getAuthorizationUrl', { redirectUri: REDIRECT, scopes: ['read_reviews', 'write_reviews'], state: 'xyz-123' }),
			credentials: platformCredentials(ctx.sandbox, { tokens: false }),
		});
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({
			method: 'GET',
			path: `${API}/get_oauth_authorize_url`,
			query: {
				redirect_uri: REDIRECT,
				scope: 'read_reviews write_reviews',
				state: 'xyz-123',
				// The documented auth of this call is the client id alone; the secret stays out of URLs.
				client_id: ctx.sandbox.platform.clientId,
			},
			body: undefined,
		});
		expect(result.requests[0].headers.authorization).toBeUndefined();
		expect(result.items).toEqual([{ authorize_url: expect.stringContaining('/sandbox/oauth/consent?') }]);
		const page = await axios.get(result.items[0].authorize_url, { validateStatus: () => true });
		expect(page.status).toBe(200);
		expect(page.data).toContain('wants access to your Trustoo shop');
	});

	test('Exchange Code posts the authorization_code grant and returns the tokens with numbers as numbers', async () => {
		const code = ctx.sandbox.approveConsent({ redirectUri: REDIRECT, scope: 'read_reviews' });
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: oauth('exchangeCode', { code: ` ${code} `, redirectUri: REDIRECT }),
			credentials: platformCredentials(ctx.sandbox, { tokens: false }),
		});
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({
			method: 'POST',
			path: `${API}/oauth/token`,
			query: {},
			body: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...client() },
		});
		expect(result.items).toEqual([
			{ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, refresh_token: expect.any(String), scope: 'read_reviews' },
		]);
	});

	test('a used code gives code 16 with the request id', async () => {
		const code = ctx.sandbox.approveConsent({ redirectUri: REDIRECT, scope: 'read_reviews' });
		const run = () =>
			runNode({ sandbox: ctx.sandbox, parameters: oauth('exchangeCode', { code, redirectUri: REDIRECT }), credentials: platformCredentials(ctx.sandbox, { tokens: false }) });
		await run();
		expectTrustooError(await run(), { code: 16, meaning: 'unauthenticated', message: 'unauthenticated: authorization code has already been used' });
	});

	test('Refresh Token posts the refresh_token grant', async () => {
		const { refresh_token: refreshToken } = ctx.sandbox.issueTokens({ shopIndex: 0 });
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: oauth('refreshToken', { refreshToken }),
			credentials: platformCredentials(ctx.sandbox, { tokens: false }),
		});
		expect(result.error).toBeUndefined();
		expect(bodyOf(result.requests[0])).toEqual({ grant_type: 'refresh_token', refresh_token: refreshToken, ...client() });
		expect(result.items[0]).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String) });
		expect(result.items[0].refresh_token).not.toBe(refreshToken);
	});

	test('Revoke Token posts the token and confirms; Trustoo then refuses that token', async () => {
		const credentials = platformCredentials(ctx.sandbox);
		const token = credentials.trustooOAuth2Api.accessToken;
		const result = await runNode({ sandbox: ctx.sandbox, parameters: oauth('revokeToken', { token }), credentials: platformCredentials(ctx.sandbox, { tokens: false }) });
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({ method: 'POST', path: `${API}/oauth_revoke_token`, query: {}, body: { token, ...client() } });
		expect(result.items).toEqual([{ success: true, revoked: true, request_id: result.requests[0].requestId }]);
		expect(ctx.sandbox._store.oauth.checkAccess(token, Date.now())).toBe('access token has been revoked');
	});

	test('Revoke Token confirms also when Trustoo answers a bare {} (the V5 example)', async () => {
		ctx.sandbox.setMode({ revokeResponse: 'empty' });
		try {
			const result = await runNode({ sandbox: ctx.sandbox, parameters: oauth('revokeToken', { token: 'abc' }), credentials: platformCredentials(ctx.sandbox, { tokens: false }) });
			expect(result.error).toBeUndefined();
			expect(result.items).toEqual([{ success: true, revoked: true, request_id: null }]);
		} finally {
			ctx.sandbox.setMode({ revokeResponse: 'envelope' });
		}
	});

	test.each([
		['domain', { shopBy: 'myshopifyDomain', myshopifyDomain: ' Aurora-Outfitters.myshopify.com ' }, () => ({ myshopify_domain: shop().myshopifyDomain })],
		['shop ID', { shopBy: 'shopId', shopId: '60123456789' }, () => ({ shop_id: '60123456789' })],
	])('Get Shop Authorization Info by %s names the shop in the query', async (_name, parameters, query) => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: oauth('getShopAuthorizationInfo', parameters),
			credentials: platformCredentials(ctx.sandbox),
		});
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({
			method: 'GET',
			path: `${API}/get_shop_authorization_info`,
			query: { ...query(), ...client() },
			body: undefined,
		});
		expect(result.items).toEqual([
			{ is_authorized: true, authorized_at: expect.stringMatching(/Z$/), granted_scopes: expect.any(String), shop_id: shop().id, myshopify_domain: shop().myshopifyDomain },
		]);
	});

	test('Get Shop Installation Status returns is_installed as a number', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: oauth('getShopInstallStatus', { myshopifyDomain: shop().myshopifyDomain }),
			credentials: platformCredentials(ctx.sandbox),
		});
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0]).query).toEqual({ myshopify_domain: shop().myshopifyDomain, ...client() });
		expect(result.items).toEqual([{ is_installed: 1, installed_at: expect.stringMatching(/Z$/) }]);
	});

	test('Disconnect Shop uses the Bearer token; authorization info then says not authorized', async () => {
		const credentials = platformCredentials(ctx.sandbox);
		const result = await runNode({ sandbox: ctx.sandbox, parameters: oauth('disconnect'), credentials });
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({ method: 'POST', path: `${API}/oauth/disconnect`, query: {}, body: undefined });
		expect(result.requests[0].auth).toBe('bearer');
		expect(result.items).toEqual([{ success: true, disconnected: true, request_id: result.requests[0].requestId }]);
		const info = await runNode({ sandbox: ctx.sandbox, parameters: oauth('getShopAuthorizationInfo', { myshopifyDomain: shop().myshopifyDomain }), credentials });
		expect(info.items[0].is_authorized).toBe(false);
	});

	test('Cancel Platform Authorization posts the shop at the inferred path; a second cancel is code 5', async () => {
		const credentials = platformCredentials(ctx.sandbox);
		const result = await runNode({ sandbox: ctx.sandbox, parameters: oauth('cancelAuthorization', { shopBy: 'shopId', shopId: shop().id }), credentials });
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({ method: 'POST', path: `${API}/oauth/cancel_authorization`, query: {}, body: { shop_id: shop().id, ...client() } });
		expect(result.items).toEqual([{ success: true, cancelled: true, request_id: result.requests[0].requestId }]);
		const again = await runNode({ sandbox: ctx.sandbox, parameters: oauth('cancelAuthorization', { shopBy: 'shopId', shopId: shop().id }), credentials });
		expectTrustooError(again, { code: 5, meaning: 'not found', message: `not found: no active authorization for shop ${shop().id}` });
	});

	test('Cancel Platform Authorization follows a Path Override', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: oauth('cancelAuthorization', { myshopifyDomain: shop().myshopifyDomain, options: { pathOverride: '/api/v1/openapi/oauth/cancel' } }),
			credentials: platformCredentials(ctx.sandbox),
		});
		expect(result.requests.map((request) => request.path)).toEqual(['/api/v1/openapi/oauth/cancel']);
		expect(bodyOf(result.requests[0])).toMatchObject({ myshopify_domain: shop().myshopifyDomain });
	});

	test.each([
		['getAuthorizationUrl', { redirectUri: 'platform.example.com/cb', scopes: ['read_reviews'] }, 'Redirect URI must be a full http(s) URL such as https://example.com/hooks/trustoo'],
		['getAuthorizationUrl', { redirectUri: REDIRECT, scopes: '={{ [] }}' }, 'Scopes is required'],
		['exchangeCode', { code: '={{ "" }}', redirectUri: REDIRECT }, 'Authorization Code is required'],
		['refreshToken', { refreshToken: '={{ " " }}' }, 'Refresh Token is required'],
		['revokeToken', { token: '={{ "" }}' }, 'Token is required'],
		['getShopAuthorizationInfo', { myshopifyDomain: 'aurora-outfitters.com' }, 'Myshopify Domain must be a shop domain such as example.myshopify.com'],
		['getShopInstallStatus', { shopBy: 'shopId', shopId: 'aurora' }, 'Shop ID must be a numeric ID (digits only)'],
		['cancelAuthorization', { shopBy: 'shopId' }, 'Shop ID is required'],
	])('%s with %j is refused before any request', async (operation, parameters, message) => {
		expectRefused(
			await runNode({ sandbox: ctx.sandbox, parameters: oauth(operation, parameters), credentials: platformCredentials(ctx.sandbox, { tokens: false }) }),
			message,
		);
	});

	test('a shop Trustoo does not know gives code 5 with the request id', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: oauth('getShopInstallStatus', { myshopifyDomain: 'nobody.myshopify.com' }),
			credentials: platformCredentials(ctx.sandbox, { tokens: false }),
		});
		expectTrustooError(result, { code: 5, meaning: 'not found', message: 'not found: shop nobody.myshopify.com' });
	});
});
