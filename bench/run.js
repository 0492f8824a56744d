#!/usr/bin/env node
'use strict';

/**
 * npm run bench  (= npm run build && node bench/run.js)
 *
 *   node bench/run.js              full run: N = 1,000 / 10,000 / 100,000 (5, 5 and 3 runs), webhooks,
 *                                  per-request overhead; writes docs/benchmarks.md and
 *                                  docs/benchmarks-return-all.svg (about 15–20 minutes here)
 *   node bench/run.js --quick      N = 1,000 and 10,000, 3 runs, shorter webhook runs; writes
 *                                  bench/results/benchmarks-quick.md (+ .svg), not docs/
 *   options: --runs 5 --runs-large 3 --sizes 1000,10000 --webhook-count 1200 --webhook-warmup 1000
 *            --concurrency 8 --skip overhead,return-all,webhook --no-stock
 *            --docs (write docs/ even when an option above changed the run; otherwise only the
 *            default run does) --from bench/results/<file>.json (rewrite the report only)
 *
 * Raw results go to bench/results/<date>.json (git-ignored). Nothing here asserts a time.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const axios = require(path.join(__dirname, '..', 'node_modules', 'axios'));
const { freePort } = require('../scripts/n8n/instance');
const { signing } = require('../sandbox');
const { createBenchInstance, n8nVersionOf } = require('./lib/n8n');
const { startSandboxProcess } = require('./lib/sandbox-proc');
const wf = require('./lib/workflows');
const { runOverhead } = require('./overhead');
const { runReturnAll } = require('./return-all');
const { runWebhook } = require('./webhook');
const { consoleTable, svgOf, returnAllStats } = require('./lib/report');
const { markdown } = require('./lib/markdown');

const REPO = path.resolve(__dirname, '..');
const VERSION = '2.8.4';

function parseArgs(argv) {
	const args = { skip: new Set() };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			const m = /^--[^=]+=(.*)$/.exec(a);
			return m ? m[1] : argv[++i];
		};
		const name = a.replace(/=.*$/, '');
		if (name === '--quick') args.quick = true;
		else if (name === '--runs') args.runs = Number(value());
		else if (name === '--runs-large') args.runsLarge = Number(value());
		else if (name === '--sizes') args.sizes = value().split(',').map(Number);
		else if (name === '--webhook-count') args.webhookCount = Number(value());
		else if (name === '--webhook-warmup') args.webhookWarmup = Number(value());
		else if (name === '--webhook-runs') args.webhookRuns = Number(value());
		else if (name === '--concurrency') args.concurrency = Number(value());
		else if (name === '--skip') value().split(',').forEach((s) => args.skip.add(s.trim()));
		else if (name === '--no-stock') args.noStock = true;
		else if (name === '--docs') args.docs = true;
		else if (name === '--from') args.from = value();
		else if (name === '--help' || name === '-h') {
			process.stdout.write(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
			process.exit(0);
		} else throw new Error(`unknown option ${a} (see --help)`);
	}
	const quick = !!args.quick;
	// Only a run with the default settings (or --docs) replaces docs/benchmarks.md.
	const custom = ['sizes', 'runs', 'runsLarge', 'webhookCount', 'webhookWarmup', 'webhookRuns', 'concurrency', 'noStock'].some((k) => args[k] !== undefined);
	return {
		...args,
		custom,
		sizes: args.sizes || (quick ? [1000, 10000] : [1000, 10000, 100000]),
		runs: args.runs || (quick ? 3 : 5),
		runsLarge: args.runsLarge || (quick ? 3 : Math.min(args.runs || 3, 3)),
		webhookCount: args.webhookCount || (quick ? 400 : 1200),
		webhookWarmup: args.webhookWarmup || (quick ? 300 : 1000),
		webhookRuns: args.webhookRuns || 3,
		concurrency: args.concurrency || 8,
	};
}

const t0 = Date.now();
function log(line) {
	const s = ((Date.now() - t0) / 1000).toFixed(0).padStart(4);
	process.stderr.write(`[bench ${s}s] ${line}\n`);
}

function machine() {
	const cpus = os.cpus();
	return {
		cpu: (cpus[0] && cpus[0].model.trim()) || 'unknown',
		cores: cpus.length,
		memGiB: os.totalmem() / 2 ** 30,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.versions.node,
		load: os.loadavg(),
	};
}

/** One real page (100 reviews) and one delivery body, for the per-request overhead. */
async function overheadInputs(port) {
	const sb = await startSandboxProcess({ reviewCount: 1000, port });
	try {
		const timestamp = String(Math.floor(Date.now() / 1000));
		const pairs = [['page', '1'], ['page_size', '100'], ['sort_by', 'created-descending']];
		const res = await axios.get(`${sb.url}/api/v1/openapi/get_reviews?page=1&page_size=100&sort_by=created-descending`, {
			transformResponse: (x) => x,
			headers: { 'Public-Token': sb.shop.publicToken, Timestamp: timestamp, Sign: signing.signRequest(sb.shop.privateToken, pairs, timestamp, '') },
		});
		const { id, ...rest } = JSON.parse(res.data).data.list[0];
		const body = JSON.stringify({ list: [{ id: Number(id), my_shopify_domain: sb.shop.domain, shopify_shop_id: Number(sb.shop.id), ...rest }] });
		return { pageBody: res.data, privateToken: sb.shop.privateToken, publicToken: sb.shop.publicToken, baseUrl: sb.url, delivery: { body, timestamp } };
	} finally {
		await sb.close();
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	let results;
	if (args.from) {
		results = JSON.parse(fs.readFileSync(path.resolve(args.from), 'utf8'));
	} else {
		if (!fs.existsSync(path.join(REPO, 'dist', 'nodes', 'Trustoo', 'Trustoo.node.js'))) {
			throw new Error('dist/ is missing: run `npm run bench` (it builds first) or `npm run build`');
		}
		const meta = {
			...machine(),
			date: new Date().toISOString(),
			args: process.argv.slice(2),
			quick: !!args.quick,
			partial: !!args.quick || args.custom || args.skip.size > 0,
		};
		results = { meta };
		log(`machine: ${meta.cpu}, ${meta.cores} cores, ${meta.memGiB.toFixed(1)} GiB, Node ${meta.node}; load average ${meta.load.map((l) => l.toFixed(2)).join(' ')}`);
		const port = await freePort();
		const info = { baseUrl: `http://127.0.0.1:${port}`, publicToken: null, privateToken: null };

		if (!args.skip.has('overhead')) {
			log('per-request overhead of the compiled code (dist/) …');
			results.overhead = runOverhead({ ...(await overheadInputs(port)), quick: args.quick });
		}

		log(`preparing n8n ${VERSION} (installs it into ~/.cache/n8n-nodes-trustoo on first use) …`);
		const inst = await createBenchInstance({ version: VERSION, log });
		meta.n8n = n8nVersionOf(inst);
		try {
			// Tokens are derived from the seed, the same for every N; the port is fixed for the run.
			const probe = await startSandboxProcess({ reviewCount: 1, port });
			Object.assign(info, { publicToken: probe.shop.publicToken, privateToken: probe.shop.privateToken });
			await probe.close();
			await inst.importCredentials([wf.credential(info)]);
			const ids = { a: 'BenchReturnAllA1', c: 'BenchReturnAllC1', cp: 'BenchReturnAllD1' };
			await inst.importWorkflow([wf.trustooNodeWorkflow(ids.a), wf.httpPaginationWorkflow(ids.c, info), wf.codeLoopWorkflow(ids.cp, info)]);

			if (!args.skip.has('return-all')) {
				const large = Math.max(...args.sizes);
				results.returnAll = await runReturnAll({
					inst,
					ids,
					port,
					sizes: args.sizes,
					runsFor: (n) => (n === large && n >= 100000 ? args.runsLarge : args.runs),
					stockReference: !args.noStock,
					log,
				});
				meta.loadAfterReturnAll = os.loadavg();
			}
			if (!args.skip.has('webhook')) {
				results.webhook = await runWebhook({
					inst,
					port,
					runs: args.webhookRuns,
					count: args.webhookCount,
					warmup: args.webhookWarmup,
					concurrency: args.concurrency,
					maxMs: 60000,
					log,
				});
			}
		} finally {
			await inst.dispose();
			// The bench made this user folder (createInstance only removes folders it made itself).
			fs.rmSync(inst.userFolder, { recursive: true, force: true });
		}
		meta.loadAfter = os.loadavg();
		meta.durationMs = Date.now() - t0;
		fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
		const raw = path.join(__dirname, 'results', `${meta.date.replace(/[:.]/g, '-')}.json`);
		fs.writeFileSync(raw, JSON.stringify(results, (k, v) => (k === 'latencies' ? v.map((x) => Math.round(x * 100) / 100) : v)));
		log(`raw results: ${path.relative(REPO, raw)}`);
	}

	process.stdout.write(`\n${consoleTable(results)}\n`);
	const partial = !!(results.meta.partial || results.meta.quick) || !results.returnAll || !results.webhook || !results.overhead;
	const toDocs = args.docs || !partial;
	const dir = toDocs ? path.join(REPO, 'docs') : path.join(__dirname, 'results');
	const mdFile = path.join(dir, toDocs ? 'benchmarks.md' : 'benchmarks-quick.md');
	const svgFile = path.join(dir, toDocs ? 'benchmarks-return-all.svg' : 'benchmarks-quick-return-all.svg');
	fs.mkdirSync(dir, { recursive: true });
	if (results.returnAll) fs.writeFileSync(svgFile, svgOf(returnAllStats(results.returnAll), results.meta));
	fs.writeFileSync(mdFile, markdown(results, { svgName: path.basename(svgFile) }));
	log(`wrote ${path.relative(REPO, mdFile)}${results.returnAll ? ` and ${path.relative(REPO, svgFile)}` : ''}`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error.message}\n`);
	process.exit(1);
});
