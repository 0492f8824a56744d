#!/usr/bin/env node
'use strict';
/**
 * Quick start: a real n8n with this package loaded, talking to a local Trustoo sandbox, with a
 * sandbox credential and an example workflow already imported. No Trustoo account needed.
 *
 *   npm run demo [-- --version 2.8.4] [-- --port 5678] [-- --sandbox-port 5681]
 *
 * First use installs the pinned n8n into ~/.cache/n8n-nodes-trustoo (a few minutes). Each run
 * starts from a fresh n8n user folder so the printed login always works. Ctrl+C stops both.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { build, ensureDependencies } = require('./ensure-deps');
const { startSandbox } = require('../sandbox');
const { createInstance, DEFAULT_OWNER } = require('./n8n/instance');
const { cacheRoot } = require('./n8n/install');
const { packPackage } = require('../test/e2e/harness/pack');

const REPO = path.resolve(__dirname, '..');
const CREDENTIAL_ID = 'TrustooSandboxCred';

function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? fallback : process.argv[i + 1];
}

async function main() {
	const version = option('version', '2.8.4');
	const port = Number(option('port', 5678));
	const sandboxPort = Number(option('sandbox-port', 5681));
	const say = (line) => process.stdout.write(`${line}\n`);
	ensureDependencies();
	build();

	const sandbox = await startSandbox({ port: sandboxPort, seed: 1 });
	say(`Trustoo sandbox running at ${sandbox.url}`);

	const folder = path.join(path.dirname(cacheRoot()), 'instances', `demo-${version}`);
	fs.rmSync(folder, { recursive: true, force: true });
	say(`Preparing n8n ${version} (the first run installs it; this can take a few minutes)…`);
	const inst = await createInstance({ version, userFolder: folder, port });
	const tarball = await packPackage(REPO, fs.mkdtempSync(path.join(os.tmpdir(), 'trustoo-demo-')));
	await inst.installPackage(tarball);

	const shop = sandbox.shops[0];
	await inst.importCredentials([
		{
			id: CREDENTIAL_ID,
			name: 'Trustoo sandbox',
			type: 'trustooApi',
			data: { publicToken: shop.publicToken, privateToken: shop.privateToken, baseUrl: sandbox.url },
		},
	]);
	const workflow = JSON.parse(fs.readFileSync(path.join(REPO, 'examples', 'demo-latest-reviews.json'), 'utf8'));
	const [workflowId] = await inst.importWorkflow(workflow);

	const check = await inst.execute(workflowId);
	if (!check.ok) throw new Error(`the demo workflow did not run cleanly in n8n:\n${check.stderr || check.stdout}`);

	await inst.start();
	await inst.setupOwner();
	say('');
	say(`n8n ${version} with n8n-nodes-trustoo is running at ${inst.baseUrl}`);
	say(`Log in as ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`);
	say(`Open the workflow "${workflow.name}" and click "Execute workflow".`);
	say(`Sandbox credential "Trustoo sandbox" points at ${sandbox.url}; create reviews there with`);
	say(`  curl -X POST ${sandbox.url}/__sandbox/reviews -H 'content-type: application/json' -d '{"rating":1,"author":"Sam","content":"Broke after a day"}'`);
	say('Ctrl+C stops n8n and the sandbox.');

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await inst.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	const { code } = await inst.exited;
	if (!stopping) {
		process.stderr.write(`n8n exited (code ${code}); see ${inst.logFile}\n`);
		await sandbox.close();
		process.exit(1);
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error.message}\n`);
	process.exit(1);
});
