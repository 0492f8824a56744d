'use strict';

/**
 * An isolated n8n instance for e2e tests and manual checks: its own user
 * folder (sqlite DB, settings, community packages), its own encryption key
 * and ports, driven through n8n's CLI and REST API.
 *
 *   const inst = await createInstance({ version: '2.8.4' });
 *   await inst.installPackage('/path/to/n8n-nodes-trustoo-0.1.0.tgz');
 *   const [id] = await inst.importWorkflow(workflowJson);
 *   const run = await inst.execute(id);              // CLI, no server needed
 *   await inst.start();                              // n8n start on 127.0.0.1:<port>
 *   await inst.setupOwner();  await inst.login();
 *   await inst.listWorkflows();
 *   await inst.stop();  await inst.dispose();        // dispose removes a temp user folder
 *
 * Where n8n 1.x and 2.x differ, the code branches on isV1(version) with a
 * comment naming the n8n source file that was checked (paths are relative to
 * node_modules/ of the install dir in the cache).
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureN8n } = require('./install');
const { PINNED, isV1 } = require('./versions');
const { run, killTree, tail, sleep } = require('./proc');

const DEFAULT_OWNER = Object.freeze({
	email: 'owner@example.com',
	password: 'Harness-Passw0rd',
	firstName: 'Harness',
	lastName: 'Owner',
});
const INSTANCE_FILE = 'harness-instance.json';
const AUTH_COOKIE = 'n8n-auth'; // n8n/dist/constants.js AUTH_COOKIE_NAME (1.x and 2.x)

/** A free TCP port on 127.0.0.1 (asks the kernel, then releases it). */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** n8n workflow ids are 16 alphanumerics; import keeps an id it is given. */
function newWorkflowId() {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.randomBytes(16);
	return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Parse the JSON document that `n8n execute` prints. n8n may print other
 * lines first (task broker, license SDK, "Execution error:"), so try every
 * line that starts with "{" and take the first one that parses as a
 * balanced JSON object.
 */
function parseExecuteOutput(stdout) {
	const text = String(stdout || '');
	let idx = text[0] === '{' ? 0 : text.indexOf('\n{');
	while (idx !== -1) {
		const start = text[idx] === '{' ? idx : idx + 1;
		const end = matchingBrace(text, start);
		if (end !== -1) {
			try {
				return { value: JSON.parse(text.slice(start, end + 1)), start, end };
			} catch {
				// not JSON after all; keep looking
			}
		}
		idx = text.indexOf('\n{', start + 1);
	}
	return null;
}

function matchingBrace(text, start) {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

// Servers are started detached (own process group, so stop() can take the
// task runners down with n8n). Detached children outlive a crashed parent,
// so kill whatever is still running when this process exits.
const liveServers = new Set();
process.on('exit', () => {
	for (const pid of liveServers) killTree(pid, 'SIGKILL');
});

class N8nInstance {
	constructor({ install, userFolder, ownsUserFolder, port, encryptionKey, env, logLevel }) {
		this.version = install.version;
		this.install = install;
		this.userFolder = userFolder;
		this.ownsUserFolder = ownsUserFolder;
		this.port = port;
		this.encryptionKey = encryptionKey;
		this.extraEnv = env || {};
		this.logLevel = logLevel;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.browserId = crypto.randomUUID();
		this.logFile = path.join(userFolder, 'n8n-server.log');
		this.cliLogFile = path.join(userFolder, 'n8n-cli.log');
		this.proc = null;
		this.exited = null;
		this.cookie = null;
		this.bootMs = null;
	}

	/** The .n8n folder n8n creates inside N8N_USER_FOLDER. */
	get n8nFolder() {
		return path.join(this.userFolder, '.n8n');
	}

	/** Where n8n keeps community packages: <N8N_USER_FOLDER>/.n8n/nodes. */
	get nodesDir() {
		// n8n-core/dist/instance-settings/instance-settings.js: nodesDownloadDir = <n8nFolder>/nodes
		return path.join(this.n8nFolder, 'nodes');
	}

	/**
	 * Environment for every n8n process of this instance. Inherited N8N_*,
	 * DB_* and similar variables are dropped so the caller's shell cannot
	 * change the instance; `extra` (a fresh task-broker port per process)
	 * and the instance's own `env` option come last.
	 *
	 * NODE_ENV is dropped too: jest sets NODE_ENV=test, and n8n then refuses
	 * to load nodes ("Not available in tests", load-nodes-and-credentials.js
	 * init() checks inTest from @n8n/backend-common/dist/environment.js) and
	 * silences its logger. Unset NODE_ENV is how `n8n start` runs from an npm
	 * install; NODE_ENV=production would add per-IP rate limits on login and
	 * fetch community node types from api.n8n.io. NODE_PATH is dropped
	 * because n8n's loader appends it to its own module paths.
	 */
	env(extra = {}) {
		const inherited = {};
		for (const [k, v] of Object.entries(process.env)) {
			if (
				/^(N8N_|DB_|EXECUTIONS_|QUEUE_|JEST_|NODE_FUNCTION_ALLOW_|NODES_)/.test(k) ||
				/^(NODE_ENV|NODE_PATH|WEBHOOK_URL|GENERIC_TIMEZONE|E2E_TESTS)$/.test(k)
			) {
				continue;
			}
			inherited[k] = v;
		}
		const recipe = PINNED[this.version] || {};
		return {
			...inherited,
			...this.install.env,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			[recipe.webhookUrlEnv || 'WEBHOOK_URL']: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false', // plain http on loopback; lets a human log in from a browser
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_LOG_LEVEL: this.logLevel,
			N8N_LOG_OUTPUT: 'console',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			// Per-version settings from versions.js, e.g. 1.123.81 on Node 20
			// needs N8N_EXPRESSION_ENGINE=legacy (see there).
			...(recipe.instanceEnv || {}),
			...extra,
			...this.extraEnv,
		};
	}

	/**
	 * Run an n8n CLI command against this instance. Each call gets its own
	 * task-broker port: a CLI `execute` starts a task broker of its own,
	 * which must not collide with a running server's or another CLI's.
	 */
	async cli(args, { timeoutMs = 5 * 60 * 1000, env = {} } = {}) {
		const brokerPort = await freePort();
		const { nodeBin, n8nBin } = this.install;
		return run(nodeBin, [n8nBin, ...args], {
			cwd: this.userFolder,
			env: { ...this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort) }), ...env },
			timeoutMs,
			logFile: this.cliLogFile,
		});
	}

	async cliOrThrow(args, opts) {
		const r = await this.cli(args, opts);
		if (r.code !== 0) {
			throw new Error(
				`n8n ${this.version}: \`n8n ${args.join(' ')}\` exited ${r.code}\n--- stdout ---\n${tail(r.stdout)}\n--- stderr ---\n${tail(r.stderr)}`,
			);
		}
		return r;
	}

	tmpFile(name, content) {
		const dir = path.join(this.userFolder, 'harness-tmp');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${Date.now()}-${process.pid}-${name}`);
		fs.writeFileSync(file, content);
		return file;
	}

	/**
	 * Install a community package from an npm tarball the way n8n's
	 * CommunityPackagesService.downloadPackage does (same in 1.123.81, 2.8.4
	 * and 2.41.1: n8n/dist/modules/community-packages/community-packages.service.js):
	 * extract into <nodes>/node_modules/<name> with --strip-components=1,
	 * drop devDependencies/peerDependencies/optionalDependencies from its
	 * package.json, npm-install its remaining dependencies, and record it in
	 * <nodes>/package.json. n8n finds it at startup by scanning
	 * <nodes>/node_modules for n8n-nodes-* and @*\/n8n-nodes-* folders
	 * (1.x/2.8.4: load-nodes-and-credentials.js loadNodesFromNodeModules via the
	 * community-packages module's loadDir(); 2.41.1: n8n-core/dist/nodes-loader/
	 * scan-directory-for-packages.js). Node types are "<package name>.<node name>".
	 *
	 * n8n-workflow (a peer dependency) is not installed: n8n's loader sets
	 * NODE_PATH to its own module.paths before loading packages
	 * (load-nodes-and-credentials.js init(), all three versions), so the
	 * package falls back to n8n's own copy. That only holds if nothing on the
	 * way up from the package folder has node_modules/n8n-workflow; this
	 * method checks that with the same NODE_PATH and fails otherwise.
	 *
	 * Install before start(): n8n loads community packages at startup.
	 */
	async installPackage(tarballPath) {
		if (this.proc) throw new Error('installPackage: stop the server first (n8n loads community packages at startup)');
		const tarball = path.resolve(tarballPath);
		if (!fs.existsSync(tarball)) throw new Error(`installPackage: no such tarball ${tarball}`);
		const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pkg-'));
		let manifest;
		try {
			await this.runOk('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
			manifest = JSON.parse(fs.readFileSync(path.join(staging, 'package.json'), 'utf8'));
		} finally {
			fs.rmSync(staging, { recursive: true, force: true });
		}
		const { name, version } = manifest;
		if (!/^(@[^/]+\/)?n8n-nodes-/.test(name)) {
			throw new Error(`installPackage: n8n only loads packages named n8n-nodes-* or @scope/n8n-nodes-*, got ${name}`);
		}
		const modulesDir = path.join(this.nodesDir, 'node_modules');
		const dest = path.join(modulesDir, ...name.split('/'));
		fs.rmSync(dest, { recursive: true, force: true });
		fs.mkdirSync(dest, { recursive: true });
		await this.runOk('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1']);

		const pkgFile = path.join(dest, 'package.json');
		const { devDependencies, peerDependencies, optionalDependencies, ...stripped } = JSON.parse(
			fs.readFileSync(pkgFile, 'utf8'),
		);
		fs.writeFileSync(pkgFile, JSON.stringify(stripped, null, 2));
		if (stripped.dependencies && Object.keys(stripped.dependencies).length) {
			// Same flags as n8n's NPM_INSTALL_ARGS (community-packages.service.js).
			await this.runOk(
				'npm',
				['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--omit=dev'],
				{ cwd: dest },
			);
		}

		// <nodes>/package.json, as CommunityPackagesService.ensurePackageJson /
		// updatePackageJsonDependency keep it.
		const rootPkgFile = path.join(this.nodesDir, 'package.json');
		let rootPkg = { name: 'installed-nodes', private: true, dependencies: {} };
		if (fs.existsSync(rootPkgFile)) rootPkg = JSON.parse(fs.readFileSync(rootPkgFile, 'utf8'));
		rootPkg.dependencies = { ...(rootPkg.dependencies || {}), [name]: version };
		fs.writeFileSync(rootPkgFile, JSON.stringify(rootPkg, null, 2));

		const n8nWorkflowPath = await this.resolveAsN8nDoes(dest, 'n8n-workflow');
		const installRoot = `${path.join(this.install.dir, 'node_modules')}${path.sep}`;
		if (!n8nWorkflowPath || !n8nWorkflowPath.startsWith(installRoot)) {
			throw new Error(
				`installPackage: inside n8n, ${name} would load n8n-workflow from ${n8nWorkflowPath || '(nowhere)'}, ` +
					`not from n8n's own copy under ${installRoot}. Move the user folder (${this.userFolder}) out of any ` +
					'tree that has node_modules/n8n-workflow, and keep n8n-workflow out of the package\'s "dependencies".',
			);
		}
		return { name, version, dir: dest, n8nWorkflowPath };
	}

	/**
	 * Resolve `request` from `pkgDir` the way it resolves inside n8n: with
	 * NODE_PATH set to the module.paths of n8n's load-nodes-and-credentials.js
	 * (what n8n's loader does before loading packages). Uses Node's own
	 * resolver in a child process of the runtime node.
	 */
	async resolveAsN8nDoes(pkgDir, request) {
		const loaderDir = path.join(this.install.dir, 'node_modules', 'n8n', 'dist');
		const script = [
			"const Module = require('module');",
			`process.env.NODE_PATH = Module._nodeModulePaths(${JSON.stringify(loaderDir)}).join(require('path').delimiter);`,
			'Module._initPaths();',
			`const req = Module.createRequire(${JSON.stringify(path.join(pkgDir, 'package.json'))});`,
			`try { process.stdout.write(req.resolve(${JSON.stringify(request)})); } catch (e) { process.exit(3); }`,
		].join('\n');
		const r = await run(this.install.nodeBin, ['-e', script], { cwd: pkgDir, env: { ...process.env, NODE_PATH: '' } });
		return r.code === 0 ? r.stdout.trim() : null;
	}

	async runOk(cmd, args, opts = {}) {
		const r = await run(cmd, args, { timeoutMs: 10 * 60 * 1000, ...opts });
		if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}\n${tail(r.stderr || r.stdout)}`);
		return r;
	}

	/**
	 * `n8n import:credentials --input=<file>`. Each credential needs id, name,
	 * type and data; a plain-object `data` is encrypted with this instance's
	 * key by the import command (n8n/dist/commands/import/credentials.js,
	 * 1.x and 2.x). Credentials are owned by the instance owner (or the shell
	 * owner before setupOwner()).
	 */
	async importCredentials(credentials) {
		const list = Array.isArray(credentials) ? credentials : [credentials];
		const file = this.tmpFile('credentials.json', JSON.stringify(list));
		await this.cliOrThrow(['import:credentials', `--input=${file}`]);
		return list.map((c) => c.id);
	}

	/**
	 * `n8n import:workflow --input=<file>`; accepts one workflow or an array.
	 * Workflows without an id get one, so callers can execute them by id.
	 * Returns the ids.
	 */
	async importWorkflow(workflows) {
		const list = (Array.isArray(workflows) ? workflows : [workflows]).map((wf) => ({
			active: false,
			settings: {},
			connections: {},
			...wf,
			id: wf.id || newWorkflowId(),
		}));
		const file = this.tmpFile('workflows.json', JSON.stringify(list));
		await this.cliOrThrow(['import:workflow', `--input=${file}`]);
		return list.map((wf) => wf.id);
	}

	/**
	 * `n8n execute --id=<id> [--rawOutput]` (`--file` is gone in 2.x and
	 * rejected in 1.123.81: n8n/dist/commands/execute.js). Returns
	 * { ok, code, stdout, stderr, result, runData, error }, where result is the
	 * parsed IRun JSON (printed on success, and logged after
	 * "Execution error:" on failure) and runData = result.data.resultData.runData.
	 */
	async execute(workflowId, { rawOutput = true, timeoutMs = 5 * 60 * 1000 } = {}) {
		const args = ['execute', `--id=${workflowId}`];
		if (rawOutput) args.push('--rawOutput');
		// `execute` prints its result through the logger at level info
		// (BaseCommand.log -> logger.info, commands/base-command.js), so a
		// quieter level would swallow the JSON.
		const quiet = ['silent', 'error', 'warn'].includes(this.env().N8N_LOG_LEVEL);
		const r = await this.cli(args, { timeoutMs, env: quiet ? { N8N_LOG_LEVEL: 'info' } : {} });
		const parsed = parseExecuteOutput(r.stdout);
		const result = parsed ? parsed.value : null;
		const resultData = result && result.data ? result.data.resultData : undefined;
		return {
			ok: r.code === 0 && !!result && !(resultData && resultData.error),
			code: r.code,
			stdout: r.stdout,
			stderr: r.stderr,
			result,
			runData: resultData ? resultData.runData : undefined,
			error: resultData ? resultData.error : undefined,
		};
	}

	/** The json of every item a node output on its last run (output 0 unless given). */
	static nodeOutput(execution, nodeName, outputIndex = 0) {
		const runs = execution.runData && execution.runData[nodeName];
		if (!runs || !runs.length) return undefined;
		const last = runs[runs.length - 1];
		const main = last.data && last.data.main;
		return main && main[outputIndex] ? main[outputIndex].map((item) => item.json) : [];
	}

	/**
	 * `n8n start`, detached, logging to <userFolder>/n8n-server.log; resolves
	 * once GET /healthz/readiness answers 200 (both 1.x and 2.x register
	 * /healthz and /healthz/readiness in n8n/dist/abstract-server.js;
	 * readiness turns 200 only after DB migrations and full startup).
	 */
	async start({ timeoutMs = 4 * 60 * 1000 } = {}) {
		if (this.proc) return this;
		const brokerPort = await freePort();
		const started = Date.now();
		const out = fs.openSync(this.logFile, 'a');
		fs.writeSync(out, `\n===== n8n ${this.version} start on ${this.baseUrl} at ${new Date().toISOString()} =====\n`);
		const { nodeBin, n8nBin } = this.install;
		const child = spawn(nodeBin, [n8nBin, 'start'], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort) }),
			stdio: ['ignore', out, out],
			detached: true, // own process group: stop() kills n8n and its task runners together
		});
		fs.closeSync(out);
		this.proc = child;
		liveServers.add(child.pid);
		this.exited = new Promise((resolve) => {
			child.on('exit', (code, signal) => {
				liveServers.delete(child.pid);
				killTree(child.pid, 'SIGKILL'); // leftover task runners in its group
				resolve({ code, signal });
			});
		});
		let exitInfo = null;
		this.exited.then((info) => {
			exitInfo = info;
		});

		for (;;) {
			if (exitInfo) {
				this.proc = null;
				throw new Error(
					`n8n ${this.version} exited during startup (code ${exitInfo.code}, signal ${exitInfo.signal}). Log: ${this.logFile}\n${tail(this.readLog())}`,
				);
			}
			if (Date.now() - started > timeoutMs) {
				await this.stop();
				throw new Error(`n8n ${this.version} not ready after ${timeoutMs} ms. Log: ${this.logFile}\n${tail(this.readLog())}`);
			}
			if (await this.isReady()) break;
			await sleep(250);
		}
		this.bootMs = Date.now() - started;
		return this;
	}

	/**
	 * Ready = GET /healthz/readiness is 200 (DB connected and migrated; in
	 * 2.41.1 also startup finished: abstract-server.js markAsReady) and GET
	 * /rest/settings answers JSON. The second check matters for 1.x and 2.8.4,
	 * whose readiness turns 200 before the REST controllers are registered
	 * (server.js: configure() registers controllers, then /rest/settings).
	 */
	async isReady() {
		try {
			const health = await fetch(`${this.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (health.status !== 200) return false;
			const settings = await fetch(`${this.baseUrl}/rest/settings`, {
				headers: { accept: 'application/json', 'browser-id': this.browserId },
				signal: AbortSignal.timeout(5000),
			});
			if (settings.status !== 200) return false;
			const body = await settings.json().catch(() => null);
			return !!(body && body.data);
		} catch {
			return false; // not listening yet
		}
	}

	readLog() {
		try {
			return fs.readFileSync(this.logFile, 'utf8');
		} catch {
			return '';
		}
	}

	get running() {
		return !!this.proc;
	}

	/** SIGTERM the process group, wait for exit, SIGKILL after `graceMs`. */
	async stop({ graceMs = 20000 } = {}) {
		const child = this.proc;
		if (!child) return;
		killTree(child.pid, 'SIGTERM');
		let timer;
		const exited = await Promise.race([
			this.exited.then(() => true),
			new Promise((resolve) => {
				timer = setTimeout(() => resolve(false), graceMs);
			}),
		]);
		clearTimeout(timer); // a pending timer would keep jest alive
		// Task runners live in the same group; make sure nothing is left.
		killTree(child.pid, 'SIGKILL');
		if (!exited) await this.exited;
		this.proc = null;
		this.cookie = null;
	}

	/** Remove the user folder if createInstance made it (after stopping). */
	async dispose() {
		await this.stop();
		if (this.ownsUserFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	/**
	 * REST call to /rest/... (or any path). Sends the session cookie if
	 * logged in and a fixed browser-id header: n8n binds the auth cookie to
	 * the hash of the browser-id sent at login and checks it on later calls
	 * (n8n/dist/auth/auth.service.js validateBrowserId, server.js reads the
	 * `browser-id` header; 1.x and 2.x). Returns { status, headers, body };
	 * throws on a non-2xx status unless `allowStatus` includes it.
	 */
	async request(method, urlPath, { body, cookie = this.cookie, allowStatus = [] } = {}) {
		if (!this.proc) throw new Error(`n8n ${this.version}: ${method} ${urlPath} needs a running server (call start())`);
		const headers = { 'browser-id': this.browserId, accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (cookie) headers.cookie = cookie;
		const res = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60000),
		});
		const text = await res.text();
		let parsed = text;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			// not JSON
		}
		if ((res.status < 200 || res.status >= 300) && !allowStatus.includes(res.status)) {
			throw new Error(`n8n ${this.version}: ${method} ${urlPath} -> HTTP ${res.status}: ${text.slice(0, 2000)}`);
		}
		return { status: res.status, headers: res.headers, body: parsed };
	}

	/** Most n8n REST handlers wrap their result as { data }. */
	async rest(method, urlPath, opts) {
		const { body } = await this.request(method, urlPath, opts);
		return body && typeof body === 'object' && 'data' in body ? body.data : body;
	}

	static authCookieFrom(headers) {
		const all = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') || ''];
		for (const c of all) {
			const first = c.split(';')[0];
			if (first.startsWith(`${AUTH_COOKIE}=`)) return first;
		}
		return null;
	}

	/**
	 * POST /rest/owner/setup { email, firstName, lastName, password } (no
	 * auth; rejected once an owner exists). Same route and body in 1.123.81,
	 * 2.8.4 and 2.41.1: n8n/dist/controllers/owner.controller.js and
	 * @n8n/api-types/dist/dto/owner/owner-setup-request.dto.js (password:
	 * 8-64 chars, at least one digit and one uppercase letter). Keeps the
	 * session cookie it returns.
	 */
	async setupOwner(owner = {}) {
		const o = { ...DEFAULT_OWNER, ...owner };
		this.owner = o;
		const res = await this.request('POST', '/rest/owner/setup', {
			body: { email: o.email, firstName: o.firstName, lastName: o.lastName, password: o.password },
			cookie: null,
		});
		this.cookie = N8nInstance.authCookieFrom(res.headers) || this.cookie;
		return res.body && res.body.data;
	}

	/**
	 * POST /rest/login { emailOrLdapLoginId, password } -> auth cookie
	 * ("n8n-auth=..."). Same in all three versions:
	 * n8n/dist/controllers/auth.controller.js and
	 * @n8n/api-types/dist/dto/auth/login-request.dto.js.
	 */
	async login({ email, password } = {}) {
		const o = { ...DEFAULT_OWNER, ...(this.owner || {}) };
		const res = await this.request('POST', '/rest/login', {
			body: { emailOrLdapLoginId: email || o.email, password: password || o.password },
			cookie: null,
		});
		const cookie = N8nInstance.authCookieFrom(res.headers);
		if (!cookie) throw new Error(`n8n ${this.version}: login answered ${res.status} without an ${AUTH_COOKIE} cookie`);
		this.cookie = cookie;
		return cookie;
	}

	/** GET /rest/workflows -> array (the handler answers { count, data } unwrapped). */
	async listWorkflows() {
		const { body } = await this.request('GET', '/rest/workflows');
		return body.data;
	}

	async getWorkflow(id) {
		return this.rest('GET', `/rest/workflows/${encodeURIComponent(id)}`);
	}

	/**
	 * Activate ("publish" in 2.x) a workflow so its triggers/webhooks run.
	 * With the server running this goes through REST, which also registers
	 * the triggers in the live process; otherwise through the CLI, which only
	 * updates the DB (n8n picks it up at the next start).
	 */
	async activateWorkflow(id) {
		if (this.proc) {
			const wf = await this.getWorkflow(id);
			if (isV1(this.version)) {
				// 1.x: the editor's Active toggle is PATCH /rest/workflows/:id
				// { active, versionId } (workflows.controller.js update ->
				// workflow.service.js update(), which adds the workflow to the
				// ActiveWorkflowManager). 1.123.81 also has POST /:id/activate, but
				// earlier 1.x releases do not.
				return this.rest('PATCH', `/rest/workflows/${encodeURIComponent(id)}`, {
					body: { active: true, versionId: wf.versionId },
				});
			}
			// 2.x: "publish" = POST /rest/workflows/:id/activate { versionId }
			// (workflows.controller.js activate, ActivateWorkflowDto in
			// @n8n/api-types/dist/dto/workflows/activate-workflow.dto.js).
			const res = await this.rest('POST', `/rest/workflows/${encodeURIComponent(id)}/activate`, {
				body: { versionId: wf.versionId },
			});
			await this.waitForPublication(id, { live: true, versionId: wf.versionId });
			return res;
		}
		if (isV1(this.version)) {
			// 1.x CLI: update:workflow --id --active=true (commands/update/workflow.js).
			return this.cliOrThrow(['update:workflow', `--id=${id}`, '--active=true']);
		}
		// 2.x CLI: publish:workflow --id (commands/publish/workflow.js); 2.x's
		// update:workflow --active is deprecated in favour of it.
		return this.cliOrThrow(['publish:workflow', `--id=${id}`]);
	}

	async deactivateWorkflow(id) {
		if (this.proc) {
			if (isV1(this.version)) {
				// 1.x: PATCH { active: false } (see activateWorkflow).
				const wf = await this.getWorkflow(id);
				return this.rest('PATCH', `/rest/workflows/${encodeURIComponent(id)}`, {
					body: { active: false, versionId: wf.versionId },
				});
			}
			// 2.x: POST /rest/workflows/:id/deactivate {} (DeactivateWorkflowDto).
			const res = await this.rest('POST', `/rest/workflows/${encodeURIComponent(id)}/deactivate`, { body: {} });
			await this.waitForPublication(id, { live: false });
			return res;
		}
		if (isV1(this.version)) return this.cliOrThrow(['update:workflow', `--id=${id}`, '--active=false']);
		// 2.x CLI: unpublish:workflow --id (commands/unpublish/workflow.js).
		return this.cliOrThrow(['unpublish:workflow', `--id=${id}`]);
	}

	/**
	 * Versions with asyncPublication (2.41.1, see versions.js): poll GET
	 * /rest/workflows/:id/publication-status ({ status, liveVersionId, triggers };
	 * workflows/publication/workflow-publication-status.service.js) until the
	 * (un)publish is applied, so that a webhook answers right after
	 * activateWorkflow() returns, as it does in the other versions. A 404 means
	 * the publication service is off (N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false)
	 * and activation was synchronous.
	 */
	async waitForPublication(id, { live, versionId, timeoutMs = 60000 } = {}) {
		if (!(PINNED[this.version] || {}).asyncPublication) return;
		const started = Date.now();
		let st;
		for (;;) {
			const res = await this.request('GET', `/rest/workflows/${encodeURIComponent(id)}/publication-status`, {
				allowStatus: [404],
			});
			if (res.status === 404) return;
			st = res.body && res.body.data;
			if (st && st.status !== 'in_progress') {
				if (!live && st.status === 'not_published') return;
				if (live && st.liveVersionId === versionId) {
					if (st.status === 'published') return;
					throw new Error(`n8n ${this.version}: publishing workflow ${id} ended "${st.status}": ${JSON.stringify(st.triggers)}`);
				}
			}
			if (Date.now() - started > timeoutMs) {
				throw new Error(`n8n ${this.version}: workflow ${id} publication not settled after ${timeoutMs} ms: ${JSON.stringify(st)}`);
			}
			await sleep(200);
		}
	}

	/**
	 * GET /rest/executions?filter={"workflowId":...}&limit=N -> { count, results, ... }
	 * (executions.controller.js getMany + parse-range-query.middleware.js,
	 * same in 1.x and 2.x). Returns the results array.
	 */
	async listExecutions({ workflowId, status, limit = 100 } = {}) {
		const filter = {};
		if (workflowId) filter.workflowId = workflowId;
		if (status) filter.status = Array.isArray(status) ? status : [status];
		const q = new URLSearchParams({ limit: String(limit) });
		if (Object.keys(filter).length) q.set('filter', JSON.stringify(filter));
		const data = await this.rest('GET', `/rest/executions?${q}`);
		return data.results;
	}

	/**
	 * GET /rest/executions/:id. n8n sends the run data serialised with
	 * `flatted`; it is parsed here with n8n's own copy of flatted into
	 * `runData` (= data.resultData.runData).
	 */
	async getExecution(id) {
		const exec = await this.rest('GET', `/rest/executions/${encodeURIComponent(id)}`);
		if (exec && typeof exec.data === 'string') {
			const flatted = require(path.join(this.install.dir, 'node_modules', 'flatted'));
			exec.data = flatted.parse(exec.data);
		}
		if (exec && exec.data && exec.data.resultData) exec.runData = exec.data.resultData.runData;
		return exec;
	}

	/** Where a human can log in (credentials of setupOwner()). */
	describe() {
		const o = { ...DEFAULT_OWNER, ...(this.owner || {}) };
		return `n8n ${this.version} at ${this.baseUrl} (user folder ${this.userFolder}; login ${o.email} / ${o.password}; log ${this.logFile})`;
	}
}

