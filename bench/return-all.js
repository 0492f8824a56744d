'use strict';

/**
 * Part 1: Return All at scale. For each N the sandbox (its own process, seeded with N reviews of
 * shop 0) serves four contenders, interleaved run by run in a rotating order so that drift on
 * this shared machine spreads over all of them:
 *   a  — the Trustoo node, Review → Get Many → Return All, in n8n (`n8n execute --id`)
 *   b  — a plain signed axios loop (bench/lib/plain-client.js, its own process)
 *   c  — Code node (signs pages ahead) + HTTP Request node pagination + Split Out, in n8n
 *   c′ — one Code node looping over pages with this.helpers.httpRequest, in n8n
 * Requests are counted from the sandbox's request log, for each run on its own.
 */
const { fork } = require('node:child_process');
const path = require('node:path');
const { startSandboxProcess } = require('./lib/sandbox-proc');
const { executeTimed } = require('./lib/n8n');
const { PAGE_SIZE } = require('./lib/workflows');

const CONTENDERS = ['a', 'b', 'c', 'cp'];

function runPlainClient(sandbox) {
	return new Promise((resolve, reject) => {
		const child = fork(
			path.join(__dirname, 'lib', 'plain-client.js'),
			[JSON.stringify({ baseUrl: sandbox.url, publicToken: sandbox.shop.publicToken, privateToken: sandbox.shop.privateToken })],
			{ stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
		);
		child.once('message', (msg) => (msg.error ? reject(new Error(msg.error)) : resolve(msg)));
		child.once('exit', (code) => {
			if (code !== 0) reject(new Error(`plain client exited ${code}`));
		});
	});
}

async function runOne(contender, { inst, ids, sandbox }) {
	await sandbox.resetCounts();
	let run;
	if (contender === 'b') {
		const r = await runPlainClient(sandbox);
		run = { ms: r.ms, cpuMs: r.cpuMs, cpuMsTree: r.cpuMs, items: r.reviews, peakRss: r.hwm, rssAtStart: r.rssBefore, peakRssTree: r.hwm, treeAtStart: r.rssBefore };
	} else {
		const r = await executeTimed(inst, ids[contender]);
		const lastNode = { a: 'Trustoo', c: 'Split reviews', cp: 'Code loop' }[contender];
		run = {
			ms: r.ms,
			cpuMs: r.cpuMs,
			cpuMsTree: r.cpuMsTree,
			wallMs: r.wallMs,
			items: r.items[lastNode],
			nodeMs: r.nodeMs,
			peakRss: r.peakRss,
			peakRssTree: r.peakRssTree,
			rssAtStart: r.rssAtStart,
			treeAtStart: r.treeAtStart,
			hwm: r.hwm,
			outputBytes: r.outputBytes,
		};
		if (contender === 'c') run.httpNodeMs = r.nodeMs['Get reviews'];
	}
	// CPU: the n8n process, plus its task runner for the workflows whose Code node runs there. In a
	// fresh `n8n execute` the runner is still starting while a short run of (a) goes on; that is
	// not (a)'s work.
	run.cpu = contender === 'c' || contender === 'cp' ? run.cpuMsTree : run.cpuMs;
	const counts = await sandbox.counts({ reset: true });
	run.requests = counts.total;
	run.requestErrors = counts.errors + counts.authFailed;
	return run;
}

/**
 * @param {{ inst, ids: {a, c, cp}, port: number, sizes: number[], runsFor: (n) => number,
 *   stockReference: boolean, log: (line: string) => void }} opts
 */
async function runReturnAll({ inst, ids, port, sizes, runsFor, stockReference, log }) {
	const results = {};
	for (const n of sizes) {
		const sandbox = await startSandboxProcess({ reviewCount: n, port });
		if (sandbox.reviewCount !== n) throw new Error(`sandbox seeded ${sandbox.reviewCount} reviews, not ${n}`);
		log(`N=${n}: sandbox seeded in ${Math.round(sandbox.seedMs)} ms (process up in ${sandbox.startMs} ms, RSS ${Math.round(sandbox.rssBytes / 2 ** 20)} MB)`);
		const entry = {
			n,
			expectedRequests: Math.ceil(n / PAGE_SIZE),
			sandbox: { seedMs: sandbox.seedMs, startMs: sandbox.startMs, rssAfterSeed: sandbox.rssBytes, pageCache: sandbox.pageCache },
			runs: Object.fromEntries(CONTENDERS.map((c) => [c, []])),
		};
		// Warm the sandbox (JIT, the sorted list) with one walk that is not recorded.
		await runPlainClient(sandbox);
		await sandbox.resetCounts();
		const runs = runsFor(n);
		for (let r = 0; r < runs; r++) {
			const order = CONTENDERS.map((_, i) => CONTENDERS[(i + r) % CONTENDERS.length]);
			for (const contender of order) {
				const run = await runOne(contender, { inst, ids, sandbox });
				run.ok = run.items === n && run.requests === entry.expectedRequests && run.requestErrors === 0;
				entry.runs[contender].push(run);
				log(
					`N=${n} run ${r + 1}/${runs} ${contender.padEnd(2)}: ${Math.round(run.ms)} ms (CPU ${Math.round(run.cpuMsTree)} ms), ${run.requests} requests, ` +
						`${run.items} items, peak RSS ${Math.round(run.peakRss / 2 ** 20)} MB${run.ok ? '' : '  <-- UNEXPECTED COUNTS'}`,
				);
			}
		}
		entry.sandbox.rssAfterRuns = await sandbox.rss();
		await sandbox.close();
		if (stockReference) {
			// The same plain walk against the stock sandbox (no bench page cache), once, to show what
			// the sandbox itself costs per page as N grows.
			const stock = await startSandboxProcess({ reviewCount: n, port, pageCache: false });
			await stock.resetCounts();
			const r = await runPlainClient(stock);
			const counts = await stock.counts();
			entry.stock = { ms: r.ms, requests: counts.total };
			log(`N=${n} stock sandbox, plain walk once: ${Math.round(r.ms)} ms for ${counts.total} requests`);
			await stock.close();
		}
		results[n] = entry;
	}
	return results;
}

module.exports = { runReturnAll, CONTENDERS };
