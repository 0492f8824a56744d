'use strict';

const http = require('http');
const https = require('https');

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * One POST attempt. Never rejects: connection errors and timeouts come back as `error`.
 * inferred: redirects are not followed (a 3xx is just a non-200 status).
 * @returns {Promise<{status:number|null, body:string, error:string|null}>}
 */
function postOnce(url, headers, body, { timeoutMs, agents, inflight }) {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      inflight.delete(req);
      resolve(r);
    };
    let req;
    try {
      const u = new URL(url);
      const mod = u.protocol === 'https:' ? https : http;
      req = mod.request(u, { method: 'POST', headers, agent: u.protocol === 'https:' ? agents.https : agents.http });
    } catch (e) {
      resolve({ status: null, body: '', error: e.message });
      return;
    }
    inflight.add(req);
    const timer = setTimeout(() => {
      finish({ status: null, body: '', error: 'timeout' });
      req.destroy();
    }, timeoutMs);
    req.on('response', (res) => {
      const chunks = [];
      let size = 0;
      res.on('data', (c) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => finish({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), error: null }));
      res.on('error', (e) => finish({ status: res.statusCode, body: '', error: e.message }));
    });
    req.on('error', (e) => finish({ status: null, body: '', error: e.code || e.message }));
    req.end(body);
  });
}

module.exports = { postOnce };
