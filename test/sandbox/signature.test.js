'use strict';

const { canonicalQuery, signingMessage, signRequest, signWebhook } = require('../../sandbox/lib/signature');
const { parsePairs } = require('../../sandbox/lib/raw-query');

describe('canonical string and Sign (reference section 4.1)', () => {
  test('GET test vector from the reference', () => {
    const pairs = parsePairs('page=1&page_size=20&product_id=123');
    expect(canonicalQuery(pairs, 1700000000)).toBe('page=1&page_size=20&product_id=123&timestamp=1700000000');
    expect(signRequest('test_private', pairs, 1700000000)).toBe('024b669e5f2d997efca80bd5674ee015f029b1f530bc3aeb8b1e53f2e230a018');
  });

  test('POST test vector from the reference', () => {
    const body = '{"email":"a@b.com"}';
    expect(signingMessage([], 1700000000, body).toString()).toBe('timestamp=1700000000|{"email":"a@b.com"}');
    expect(signRequest('test_private', [], 1700000000, body)).toBe('3df0b85565490380c6db66550302479d9e49ec697096d3dae9553f7e1f156c4b');
  });

  test('GET without query signs just the timestamp', () => {
    expect(signingMessage([], 42).toString()).toBe('timestamp=42');
  });

  test('pairs are sorted by name in byte order, ties by value, values decoded', () => {
    const pairs = parsePairs('b=2&a=z&a=y&keyword=caf%C3%A9+latte&Z=1&product_ids%5B1%5D=9&product_ids%5B0%5D=8');
    expect(canonicalQuery(pairs, 5)).toBe('Z=1&a=y&a=z&b=2&keyword=café latte&product_ids[0]=8&product_ids[1]=9&timestamp=5');
  });

  test('byte order, not UTF-16 order, for non-ASCII names', () => {
    // UTF-8: 't' (74) < U+FF61 (EF BD A1) < U+1F600 (F0 9F 98 80); UTF-16 would put U+1F600 (D83D…) first.
    const pairs = [['\u{1F600}', '2'], ['\uFF61', '1']];
    expect(canonicalQuery(pairs, 1)).toBe('timestamp=1&\uFF61=1&\u{1F600}=2');
    expect(['\uFF61', '\u{1F600}'].sort()[0]).toBe('\u{1F600}');
  });

  test('a timestamp query parameter is replaced by the header value', () => {
    expect(canonicalQuery(parsePairs('timestamp=1&a=1'), 99)).toBe('a=1&timestamp=99');
  });

  test('the body is appended as exact bytes, not re-serialised', () => {
    const a = signRequest('k', [], 1, '{"a":1,"b":2}');
    const b = signRequest('k', [], 1, '{"b":2,"a":1}');
    const c = signRequest('k', [], 1, '{"a": 1, "b": 2}');
    expect(new Set([a, b, c]).size).toBe(3);
    expect(signRequest('k', [], 1, Buffer.from('{"a":"é"}'))).toBe(signRequest('k', [], 1, '{"a":"é"}'));
  });

  test('webhook Sign = HMAC over "timestamp=<ts>|<body>"', () => {
    const crypto = require('crypto');
    const expected = crypto.createHmac('sha256', 'secret').update('timestamp=123|{"list":[]}').digest('hex');
    expect(signWebhook('secret', 123, '{"list":[]}')).toBe(expected);
  });
});
