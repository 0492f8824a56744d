'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { isAlive, sleep } = require('./proc');

/**
 * A cross-process lock: a directory created with mkdir (atomic), holding
 * owner.json with the pid and host of the holder. A lock whose holder is a
 * dead process on this host is stale and is broken; so is a lock dir without
 * an owner file that is older than a few seconds (holder died between mkdir
 * and writing the file).
 *
 * Returns a release() function.
 */
async function acquireLock(lockDir, { timeoutMs = 60 * 60 * 1000, pollMs = 1000, onWait } = {}) {
	fs.mkdirSync(path.dirname(lockDir), { recursive: true });
	const started = Date.now();
	let lastNotice = 0;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			const owner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
			fs.writeFileSync(path.join(lockDir, 'owner.json'), JSON.stringify(owner));
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				process.removeListener('exit', release);
				fs.rmSync(lockDir, { recursive: true, force: true });
			};
			process.on('exit', release); // also on process.exit() mid-install
			return release;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
		}
		const holder = readOwner(lockDir);
		if (isStale(lockDir, holder)) {
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		const waited = Date.now() - started;
		if (waited > timeoutMs) {
			throw new Error(
				`Timed out after ${Math.round(waited / 1000)} s waiting for lock ${lockDir}` +
					(holder ? ` held by pid ${holder.pid} on ${holder.host} since ${holder.since}` : '') +
					'. If no install is running, delete that directory.',
			);
		}
		if (onWait && Date.now() - lastNotice > 30000) {
			lastNotice = Date.now();
			onWait(holder, waited);
		}
		await sleep(pollMs);
	}
}

function readOwner(lockDir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(lockDir, 'owner.json'), 'utf8'));
	} catch {
		return null;
	}
}

function isStale(lockDir, holder) {
	if (holder) return holder.host === os.hostname() && !isAlive(holder.pid);
	try {
		const age = Date.now() - fs.statSync(lockDir).mtimeMs;
		return age > 10000;
	} catch {
		return false; // vanished meanwhile: retry mkdir
	}
}

module.exports = { acquireLock };
