import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { PATHS } from './constants';
import { TrustooCredentialError } from './credentialError';

/** Header the node's executor adds when Trustoo answered code 16 to this token under HTTP 200. */
export const REJECTED_TOKEN_HEADER = 'x-trustoo-rejected-token';

/**
 * Platform endpoints authenticate with the client credentials, not the Bearer token (docs V6).
 * Get Authorization URL takes the client id only, so the secret never travels in that query.
 */
const CLIENT_ID_IN_QUERY = new Set<string>([PATHS.oauthAuthorizeUrl]);
const CLIENT_IN_QUERY = new Set<string>([PATHS.shopAuthorizationInfo, PATHS.shopInstallStatus]);
const CLIENT_IN_BODY = new Set<string>([PATHS.oauthToken, PATHS.oauthRevokeToken, PATHS.oauthCancelAuthorization]);

export function tokenFingerprint(token: string): string {
	return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

/**
 * Thrown from `authenticate` to tell n8n the stored access token is no good. n8n reacts to an
 * HTTP 401 by running the credential's preAuthentication again (which refreshes and persists the
 * tokens) and retrying once — the only way a credential can get rotated tokens saved. Trustoo
 * reports an expired token as code 16 under HTTP 200, so the credential raises the 401 itself:
 * before the known expiry, or when the executor reports that Trustoo rejected this very token.
 */
export class TokenExpiredSignal extends Error {
	readonly response = { status: 401 };

	constructor() {
		super('The Trustoo access token has expired; refreshing it');
	}
}

export interface OAuthCredentialData extends IDataObject {
	clientId: string;
	clientSecret: string;
	accessToken: string;
	refreshToken: string;
	expiresAt: number;
}

export function authenticateOAuthRequest(credentials: OAuthCredentialData, requestOptions: IHttpRequestOptions, now: number): IHttpRequestOptions {
	const options = requestOptions as IHttpRequestOptions & { uri?: string };
	const path = pathOf(String(options.uri ?? options.url ?? ''));
	if (CLIENT_ID_IN_QUERY.has(path)) {
		options.qs = { ...(options.qs ?? {}), client_id: credentials.clientId };
		return options;
	}
	if (CLIENT_IN_QUERY.has(path)) {
		options.qs = { ...(options.qs ?? {}), client_id: credentials.clientId, client_secret: credentials.clientSecret };
		return options;
	}
	if (CLIENT_IN_BODY.has(path)) {
		const body = typeof options.body === 'object' && options.body !== null ? (options.body as IDataObject) : {};
		options.body = { ...body, client_id: credentials.clientId, client_secret: credentials.clientSecret };
		return options;
	}
	const headers: IDataObject = { ...((options.headers as IDataObject) ?? {}) };
	const rejected = takeHeader(headers, REJECTED_TOKEN_HEADER);
	const token = credentials.accessToken ?? '';
	const canRefresh = Boolean(credentials.refreshToken);
	const expired = Number(credentials.expiresAt) > 0 && Number(credentials.expiresAt) <= now;
	if (canRefresh && token && (expired || rejected === tokenFingerprint(token))) throw new TokenExpiredSignal();
	if (!token) {
		throw new TrustooCredentialError(
			'The Trustoo OAuth2 credential is not connected yet: open the consent page (Trustoo node → OAuth → Get Authorization URL), approve, and paste the authorization code into the credential (see the README, OAuth2 credential).',
		);
	}
	headers.Authorization = `Bearer ${token}`;
	options.headers = headers;
	return options;
}

function pathOf(url: string): string {
	const withoutQuery = url.split('?')[0];
	const match = /^[a-z]+:\/\/[^/]+(\/.*)$/i.exec(withoutQuery);
	return match ? match[1] : withoutQuery;
}

function takeHeader(headers: IDataObject, name: string): string | undefined {
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() === name) {
			const value = headers[key];
			delete headers[key];
			return value === undefined ? undefined : String(value);
		}
	}
	return undefined;
}
