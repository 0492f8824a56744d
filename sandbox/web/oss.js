'use strict';

const crypto = require('crypto');
const { parseMultipart } = require('./multipart');
const { policySignature, putSignature } = require('./oss-signing');
const { newRequestId } = require('../lib/envelope');

/*
 * The OSS stand-in behind `host` of get_image_upload_policy_token (all of it inferred: Trustoo's
 * upload host is Alibaba OSS PostObject). Errors use OSS's XML error format.
 */

const PREFIX = '/sandbox/oss';

function xmlError(res, status, code, message) {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message.replace(/[<&>]/g, '')}</Message>\n  <RequestId>${newRequestId().toUpperCase().slice(0, 24)}</RequestId>\n  <HostId>sandbox-oss</HostId>\n</Error>\n`;
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
  return status;
}

function safeEqual(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Checks the PostObject policy document: expiry and the conditions the sandbox issues. */
function checkPolicy(policyB64, key, size, nowMs) {
  let doc;
  try {
    doc = JSON.parse(Buffer.from(policyB64, 'base64').toString('utf8'));
  } catch (e) {
    return ['InvalidPolicyDocument', 'policy is not base64 JSON'];
  }
  if (!doc || typeof doc.expiration !== 'string' || Date.parse(doc.expiration) < nowMs) return ['AccessDenied', 'Invalid according to Policy: Policy expired.'];
  for (const c of Array.isArray(doc.conditions) ? doc.conditions : []) {
    if (Array.isArray(c) && c[0] === 'content-length-range' && (size < c[1] || size > c[2])) {
      return ['EntityTooLarge', `Your proposed upload exceeds the maximum allowed size (${c[2]} bytes).`];
    }
    if (Array.isArray(c) && c[0] === 'starts-with' && c[1] === '$key' && !key.startsWith(c[2])) {
      return ['AccessDenied', `Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "${c[2]}"]`];
    }
  }
  return null;
}

function fieldMap(parts) {
  const fields = {};
  let file;
  for (const p of parts) {
    if (p.name === 'file') {
      file = p;
      break; // OSS ignores fields after the file
    }
    fields[p.name.toLowerCase()] = p.data.toString('utf8');
  }
  return { fields, file };
}

function postObject(sandbox, req, res, rawBody) {
  const oss = sandbox._oss;
  const parts = parseMultipart(rawBody, req.headers['content-type']);
  if (!parts) return xmlError(res, 400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
  const { fields, file } = fieldMap(parts);
  if (!file) return xmlError(res, 400, 'InvalidArgument', 'The file field is missing (it must be the last field).');
  const key = fields.key;
  if (!key) return xmlError(res, 400, 'InvalidArgument', 'The key field is missing.');
  if (!fields.ossaccesskeyid || !fields.policy || !fields.signature) return xmlError(res, 403, 'AccessDenied', 'OSSAccessKeyId, policy and Signature are required.');
  if (fields.ossaccesskeyid !== oss.accessId) return xmlError(res, 403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.');
  if (!safeEqual(policySignature(oss.secret, fields.policy), fields.signature)) return xmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  const bad = checkPolicy(fields.policy, key, file.data.length, sandbox.now());
  if (bad) return xmlError(res, bad[0] === 'EntityTooLarge' ? 400 : 403, bad[0], bad[1]);
  const contentType = fields['content-type'] || file.contentType || 'application/octet-stream';
  sandbox._store.uploads.set(key, { bytes: Buffer.from(file.data), contentType, uploadedAt: sandbox.now() });
  const url = `${sandbox.publicUrl}${PREFIX}/${key}`;
  if (fields.callback) {
    // inferred: OSS calls Trustoo's callback and relays its JSON answer; the sandbox answers it directly.
    const body = JSON.stringify({ code: 0, message: 'success', time: Math.floor(sandbox.now() / 1000), request_id: newRequestId(), data: { url, key, size: file.data.length, mime_type: contentType } });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return 200;
  }
  const status = ['200', '201'].includes(fields.success_action_status) ? Number(fields.success_action_status) : 204;
  res.writeHead(status, { ETag: `"${crypto.createHash('md5').update(file.data).digest('hex').toUpperCase()}"` });
  res.end();
  return status;
}

function putObject(sandbox, req, res, key, query, rawBody) {
  const oss = sandbox._oss;
  const expires = query.get('Expires');
  if (query.get('OSSAccessKeyId') !== oss.accessId) return xmlError(res, 403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.');
  if (!/^\d+$/.test(expires || '') || !safeEqual(putSignature(oss.secret, key, Number(expires)), query.get('Signature') || '')) {
    return xmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  if (Number(expires) * 1000 < sandbox.now()) return xmlError(res, 403, 'AccessDenied', 'Request has expired.');
  sandbox._store.uploads.set(key, { bytes: Buffer.from(rawBody), contentType: req.headers['content-type'] || 'application/octet-stream', uploadedAt: sandbox.now() });
  res.writeHead(200, { ETag: `"${crypto.createHash('md5').update(rawBody).digest('hex').toUpperCase()}"`, 'Content-Length': 0 });
  res.end();
  return 200;
}

function getObject(sandbox, req, res, key) {
  const obj = sandbox._store.uploads.get(key);
  if (!obj) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
  res.writeHead(200, { 'Content-Type': obj.contentType, 'Content-Length': obj.bytes.length });
  res.end(req.method === 'HEAD' ? undefined : obj.bytes);
  return 200;
}

/**
 * @returns {number} HTTP status written
 */
function handleOss(sandbox, req, res, { path, query, rawBody }) {
  if (path === PREFIX || path === `${PREFIX}/`) {
    if (req.method === 'POST') return postObject(sandbox, req, res, rawBody);
    return xmlError(res, 405, 'MethodNotAllowed', 'Use POST (PostObject) on the bucket URL.');
  }
  let key;
  try {
    key = decodeURIComponent(path.slice(PREFIX.length + 1));
  } catch (e) {
    return xmlError(res, 400, 'InvalidObjectName', 'The object name is not valid.');
  }
  if (req.method === 'PUT') return putObject(sandbox, req, res, key, query, rawBody);
  if (req.method === 'GET' || req.method === 'HEAD') return getObject(sandbox, req, res, key);
  return xmlError(res, 405, 'MethodNotAllowed', 'Unsupported method.');
}

module.exports = { handleOss, OSS_PREFIX: PREFIX };
