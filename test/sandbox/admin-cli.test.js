'use strict';

const path = require('path');
const { spawn } = require('child_process');
const { startSandbox, createSandbox } = require('../../sandbox');
const { admin, signedCall, rawRequest } = require('./helpers/client');
const { startReceiver, waitUntil } = require('./helpers/receiver');

let sb;
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 25, minuteMs: 20 });
});
afterAll(() => sb.close());

describe('admin endpoints', () => {
  test('GET /__sandbox/info exposes url, shops with tokens, platform credentials and modes', async () => {
    const res = await admin(sb, 'GET', '/info');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ url: sb.url, apiBase: `${sb.url}/api/v1/openapi`, modes: expect.objectContaining({ errorMode: 'http200', seed: 1 }) });
    expect(res.json.shops).toHaveLength(2);
    expect(res.json.shops[0]).toMatchObject({ id: sb.shops[0].id, myshopifyDomain: sb.shops[0].myshopifyDomain, publicToken: sb.shops[0].publicToken, privateToken: sb.shops[0].privateToken, merchantJwt: sb.shops[0].merchantJwt, reviewCount: 25 });
    expect(res.json.platform).toMatchObject({ clientId: sb.platform.clientId, clientSecret: sb.platform.clientSecret });
  });

  test('reviews: create / update / hide / delete fire webhooks and change the API data', async () => {
    const rx = await startReceiver();
    try {
      for (const topic of ['review/created', 'review/updated', 'review/deleted']) {
        await signedCall(sb, { path: 'create_shop_webhook', body: { topic, url: `${rx.url}/${topic}` } });
      }
      const created = await admin(sb, 'POST', '/reviews', { shop: 0, rating: 3, author: 'Admin Made', content: 'via admin' });
      expect(created.json).toMatchObject({ rating: 3, author: 'Admin Made', source: 'Store front', product_id: sb.shops[0].products[0].id });
      const id = created.json.id;
      expect((await signedCall(sb, { path: 'get_review', query: { id } })).json.data.author).toBe('Admin Made');
      expect((await admin(sb, 'POST', `/reviews/${id}/update`, { rating: 4 })).json.rating).toBe(4);
      expect((await admin(sb, 'POST', `/reviews/${id}/hide`)).json.is_published).toBe(0);
      expect((await admin(sb, 'POST', `/reviews/${id}/delete`)).json.id).toBe(id);
      expect((await signedCall(sb, { path: 'get_review', query: { id } })).json.code).toBe(5);
      const hits = await rx.waitFor(4);
      expect(hits.map((h) => h.url)).toEqual(['/review/created', '/review/updated', '/review/deleted', '/review/deleted']);
      expect((await admin(sb, 'POST', `/reviews/${id}/delete`)).status).toBe(404);
      expect((await admin(sb, 'POST', '/reviews', { rating: 9 })).json.error).toContain('rating');
      const second = await admin(sb, 'POST', '/reviews', { shop: sb.shops[1].myshopifyDomain, rating: 5 });
      expect((await signedCall(sb, { path: 'get_review', shop: sb.shops[1], query: { id: second.json.id } })).json.code).toBe(0);
      const deliveries = await admin(sb, 'GET', '/deliveries');
      expect(deliveries.json.length).toBeGreaterThanOrEqual(4);
      expect(deliveries.json[0]).toMatchObject({ topic: 'review/created', requestId: expect.any(String), attempts: expect.any(Array) });
    } finally {
      await rx.close();
    }
  });

  test('customer events, send-test and the webhooks view', async () => {
    const rx = await startReceiver();
    try {
      await signedCall(sb, { path: 'create_shop_webhook', body: { topic: 'customer_event/created', url: rx.url } });
      const ev = await admin(sb, 'POST', '/customer_events', { event_type: 'SORT_REVIEW', os_type: 'ANDROID' });
      expect(ev.json).toMatchObject({ event_type: 'SORT_REVIEW', os_type: 'ANDROID', event_source: 'STOREFRONT' });
      await rx.waitFor(1);
      const sent = await admin(sb, 'POST', '/webhooks/send-test', { topic: 'customer_event/created' });
      expect(sent.json).toHaveLength(1);
      const hits = await rx.waitFor(2);
      expect(hits[1].body.list[0].id).toBe(Number(ev.json.id));
      expect((await admin(sb, 'POST', '/webhooks/send-test', { topic: 'nope' })).status).toBe(400);
      expect((await admin(sb, 'GET', '/webhooks')).json.some((w) => w.topic === 'customer_event/created')).toBe(true);
    } finally {
      await rx.close();
    }
  });

  test('requests log: GET (optionally by path) and DELETE', async () => {
    await admin(sb, 'DELETE', '/requests');
    await signedCall(sb, { path: 'get_rating', query: { is_all_rating: 1 } });
    await signedCall(sb, { path: 'get_orders' });
    const all = await admin(sb, 'GET', '/requests');
    expect(all.json.map((r) => r.path)).toEqual(['/api/v1/openapi/get_rating', '/api/v1/openapi/get_orders']);
    const one = await rawRequest(sb.url, { path: '/__sandbox/requests', rawQuery: 'path=/api/v1/openapi/get_orders' });
    expect(one.json).toHaveLength(1);
    expect(one.json[0]).toMatchObject({ method: 'GET', auth: 'signature', authOk: true, code: 0, status: 200 });
  });

  test('mode, oauth helpers and reset', async () => {
    expect((await admin(sb, 'POST', '/mode', { ackMode: 'status', pageSizeCap: 50 })).json).toMatchObject({ ackMode: 'status', pageSizeCap: 50 });
    expect((await admin(sb, 'GET', '/mode')).json.ackMode).toBe('status');
    const code = await admin(sb, 'POST', '/oauth/approve', { redirectUri: 'http://localhost:9/cb', scope: 'read_reviews', shop: 1 });
    expect(code.json.code).toEqual(expect.any(String));
    const tokens = await admin(sb, 'POST', '/oauth/tokens', { shop: 0, scope: 'read_orders' });
    expect(tokens.json).toMatchObject({ token_type: 'Bearer', scope: 'read_orders' });
    await signedCall(sb, { path: 'create_review', body: { rating: 5, author: 'temp' } });
    expect((await admin(sb, 'POST', '/reset')).json).toEqual({ ok: true });
    expect((await signedCall(sb, { path: 'get_reviews' })).json.data.page.count).toBe(25);
    expect(sb.webhooks()).toEqual([]);
    expect(sb.deliveries).toEqual([]);
    expect(sb.modes().ackMode).toBe('status'); // modes survive reset
    await admin(sb, 'POST', '/mode', { ackMode: 'strict', pageSizeCap: 100 });
  });

  test('unknown route 404, wrong method 405, bad JSON 400', async () => {
    expect((await admin(sb, 'GET', '/nothing')).status).toBe(404);
    expect((await admin(sb, 'GET', '/reset')).status).toBe(405);
    const bad = await rawRequest(sb.url, { method: 'POST', path: '/__sandbox/reviews', body: '{', headers: { 'Content-Type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect((await admin(sb, 'POST', '/mode', { clock: 1 })).status).toBe(400);
  });

  test('admin requests are not logged as API requests', async () => {
    sb.clearRequests();
    await admin(sb, 'GET', '/info');
    expect(sb.requests).toEqual([]);
  });
});

describe('CLI', () => {
  const cli = path.join(__dirname, '../../sandbox/cli.js');

  test('starts, prints URL, both shops\' tokens and the platform credentials, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [cli, '--port', '0', '--seed', '5', '--error-mode', 'status', '--review-count=12'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));
    try {
      await waitUntil(() => out.includes('Press Ctrl+C'), 5000);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)[1];
      const expected = createSandbox({ seed: 5 });
      for (const s of expected.shops) {
        expect(out).toContain(s.publicToken);
        expect(out).toContain(s.privateToken);
      }
      expect(out).toContain(expected.platform.clientId);
      expect(out).toContain(expected.platform.clientSecret);
      const info = await rawRequest(url, { path: '/__sandbox/info' });
      expect(info.json.modes).toMatchObject({ seed: 5, errorMode: 'status', reviewCount: 12 });
      expect((await rawRequest(url, { path: '/api/v1/openapi/get_reviews' })).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  test('rejects unknown options with exit code 2', async () => {
    const child = spawn(process.execPath, [cli, '--no-such-option', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => {
      err += c;
    });
    const code = await new Promise((ok) => child.on('exit', ok));
    expect(code).toBe(2);
    expect(err).toContain('unknown option --no-such-option');
  });
});
