import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { DEFAULT_BASE_URL, PATHS } from './constants';
import { TrustooCredentialError } from './credentialError';
import { isEnvelope, isSuccessCode } from './envelope';

export interface TokenSet {
	accessToken: string;
	refreshToken: string;
	/** Unix ms at which to refresh (a little before the stated expiry); 0 when Trustoo gave no expires_in. */
	expiresAt: number;
	scope: string;
}

export interface TokenRequestCredentials {
	baseUrl?: string;
	clientId: string;
	clientSecret: string;
}

/**
 * Refreshes are shared per refresh token for a few minutes: when two executions in this n8n process
 * find the token expired at once, only one refresh_token grant is sent, and the other reuses its
 * result instead of presenting a refresh token that Trustoo may already have rotated away.
 */
const recentRefreshes = new Map<string, { at: number; result: Promise<TokenSet> }>();
const SHARE_REFRESH_MS = 5 * 60 * 1000;
/** Without a known expiry, share only refreshes that overlap in time. */
const UNKNOWN_EXPIRY_SHARE_MS = 10 * 1000;

export async function refreshTokens(
	helpers: IHttpRequestHelper['helpers'],
	credentials: TokenRequestCredentials,
	refreshToken: string,
): Promise<TokenSet> {
	const now = Date.now();
	for (const [key, entry] of recentRefreshes) if (now - entry.at > SHARE_REFRESH_MS) recentRefreshes.delete(key);
	const shared = recentRefreshes.get(refreshToken);
	if (shared) {
		const tokens = await shared.result;
		// Reuse a shared answer only while it is still good: without rotation the same refresh token
		// comes back for the next refresh, which must then really ask Trustoo again.
		const fresh = tokens.expiresAt === 0 ? Date.now() - shared.at < UNKNOWN_EXPIRY_SHARE_MS : tokens.expiresAt > Date.now();
		if (fresh) return tokens;
		recentRefreshes.delete(refreshToken);
	}
	const result = requestTokens(helpers, credentials, { grant_type: 'refresh_token', refresh_token: refreshToken });
	recentRefreshes.set(refreshToken, { at: now, result });
	result.catch(() => recentRefreshes.delete(refreshToken));
	return await result;
}

/**
 * The token endpoint as documented (seed + V6): a JSON body carrying client_id/client_secret, and
 * the tokens inside the envelope's `data`. n8n's generic OAuth2 client sends form bodies and reads
 * top-level fields, which is why this credential talks to the endpoint itself.
 */
export async function requestTokens(
	helpers: IHttpRequestHelper['helpers'],
	credentials: TokenRequestCredentials,
	grant: IDataObject,
): Promise<TokenSet> {
	const body = JSON.stringify({ ...grant, client_id: credentials.clientId, client_secret: credentials.clientSecret });
	const answer = (await helpers.httpRequest({
		method: 'POST',
		baseURL: credentials.baseUrl || DEFAULT_BASE_URL,
		url: PATHS.oauthToken,
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body,
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as { statusCode: number; body: unknown };
	const envelope = isEnvelope(answer.body) ? answer.body : undefined;
	const data = (envelope?.data ?? {}) as IDataObject;
	if (answer.statusCode >= 400 || !envelope || !isSuccessCode(envelope.code) || !data.access_token) {
		const code = envelope?.code ?? answer.statusCode;
		const message = envelope?.message ?? `HTTP ${answer.statusCode}`;
		const requestId = envelope?.request_id ? `, request_id ${envelope.request_id}` : '';
		throw new TrustooCredentialError(
			`Trustoo refused the ${String(grant.grant_type)} grant (code ${code}: ${message}${requestId}). ` +
				'Reconnect the Trustoo OAuth2 credential: get a new authorization code from the consent page and paste it into the credential.',
			envelope?.request_id,
		);
	}
	const expiresIn = Number(data.expires_in);
	return {
		accessToken: String(data.access_token),
		// A refresh that does not rotate may leave refresh_token out; keep the one we have then.
		refreshToken: String(data.refresh_token ?? grant.refresh_token ?? ''),
		expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? Date.now() + expiresIn * 1000 - refreshMargin(expiresIn) : 0,
		scope: String(data.scope ?? ''),
	};
}

/** Refresh a minute early, or a tenth of the lifetime for short-lived tokens, so a request never races the clock. */
function refreshMargin(expiresInSeconds: number): number {
	return Math.min(60_000, expiresInSeconds * 100);
}

/** Multiple scopes: the separator is UNKNOWN in the docs; a space is the OAuth2 convention (inferred). */
export function scopeString(scopes: unknown): string {
	return (Array.isArray(scopes) ? scopes : String(scopes ?? '').split(/[\s,]+/)).filter(Boolean).join(' ');
}
