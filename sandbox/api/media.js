'use strict';

const crypto = require('crypto');
const { invalidArgument } = require('../lib/errors');
const { policySignature, putSignature } = require('../web/oss-signing');

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const POLICY_TTL_S = 1800; // inferred

const ymd = (ms) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

/**
 * GET /api/v1/openapi/get_image_upload_policy_token (scope write_reviews).
 * host points at the sandbox's OSS stand-in instead of https://img.trustoo.io.
 */
function getImageUploadPolicyToken(ctx) {
  ctx.requireScope('write_reviews');
  const oss = ctx.sandbox._oss;
  const expire = Math.floor(ctx.nowMs / 1000) + POLICY_TTL_S;
  const dir = `review/${ctx.shop.id}/${ymd(ctx.nowMs)}/`;
  const policy = Buffer.from(JSON.stringify({
    expiration: new Date(expire * 1000).toISOString(),
    conditions: [['content-length-range', 0, MAX_IMAGE_BYTES], ['starts-with', '$key', dir]],
  })).toString('base64');
  const callback = Buffer.from(JSON.stringify({
    callbackUrl: `${ctx.baseUrl}/sandbox/oss/callback`,
    callbackBody: 'bucket=${bucket}&object=${object}&size=${size}&mimeType=${mimeType}',
    callbackBodyType: 'application/x-www-form-urlencoded',
  })).toString('base64');
  return {
    access_id: oss.accessId,
    host: `${ctx.baseUrl}/sandbox/oss`,
    expire: String(expire),
    signature: policySignature(oss.secret, policy),
    policy,
    dir,
    callback,
  };
}

/**
 * UNKNOWN in the docs: path and answer of "Get the video upload url". inferred
 * GET /api/v1/openapi/get_video_upload_url[?file_name=clip.mp4] -> data{upload_url, video_url};
 * upload_url takes a PUT of the raw bytes, video_url then serves them.
 */
function getVideoUploadUrl(ctx) {
  ctx.requireScope('write_reviews'); // inferred scope
  const name = ctx.query.getNonEmpty('file_name');
  let ext = 'mp4';
  if (name !== undefined) {
    const m = /\.([A-Za-z0-9]{1,5})$/.exec(name);
    if (!m) throw invalidArgument('file_name must end with a file extension such as .mp4');
    ext = m[1].toLowerCase();
  }
  const oss = ctx.sandbox._oss;
  const key = `video/${ctx.shop.id}/${ymd(ctx.nowMs)}/${crypto.randomBytes(8).toString('hex')}.${ext}`;
  const expires = Math.floor(ctx.nowMs / 1000) + POLICY_TTL_S;
  const qs = new URLSearchParams({ OSSAccessKeyId: oss.accessId, Expires: String(expires), Signature: putSignature(oss.secret, key, expires) });
  return {
    upload_url: `${ctx.baseUrl}/sandbox/oss/${key}?${qs.toString()}`,
    video_url: `${ctx.baseUrl}/sandbox/oss/${key}`,
  };
}

module.exports = { getImageUploadPolicyToken, getVideoUploadUrl, MAX_IMAGE_BYTES };
