import type { IDataObject } from 'n8n-workflow';

import { CREDENTIAL_TYPES } from './constants';
import { failureFromError } from './errors';
import { settle } from './settle';
import { REJECTED_TOKEN_HEADER, tokenFingerprint } from './oauthAuthenticate';
import type { TrustooContext } from './transport';
import { credentialType } from './transport';

/**
 * With the OAuth2 credential, a code 16 under HTTP 200 means the access token was refused before
 * its known expiry (revoked early, or Trustoo gave no expires_in). Repeat the call once, telling the
 * credential which token was refused, so that it makes n8n refresh and store new tokens.
 */
export async function retryOnRejectedToken<O extends { headers?: unknown }, T>(
	context: TrustooContext,
	options: O,
	call: (options: O) => Promise<T>,
): Promise<T> {
	const first = await settle(async () => await call(options));
	if (first.ok) return first.value;
	const failure = failureFromError(first.error);
	if (failure.code !== 16 || failure.status !== 200 || credentialType(context) !== CREDENTIAL_TYPES.platform) throw first.error;
	const credentials = await context.getCredentials(CREDENTIAL_TYPES.platform);
	const token = String(credentials.accessToken ?? '');
	if (!token || !credentials.refreshToken) throw first.error;
	const headers: IDataObject = { ...((options.headers as IDataObject) ?? {}), [REJECTED_TOKEN_HEADER]: tokenFingerprint(token) };
	return await call({ ...options, headers });
}
