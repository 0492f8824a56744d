'use strict';
const path = require('path');

const dist = path.join(__dirname, '..', '..', 'dist', 'nodes', 'shared');
const { canonicalString, signRequest } = require(path.join(dist, 'signature.js'));
const { signRequestOptions } = require(path.join(dist, 'signRequest.js'));
const { queryPairs } = require(path.join(dist, 'query.js'));
const { TrustooApi } = require(path.join(__dirname, '..', '..', 'dist', 'credentials', 'TrustooApi.credentials.js'));

describe('canonical string and signature (reference §4.1)', () => {
	test('matches the reference vector for a GET with query', () => {
		const pairs = [
			['product_id', '123'],
			['page', '1'],
			['page_size', '20'],
		];
		expect(canonicalString(pairs, '1700000000')).toBe('page=1&page_size=20&product_id=123&timestamp=1700000000');
		expect(signRequest('test_private', pairs, '1700000000')).toBe('024b669e5f2d997efca80bd5674ee015f029b1f530bc3aeb8b1e53f2e230a018');
	});

	test('matches the reference vector for a POST with a JSON body and no query', () => {
		const body = '{"email":"a@b.com"}';
		expect(canonicalString([], '1700000000', body)).toBe('timestamp=1700000000|{"email":"a@b.com"}');
		expect(signRequest('test_private', [], '1700000000', body)).toBe('3df0b85565490380c6db66550302479d9e49ec697096d3dae9553f7e1f156c4b');
	});

	test('sorts names by byte order, not locale order', () => {
		expect(canonicalString([['b', '1'], ['B', '2'], ['a', '3']], '1')).toBe('B=2&a=3&b=1&timestamp=1');
	});
});

describe('query pairs', () => {
	test('drops empty values, turns booleans into 1/0 and arrays into indexed names', () => {
		expect(queryPairs({ a: '', b: null, c: undefined, d: true, e: false, ratings: ['4', '5'], n: 3 })).toEqual([
			['d', '1'],
			['e', '0'],
			['ratings[0]', '4'],
			['ratings[1]', '5'],
			['n', '3'],
		]);
	});
});

describe('signRequestOptions', () => {
	const credentials = { publicToken: 'pub', privateToken: 'test_private' };

	test('writes the query into the URL, serialises the body once and signs exactly those', () => {
		const options = signRequestOptions(
			credentials,
			{ method: 'POST', baseURL: 'https://rapi.trustoo.io', url: '/x', qs: { keyword: 'café & 😀' }, body: { rating: 5, author: 'Zoë' } },
			1700000000,
		);
		expect(options.url).toBe('/x?keyword=caf%C3%A9%20%26%20%F0%9F%98%80');
		expect(options.qs).toEqual({});
		expect(options.body).toBe('{"rating":5,"author":"Zoë"}');
		expect(options.headers['Content-Type']).toBe('application/json');
		expect(options.headers['Public-Token']).toBe('pub');
		expect(options.headers.Timestamp).toBe('1700000000');
		expect(options.headers.Sign).toBe(signRequest('test_private', [['keyword', 'café & 😀']], '1700000000', '{"rating":5,"author":"Zoë"}'));
	});

	test('keeps a query already in the URL (HTTP Request node) and signs it together with qs', () => {
		const options = signRequestOptions(credentials, { method: 'GET', uri: 'https://rapi.trustoo.io/api?page=2', qs: { page_size: 10 } }, 1700000000);
		expect(options.uri).toBe('https://rapi.trustoo.io/api?page=2&page_size=10');
		expect(options.headers.Sign).toBe(signRequest('test_private', [['page', '2'], ['page_size', '10']], '1700000000'));
	});

	test('a GET without body signs only the query and timestamp, and drops an empty Authorization header', () => {
		const options = signRequestOptions(credentials, { method: 'GET', url: '/x', body: {}, headers: { Authorization: '' } }, 1700000000);
		expect(options.body).toEqual({});
		expect(options.headers).not.toHaveProperty('Authorization');
		expect(options.headers.Sign).toBe(signRequest('test_private', [], '1700000000'));
	});

	test('the credential signs with the current time', async () => {
		const before = Math.floor(Date.now() / 1000);
		const options = await new TrustooApi().authenticate({ ...credentials, baseUrl: '' }, { method: 'GET', url: '/x', qs: {} });
		expect(Number(options.headers.Timestamp)).toBeGreaterThanOrEqual(before);
		expect(Number(options.headers.Timestamp)).toBeLessThanOrEqual(before + 2);
	});
});
