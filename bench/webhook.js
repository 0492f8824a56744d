'use strict';

/**
 * Part 3: webhook ingestion in a running n8n. Two active workflows in the same n8n receive the
 * same signed deliveries from a load generator on loopback (bench/lib/loadgen.js):
 *   T — the Trustoo Trigger alone (signed-token credential, review/created, Verify Signature on)
 *   W — n8n's Webhook node alone (POST, Respond: Immediately)
 * Deliveries are built as the sandbox builds them (body {"list":[item]}, the five
 * Open-Trustoo-Webhook-* headers, Sign = hex HMAC-SHA256(private token, "timestamp=<ts>|<body>"));
 * every one has its own RequestId and review id, so no delivery is a legitimate duplicate.
 * Accepted = HTTP 200 with the body each one answers on success. Afterwards every accepted
 * delivery is looked up in the executions n8n stored (sqlite), by its RequestId.
 */
const crypto = require('node:crypto');
const path = require('node:path');
const axios = require(path.join(__dirname, '..', 'node_modules', 'axios'));
const { signing } = require('../sandbox');
const { startSandboxProcess } = require('./lib/sandbox-proc');
const { runLoad } = require('./lib/loadgen');
const { executionsOf } = require('./lib/executions-db');
const wf = require('./lib/workflows');
const { sleep } = require('../scripts/n8n/proc');
const { median } = require('./lib/stats');
const { treeCpuOf } = require('./lib/memory');

const IDS = { T: 'BenchTrigger0001', W: 'BenchWebhook0001' };
const ACK = {
	T: (a) => a.status === 200 && a.body === '{"code":0,"message":"success"}',
	W: (a) => a.status === 200 && a.body === '{"message":"Workflow was started"}',
};
// RequestIds: "ffee" + 4 hex run tag + 24 hex sequence number; found again in execution data.
// Not inside a longer hex string: the Webhook node's output also holds the 64-hex Sign header.
const ID_PATTERN = /(?<![0-9a-f])ffee[0-9a-f]{28}(?![0-9a-f])/g;

async function sampleReviews(sandbox) {
	const timestamp = String(Math.floor(Date.now() / 1000));
	const pairs = [['page', '1'], ['page_size', '100']];
	const res = await axios.get(`${sandbox.url}/api/v1/openapi/get_reviews?page=1&page_size=100`, {
		headers: { 'Public-Token': sandbox.shop.publicToken, Timestamp: timestamp, Sign: signing.signRequest(sandbox.shop.privateToken, pairs, timestamp, '') },
	});
	if (res.data.code !== 0) throw new Error(`sandbox answered ${res.data.code} ${res.data.message}`);
	return res.data.data.list;
}

function deliveryBuilder(sandbox, templates) {
	let seq = 0;
	return (count, tag) =>
		Array.from({ length: count }, () => {
			const i = seq++;
			const { id, ...rest } = templates[i % templates.length];
			const item = { id: 800000000 + i, my_shopify_domain: sandbox.shop.domain, shopify_shop_id: Number(sandbox.shop.id), ...rest };
			const body = JSON.stringify({ list: [item] });
			const timestamp = String(Math.floor(Date.now() / 1000));
			const requestId = `ffee${tag.toString(16).padStart(4, '0')}${i.toString(16).padStart(24, '0')}`;
			return {
				requestId,
				body,
				headers: {
					'Content-Type': 'application/json',
					'Open-Trustoo-Webhook-Public-token': sandbox.shop.publicToken,
					'Open-Trustoo-Webhook-Timestamp': timestamp,
					'Open-Trustoo-Webhook-Sign': signing.signWebhook(sandbox.shop.privateToken, timestamp, body),
					'Open-Trustoo-Webhook-RequestId': requestId,
					'Content-Length': String(Buffer.byteLength(body)),
				},
			};
		});
}

async function finishedCount(inst, workflowId) {
	const q = new URLSearchParams({ limit: '1', filter: JSON.stringify({ workflowId, status: ['success', 'error', 'crashed', 'canceled'] }) });
	const data = await inst.rest('GET', `/rest/executions?${q}`);
	return data.count;
}

/** Waits until `expected` executions of the workflow have finished; returns ms waited after the load. */
async function drain(inst, workflowId, expected, timeoutMs) {
	const started = Date.now();
	for (;;) {
		const n = await finishedCount(inst, workflowId);
		if (n >= expected) return { ms: Date.now() - started, finished: n };
		if (Date.now() - started > timeoutMs) return { ms: Date.now() - started, finished: n, timedOut: true };
		await sleep(500);
	}
}

/**
 * @param {{ inst, port: number, runs: number, count: number, warmup: number, concurrency: number,
 *   maxMs: number, log: (line: string) => void }} opts
 */
