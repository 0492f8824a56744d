'use strict';

/**
 * What the Trustoo e2e suites share on top of the generic harness: the
 * package tarball, credentials for the sandbox, workflow builders for our
 * node types, polling with deadlines, and secret fingerprints.
 *
 *   const t = require('./harness/trustoo');
 *   const tarball = await t.packTrustoo();
 *   const cred = t.shopCredential(sandbox, { id: 'trustooShop000001' });
 *   const node = t.trustooNode('Reviews', { resource: 'review', operation: 'getAll' }, { credential: cred });
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { packPackage } = require('./pack');

const REPO_DIR = path.join(__dirname, '..', '..', '..');
const PACKAGE = 'n8n-nodes-trustoo';
const API = '/api/v1/openapi';

/** Node types as n8n names community nodes: "<package>.<node name>". */
const NODE_TYPES = Object.freeze({
	action: `${PACKAGE}.trustoo`,
	trigger: `${PACKAGE}.trustooTrigger`,
	poll: `${PACKAGE}.trustooPollTrigger`,
});

/**
 * `npm pack` this repository (dist/ must be built: `npm run build`) into a
 * new temp folder outside the repo. Returns { tarball, cleanup }.
 */
async function packTrustoo() {
	const built = ['dist/nodes/Trustoo/Trustoo.node.js', 'dist/credentials/TrustooOAuth2Api.credentials.js'];
	for (const file of built) {
		if (!fs.existsSync(path.join(REPO_DIR, file))) throw new Error(`${file} is missing: run \`npm run build\` before the e2e suite`);
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustoo-e2e-pack-'));
	const tarball = await packPackage(REPO_DIR, dir);
	return { tarball, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Reference to a credential from a node: { <type>: { id, name } }. */
function credentialRef(credential) {
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

/** Signed-token credential for a sandbox shop (importable with importCredentials). */
function shopCredential(sandbox, { id, name = `Trustoo shop ${id}`, shopIndex = 0, privateToken } = {}) {
	const shop = sandbox.shops[shopIndex];
	return {
		id,
		name,
		type: 'trustooApi',
		data: { publicToken: shop.publicToken, privateToken: privateToken || shop.privateToken, baseUrl: sandbox.url },
	};
}

let nodeCount = 0;

/**
 * A node of our package. `parameters` are the node's parameters as the
 * editor saves them; `credential` is an importCredentials entry. The node's
 * Authentication parameter follows the credential's type.
 */
function trustooNode(name, parameters, { credential, type = NODE_TYPES.action, position, ...extra } = {}) {
	nodeCount += 1;
	const authentication = credential && credential.type === 'trustooOAuth2Api' ? 'oAuth2' : 'apiToken';
	return {
		id: crypto.randomUUID(),
		name,
		type,
		typeVersion: 1,
		position: position || [240 * (nodeCount % 6), 160 * Math.floor(nodeCount / 6)],
		parameters: { authentication, ...parameters },
		...(credential ? { credentials: credentialRef(credential) } : {}),
		...extra,
	};
}

/**
 * A workflow whose trigger feeds several independent chains: trigger →
 * chain[0][0] → chain[0][1] …, trigger → chain[1][0] …. With n8n's v1
 * execution order the chains run one after another, each starting from the
 * trigger's single item.
 */
function fanOutWorkflow(name, trigger, chains, extra = {}) {
	const nodes = [trigger];
	const connections = {};
	const link = (from, to) => {
		connections[from.name] = connections[from.name] || { main: [[]] };
		connections[from.name].main[0].push({ node: to.name, type: 'main', index: 0 });
	};
	chains.forEach((chain, row) => {
		chain.forEach((node, col) => {
			node.position = [240 * (col + 1), 180 * row];
			nodes.push(node);
			link(col === 0 ? trigger : chain[col - 1], node);
		});
	});
	return { name, nodes, connections, settings: { executionOrder: 'v1' }, active: false, ...extra };
}

/**
 * Call `fn` until it returns a truthy value (returned) or the deadline
 * passes (throws, naming `what` and the last value seen).
 */
async function waitFor(what, fn, { timeoutMs = 30000, intervalMs = 250 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		last = await fn();
		if (last) return last;
		if (Date.now() > deadline) {
			let shown;
			try {
				shown = JSON.stringify(last);
			} catch {
				shown = String(last);
			}
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(shown).slice(0, 500)})`);
		}
		await sleep(intervalMs);
	}
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A short, stable stand-in for a secret, so assertions never print the secret itself. */
function fingerprint(secret) {
	if (secret === undefined || secret === null || secret === '') return '(empty)';
	return crypto.createHash('sha256').update(String(secret)).digest('hex').slice(0, 12);
}

/** Open API requests the sandbox logged after `fromIndex`, optionally of one endpoint (name after /openapi/). */
function apiRequests(sandbox, fromIndex = 0, endpoint) {
	return sandbox.requests
		.slice(fromIndex)
		.filter((r) => r.path.startsWith(`${API}/`) && (!endpoint || r.path === `${API}/${endpoint}`));
}

/** The JSON body a logged request carried. */
function bodyOf(request) {
	return request.rawBody ? JSON.parse(request.rawBody) : undefined;
}

/**
 * A credential's stored data as n8n has it now, decrypted with the
 * instance key (`n8n export:credentials --id --decrypted`). The export file
 * is removed at once; callers compare secrets by fingerprint only.
 */
async function exportCredentialData(inst, id) {
	const file = path.join(inst.userFolder, 'harness-tmp', `export-${id}-${Date.now()}.json`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	try {
		await inst.cliOrThrow(['export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`]);
		const [exported] = JSON.parse(fs.readFileSync(file, 'utf8'));
		return exported.data;
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/**
 * What a merchant does on the Trustoo consent page: open it, keep the
 * form's fields, pick a shop, press Approve. Returns the URL the browser is
 * sent to (the redirect URI with ?code=…&state=…) and the page's HTML.
 */
async function approveOnConsentPage(authorizeUrl, { shopIndex = 0, decision = 'approve' } = {}) {
	const page = await fetch(authorizeUrl, { signal: AbortSignal.timeout(10000) });
	const html = await page.text();
	if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html.slice(0, 500)}`);
	const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
	if (!form) throw new Error(`no form on the consent page: ${html.slice(0, 500)}`);
	const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
	const fields = [...form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], unescape(m[2])]);
	const shops = [...form[2].matchAll(/<input type="radio" name="shop" value="([^"]+)"/g)].map((m) => m[1]);
	if (!shops.includes(String(shopIndex))) throw new Error(`the consent page offers shops ${shops.join(', ')}, not ${shopIndex}`);
	const answer = await fetch(new URL(unescape(form[1]), authorizeUrl), {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams([...fields, ['shop', String(shopIndex)], ['decision', decision]]).toString(),
		redirect: 'manual',
		signal: AbortSignal.timeout(10000),
	});
	const location = answer.headers.get('location');
	if (answer.status !== 302 || !location) throw new Error(`approving answered ${answer.status} without a redirect`);
	return { redirectedTo: new URL(location), html };
}

/** POST a JSON body to the sandbox's Open API directly (a call outside n8n); returns the envelope. */
async function callTrustoo(sandbox, endpoint, body) {
	const res = await fetch(`${sandbox.url}${API}/${endpoint}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(10000),
	});
	return res.json();
}

/** One line per failed `n8n execute`, for a readable assertion message. */
function describeRun(run) {
	const error = run.error || {};
	return `exit ${run.code}; error: ${error.message || '(none)'}; ${error.description || ''}\n--- stdout (tail) ---\n${String(run.stdout).slice(-2500)}\n--- stderr (tail) ---\n${String(run.stderr).slice(-2500)}`;
}

/** Fails with the CLI's output when an execution did not succeed. */
function expectSuccess(run) {
	if (!run.ok) throw new Error(`n8n execute did not succeed: ${describeRun(run)}`);
	return run;
}

module.exports = {
	API,
	NODE_TYPES,
	REPO_DIR,
	packTrustoo,
	credentialRef,
	shopCredential,
	trustooNode,
	fanOutWorkflow,
	waitFor,
	sleep,
	fingerprint,
	apiRequests,
	bodyOf,
	exportCredentialData,
	approveOnConsentPage,
	callTrustoo,
	describeRun,
	expectSuccess,
};
