#!/usr/bin/env node
'use strict';
/**
 * Screenshots of the example workflows' canvases for the README (docs/images/<example>.png).
 *
 *   npm run build
 *   PLAYWRIGHT_CORE=/tmp/pw/node_modules/playwright-core node scripts/screenshots.js [options]
 *
 * Starts the Trustoo sandbox and a fresh n8n (default 2.8.4, from the harness cache) with this
 * package installed, imports every examples/*.json plus placeholder credentials with the ids and
 * names the examples reference (so the canvas shows no "credential missing" warnings), logs in as
 * the harness owner in headless Chromium and saves one PNG per workflow. Everything is removed
 * afterwards.
 *
 * Needs a Chromium (Debian: `apt-get install -y chromium`) and playwright-core, which is not a
 * devDependency of this package: install it outside the repo
 * (`mkdir -p /tmp/pw && cd /tmp/pw && npm install --no-save playwright-core`) and point
 * PLAYWRIGHT_CORE at the installed package folder (or at a folder whose node_modules has it).
 *
 * Options: --version 2.8.4, --out docs/images, --chromium /usr/bin/chromium (or env CHROMIUM),
 * --only <file.json> (repeatable), --width 1600 --height 900.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startSandbox } = require('../sandbox');
const { createInstance, DEFAULT_OWNER } = require('./n8n/instance');
const { packPackage } = require('../test/e2e/harness/pack');

const REPO = path.resolve(__dirname, '..');
const EXAMPLES_DIR = path.join(REPO, 'examples');

function parseArgs(argv) {
	const opts = { version: '2.8.4', out: path.join(REPO, 'docs', 'images'), chromium: process.env.CHROMIUM || '/usr/bin/chromium', only: [], width: 1600, height: 900 };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = () => {
			if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
			return argv[++i];
		};
		if (a === '--version') opts.version = next();
		else if (a === '--out') opts.out = path.resolve(next());
		else if (a === '--chromium') opts.chromium = next();
		else if (a === '--only') opts.only.push(next());
		else if (a === '--width') opts.width = Number(next());
		else if (a === '--height') opts.height = Number(next());
		else if (a === '--help' || a === '-h') opts.help = true;
		else throw new Error(`unknown argument ${a} (see --help)`);
	}
	return opts;
}

/** playwright-core from PLAYWRIGHT_CORE (package folder or a folder with node_modules), else the usual lookup. */
function loadPlaywright() {
	const hint = process.env.PLAYWRIGHT_CORE;
	const candidates = hint ? [hint, path.join(hint, 'node_modules', 'playwright-core')] : ['playwright-core'];
	for (const c of candidates) {
		try {
			return require(c);
		} catch {
			// try the next one
		}
	}
	throw new Error(
		'playwright-core not found. Install it outside the repo (mkdir -p /tmp/pw && cd /tmp/pw && npm install --no-save playwright-core) ' +
			'and set PLAYWRIGHT_CORE=/tmp/pw/node_modules/playwright-core',
	);
}

function readExamples(only) {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json') && (only.length === 0 || only.includes(f)))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

/** One credential per id the examples reference; Trustoo ones point at the sandbox, the rest hold placeholders. */
function placeholderCredentials(examples, sandbox) {
	const shop = sandbox.shops[0];
	const byId = new Map();
	for (const { workflow } of examples) {
		for (const node of workflow.nodes) {
			for (const [type, ref] of Object.entries(node.credentials || {})) {
				const data =
					type === 'trustooApi'
						? { publicToken: shop.publicToken, privateToken: shop.privateToken, baseUrl: sandbox.url }
						: { placeholder: 'screenshot' };
				byId.set(ref.id, { id: ref.id, name: ref.name, type, data });
			}
		}
	}
	return [...byId.values()];
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	if (opts.help) {
		process.stdout.write(fs.readFileSync(__filename, 'utf8').split('*/')[0].replace(/^[\s\S]*?\/\*\*/, ''));
		return;
	}
	const { chromium } = loadPlaywright();
	if (!fs.existsSync(opts.chromium)) throw new Error(`no Chromium at ${opts.chromium} (apt-get install -y chromium, or --chromium <path>)`);
	if (!fs.existsSync(path.join(REPO, 'dist', 'nodes', 'Trustoo', 'Trustoo.node.js'))) throw new Error('dist/ is missing: run `npm run build` first');
	const examples = readExamples(opts.only);
	if (examples.length === 0) throw new Error('no example workflows selected');
	const say = (line) => process.stdout.write(`${line}\n`);

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trustoo-screenshots-'));
	let sandbox;
	let inst;
	let browser;
	try {
		sandbox = await startSandbox({ seed: 1 });
		inst = await createInstance({ version: opts.version, userFolder: path.join(tmp, 'n8n') });
		await inst.installPackage(await packPackage(REPO, path.join(tmp, 'pack')));
		await inst.importCredentials(placeholderCredentials(examples, sandbox));
		await inst.importWorkflow(examples.map((e) => e.workflow));
		await inst.start();
		await inst.setupOwner();
		say(`n8n ${opts.version} at ${inst.baseUrl}`);

		browser = await chromium.launch({
			executablePath: opts.chromium,
			headless: true,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		});
		const context = await browser.newContext({ viewport: { width: opts.width, height: opts.height }, deviceScaleFactor: 1 });
		const page = await context.newPage();

		// Log in through the sign-in form, as a person would.
		await page.goto(`${inst.baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(DEFAULT_OWNER.email);
		await page.locator('input[type="password"]').first().fill(DEFAULT_OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60000 });

		fs.mkdirSync(opts.out, { recursive: true });
		for (const { file, workflow } of examples) {
			await page.goto(`${inst.baseUrl}/workflow/${workflow.id}`, { waitUntil: 'domcontentloaded' });
			if (new URL(page.url()).pathname.startsWith('/signin')) throw new Error(`${file}: n8n sent the browser to the sign-in page`);
			const nodes = page.locator('.vue-flow__node');
			await nodes.first().waitFor({ state: 'visible', timeout: 60000 });
			// Every node is drawn (sticky notes are canvas nodes too).
			const expected = workflow.nodes.length;
			await page
				.waitForFunction((n) => document.querySelectorAll('.vue-flow__node').length >= n, expected, { timeout: 30000 })
				.catch(async () => {
					throw new Error(`${file}: the canvas shows ${await nodes.count()} of ${expected} nodes`);
				});
			// Fit the whole workflow into view (the canvas's "Zoom to fit" shortcut), then let it settle.
			await page.locator('[data-test-id="canvas-wrapper"], .vue-flow').first().click({ position: { x: 5, y: 5 } }).catch(() => {});
			await page.keyboard.press('1');
			await page.waitForTimeout(1200);
			const target = path.join(opts.out, file.replace(/\.json$/, '.png'));
			await page.screenshot({ path: target });
			say(`${file}: ${await nodes.count()} nodes -> ${path.relative(REPO, target)}`);
		}
	} finally {
		if (browser) await browser.close();
		if (inst) await inst.stop();
		if (sandbox) await sandbox.close();
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error.message}\n`);
	process.exit(1);
});
