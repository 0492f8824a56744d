'use strict';

/**
 * A bounded load generator on loopback: `concurrency` workers share one keep-alive http.Agent and
 * POST prepared deliveries one after another until `count` are sent or `maxMs` has passed.
 * Deliveries are built (and signed) before the clock starts, so the generator's own work in the
 * timed window is only writing requests and reading answers.
 */
const http = require('node:http');

function postOnce(agent, url, delivery, timeoutMs) {
	return new Promise((resolve) => {
		const started = process.hrtime.bigint();
		const req = http.request(
			url,
			{ method: 'POST', agent, headers: delivery.headers, timeout: timeoutMs },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const ms = Number(process.hrtime.bigint() - started) / 1e6;
					resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), ms });
				});
				res.on('error', (error) => resolve({ status: 0, error: error.message, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
			},
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (error) => resolve({ status: 0, error: error.message, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
		req.end(delivery.body);
	});
}

/**
 * @param {{url: string, deliveries: Array<{headers, body, requestId}>, concurrency: number,
 *   maxMs: number, accept: (answer) => boolean, timeoutMs?: number}} opts
 */
async function runLoad({ url, deliveries, concurrency, maxMs, accept, timeoutMs = 30000 }) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const results = new Array(deliveries.length);
	let next = 0;
	const startedAt = Date.now();
	const deadline = startedAt + maxMs;
	const worker = async () => {
		for (;;) {
			if (Date.now() >= deadline) return;
			const i = next++;
			if (i >= deliveries.length) return;
			const answer = await postOnce(agent, url, deliveries[i], timeoutMs);
			results[i] = { ...answer, accepted: accept(answer), requestId: deliveries[i].requestId };
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const endedAt = Date.now();
	agent.destroy();
	const sent = results.filter(Boolean);
	const accepted = sent.filter((r) => r.accepted);
	return {
		startedAt,
		endedAt,
		elapsedMs: endedAt - startedAt,
		sent: sent.length,
		accepted: accepted.length,
		refused: sent.length - accepted.length,
		acceptedIds: accepted.map((r) => r.requestId),
		latencies: sent.map((r) => r.ms),
		firstRefusal: sent.find((r) => !r.accepted) || null,
	};
}

module.exports = { runLoad };
