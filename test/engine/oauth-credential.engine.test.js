'use strict';
/**
 * The OAuth2 credential's token life cycle through n8n-core's engine: code exchange, refresh before
 * the known expiry, refresh after a code 16, rotated refresh tokens kept for the next execution,
 * and reconnecting with a new code.
 */
const { startSandbox } = require('../../sandbox');
const { runNode } = require('./harness');

const REDIRECT = 'http://127.0.0.1:9/trustoo/callback';
const listReviews = { authentication: 'oAuth2', resource: 'review', operation: 'getAll', limit: 2 };
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const paths = (requests) => requests.map((r) => `${r.path.replace('/api/v1/openapi/', '')}:${r.code}`);

async function newCode(sandbox) {
	return await sandbox.approveConsent({ clientId: sandbox.platform.clientId, redirectUri: REDIRECT, state: 's', scope: 'read_reviews', shopIndex: 0 });
}

function credentialWith(sandbox, code) {
	return {
		trustooOAuth2Api: {
			clientId: sandbox.platform.clientId,
			clientSecret: sandbox.platform.clientSecret,
			grantType: 'authorizationCode',
			authorizationCode: code,
			redirectUri: REDIRECT,
			baseUrl: sandbox.url,
			accessToken: '',
			refreshToken: '',
			expiresAt: 0,
		},
	};
}

describe.each(['rotate', 'keep'])('OAuth2 credential with refreshRotation=%s', (refreshRotation) => {
	let sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ accessTokenTtlSeconds: 2, refreshRotation });
	});
	afterAll(async () => sandbox.close());

	test('exchanges the code once, then refreshes before expiry, and the next execution uses what was stored', async () => {
		const credentials = credentialWith(sandbox, await newCode(sandbox));
		const first = await runNode({ sandbox, credentials, parameters: listReviews });
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(2);
		expect(paths(first.requests)).toEqual(['oauth/token:0', 'get_reviews:0']);
		expect(JSON.parse(first.requests[0].rawBody)).toMatchObject({ grant_type: 'authorization_code', redirect_uri: REDIRECT });
		expect(first.requests[1].headers.authorization).toMatch(/^Bearer /);
		expect(first.requests[1].headers.sign).toBeUndefined();
		const stored = { ...credentials.trustooOAuth2Api };
		expect(stored.authorizationCode).toBe('');
		expect(stored.refreshToken).not.toBe('');

		await wait(2100);
		const second = await runNode({ sandbox, credentials, parameters: listReviews });
		expect(second.error).toBeUndefined();
		expect(paths(second.requests)).toEqual(['oauth/token:0', 'get_reviews:0']);
		expect(JSON.parse(second.requests[0].rawBody)).toMatchObject({ grant_type: 'refresh_token', refresh_token: stored.refreshToken });
		if (refreshRotation === 'rotate') expect(credentials.trustooOAuth2Api.refreshToken).not.toBe(stored.refreshToken);
		else expect(credentials.trustooOAuth2Api.refreshToken).toBe(stored.refreshToken);

		await wait(2100);
		const third = await runNode({ sandbox, credentials, parameters: listReviews });
		expect(third.error).toBeUndefined();
		expect(paths(third.requests)).toEqual(['oauth/token:0', 'get_reviews:0']);
	}, 20000);

	test('a code 16 under HTTP 200 before the expiry it knows makes it refresh and repeat the call once', async () => {
		const credentials = credentialWith(sandbox, await newCode(sandbox));
		await runNode({ sandbox, credentials, parameters: listReviews });
		credentials.trustooOAuth2Api.expiresAt = 0; // as if Trustoo had given no expires_in
		await wait(2100);
		const run = await runNode({ sandbox, credentials, parameters: listReviews });
		expect(run.error).toBeUndefined();
		expect(paths(run.requests)).toEqual(['get_reviews:16', 'oauth/token:0', 'get_reviews:0']);
	}, 20000);

	test('reconnecting: a newly pasted code wins over a dead refresh token', async () => {
		const credentials = credentialWith(sandbox, await newCode(sandbox));
		await runNode({ sandbox, credentials, parameters: listReviews });
		credentials.trustooOAuth2Api.refreshToken = 'revoked-or-unknown-refresh-token';
		credentials.trustooOAuth2Api.accessToken = '';
		credentials.trustooOAuth2Api.authorizationCode = await newCode(sandbox);
		const run = await runNode({ sandbox, credentials, parameters: listReviews });
		expect(run.error).toBeUndefined();
		expect(JSON.parse(run.requests[0].rawBody).grant_type).toBe('authorization_code');
	});

	test('a code saved again after it was used falls back to the stored refresh token', async () => {
		const code = await newCode(sandbox);
		const credentials = credentialWith(sandbox, code);
		await runNode({ sandbox, credentials, parameters: listReviews });
		credentials.trustooOAuth2Api.authorizationCode = code;
		credentials.trustooOAuth2Api.accessToken = '';
		const run = await runNode({ sandbox, credentials, parameters: listReviews });
		expect(run.error).toBeUndefined();
		expect(run.requests.map((r) => r.rawBody && JSON.parse(r.rawBody).grant_type).filter(Boolean)).toEqual(['authorization_code', 'refresh_token']);
	});

	test('a dead refresh token and no code gives the actionable reconnect error, not a loop', async () => {
		const credentials = credentialWith(sandbox, await newCode(sandbox));
		await runNode({ sandbox, credentials, parameters: listReviews });
		credentials.trustooOAuth2Api.refreshToken = 'revoked-or-unknown-refresh-token';
		credentials.trustooOAuth2Api.expiresAt = Date.now() - 1;
		const run = await runNode({ sandbox, credentials, parameters: listReviews });
		expect(run.error.message).toMatch(/Reconnect the Trustoo OAuth2 credential/);
		expect(run.requests.filter((r) => r.path.endsWith('/oauth/token')).length).toBeLessThanOrEqual(2);
		expect(JSON.stringify(run.error)).not.toContain(sandbox.platform.clientSecret);
	});
});