async function runWebhook({ inst, port, runs, count, warmup, concurrency, maxMs, log }) {
	const sandbox = await startSandboxProcess({ reviewCount: 240, port });
	const trigger = wf.trustooTriggerWorkflow(IDS.T);
	await inst.importWorkflow([trigger, wf.webhookNodeWorkflow(IDS.W, 'trustoo-bench-hook')]);
	await inst.start();
	log(`n8n server ready in ${inst.bootMs} ms at ${inst.baseUrl}`);
	await inst.setupOwner();
	await inst.login();
	await inst.activateWorkflow(IDS.T);
	await inst.activateWorkflow(IDS.W);
	const activation = await sandbox.counts({ reset: true });
	log(`activated; the trigger registered its webhook with ${activation.total} sandbox requests (${JSON.stringify(activation.byPath)})`);
	const urls = {
		T: `${inst.baseUrl}/webhook/${trigger.nodes[0].webhookId}/webhook?topic=review%2Fcreated`,
		W: `${inst.baseUrl}/webhook/trustoo-bench-hook`,
	};
	const build = deliveryBuilder(sandbox, await sampleReviews(sandbox));
	const expected = { T: 0, W: 0 };
	const results = { concurrency, count, warmup, maxMs, runs: { T: [], W: [] }, warm: {} };
	/** One bounded load run of `n` deliveries tagged `tag`, then waiting for its executions. */
	const measure = async (c, n, tag, limitMs) => {
		const deliveries = build(n, tag);
		const cpuBefore = treeCpuOf(inst.proc.pid);
		const res = await runLoad({ url: urls[c], deliveries, concurrency, maxMs: limitMs, accept: ACK[c] });
		expected[c] += res.accepted;
		const d = await drain(inst, IDS[c], expected[c], 180000);
		// CPU of the n8n server (and its task runner) from the first delivery until the last
		// execution finished, per accepted delivery; the REST polling of drain() is included.
		const cpuMs = treeCpuOf(inst.proc.pid) - cpuBefore;
		return {
			tag,
			sent: res.sent,
			accepted: res.accepted,
			refused: res.refused,
			firstRefusal: res.firstRefusal,
			loadStartedAt: res.startedAt,
			elapsedMs: res.elapsedMs,
			ackRate: (res.accepted / res.elapsedMs) * 1000,
			latencies: res.latencies,
			drainMs: d.ms,
			cpuMs,
			cpuPerDelivery: cpuMs / res.accepted,
			drainTimedOut: !!d.timedOut,
			acceptedIds: res.acceptedIds,
		};
	};
	const say = (what, c, run) =>
		log(
			`${what} ${c}: ${run.accepted}/${run.sent} accepted in ${run.elapsedMs} ms (${run.ackRate.toFixed(1)}/s), ` +
				`executions drained ${run.drainMs} ms after the last ack, n8n CPU ${run.cpuPerDelivery.toFixed(1)} ms a delivery`,
		);
	try {
		// Warm-up, right after activation: reported separately. The trigger's dedupe memory fills
		// during it (two keys a delivery, up to its cap).
		for (const c of ['T', 'W']) {
			results.warm[c] = await measure(c, warmup, 0, maxMs * 2);
			say('warm-up', c, results.warm[c]);
		}
		for (let r = 0; r < runs; r++) {
			for (const c of r % 2 ? ['W', 'T'] : ['T', 'W']) {
				const run = await measure(c, count, r + 1, maxMs);
				results.runs[c].push(run);
				say(`run ${r + 1}/${runs}`, c, run);
			}
		}
	} finally {
		await inst.deactivateWorkflow(IDS.T).catch(() => {});
		await inst.stop();
		await sandbox.close();
	}
	// Accounting: every accepted delivery must be in exactly one execution, and no other.
	for (const c of ['T', 'W']) {
		const executions = await executionsOf(inst, IDS[c], ID_PATTERN);
		const byId = new Map();
		for (const e of executions) for (const id of e.requestIds) byId.set(id, [...(byId.get(id) || []), e]);
		results.totalExecutions = results.totalExecutions || {};
		results.totalExecutions[c] = executions.length;
		for (const run of [results.warm[c], ...results.runs[c]]) {
			const prefix = `ffee${run.tag.toString(16).padStart(4, '0')}`;
			const mine = executions.filter((e) => e.requestIds.some((id) => id.startsWith(prefix)));
			const accepted = new Set(run.acceptedIds);
			run.executions = mine.length;
			run.lost = run.acceptedIds.filter((id) => !byId.has(id)).length;
			run.doubled = run.acceptedIds.filter((id) => (byId.get(id) || []).length > 1).length;
			run.unexpected = mine.filter((e) => e.requestIds.some((id) => id.startsWith(prefix) && !accepted.has(id))).length;
			run.multiDelivery = mine.filter((e) => e.requestIds.length !== 1).length;
			run.failedExecutions = mine.filter((e) => e.status !== 'success').length;
			const lastStop = Math.max(...mine.map((e) => e.stoppedAt));
			run.processedMs = lastStop - run.loadStartedAt;
			run.processedRate = (run.accepted / run.processedMs) * 1000;
			run.workflowBytes = median(mine.map((e) => e.workflowBytes));
			run.dataBytes = median(mine.map((e) => e.dataBytes));
			run.accountedFor = run.executions === run.accepted && run.lost === 0 && run.doubled === 0 && run.unexpected === 0 && run.multiDelivery === 0;
			delete run.acceptedIds;
		}
	}
	return results;
}

module.exports = { runWebhook, IDS };
