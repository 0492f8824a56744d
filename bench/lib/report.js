'use strict';

/** Turns the bench results into the console table, docs/benchmarks.md and the SVG chart. */
const { summary, logLogSlope, percentile, median } = require('./stats');
const { chart } = require('./svg');
const { PRESIGNED_PAGES } = require('./workflows');

const LABEL = {
	a: '(a) Trustoo node, Return All',
	b: '(b) plain signed axios loop',
	c: '(c) Code node signs + HTTP Request pagination + Split Out',
	cp: '(c′) Code node loop with this.helpers.httpRequest',
};
const SHORT = { a: 'a', b: 'b', c: 'c', cp: 'c′' };
const COLOR = { a: '#e4572e', b: '#1b998b', c: '#2e4057', cp: '#c9a000' };
const MB = 2 ** 20;

const num = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '–');
const ms = (v) => `${num(v)} ms`;
const mb = (v) => num(v / MB) + ' MB';
const range = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const ratio = (v) => (Number.isFinite(v) ? v.toFixed(2) : '–');
/** A ratio next to its goal, with a third decimal when two would hide which side of the goal it is on. */
const ratioVs = (v, goal) => (Number.isFinite(v) && v !== goal && v.toFixed(2) === goal.toFixed(2) ? v.toFixed(3) : ratio(v));
const yes = (ok) => (ok ? '**met**' : '**not met**');

/** Medians and spreads of every Return All figure, per N and contender. */
function returnAllStats(returnAll) {
	const sizes = Object.keys(returnAll).map(Number).sort((a, b) => a - b);
	const stats = {};
	for (const n of sizes) {
		const entry = returnAll[n];
		stats[n] = {};
		for (const [c, runs] of Object.entries(entry.runs)) {
			if (!runs.length) continue;
			const pick = (f) => summary(runs.map(f));
			stats[n][c] = {
				runs: runs.length,
				ok: runs.every((r) => r.ok),
				ms: pick((r) => r.ms),
				cpu: pick((r) => r.cpu),
				requests: pick((r) => r.requests),
				items: pick((r) => r.items),
				peakRss: pick((r) => r.peakRss),
				peakRssTree: pick((r) => r.peakRssTree),
				netRss: pick((r) => r.peakRss - r.rssAtStart),
				netRssTree: pick((r) => r.peakRssTree - r.treeAtStart),
				rssAtStart: pick((r) => r.rssAtStart),
				httpNodeMs: c === 'c' ? pick((r) => r.httpNodeMs) : undefined,
				nodeMs: runs[0].nodeMs ? Object.fromEntries(Object.keys(runs[0].nodeMs).map((k) => [k, median(runs.map((r) => r.nodeMs[k]))])) : undefined,
				wallMs: runs[0].wallMs !== undefined ? pick((r) => r.wallMs) : undefined,
				outputBytes: runs[0].outputBytes !== undefined ? median(runs.map((r) => r.outputBytes)) : undefined,
			};
		}
	}
	const contenders = Object.keys(stats[sizes[0]] || {});
	const growth = {};
	for (const c of contenders) {
		const series = (f) => sizes.map((n) => [n, f(stats[n][c])]);
		const big = sizes.filter((n) => n >= 10000);
		growth[c] = {
			time: logLogSlope(series((s) => s.ms.median)),
			timeUpper: big.length >= 2 ? logLogSlope(big.map((n) => [n, stats[n][c].ms.median])) : NaN,
			rss: logLogSlope(series((s) => s.peakRssTree.median)),
			netRss: logLogSlope(series((s) => s.netRssTree.median)),
			netRssUpper: big.length >= 2 ? logLogSlope(big.map((n) => [n, stats[n][c].netRssTree.median])) : NaN,
		};
	}
	return { sizes, stats, contenders, growth };
}

