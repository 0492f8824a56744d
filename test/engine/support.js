'use strict';
/**
 * What the resource engine tests share: a sandbox per error mode, reading what the sandbox
 * received, and the two outcomes every operation is checked for (a Trustoo error that names code,
 * message and request_id; an input error refused before any request).
 */
const { startSandbox } = require('../../sandbox');
const { runNode, shopCredentials } = require('./harness');

const API = '/api/v1/openapi';
const ERROR_MODES = ['http200', 'status'];

/** Starts one sandbox for the describe block and restores its seed data before every test. */
function useSandbox(errorMode, options = {}) {
	const context = { sandbox: undefined };
	beforeAll(async () => {
		context.sandbox = await startSandbox({ seed: 7, errorMode, ...options });
	});
	afterAll(async () => context.sandbox.close());
	beforeEach(() => context.sandbox.reset());
	return context;
}

/** The Open API calls among the logged requests (not the storage or consent pages). */
function apiCalls(requests) {
	return requests.filter((request) => request.path.startsWith(`${API}/`));
}

/** The JSON body the sandbox received, parsed from the exact bytes. */
function bodyOf(request) {
	return request.rawBody ? JSON.parse(request.rawBody) : undefined;
}

/** What a request looked like on the wire, for one exact comparison. */
function wire(request) {
	return { method: request.method, path: request.path, query: request.query, body: bodyOf(request) };
}

/** A signed-token request whose signature the sandbox verified. */
function expectSigned(request, sandbox, shopIndex = 0) {
	expect(request.auth).toBe('signature');
	expect(request.authOk).toBe(true);
	expect(request.headers['public-token']).toBe(sandbox.shops[shopIndex].publicToken);
	expect(request.headers.authorization).toBeUndefined();
}

/** The error of a failed run names Trustoo's code, its meaning, Trustoo's message and the request id. */
function expectTrustooError(result, { code, meaning, message }) {
	const { error, requests } = result;
	expect(error).toBeDefined();
	expect(error.name).toBe('NodeApiError');
	const last = apiCalls(requests).pop();
	expect(last.code).toBe(code);
	expect(error.message).toBe(`Trustoo error ${code} (${meaning}): ${message}`);
	expect(error.description).toContain(`request_id: ${last.requestId}`);
	expect(result.items).toEqual([]);
}

/** Bad input: the run fails with the field named, and nothing reached the sandbox. */
function expectRefused(result, message) {
	expect(result.error).toBeDefined();
	expect(result.error.message).toEqual(message instanceof RegExp ? expect.stringMatching(message) : message);
	expect(result.requests).toEqual([]);
	expect(result.items).toEqual([]);
}

/** Credentials for the main shop with a private token that is not the shop's. */
function wrongTokenCredentials(sandbox) {
	return { trustooApi: { ...shopCredentials(sandbox), privateToken: '0'.repeat(32) } };
}

/** OAuth2 credential data for the sandbox's platform, with tokens for the main shop when asked. */
function platformCredentials(sandbox, { tokens = true, scope } = {}) {
	const data = {
		clientId: sandbox.platform.clientId,
		clientSecret: sandbox.platform.clientSecret,
		baseUrl: sandbox.url,
		grantType: 'authorizationCode',
	};
	if (!tokens) return { trustooOAuth2Api: data };
	const issued = sandbox.issueTokens({ shopIndex: 0, scope });
	return {
		trustooOAuth2Api: {
			...data,
			accessToken: issued.access_token,
			refreshToken: issued.refresh_token,
			expiresAt: Date.now() + issued.expires_in * 1000,
		},
	};
}

module.exports = {
	API,
	ERROR_MODES,
	useSandbox,
	runNode,
	apiCalls,
	bodyOf,
	wire,
	expectSigned,
	expectTrustooError,
	expectRefused,
	wrongTokenCredentials,
	platformCredentials,
	shopCredentials,
};
