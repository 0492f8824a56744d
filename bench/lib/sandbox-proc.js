'use strict';

/** Starts bench/lib/sandbox-child.js and talks to it over IPC. */
const { fork } = require('node:child_process');
const path = require('node:path');

const CHILD = path.join(__dirname, 'sandbox-child.js');

async function startSandboxProcess({ reviewCount, seed = 1, port = 0, pageCache = true }) {
	const started = Date.now();
	const child = fork(CHILD, [JSON.stringify({ reviewCount, seed, port, pageCache })], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		execArgv: ['--max-old-space-size=4096'],
	});
	const ready = await new Promise((resolve, reject) => {
		const onExit = (code) => reject(new Error(`sandbox process exited with ${code} before it was ready`));
		child.once('exit', onExit);
		child.once('message', (msg) => {
			child.off('exit', onExit);
			if (msg.type === 'ready') resolve(msg);
			else reject(new Error(`unexpected message from the sandbox process: ${JSON.stringify(msg)}`));
		});
	});
	let nextId = 1;
	const ask = (type, extra = {}) =>
		new Promise((resolve) => {
			const id = nextId++;
			const onMessage = (msg) => {
				if (msg.id !== id) return;
				child.off('message', onMessage);
				resolve(msg);
			};
			child.on('message', onMessage);
			child.send({ type, id, ...extra });
		});
	return {
		...ready,
		pid: child.pid,
		startMs: Date.now() - started,
		/** Request counts since the last reset (every API request the sandbox logged). */
		async counts({ reset = false } = {}) {
			return (await ask('counts', { reset })).counts;
		},
		async resetCounts() {
			await ask('counts', { reset: true });
		},
		async rss() {
			return (await ask('memory')).rss;
		},
		close() {
			return new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			});
		},
	};
}

module.exports = { startSandboxProcess };
