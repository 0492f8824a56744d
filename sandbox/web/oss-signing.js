'use strict';

const crypto = require('crypto');

/*
 * inferred: Trustoo's image upload is Alibaba Cloud OSS browser "PostObject" (policy + HMAC-SHA1
 * signature). The sandbox plays OSS with its own access id/secret.
 */

const hmacSha1B64 = (secret, text) => crypto.createHmac('sha1', secret).update(text).digest('base64');

function policySignature(secret, policyB64) {
  return hmacSha1B64(secret, policyB64);
}

/** Pre-signed PUT URL signature for video uploads (simplified OSS style: method, key, expiry). */
function putSignature(secret, key, expires) {
  return hmacSha1B64(secret, `PUT\n${key}\n${expires}`);
}

module.exports = { policySignature, putSignature };