function webhookStats(webhook) {
	const out = {};
	for (const [c, runs] of Object.entries(webhook.runs)) {
		const all = webhook.warm && webhook.warm[c] && webhook.warm[c].executions !== undefined ? [webhook.warm[c], ...runs] : runs;
		const w = webhook.warm && webhook.warm[c];
		out[c] = {
			warm: w && w.processedRate !== undefined ? { ackRate: w.ackRate, processedRate: w.processedRate, p50: percentile(w.latencies, 50), p99: percentile(w.latencies, 99), cpuPerDelivery: w.cpuPerDelivery } : null,
			runs: runs.length,
			ackRate: summary(runs.map((r) => r.ackRate)),
			processedRate: summary(runs.map((r) => r.processedRate)),
			p50: summary(runs.map((r) => percentile(r.latencies, 50))),
			p99: summary(runs.map((r) => percentile(r.latencies, 99))),
			sent: all.reduce((a, r) => a + r.sent, 0),
			accepted: all.reduce((a, r) => a + r.accepted, 0),
			executions: all.reduce((a, r) => a + r.executions, 0),
			lost: all.reduce((a, r) => a + r.lost, 0),
			doubled: all.reduce((a, r) => a + r.doubled, 0),
			unexpected: all.reduce((a, r) => a + r.unexpected, 0),
			multi: all.reduce((a, r) => a + r.multiDelivery, 0),
			failed: all.reduce((a, r) => a + r.failedExecutions, 0),
			accounted: all.every((r) => r.accountedFor),
			drainMs: summary(runs.map((r) => r.drainMs)),
			cpuPerDelivery: summary(runs.map((r) => r.cpuPerDelivery)),
		};
	}
	return out;
}

function svgOf(ra, meta) {
	const order = ra.contenders;
	const mk = (field) =>
		order.map((c) => ({
			name: LABEL[c],
			color: COLOR[c],
			dash: c === 'b' ? '5 3' : undefined,
			points: ra.sizes.map((n) => ({ x: n, y: ra.stats[n][c][field].median, min: ra.stats[n][c][field].min, max: ra.stats[n][c][field].max })),
		}));
	const toMb = (series) => series.map((s) => ({ ...s, points: s.points.map((p) => ({ x: p.x, y: p.y / MB, min: p.min / MB, max: p.max / MB })) }));
	return chart({
		title: 'Return All: time and memory against N',
		subtitle: `${meta.cpu}, ${meta.cores} cores · Node ${meta.node} · n8n ${meta.n8n} · ${meta.date.slice(0, 10)} · median of runs, bars = min–max`,
		panels: [
			{ title: 'Execution time (ms)', yLabel: 'ms (log scale)', series: mk('ms') },
			{ title: 'Peak RSS (MB)', yLabel: 'MB: n8n + task runner; (b) its process', series: toMb(mk('peakRssTree')) },
			{ title: 'Memory held by the run (MB)', yLabel: 'MB: peak RSS − RSS at start', series: toMb(mk('netRssTree')) },
		],
	});
}

function goals(ra, wh) {
	const g = [];
	const at = (n, c) => ra && ra.stats[n] && ra.stats[n][c];
	if (ra) {
		const n10 = 10000;
		if (at(n10, 'a') && at(n10, 'b')) {
			const v = at(n10, 'a').ms.median / at(n10, 'b').ms.median;
			const cpu = at(n10, 'a').cpu.median / at(n10, 'b').cpu.median;
			g.push({ goal: 'a/b ≤ 1.25 at N = 10,000', measured: `${ratioVs(v, 1.25)} (CPU time: ${ratio(cpu)})`, met: v <= 1.25 });
		}
		for (const c of ['c', 'cp']) {
			const vals = ra.sizes.filter((n) => at(n, 'a') && at(n, c)).map((n) => [n, at(n, 'a').ms.median / at(n, c).ms.median]);
			if (vals.length) {
				g.push({
					goal: `a/${SHORT[c]} ≤ 1.0 (every N)`,
					measured:
						vals.map(([n, v]) => `${num(n)}: ${ratioVs(v, 1.0)}`).join(', ') +
						` (CPU time: ${ra.sizes
							.filter((n) => at(n, 'a') && at(n, c))
							.map((n) => ratio(at(n, 'a').cpu.median / at(n, c).cpu.median))
							.join(', ')})`,
					met: vals.every(([, v]) => v <= 1.0),
				});
			}
		}
		if (ra.sizes.length >= 2 && ra.growth.a) {
			// The fixed cost of an execution flattens the slope at small N, so the goal is judged on
			// N ≥ 10,000 when that range was measured.
			const k = ra.growth.a;
			const upper = Number.isFinite(k.timeUpper);
			const t = upper ? k.timeUpper : k.time;
			const m = upper ? k.netRssUpper : k.netRss;
			const where = upper ? 'N ≥ 10,000' : 'all N';
			g.push({ goal: `time of (a) at most linear in N (exponent ≤ 1.1, ${where})`, measured: `${num(t, 2)} (all N: ${num(k.time, 2)})`, met: t <= 1.1 });
			g.push({ goal: `memory held by (a) at most linear in N (exponent ≤ 1.1, ${where})`, measured: `${num(m, 2)} (all N: ${num(k.netRss, 2)}; raw peak RSS: ${num(k.rss, 2)})`, met: m <= 1.1 });
		}
	}
	if (wh && wh.T && wh.W) {
		const ack = wh.T.ackRate.median / wh.W.ackRate.median;
		const proc = wh.T.processedRate.median / wh.W.processedRate.median;
		const cpu = wh.W.cpuPerDelivery.median / wh.T.cpuPerDelivery.median;
		g.push({
			goal: 'webhook deliveries/s, Trustoo Trigger / Webhook node ≥ 0.9 (acknowledged)',
			measured: `${ratioVs(ack, 0.9)} (CPU per delivery, W/T: ${ratio(cpu)})`,
			met: ack >= 0.9,
		});
		g.push({ goal: 'the same, counted until the executions finished', measured: ratioVs(proc, 0.9), met: proc >= 0.9 });
		g.push({
			goal: 'every delivery accounted for (executions = accepted, none lost, none doubled)',
			measured: ['T', 'W']
				.map((c) => `${c}: ${wh[c].executions} executions / ${wh[c].accepted} accepted, lost ${wh[c].lost}, doubled ${wh[c].doubled}, stray ${wh[c].unexpected + wh[c].multi}, failed ${wh[c].failed}`)
				.join('; '),
			met: wh.T.accounted && wh.W.accounted,
		});
	}
	return g;
}

