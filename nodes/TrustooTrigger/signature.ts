import { timingSafeEqual } from 'crypto';

import { SIGNATURE_WINDOW_SECONDS } from '../shared/constants';
import { hmacHex } from '../shared/signature';

/** Delivery headers (docs §8), as Node lowercases them. */
export const DELIVERY_HEADERS = {
	publicToken: 'open-trustoo-webhook-public-token',
	timestamp: 'open-trustoo-webhook-timestamp',
	sign: 'open-trustoo-webhook-sign',
	requestId: 'open-trustoo-webhook-requestid',
} as const;

export type Headers = Record<string, string | string[] | undefined>;

export interface VerificationInput {
	headers: Headers;
	/** The body bytes exactly as received; a re-serialised body would not match the signature. */
	rawBody: Buffer | undefined;
	signingKey: string;
	/** The public token deliveries must carry; undefined skips that check. */
	publicToken?: string;
	nowSeconds: number;
	windowSeconds?: number;
}

export type Verdict = { valid: true } | { valid: false; reason: string };

/**
 * Checks a delivery's signature. The docs only point at the request-signing section, so the scheme
 * is inferred (reference §8): the request signature of a request without query, i.e. lowercase hex
 * HMAC-SHA256 keyed with the signing key over `timestamp=<Timestamp header>|<raw body>`, and the
 * same 15-minute timestamp window as requests, applied both ways so a clock that runs ahead cannot
 * mint long-lived deliveries. Reasons are short and never contain a secret.
 */
export function verifyDelivery(input: VerificationInput): Verdict {
	const window = input.windowSeconds ?? SIGNATURE_WINDOW_SECONDS;
	if (!input.signingKey) return invalid('no signing key is configured');
	const sign = header(input.headers, DELIVERY_HEADERS.sign);
	if (!sign) return invalid('missing signature header');
	const timestamp = header(input.headers, DELIVERY_HEADERS.timestamp);
	if (!timestamp) return invalid('missing timestamp header');
	if (!/^\d{1,12}$/.test(timestamp)) return invalid('malformed timestamp');
	if (Math.abs(input.nowSeconds - Number(timestamp)) > window) return invalid('stale timestamp');
	if (input.publicToken !== undefined) {
		const publicToken = header(input.headers, DELIVERY_HEADERS.publicToken);
		if (!publicToken) return invalid('missing public token header');
		if (!constantTimeEqual(publicToken, input.publicToken)) return invalid('public token mismatch');
	}
	if (input.rawBody === undefined) return invalid('raw body unavailable');
	if (!constantTimeEqual(sign.toLowerCase(), hmacHex(input.signingKey, signedMessage(timestamp, input.rawBody)))) {
		return invalid('signature mismatch');
	}
	return { valid: true };
}

/** `timestamp=<ts>`, plus `|` and the body when there is one (docs §4.1 with no query). */
export function signedMessage(timestamp: string, rawBody: Buffer): Buffer {
	const head = Buffer.from(`timestamp=${timestamp}`, 'utf8');
	return rawBody.length ? Buffer.concat([head, Buffer.from('|', 'utf8'), rawBody]) : head;
}

/** First value of a header; a repeated header is read as Node's first value. */
export function header(headers: Headers, name: string): string | undefined {
	const value = headers[name];
	const first = Array.isArray(value) ? value[0] : value;
	return first === undefined || first === '' ? undefined : first;
}

function constantTimeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

function invalid(reason: string): Verdict {
	return { valid: false, reason };
}
