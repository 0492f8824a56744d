'use strict';

// The Trustoo OAuth2 credential in a real n8n, for every pinned version, as
// the README tells a platform to connect a merchant: the credential is saved
// with Client ID/Secret and Redirect URI, the Trustoo node's Get
// Authorization URL gives the consent page, the merchant approves there (this
// test drives the page over HTTP like a browser), and the code from the
// redirect is pasted into the credential. Then workflows run with
// `n8n execute` and the sandbox's short-lived tokens (5 s) show that n8n
// exchanges the code once, refreshes before expiry, persists rotated refresh
// tokens, refreshes after a code 16, and reports a revoked authorization
// with an actionable error. Secrets are compared by fingerprint only.

const { startSandbox } = require('../../sandbox');
const { versions, createInstance, disposeInstance, N8nInstance, workflows: wf, TIMEOUTS, progress } = require('./harness');
const t = require('./harness/trustoo');

const { nodeOutput } = N8nInstance;
const REDIRECT_URI = 'https://platform.example.com/trustoo/callback';
const SCOPES = ['read_reviews', 'write_reviews'];
const SHORT_TTL_SECONDS = 5;

let sandbox;
let pack;

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 12, accessTokenTtlSeconds: SHORT_TTL_SECONDS, refreshRotation: 'rotate' });
	pack = await t.packTrustoo();
}, TIMEOUTS.cli);

afterAll(async () => {
	if (sandbox) await sandbox.close();
	if (pack) pack.cleanup();
});

const bearerOf = (request) => String(request.headers.authorization || '').replace(/^Bearer /, '');
const grantOf = (request) => (t.bodyOf(request) || {}).grant_type;

/** API calls (not the token endpoint) went out with Bearer only, and Trustoo accepted them. */
function expectBearerCalls(requests, accessToken) {
	const calls = requests.filter((r) => r.path !== `${t.API}/oauth/token`);
	expect(calls.length).toBeGreaterThan(0);
	for (const call of calls) {
		expect({ path: call.path, auth: call.auth, authOk: call.authOk, code: call.code }).toEqual({ path: call.path, auth: 'bearer', authOk: true, code: 0 });
		expect(t.fingerprint(bearerOf(call))).toBe(t.fingerprint(accessToken));
		for (const header of ['public-token', 'sign', 'timestamp']) expect(call.headers[header]).toBeUndefined();
	}
}

