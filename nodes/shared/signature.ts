import { createHmac } from 'crypto';

/** One query parameter as it travels on the wire, before URL encoding. */
export type QueryPair = [name: string, value: string];

/**
 * The string Trustoo signs (docs §4.1, HMAC-SHA256 scheme since November 2025): every query
 * parameter plus `timestamp`, sorted by name, joined as `name=value` with `&`; a non-empty body is
 * appended after a `|` exactly as sent. Ties between equal names are ordered by value so that the
 * result does not depend on insertion order (inferred; the docs never show repeated names).
 */
export function canonicalString(pairs: QueryPair[], timestamp: string, body?: string): string {
	const all: QueryPair[] = pairs.filter(([name]) => name !== 'timestamp');
	all.push(['timestamp', timestamp]);
	all.sort(([an, av], [bn, bv]) => compareBytes(an, bn) || compareBytes(av, bv));
	const base = all.map(([name, value]) => `${name}=${value}`).join('&');
	return body ? `${base}|${body}` : base;
}

/**
 * Lowercase hex HMAC-SHA256, keyed with the shop's private token. Bytes are hashed as they are, so
 * a webhook's raw body is verified without a lossy round trip through a string.
 */
export function hmacHex(key: string, message: string | Buffer): string {
	const hmac = createHmac('sha256', key);
	if (typeof message === 'string') hmac.update(message, 'utf8');
	else hmac.update(message);
	return hmac.digest('hex');
}

export function signRequest(privateToken: string, pairs: QueryPair[], timestamp: string, body?: string): string {
	return hmacHex(privateToken, canonicalString(pairs, timestamp, body));
}

/** Plain ascending byte order, as the reference describes the sort (not locale order). */
function compareBytes(a: string, b: string): number {
	if (a === b) return 0;
	return Buffer.from(a, 'utf8').compare(Buffer.from(b, 'utf8'));
}