/**
 * Create (or reopen) an instance. `userFolder` defaults to a new temp folder,
 * removed by dispose(). The encryption key is kept in
 * <userFolder>/harness-instance.json so reopening a folder keeps its
 * credentials readable. `port` defaults to a free port; `env` overrides any
 * variable; `logLevel` defaults to env N8N_E2E_LOG_LEVEL or "warn".
 */
async function createInstance({ version, userFolder, port, env, logLevel } = {}) {
	if (!version) throw new Error('createInstance: version is required');
	const install = await ensureN8n(version);
	const ownsUserFolder = !userFolder;
	const folder = userFolder
		? path.resolve(userFolder)
		: fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${version.replace(/\./g, '_')}-`));
	fs.mkdirSync(folder, { recursive: true });
	const stateFile = path.join(folder, INSTANCE_FILE);
	let state = {};
	if (fs.existsSync(stateFile)) state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
	if (state.version && state.version !== version) {
		throw new Error(`createInstance: ${folder} belongs to n8n ${state.version}, not ${version} (DB migrations differ)`);
	}
	state = { version, encryptionKey: state.encryptionKey || crypto.randomBytes(24).toString('hex') };
	fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
	return new N8nInstance({
		install,
		userFolder: folder,
		ownsUserFolder,
		port: port || (await freePort()),
		encryptionKey: state.encryptionKey,
		env,
		logLevel: logLevel || process.env.N8N_E2E_LOG_LEVEL || 'warn',
	});
}

module.exports = { createInstance, N8nInstance, parseExecuteOutput, freePort, DEFAULT_OWNER };
