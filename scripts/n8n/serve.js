#!/usr/bin/env node
'use strict';

/**
 * Run a real n8n with this package installed, for a human to click through.
 *
 *   node scripts/n8n/serve.js [--version 2.8.4] [--port 5678] [--package file.tgz] [--folder dir] [--fresh]
 *
 * - Installs n8n into the cache on first use (scripts/n8n/install.js).
 * - Installs the package: --package <tarball>, else `npm pack` of this repo
 *   (build it first: npm run build).
 * - Keeps its state (sqlite DB, credentials, workflows) in --folder, default
 *   ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-trustoo/instances/<version>; --fresh
 *   empties it first. The folder must not be inside this repo: the repo's
 *   node_modules/n8n-workflow would shadow n8n's own copy.
 * - Sets up the owner on first start and prints the URL and login.
 * Ctrl-C stops n8n.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createInstance, DEFAULT_OWNER } = require('./instance');
const { cacheRoot } = require('./install');
const { run, tail } = require('./proc');

const REPO = path.resolve(__dirname, '..', '..');

function parseArgs(argv) {
	const opts = { version: '2.8.4', port: 5678, fresh: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = () => {
			if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
			return argv[++i];
		};
		if (a === '--version') opts.version = next();
		else if (a === '--port') opts.port = Number(next());
		else if (a === '--package') opts.package = path.resolve(next());
		else if (a === '--folder') opts.folder = path.resolve(next());
		else if (a === '--fresh') opts.fresh = true;
		else if (a === '--help' || a === '-h') opts.help = true;
		else throw new Error(`unknown argument ${a} (see --help)`);
	}
	return opts;
}

async function packRepo() {
	if (!fs.existsSync(path.join(REPO, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first (or pass --package)');
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-serve-pack-'));
	const r = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: REPO });
	if (r.code !== 0) throw new Error(`npm pack failed\n${tail(r.stderr)}`);
	const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	return path.join(dest, info.filename);
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	if (opts.help) {
		process.stdout.write(fs.readFileSync(__filename, 'utf8').split('*/')[0].replace(/^[\s\S]*?\/\*\*/, ''));
		return;
	}
	const folder = opts.folder || path.join(path.dirname(cacheRoot()), 'instances', opts.version);
	if (opts.fresh) fs.rmSync(folder, { recursive: true, force: true });
	const inst = await createInstance({ version: opts.version, userFolder: folder, port: opts.port });
	const tarball = opts.package || (await packRepo());
	const pkg = await inst.installPackage(tarball);
	process.stderr.write(`installed ${pkg.name}@${pkg.version} into ${pkg.dir}\n`);

	await inst.start();
	const setup = await inst.request('GET', '/rest/settings');
	const needsOwner = setup.body && setup.body.data && setup.body.data.userManagement.showSetupOnFirstLoad;
	if (needsOwner) await inst.setupOwner();
	process.stdout.write(
		`\nn8n ${opts.version} is running at ${inst.baseUrl} (ready in ${(inst.bootMs / 1000).toFixed(1)} s)\n` +
			(needsOwner
				? `log in as ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}\n`
				: 'log in with the owner account set up earlier in this folder\n') +
			`state: ${folder}\nlog:   ${inst.logFile}\nCtrl-C to stop.\n`,
	);

	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		process.stderr.write('stopping n8n...\n');
		await inst.stop();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	const { code, signal } = await inst.exited;
	if (!stopping) {
		process.stderr.write(`n8n exited (code ${code}, signal ${signal}); see ${inst.logFile}\n`);
		process.exit(1);
	}
}

main().catch((err) => {
	process.stderr.write(`${err.message}\n`);
	process.exit(1);
});
