'use strict';

/*
 * A local webhook receiver that records every delivery attempt and answers as told.
 */
const http = require('http');

const ACK = { status: 200, body: { code: 0, message: 'success' } };

/**
 * @param {(hit:object, index:number)=>({status?:number, body?:any, delayMs?:number, destroy?:boolean})} [respond]
 */
async function startReceiver(respond = () => ACK) {
  const hits = [];
  const waiters = [];
  let responder = respond;
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const hit = { at: Date.now(), method: req.method, url: req.url, headers: req.headers, rawBody, body: safeJson(rawBody) };
      hits.push(hit);
      for (const w of waiters.slice()) if (hits.length >= w.n) w.resolve(hits);
      const r = responder(hit, hits.length - 1) || ACK;
      if (r.destroy) {
        req.socket.destroy();
        return;
      }
      if (r.delayMs) await new Promise((ok) => setTimeout(ok, r.delayMs));
      if (res.destroyed) return;
      const text = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      res.writeHead(r.status === undefined ? 200 : r.status, { 'Content-Type': 'application/json' });
      res.end(text);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    hits,
    setResponder(fn) {
      responder = fn;
    },
    /** Resolves once n hits arrived (rejects after timeoutMs). */
    waitFor(n, timeoutMs = 5000) {
      if (hits.length >= n) return Promise.resolve(hits);
      return new Promise((resolve, reject) => {
        const w = { n, resolve: (h) => { clearTimeout(timer); resolve(h); } };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`expected ${n} deliveries, got ${hits.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

function safeJson(t) {
  try {
    return JSON.parse(t);
  } catch (e) {
    return undefined;
  }
}

/** Waits until predicate() is truthy (polling), for delivery-state assertions. */
async function waitUntil(predicate, timeoutMs = 5000, stepMs = 10) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = predicate();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((ok) => setTimeout(ok, stepMs));
  }
}

module.exports = { startReceiver, waitUntil, ACK };
