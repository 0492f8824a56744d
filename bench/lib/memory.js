'use strict';

/**
 * Memory and CPU time of a process tree from /proc (Linux): VmRSS and VmHWM of a pid, its
 * descendants, and a sampler that records them over time so a peak (or the CPU used) can be
 * taken inside a time window.
 */
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const TICK_MS = (() => {
	try {
		return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
	} catch {
		return 10;
	}
})();

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; null if gone. */
function cpuOf(pid) {
	let text;
	try {
		text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return null;
	}
	// Fields after the command name, which is in parentheses and may contain spaces.
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime (fields 14 and 15)
}

/** CPU ms of pid plus its live descendants. */
function treeCpuOf(pid) {
	let total = cpuOf(pid);
	if (total === null) return null;
	for (const c of descendantsOf(pid)) total += cpuOf(c) || 0;
	return total;
}

/** { rss, hwm } in bytes from /proc/<pid>/status, or null once the process is gone. */
function statusOf(pid) {
	let text;
	try {
		text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	} catch {
		return null;
	}
	const kb = (name) => {
		const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
		return m ? Number(m[1]) * 1024 : 0;
	};
	// A zombie (exited, not yet reaped) has no Vm* lines any more.
	if (!/^VmRSS:/m.test(text)) return null;
	return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Every descendant pid (children of any thread, recursively). */
function descendantsOf(pid) {
	const out = [];
	const stack = [pid];
	while (stack.length) {
		const p = stack.pop();
		let tasks = [];
		try {
			tasks = fs.readdirSync(`/proc/${p}/task`);
		} catch {
			continue;
		}
		for (const t of tasks) {
			let children = '';
			try {
				children = fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8');
			} catch {
				continue;
			}
			for (const c of children.trim().split(/\s+/).filter(Boolean)) {
				out.push(Number(c));
				stack.push(Number(c));
			}
		}
	}
	return out;
}

/**
 * Samples `pid` (and its descendants) every `intervalMs` until stop(). Each sample:
 * { at (ms epoch), main (RSS of pid), tree (RSS of pid + descendants), hwm (VmHWM of pid),
 *   cpuMain, cpuTree (CPU ms used so far by pid / by pid + descendants) }.
 */
function startSampler(pid, { intervalMs = 20, withTree = true } = {}) {
	const samples = [];
	let treeCache = [];
	let tick = 0;
	const sample = () => {
		const main = statusOf(pid);
		if (!main) return;
		// Descendants change rarely (the task runner); look them up every 10th sample.
		if (withTree && tick++ % 10 === 0) treeCache = descendantsOf(pid);
		let tree = main.rss;
		let cpuTree = cpuOf(pid) || 0;
		const cpuMain = cpuTree;
		for (const c of treeCache) {
			const s = statusOf(c);
			if (s) tree += s.rss;
			cpuTree += cpuOf(c) || 0;
		}
		samples.push({ at: Date.now(), main: main.rss, tree, hwm: main.hwm, cpuMain, cpuTree });
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		samples,
		stop() {
			clearInterval(timer);
			return samples;
		},
	};
}

/** Peak of a field over samples whose time is within [from, to] (ms epoch); the nearest sample if none. */
function peakIn(samples, field, from, to) {
	let peak = 0;
	for (const s of samples) if (s.at >= from && s.at <= to && s[field] > peak) peak = s[field];
	if (peak === 0 && samples.length) {
		const nearest = samples.reduce((a, b) => (Math.abs(b.at - to) < Math.abs(a.at - to) ? b : a));
		peak = nearest[field];
	}
	return peak;
}

/**
 * CPU ms used between `from` and `to` (ms epoch): the last sample at or before `from` to the first
 * at or after `to`, so it may include up to one sampling interval on either side.
 */
function cpuIn(samples, field, from, to) {
	if (!samples.length) return NaN;
	let before = samples[0];
	let after = samples[samples.length - 1];
	for (const s of samples) if (s.at <= from) before = s;
	for (let i = samples.length - 1; i >= 0; i--) if (samples[i].at >= to) after = samples[i];
	return after[field] - before[field];
}

module.exports = { statusOf, descendantsOf, startSampler, peakIn, cpuOf, treeCpuOf, cpuIn, TICK_MS };