function consoleTable(results) {
	const lines = [];
	const ra = results.returnAll ? returnAllStats(results.returnAll) : null;
	if (ra) {
		lines.push('Return All (median of runs; min–max)');
		lines.push(['N', 'contender', 'time ms', 'min–max', 'CPU ms', 'requests', 'peak RSS MB', 'RSS+runner', 'items'].map((s) => s.padEnd(13)).join(''));
		for (const n of ra.sizes) {
			for (const c of ra.contenders) {
				const s = ra.stats[n][c];
				lines.push(
					[num(n), SHORT[c], num(s.ms.median), `${num(s.ms.min)}–${num(s.ms.max)}`, num(s.cpu.median), num(s.requests.median), num(s.peakRss.median / MB), num(s.peakRssTree.median / MB), num(s.items.median) + (s.ok ? '' : ' !')]
						.map((v) => String(v).padEnd(13))
						.join(''),
				);
			}
			const r = (c) => (ra.stats[n][c] ? ratio(ra.stats[n].a.ms.median / ra.stats[n][c].ms.median) : '–');
			const rc = (c) => (ra.stats[n][c] ? ratio(ra.stats[n].a.cpu.median / ra.stats[n][c].cpu.median) : '–');
			lines.push(`${''.padEnd(13)}time a/b ${r('b')}  a/c ${r('c')}  a/c′ ${r('cp')}   ·   CPU a/b ${rc('b')}  a/c ${rc('c')}  a/c′ ${rc('cp')}`);
		}
		lines.push('Growth exponents (log-log slope): ' + ra.contenders.map((c) => `${SHORT[c]} time ${ra.growth[c].time.toFixed(2)} mem ${ra.growth[c].netRss.toFixed(2)}`).join(' · '));
		lines.push('');
	}
	if (results.overhead) {
		lines.push('Per-request overhead (µs per call, median)');
		for (const [k, v] of Object.entries(results.overhead.cases)) lines.push(`  ${k.padEnd(16)} ${v.median.toFixed(2).padStart(10)}  (${v.min.toFixed(2)}–${v.max.toFixed(2)})`);
		lines.push('');
	}
	const wh = results.webhook ? webhookStats(results.webhook) : null;
	if (wh) {
		lines.push(`Webhook ingestion, concurrency ${results.webhook.concurrency}`);
		for (const [c, s] of Object.entries(wh)) {
			lines.push(
				`  ${c === 'T' ? 'Trustoo Trigger' : 'Webhook node   '} ack ${num(s.ackRate.median, 1)}/s  processed ${num(s.processedRate.median, 1)}/s  CPU ${num(s.cpuPerDelivery.median, 1)} ms/delivery  p50 ${num(s.p50.median, 1)} ms  p99 ${num(s.p99.median, 1)} ms  executions ${s.executions}/${s.accepted} accepted, lost ${s.lost}, doubled ${s.doubled}`,
			);
		}
		lines.push('');
	}
	for (const g of goals(ra, wh)) lines.push(`${g.met ? 'MET    ' : 'NOT MET'}  ${g.goal}: ${g.measured}`);
	return lines.join('\n');
}

module.exports = { returnAllStats, webhookStats, goals, consoleTable, svgOf, LABEL, SHORT, COLOR, num, ms, mb, range, ratio, ratioVs, yes, MB, PRESIGNED_PAGES };
