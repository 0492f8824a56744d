/**
 * A problem the user fixes in the credential rather than a Trustoo outage: Trustoo refused a token
 * grant (the authorization is gone, a code was already used), or the OAuth2 credential was never
 * connected. No runtime imports: credentials load this file too.
 */
export class TrustooCredentialError extends Error {
	constructor(
		message: string,
		readonly requestId?: string,
	) {
		super(message);
		this.name = 'TrustooCredentialError';
	}
}

/**
 * How these errors begin. n8n wraps an error thrown by a credential into its own NodeApiError and
 * keeps only the message (n8n-workflow's ExecutionBaseError drops an Error `cause`), so the node's
 * error mapping recognises them by this wording. Keep every TrustooCredentialError message matching.
 */
const CREDENTIAL_MESSAGE = /^(Trustoo refused the [a-z_]+ grant \(|The Trustoo OAuth2 credential is not connected yet)/;

/** The credential problem an error is, or carries in its message after n8n wrapped it. */
export function credentialErrorIn(error: unknown): TrustooCredentialError | undefined {
	if (error instanceof TrustooCredentialError) return error;
	const message = typeof (error as { message?: unknown })?.message === 'string' ? (error as { message: string }).message : '';
	if (!CREDENTIAL_MESSAGE.test(message)) return undefined;
	const requestId = /request_id ([0-9a-f]{8,})/i.exec(message)?.[1];
	return new TrustooCredentialError(message, requestId);
}
