'use strict';
// Webhook delivery verification (nodes/TrustooTrigger/signature.ts), against the compiled dist/.
const crypto = require('crypto');
const { verifyDelivery, signedMessage, header, DELIVERY_HEADERS } = require('../../dist/nodes/TrustooTrigger/signature');

const KEY = 'shop-private-token';
const PUBLIC = 'GfKu22TCaj4gULtrA3/OgA==';
const NOW = 1_800_000_000;
const BODY = Buffer.from('{"list":[{"id":123,"my_shopify_domain":"a.myshopify.com","content":"Très bien 👍"}]}', 'utf8');

/** Independent of the code under test: the scheme of reference §8 written out by hand. */
const sign = (key, ts, body) => crypto.createHmac('sha256', key).update(`timestamp=${ts}|`).update(body).digest('hex');

function headersFor({ ts = NOW, body = BODY, key = KEY, publicToken = PUBLIC, signature } = {}) {
	return {
		[DELIVERY_HEADERS.sign]: signature ?? sign(key, ts, body),
		[DELIVERY_HEADERS.timestamp]: String(ts),
		[DELIVERY_HEADERS.publicToken]: publicToken,
		[DELIVERY_HEADERS.requestId]: 'a'.repeat(32),
	};
}

const verify = (over = {}) =>
	verifyDelivery({ headers: headersFor(over), rawBody: BODY, signingKey: KEY, publicToken: PUBLIC, nowSeconds: NOW, ...over.input });

describe('verifyDelivery', () => {
	test('accepts a delivery signed over timestamp=<ts>|<raw body> with the private token', () => {
		expect(verify()).toEqual({ valid: true });
	});

	test('the signed bytes are the raw body, not a re-serialisation of it', () => {
		const spaced = Buffer.from('{ "list" : [ {"id":123} ] }');
		const headers = headersFor({ body: spaced });
		expect(verifyDelivery({ headers, rawBody: spaced, signingKey: KEY, publicToken: PUBLIC, nowSeconds: NOW })).toEqual({ valid: true });
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(spaced.toString())));
		expect(verifyDelivery({ headers, rawBody: reserialised, signingKey: KEY, publicToken: PUBLIC, nowSeconds: NOW })).toEqual({
			valid: false,
			reason: 'signature mismatch',
		});
	});

	test('accepts an upper-case hex signature of the right value', () => {
		expect(verify({ signature: sign(KEY, NOW, BODY).toUpperCase() })).toEqual({ valid: true });
	});

	test.each([
		['a signature made with another key', { key: 'other-token' }, 'signature mismatch'],
		['a truncated signature', { signature: sign(KEY, NOW, BODY).slice(0, 63) }, 'signature mismatch'],
		['a signature of another body', { body: Buffer.from('{"list":[]}') }, 'signature mismatch'],
		['another public token', { publicToken: 'someone-else' }, 'public token mismatch'],
		['no public token', { publicToken: '' }, 'missing public token header'],
		['no signature', { signature: '' }, 'missing signature header'],
		['a timestamp 16 minutes old', { ts: NOW - 16 * 60 }, 'stale timestamp'],
		['a timestamp 16 minutes ahead', { ts: NOW + 16 * 60 }, 'stale timestamp'],
		['a timestamp in milliseconds', { ts: NOW * 1000 }, 'malformed timestamp'],
		['a non-numeric timestamp', { ts: 'yesterday' }, 'malformed timestamp'],
	])('rejects %s', (_name, over, reason) => {
		expect(verify(over)).toEqual({ valid: false, reason });
	});

	test('a timestamp 14 minutes away in either direction is inside the window', () => {
		expect(verify({ ts: NOW - 14 * 60 })).toEqual({ valid: true });
		expect(verify({ ts: NOW + 14 * 60 })).toEqual({ valid: true });
	});

	test('rejects a missing timestamp header and a missing raw body', () => {
		const headers = headersFor();
		delete headers[DELIVERY_HEADERS.timestamp];
		expect(verifyDelivery({ headers, rawBody: BODY, signingKey: KEY, publicToken: PUBLIC, nowSeconds: NOW })).toEqual({
			valid: false,
			reason: 'missing timestamp header',
		});
		expect(verifyDelivery({ headers: headersFor(), rawBody: undefined, signingKey: KEY, publicToken: PUBLIC, nowSeconds: NOW })).toEqual({
			valid: false,
			reason: 'raw body unavailable',
		});
	});

	test('without a signing key nothing is accepted', () => {
		expect(verifyDelivery({ headers: headersFor({ key: '' }), rawBody: BODY, signingKey: '', publicToken: PUBLIC, nowSeconds: NOW })).toEqual({
			valid: false,
			reason: 'no signing key is configured',
		});
	});

	test('the public token is not checked when none is expected (OAuth2 without a shop token)', () => {
		const headers = headersFor({ publicToken: 'whatever-trustoo-sends' });
		expect(verifyDelivery({ headers, rawBody: BODY, signingKey: KEY, nowSeconds: NOW })).toEqual({ valid: true });
	});

	test('no reason ever contains the key', () => {
		for (const over of [{ key: 'x' }, { ts: 1 }, { publicToken: 'p' }, { signature: 'zz' }]) {
			const verdict = verify(over);
			expect(verdict.valid).toBe(false);
			expect(verdict.reason).not.toContain(KEY);
		}
	});

	test('compares in constant time: crypto.timingSafeEqual decides every signature', () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		try {
			verify({ key: 'other-token' });
			expect(spy).toHaveBeenCalled();
		} finally {
			spy.mockRestore();
		}
	});
});

describe('signedMessage and header', () => {
	test('an empty body signs just timestamp=<ts>, as a request without body does', () => {
		expect(signedMessage('17', Buffer.alloc(0)).toString()).toBe('timestamp=17');
		expect(signedMessage('17', Buffer.from('{}')).toString()).toBe('timestamp=17|{}');
	});

	test('a repeated header is read as its first value; an empty one as missing', () => {
		expect(header({ a: ['1', '2'] }, 'a')).toBe('1');
		expect(header({ a: '' }, 'a')).toBeUndefined();
		expect(header({}, 'a')).toBeUndefined();
	});
});