describe.each(versions)('n8n %s: OAuth2 credential', (version) => {
	let inst;
	const ids = {};
	const tag = `v${version.replace(/\./g, '_')}`;
	const credentialId = 'e2eTrustooOAuth1';
	const credential = { id: credentialId, name: 'Trustoo OAuth2 (platform)', type: 'trustooOAuth2Api' };
	let baseData;
	// What the credential held after each step, and when Trustoo last issued a token.
	const stored = [];
	const state = {};
	let lastTokenAt = 0;

	const node = (name, parameters) => t.trustooNode(name, parameters, { credential });

	async function execute(key) {
		const from = sandbox.requests.length;
		const run = await inst.execute(ids[key]);
		const requests = t.apiRequests(sandbox, from);
		const tokenRequests = requests.filter((r) => r.path === `${t.API}/oauth/token`);
		if (tokenRequests.length && tokenRequests[tokenRequests.length - 1].code === 0) lastTokenAt = tokenRequests[tokenRequests.length - 1].at;
		return { run, requests, tokenRequests };
	}

	/** The last Open API call (not the token endpoint) the sandbox received. */
	function lastApiCall() {
		const calls = t.apiRequests(sandbox).filter((r) => r.path !== `${t.API}/oauth/token`);
		return calls[calls.length - 1];
	}

	/** Waits (at most the token lifetime) until Trustoo's last access token has expired. */
	async function waitForTokenExpiry() {
		const ttlMs = sandbox.modes().accessTokenTtlSeconds * 1000;
		expect(ttlMs).toBeLessThanOrEqual(SHORT_TTL_SECONDS * 1000);
		const remaining = lastTokenAt + ttlMs + 200 - Date.now();
		if (remaining > 0) await t.sleep(remaining);
	}

	beforeAll(async () => {
		const started = Date.now();
		sandbox.reset();
		sandbox.setMode({ accessTokenTtlSeconds: SHORT_TTL_SECONDS, refreshRotation: 'rotate' });
		inst = await createInstance({ version });
		await inst.installPackage(pack.tarball);
		// Step 1 of the README: Client ID, Client Secret, Redirect URI, scopes; no code yet.
		baseData = {
			clientId: sandbox.platform.clientId,
			clientSecret: sandbox.platform.clientSecret,
			grantType: 'authorizationCode',
			redirectUri: REDIRECT_URI,
			scopes: SCOPES,
			baseUrl: sandbox.url,
		};
		await inst.importCredentials([{ ...credential, data: baseData }]);
		const start = () => wf.manualTrigger('Start');
		const definitions = {
			authorizeUrl: t.fanOutWorkflow('E2E OAuth consent URL', start(), [
				[node('Authorization URL', { resource: 'oauth', operation: 'getAuthorizationUrl', redirectUri: REDIRECT_URI, scopes: SCOPES, state: `state-${tag}` })],
			]),
			use: t.fanOutWorkflow('E2E OAuth reviews', start(), [
				[node('Reviews', { resource: 'review', operation: 'getAll', limit: 3 })],
				[node('Create Review', { resource: 'review', operation: 'create', rating: 5, author: '={{ "OAuth Reviewer " + $execution.id }}', source: 'Shop' })],
			]),
			status: t.fanOutWorkflow('E2E OAuth shop status', start(), [
				[node('Authorization Info', { resource: 'oauth', operation: 'getShopAuthorizationInfo', shopBy: 'myshopifyDomain', myshopifyDomain: sandbox.shops[0].myshopifyDomain })],
			]),
			disconnect: t.fanOutWorkflow('E2E OAuth disconnect', start(), [[node('Disconnect', { resource: 'oauth', operation: 'disconnect' })]]),
		};
		const keys = Object.keys(definitions);
		const imported = await inst.importWorkflow(keys.map((key) => definitions[key]));
		keys.forEach((key, i) => {
			ids[key] = imported[i];
		});
		progress(`n8n ${version}: OAuth2 instance ready in ${Date.now() - started} ms`);
	}, TIMEOUTS.install);

	afterAll(() => disposeInstance(inst), TIMEOUTS.cli);

	test(
		'before it is connected, a workflow using the credential fails with the "not connected yet" guidance and sends nothing',
		async () => {
			const { run, requests } = await execute('use');
			expect(run.ok).toBe(false);
			expect(run.error.message).toMatch(/^The Trustoo OAuth2 credential is not connected yet: open the consent page/);
			expect(requests).toEqual([]);
		},
		TIMEOUTS.cli,
	);

	test(
		'connect: Get Authorization URL works before any code, the merchant approves on the consent page, the code is pasted into the credential',
		async () => {
			const { run, requests } = await execute('authorizeUrl');
			t.expectSuccess(run);
			const [{ authorize_url: authorizeUrl }] = nodeOutput(run, 'Authorization URL');
			expect(requests).toHaveLength(1);
			expect(requests[0]).toMatchObject({
				path: `${t.API}/get_oauth_authorize_url`,
				query: { client_id: sandbox.platform.clientId, redirect_uri: REDIRECT_URI, scope: 'read_reviews write_reviews', state: `state-${tag}` },
				code: 0,
			});
			expect(requests[0].query.client_secret).toBeUndefined();
			expect(requests[0].headers.authorization).toBeUndefined();

			const { redirectedTo, html } = await t.approveOnConsentPage(authorizeUrl, { shopIndex: 0 });
			expect(html).toContain('wants access to your Trustoo shop');
			for (const scope of SCOPES) expect(html).toContain(scope);
			expect(`${redirectedTo.origin}${redirectedTo.pathname}`).toBe(REDIRECT_URI);
			expect(redirectedTo.searchParams.get('state')).toBe(`state-${tag}`);
			const code = redirectedTo.searchParams.get('code');
			expect(code).toEqual(expect.any(String));

			// Step 5 of the README: paste the code into Authorization Code and save.
			await inst.importCredentials([{ ...credential, data: { ...baseData, authorizationCode: code } }]);
			stored.push({ step: 'pasted', authorizationCode: code });
		},
		TIMEOUTS.cli,
	);

	test(
		'first execution: the code is exchanged once, reads and writes go out with Bearer only, n8n stores the tokens and clears the code',
		async () => {
			const { run, requests, tokenRequests } = await execute('use');
			t.expectSuccess(run);
			expect(tokenRequests).toHaveLength(1);
			expect(tokenRequests[0]).toMatchObject({ method: 'POST', code: 0 });
			expect(t.bodyOf(tokenRequests[0])).toEqual({
				grant_type: 'authorization_code',
				code: stored[0].authorizationCode,
				redirect_uri: REDIRECT_URI,
				client_id: sandbox.platform.clientId,
				client_secret: sandbox.platform.clientSecret,
			});
			expect(requests[0]).toBe(tokenRequests[0]);

			const after = await t.exportCredentialData(inst, credentialId);
			stored.push({ step: 'exchanged', ...after });
			expect(after.authorizationCode).toBe('');
			expect(after.accessToken).toEqual(expect.any(String));
			expect(after.refreshToken).toEqual(expect.any(String));
			expect(after.accessToken.length).toBeGreaterThan(10);
			expect(after.refreshToken.length).toBeGreaterThan(10);
			// Refresh a little before Trustoo's expiry: within (issued, issued + 5 s].
			expect(after.expiresAt).toBeGreaterThan(tokenRequests[0].at);
			expect(after.expiresAt).toBeLessThanOrEqual(tokenRequests[0].at + SHORT_TTL_SECONDS * 1000 + 1000);
			expectBearerCalls(requests, after.accessToken);

			expect(nodeOutput(run, 'Reviews')).toHaveLength(3);
			const [created] = nodeOutput(run, 'Create Review');
			expect(created).toMatchObject({ id: expect.stringMatching(/^\d+$/), rating: 5, author: expect.stringMatching(/^OAuth Reviewer /) });
			expect(requests.map((r) => r.path.split('/').pop())).toEqual(['token', 'get_reviews', 'create_review']);
		},
		TIMEOUTS.cli,
	);

	test(
		'after the access token expired, the next execution refreshes it before calling Trustoo, and succeeds',
		async () => {
			await waitForTokenExpiry();
			const previous = stored[stored.length - 1];
			const { run, requests, tokenRequests } = await execute('use');
			t.expectSuccess(run);
			expect(tokenRequests.map(grantOf)).toEqual(['refresh_token']);
			expect(tokenRequests[0].code).toBe(0);
			expect(t.fingerprint(t.bodyOf(tokenRequests[0]).refresh_token)).toBe(t.fingerprint(previous.refreshToken));
			// Proactive: the refresh came first, so no call was refused with code 16.
			expect(requests[0]).toBe(tokenRequests[0]);
			expect(requests.filter((r) => r.code === 16)).toEqual([]);

			const after = await t.exportCredentialData(inst, credentialId);
			stored.push({ step: 'refreshed', ...after });
			expect(t.fingerprint(after.accessToken)).not.toBe(t.fingerprint(previous.accessToken));
			// refreshRotation "rotate": Trustoo handed out a new refresh token, and n8n kept it.
			expect(t.fingerprint(after.refreshToken)).not.toBe(t.fingerprint(previous.refreshToken));
			expectBearerCalls(requests, after.accessToken);
		},
		TIMEOUTS.cli,
	);

	test(
		'rotation: a third execution after the next expiry succeeds with the refresh token n8n persisted (the old one is dead)',
		async () => {
			await waitForTokenExpiry();
			const previous = stored[stored.length - 1];
			// From here on, Trustoo issues hour-long tokens (for the code-16 test below).
			sandbox.setMode({ accessTokenTtlSeconds: 3600 });
			const { run, requests, tokenRequests } = await execute('use');
			t.expectSuccess(run);
			expect(tokenRequests.map(grantOf)).toEqual(['refresh_token']);
			expect(tokenRequests[0].code).toBe(0);
			expect(t.fingerprint(t.bodyOf(tokenRequests[0]).refresh_token)).toBe(t.fingerprint(previous.refreshToken));
			const after = await t.exportCredentialData(inst, credentialId);
			stored.push({ step: 'rotated', ...after });
			expect(t.fingerprint(after.refreshToken)).not.toBe(t.fingerprint(previous.refreshToken));
			expectBearerCalls(requests, after.accessToken);
			expect(after.expiresAt).toBeGreaterThan(Date.now() + 30 * 60 * 1000);

			// The refresh token of the first exchange was rotated away: Trustoo refuses it now, so
			// only a persisted rotation could have made this execution work.
			const first = stored.find((entry) => entry.step === 'exchanged');
			const reuse = await t.callTrustoo(sandbox, 'oauth/token', {
				grant_type: 'refresh_token',
				refresh_token: first.refreshToken,
				client_id: sandbox.platform.clientId,
				client_secret: sandbox.platform.clientSecret,
			});
			expect(reuse.code).toBe(16);
		},
		TIMEOUTS.cli,
	);

	test.each([
		['code 16 under HTTP 200', 'http200', 200],
		['code 16 under HTTP 401', 'status', 401],
	])(
		'an access token Trustoo refuses before its expiry (%s) is refreshed once and the call repeated',
		async (_name, errorMode, status) => {
			sandbox.setMode({ errorMode });
			try {
				// The token the last execution used (valid for an hour), revoked by the platform.
				const current = bearerOf(lastApiCall());
				const revoked = await t.callTrustoo(sandbox, 'oauth_revoke_token', {
					token: current,
					client_id: sandbox.platform.clientId,
					client_secret: sandbox.platform.clientSecret,
				});
				expect(revoked.code).toBe(0);
				const { run, requests, tokenRequests } = await execute('use');
				t.expectSuccess(run);
				expect(requests.map((r) => [r.path.split('/').pop(), r.code, r.status])).toEqual([
					['get_reviews', 16, status],
					['token', 0, 200],
					['get_reviews', 0, 200],
					['create_review', 0, 200],
				]);
				expect(tokenRequests.map(grantOf)).toEqual(['refresh_token']);
				expect(t.fingerprint(bearerOf(requests[0]))).toBe(t.fingerprint(current));
				const fresh = bearerOf(requests[2]);
				expect(t.fingerprint(fresh)).not.toBe(t.fingerprint(current));
				expectBearerCalls(requests.slice(2), fresh);
			} finally {
				sandbox.setMode({ errorMode: 'http200' });
			}
		},
		TIMEOUTS.cli,
	);

	test(
		'a disconnected authorization fails with the actionable "Reconnect" error, without a crash or a loop',
		async () => {
			const status = await execute('status');
			t.expectSuccess(status.run);
			expect(nodeOutput(status.run, 'Authorization Info')).toEqual([
				expect.objectContaining({ is_authorized: true, myshopify_domain: sandbox.shops[0].myshopifyDomain }),
			]);

			const disconnect = await execute('disconnect');
			t.expectSuccess(disconnect.run);
			expect(nodeOutput(disconnect.run, 'Disconnect')).toEqual([expect.objectContaining({ success: true, disconnected: true })]);
			expect(disconnect.requests.map((r) => [r.path.split('/').pop(), r.auth, r.code])).toEqual([['disconnect', 'bearer', 0]]);

			const { run, requests } = await execute('use');
			expect(run.ok).toBe(false);
			// n8n reported a failed execution (a parsed result with the error), not a crash.
			expect(run.result).not.toBeNull();
			expect(run.error).toBeDefined();
			// The README tells users to look for exactly this beginning.
			expect(run.error.message).toMatch(/^Trustoo refused the refresh_token grant \(code 16: [^)]*request_id [0-9a-f]{32}\)\. Reconnect the Trustoo OAuth2 credential: /);
			expect(run.error.description).toContain('request_id: ');
			expect(`${run.stdout}${run.stderr}`).not.toContain(sandbox.platform.clientSecret);
			// Bounded: the refused call, one refresh attempt, nothing more.
			expect(requests.map((r) => [r.path.split('/').pop(), r.code])).toEqual([
				['get_reviews', 16],
				['token', 16],
			]);
			expect(run.result.data.resultData.lastNodeExecuted).toBe('Reviews');
		},
		TIMEOUTS.cli,
	);

	test(
		'reconnect: the merchant approves again, the new code is pasted into the same credential, and the workflow runs again',
		async () => {
			const url = await execute('authorizeUrl');
			t.expectSuccess(url.run);
			const [{ authorize_url: authorizeUrl }] = nodeOutput(url.run, 'Authorization URL');
			const { redirectedTo } = await t.approveOnConsentPage(authorizeUrl, { shopIndex: 0 });
			const code = redirectedTo.searchParams.get('code');
			// Saving the credential form keeps its hidden fields (the dead tokens) and adds the code.
			const current = await t.exportCredentialData(inst, credentialId);
			await inst.importCredentials([{ ...credential, data: { ...current, authorizationCode: code } }]);

			const { run, requests, tokenRequests } = await execute('use');
			t.expectSuccess(run);
			expect(tokenRequests.map(grantOf)).toEqual(['authorization_code']);
			expect(t.bodyOf(tokenRequests[0]).code).toBe(code);
			// The stale token is refused once, then the pasted code wins over the dead refresh token.
			expect(requests.map((r) => [r.path.split('/').pop(), r.code])).toEqual([
				['get_reviews', 16],
				['token', 0],
				['get_reviews', 0],
				['create_review', 0],
			]);
			expectBearerCalls(requests.slice(2), bearerOf(requests[2]));
			expect(nodeOutput(run, 'Reviews')).toHaveLength(3);
			state.reconnectCode = code;
		},
		TIMEOUTS.cli,
	);

	test(
		'a used code saved into the credential again falls back to the stored refresh token (and is cleared)',
		async () => {
			const current = await t.exportCredentialData(inst, credentialId);
			expect(current.authorizationCode).toBe('');
			// The form saved again with the old code in it; expiresAt in the past stands for "the hour is over".
			await inst.importCredentials([{ ...credential, data: { ...current, authorizationCode: state.reconnectCode, expiresAt: 1 } }]);
			const { run, requests, tokenRequests } = await execute('use');
			t.expectSuccess(run);
			expect(tokenRequests.map((r) => [grantOf(r), r.code])).toEqual([
				['authorization_code', 16],
				['refresh_token', 0],
			]);
			expect(t.fingerprint(t.bodyOf(tokenRequests[1]).refresh_token)).toBe(t.fingerprint(current.refreshToken));
			expectBearerCalls(requests.slice(2), bearerOf(requests[2]));
			const after = await t.exportCredentialData(inst, credentialId);
			expect(after.authorizationCode).toBe('');
			expect(t.fingerprint(after.refreshToken)).not.toBe(t.fingerprint(current.refreshToken));
		},
		TIMEOUTS.cli,
	);
});
