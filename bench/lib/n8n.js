'use strict';

/**
 * The bench's own n8n 2.8.4 instance (user folder in the OS temp dir, free ports), built on the
 * e2e harness (scripts/n8n/instance.js), plus a timed `n8n execute --id` that samples the memory
 * of the n8n process while it runs.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, fork } = require('node:child_process');
const { createInstance, freePort } = require('../../scripts/n8n/instance');
const { packPackage } = require('../../test/e2e/harness/pack');
const { startSampler, peakIn, cpuIn } = require('./memory');

const REPO = path.resolve(__dirname, '..', '..');

// `n8n execute` runs detached (its own process group, task runner included); if the bench dies,
// take those groups down with it.
const running = new Set();
process.on('exit', () => {
	for (const pid of running) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// gone
		}
	}
});

async function createBenchInstance({ version, log }) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `trustoo-bench-${version.replace(/\./g, '_')}-`));
	const inst = await createInstance({
		version,
		userFolder,
		env: {
			// The Code nodes of contenders (c) and (c′) sign with require('crypto').
			NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
		},
	});
	log(`n8n ${version}: user folder ${userFolder}, port ${inst.port}`);
	const tarball = await packPackage(REPO, path.join(userFolder, 'harness-tmp'));
	await inst.installPackage(tarball);
	return inst;
}

/** n8n's package.json version of the install the instance runs. */
function n8nVersionOf(inst) {
	const pkg = JSON.parse(fs.readFileSync(path.join(inst.install.dir, 'node_modules', 'n8n', 'package.json'), 'utf8'));
	return pkg.version;
}

/**
 * `n8n execute --id=<id> --rawOutput` in a process of its own, its memory sampled every 20 ms.
 * Returns the execution's own start and stop (IRun startedAt/stoppedAt, set by n8n's
 * WorkflowExecute around the run, i.e. without n8n's boot or the printing of the result), the
 * peak RSS of the n8n process (and of n8n plus its task runner) inside that window, the process's
 * VmHWM over its whole life, and the item count of each node's last run.
 *
 * Executions are not saved (EXECUTIONS_DATA_SAVE_ON_SUCCESS=none): saving happens after
 * stoppedAt (workflowExecuteAfter hook) and would only make the sqlite file grow by the full run
 * data of every run.
 */
async function executeTimed(inst, workflowId, { timeoutMs = 15 * 60 * 1000 } = {}) {
	const brokerPort = await freePort();
	const dir = path.join(inst.userFolder, 'bench-out');
	fs.mkdirSync(dir, { recursive: true });
	const outFile = path.join(dir, `execute-${workflowId}-${Date.now()}.json`);
	const errFile = `${outFile}.stderr`;
	const out = fs.openSync(outFile, 'w');
	const err = fs.openSync(errFile, 'w');
	const env = inst.env({
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// `execute` prints its result through the logger at level info.
		N8N_LOG_LEVEL: 'info',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
	});
	const wallStart = Date.now();
	const child = spawn(inst.install.nodeBin, [inst.install.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'], {
		cwd: inst.userFolder,
		env,
		stdio: ['ignore', out, err],
		detached: true,
	});
	fs.closeSync(out);
	fs.closeSync(err);
	running.add(child.pid);
	const sampler = startSampler(child.pid);
	let timer;
	const exit = await new Promise((resolve) => {
		timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// gone
			}
		}, timeoutMs);
		child.on('exit', (code, signal) => resolve({ code, signal }));
	});
	clearTimeout(timer);
	running.delete(child.pid);
	const samples = sampler.stop();
	try {
		process.kill(-child.pid, 'SIGKILL'); // leftover task runner of the group
	} catch {
		// already gone
	}
	const wallMs = Date.now() - wallStart;
	const summary = await parseInChild(outFile);
	if (exit.code !== 0 || !summary.ok || summary.status !== 'success') {
		const stderr = fs.readFileSync(errFile, 'utf8');
		throw new Error(
			`n8n execute ${workflowId} failed (exit ${exit.code}, status ${summary.status}): ${summary.error || ''}\n${summary.tail || ''}\n${stderr.slice(-2000)}`,
		);
	}
	fs.rmSync(outFile, { force: true });
	fs.rmSync(errFile, { force: true });
	const startedAt = Date.parse(summary.startedAt);
	const stoppedAt = Date.parse(summary.stoppedAt);
	const live = samples.filter((x) => x.main > 0);
	return {
		ms: stoppedAt - startedAt,
		wallMs,
		startedAt,
		stoppedAt,
		items: summary.items,
		nodeMs: summary.nodeMs,
		outputBytes: summary.outputBytes,
		// RSS when the execution started (n8n booted, nothing fetched yet) and the peak inside the
		// execution window; "tree" adds the task runner that n8n starts as a child process.
		rssAtStart: nearest(live, 'main', startedAt),
		treeAtStart: nearest(live, 'tree', startedAt),
		peakRss: peakIn(live, 'main', startedAt, stoppedAt),
		peakRssTree: peakIn(live, 'tree', startedAt, stoppedAt),
		hwm: live.reduce((m, x) => Math.max(m, x.hwm), 0),
		// CPU time the n8n process (and with its task runner) used during the execution.
		cpuMs: cpuIn(live, 'cpuMain', startedAt, stoppedAt),
		cpuMsTree: cpuIn(live, 'cpuTree', startedAt, stoppedAt),
		samples: live.length,
	};
}

function nearest(samples, field, at) {
	if (!samples.length) return 0;
	let best = samples[0];
	for (const s of samples) if (Math.abs(s.at - at) < Math.abs(best.at - at)) best = s;
	return best[field];
}

function parseInChild(file) {
	return new Promise((resolve, reject) => {
		const child = fork(path.join(__dirname, 'parse-execute.js'), [file], { execArgv: ['--max-old-space-size=8192'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		let answered = false;
		child.once('message', (msg) => {
			answered = true;
			resolve(msg);
		});
		child.once('exit', (code) => {
			if (!answered) reject(new Error(`parsing ${file} failed (exit ${code})`));
		});
	});
}

module.exports = { createBenchInstance, executeTimed, n8nVersionOf };
