'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');

// Commands run detached (own process group, so a timeout can kill the whole
// tree); such children would outlive this process, so kill the ones still
// running when it exits.
const running = new Set();
process.on('exit', () => {
	for (const pid of running) killTree(pid, 'SIGKILL');
});

/**
 * Run a command to completion. Resolves (never rejects on a non-zero exit)
 * with { code, signal, stdout, stderr, durationMs }. Rejects only when the
 * process could not be spawned or timed out (the process group is killed).
 *
 * Options: cwd, env, timeoutMs, logFile (stdout+stderr are appended there as
 * well), input (string written to stdin), maxBuffer (chars kept per stream).
 */
function run(cmd, args, options = {}) {
	const { cwd, env, timeoutMs = 0, logFile, input, maxBuffer = 64 * 1024 * 1024 } = options;
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(cmd, args, {
			cwd,
			env: env || process.env,
			stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
			detached: true, // own process group, so a timeout can kill the whole tree
		});
		running.add(child.pid);
		const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
		if (log) log.write(`\n$ ${cmd} ${args.join(' ')}\n`);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => {
			if (stdout.length < maxBuffer) stdout += d;
			if (log) log.write(d);
		});
		child.stderr.on('data', (d) => {
			if (stderr.length < maxBuffer) stderr += d;
			if (log) log.write(d);
		});
		if (input !== undefined) child.stdin.end(input);
		let timer = null;
		let timedOut = false;
		if (timeoutMs > 0) {
			timer = setTimeout(() => {
				timedOut = true;
				killTree(child.pid, 'SIGKILL');
			}, timeoutMs);
		}
		child.on('error', (err) => {
			running.delete(child.pid);
			if (timer) clearTimeout(timer);
			if (log) log.end();
			reject(err);
		});
		child.on('close', (code, signal) => {
			running.delete(child.pid);
			if (timer) clearTimeout(timer);
			const result = { code, signal, stdout, stderr, durationMs: Date.now() - started };
			const finish = () => {
				if (timedOut) {
					const err = new Error(
						`${cmd} ${args.join(' ')} timed out after ${timeoutMs} ms\n${tail(stderr || stdout)}`,
					);
					err.result = result;
					reject(err);
				} else resolve(result);
			};
			if (log) log.end(finish);
			else finish();
		});
	});
}

/** Kill a process group started with detached: true (falls back to the pid). */
function killTree(pid, signal = 'SIGTERM') {
	if (!pid) return;
	try {
		process.kill(-pid, signal);
	} catch {
		try {
			process.kill(pid, signal);
		} catch {
			// already gone
		}
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return err.code === 'EPERM';
	}
}

/** Last `lines` lines of a string, for error messages. */
function tail(text, lines = 40) {
	const all = String(text || '').trimEnd().split('\n');
	return all.slice(-lines).join('\n');
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

module.exports = { run, killTree, isAlive, tail, sleep };
