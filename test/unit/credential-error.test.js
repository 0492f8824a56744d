'use strict';
// A credential problem (refused token grant, OAuth2 not connected) must reach the user with its own
// wording even after n8n wrapped it: n8n-workflow's NodeApiError keeps the message but drops an
// Error `cause`, which the real-n8n suite (test/e2e/oauth2.e2e.test.js) showed.
const path = require('path');
const { NodeApiError } = require('n8n-workflow');

const dist = path.join(__dirname, '..', '..', 'dist', 'nodes', 'shared');
const { TrustooCredentialError, credentialErrorIn } = require(path.join(dist, 'credentialError.js'));
const { failureFromError, trustooApiError } = require(path.join(dist, 'errors.js'));

const NODE = { id: '1', name: 'Trustoo', type: 'n8n-nodes-trustoo.trustoo', typeVersion: 1, position: [0, 0], parameters: {} };
const REFUSED =
	'Trustoo refused the refresh_token grant (code 16: unauthenticated: refresh token has been revoked, request_id 6a7aa1af0c192b4c15177b246598fe26). ' +
	'Reconnect the Trustoo OAuth2 credential: get a new authorization code from the consent page and paste it into the credential.';

describe('credential problems wrapped by n8n', () => {
	test('are recognised after NodeApiError wrapped them, with the request id', () => {
		const wrapped = new NodeApiError(NODE, new TrustooCredentialError(REFUSED, '6a7aa1af0c192b4c15177b246598fe26'));
		const found = credentialErrorIn(wrapped);
		expect(found).toBeInstanceOf(TrustooCredentialError);
		expect(found.message).toBe(REFUSED);
		expect(found.requestId).toBe('6a7aa1af0c192b4c15177b246598fe26');
	});

	test('map to a non-retried failure whose headline is the message itself, not "Could not reach Trustoo"', () => {
		const failure = failureFromError(new NodeApiError(NODE, new TrustooCredentialError(REFUSED)));
		expect(failure).toMatchObject({ kind: 'credential', transient: false });
		// No code: a code 16 here would make the executor repeat the call for a "rejected token".
		expect(failure.code).toBeUndefined();
		const error = trustooApiError(NODE, failure);
		expect(error.message).toBe(REFUSED);
		expect(error.description).toContain('request_id: 6a7aa1af0c192b4c15177b246598fe26');
	});

	test('"not connected yet" keeps its guidance too', () => {
		const message = 'The Trustoo OAuth2 credential is not connected yet: open the consent page (Trustoo node → OAuth → Get Authorization URL), approve, and paste the code.';
		expect(trustooApiError(NODE, failureFromError(new NodeApiError(NODE, new TrustooCredentialError(message)))).message).toBe(message);
	});

	test('other errors are not taken for credential problems', () => {
		expect(credentialErrorIn(new Error('socket hang up'))).toBeUndefined();
		expect(failureFromError(new Error('socket hang up')).kind).toBe('network');
	});
});
