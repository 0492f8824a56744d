'use strict';

const crypto = require('crypto');
const { startSandbox } = require('../../sandbox');
const { signedCall, rawRequest, expectEnvelope } = require('./helpers/client');

let sb;
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 5 });
});
afterAll(() => sb.close());

/** multipart/form-data by hand, file last (as OSS requires). */
function multipart(fields, file) {
  const boundary = `----sbx${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082', 'hex');

async function credentials() {
  const res = await signedCall(sb, { path: 'get_image_upload_policy_token' });
  expectEnvelope(res.json, 0);
  return res.json.data;
}

function post(host, { body, contentType }) {
  const u = new URL(host);
  return rawRequest(u.origin, { method: 'POST', path: u.pathname, body, headers: { 'Content-Type': contentType } });
}

describe('image upload credentials + OSS PostObject', () => {
  test('credentials have the documented fields; policy and signature are consistent', async () => {
    const c = await credentials();
    expect(Object.keys(c).sort()).toEqual(['access_id', 'callback', 'dir', 'expire', 'host', 'policy', 'signature']);
    expect(c.host).toBe(`${sb.url}/sandbox/oss`);
    expect(c.expire).toMatch(/^\d+$/);
    expect(Number(c.expire)).toBeGreaterThan(Date.now() / 1000);
    const policy = JSON.parse(Buffer.from(c.policy, 'base64').toString());
    expect(Date.parse(policy.expiration)).toBe(Number(c.expire) * 1000);
    expect(policy.conditions).toContainEqual(['starts-with', '$key', c.dir]);
    expect(c.dir.startsWith(`review/${sb.shops[0].id}/`)).toBe(true);
    expect(JSON.parse(Buffer.from(c.callback, 'base64').toString())).toHaveProperty('callbackUrl');
  });

  test('round trip: upload with callback -> JSON with the final URL -> GET returns the bytes -> usable in create_review', async () => {
    const c = await credentials();
    const key = `${c.dir}photo-🌄.png`;
    const res = await post(c.host, multipart({ key, policy: c.policy, OSSAccessKeyId: c.access_id, Signature: c.signature, callback: c.callback, success_action_status: '200' }, { name: 'photo.png', type: 'image/png', bytes: PNG }));
    expect(res.status).toBe(200);
    expectEnvelope(res.json, 0);
    expect(res.json.data).toMatchObject({ key, size: PNG.length, mime_type: 'image/png' });
    const got = await rawRequest(sb.url, { path: new URL(res.json.data.url).pathname });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    const axios = require('axios');
    const bin = await axios.get(res.json.data.url, { responseType: 'arraybuffer' });
    expect(Buffer.from(bin.data).equals(PNG)).toBe(true);
    const review = await signedCall(sb, { path: 'create_review', body: { rating: 5, author: 'Photo', media: [{ url: res.json.data.url, type: 1 }] } });
    expect(review.json.data.media[0]).toEqual({ url: res.json.data.url, thumbnail_url: res.json.data.url, type: 1, is_published: 1 });
  });

  test('without callback the OSS answer is 204 and the object is stored', async () => {
    const c = await credentials();
    const res = await post(c.host, multipart({ key: `${c.dir}a.txt`, policy: c.policy, OSSAccessKeyId: c.access_id, Signature: c.signature }, { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('hello') }));
    expect(res.status).toBe(204);
    expect((await rawRequest(sb.url, { path: `/sandbox/oss/${c.dir}a.txt` })).text).toBe('hello');
  });

  test.each([
    ['a wrong Signature', () => ({ Signature: Buffer.from('x').toString('base64') }), 403, 'SignatureDoesNotMatch'],
    ['a tampered policy', () => ({ policy: Buffer.from(JSON.stringify({ expiration: '2999-01-01T00:00:00Z', conditions: [] })).toString('base64') }), 403, 'SignatureDoesNotMatch'],
    ['a key outside dir', () => ({ key: 'elsewhere/x.png' }), 403, 'AccessDenied'],
    ['an unknown access id', () => ({ OSSAccessKeyId: 'LTAIother' }), 403, 'InvalidAccessKeyId'],
  ])('%s is refused with an OSS XML error', async (label, change, status, code) => {
    const c = await credentials();
    const fields = { key: `${c.dir}x.png`, policy: c.policy, OSSAccessKeyId: c.access_id, Signature: c.signature, ...change(c) };
    const res = await post(c.host, multipart(fields, { name: 'x.png', type: 'image/png', bytes: PNG }));
    expect(res.status).toBe(status);
    expect(res.text).toContain(`<Code>${code}</Code>`);
  });

  test('an expired policy and a missing file are refused', async () => {
    const fixed = Date.now();
    const other = await startSandbox({ reviewCount: 1, clock: () => fixed });
    try {
      const c = (await signedCall(other, { path: 'get_image_upload_policy_token', timestamp: Math.floor(fixed / 1000) })).json.data;
      other.setMode({ clock: () => fixed + 3600 * 1000 });
      const expired = await post(c.host, multipart({ key: `${c.dir}x.png`, policy: c.policy, OSSAccessKeyId: c.access_id, Signature: c.signature }, { name: 'x.png', type: 'image/png', bytes: PNG }));
      expect(expired.status).toBe(403);
      expect(expired.text).toContain('Policy expired');
      const noFile = await post(c.host, multipart({ key: `${c.dir}x.png`, policy: c.policy, OSSAccessKeyId: c.access_id, Signature: c.signature }));
      expect(noFile.status).toBe(400);
    } finally {
      await other.close();
    }
  });

  test('unknown object -> 404 NoSuchKey', async () => {
    const res = await rawRequest(sb.url, { path: '/sandbox/oss/review/none.png' });
    expect(res.status).toBe(404);
    expect(res.text).toContain('NoSuchKey');
  });
});

describe('video upload URL (inferred endpoint)', () => {
  test('PUT to upload_url stores the bytes; video_url serves them', async () => {
    const res = await signedCall(sb, { path: 'get_video_upload_url', query: { file_name: 'clip.mov' } });
    expectEnvelope(res.json, 0);
    const { upload_url: uploadUrl, video_url: videoUrl } = res.json.data;
    expect(videoUrl).toMatch(new RegExp(`^${sb.url}/sandbox/oss/video/${sb.shops[0].id}/\\d{8}/[0-9a-f]{16}\\.mov$`));
    const bytes = crypto.randomBytes(2048);
    const u = new URL(uploadUrl);
    const put = await rawRequest(u.origin, { method: 'PUT', path: u.pathname, rawQuery: u.search.slice(1), body: bytes, headers: { 'Content-Type': 'video/quicktime' } });
    expect(put.status).toBe(200);
    const axios = require('axios');
    const got = await axios.get(videoUrl, { responseType: 'arraybuffer' });
    expect(got.headers['content-type']).toBe('video/quicktime');
    expect(Buffer.from(got.data).equals(bytes)).toBe(true);
    const tampered = new URL(uploadUrl);
    tampered.pathname = tampered.pathname.replace('.mov', '.mp4');
    const bad = await rawRequest(u.origin, { method: 'PUT', path: tampered.pathname, rawQuery: tampered.search.slice(1), body: bytes });
    expect(bad.status).toBe(403);
  });

  test('bad file_name -> 3', async () => {
    expect((await signedCall(sb, { path: 'get_video_upload_url', query: { file_name: 'noext' } })).json.code).toBe(3);
  });
});
