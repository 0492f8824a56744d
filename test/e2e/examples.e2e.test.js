'use strict';

// The workflows in examples/, in every pinned n8n version (N8N_E2E_VERSIONS to pick), with the
// packed package installed the way n8n's community-package installer does it. One n8n instance
// and one Trustoo sandbox per version.
//
// 1. Import every file with `n8n import:workflow`, export it back with `n8n export:workflow` and
//    compare: nothing dropped or rewritten.
// 2. With the server running: n8n knows every node type in the version the file names
//    (POST /rest/node-types), and every parameter in the file survives n8n's own parameter
//    resolution for that node version (n8n-workflow's NodeHelpers of that n8n), with no
//    parameter issues and only credential types the node accepts.
// 3. Run what needs no third-party service against the sandbox:
//    - the demo workflow and the Sheets export minus its Google Sheets node, with `n8n execute`;
//    - the two trigger workflows, activated against the sandbox, with each third-party node
//      (Slack, Zendesk, Klaviyo, Send Email) replaced by a Set node of the same name that
//      evaluates the same expressions, so the texts they would send are checked;
//    - the AI agent, with a local stand-in for the OpenAI API that calls both Trustoo tools.

const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const { versions, createInstance, disposeInstance, packPackage, N8nInstance, TIMEOUTS, progress } = require('./harness');
const { startSandbox } = require('../../sandbox');
const { allPages, signedCall } = require('../sandbox/helpers/client');

const REPO = path.resolve(__dirname, '..', '..');
const EXAMPLES_DIR = path.join(REPO, 'examples');
const EXAMPLES = Object.fromEntries(
	fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => [f, JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8'))]),
);
const byFile = (file) => {
	if (!EXAMPLES[file]) throw new Error(`examples/${file} is missing`);
	return EXAMPLES[file];
};

const THIRD_PARTY = new Set([
	'n8n-nodes-base.slack',
	'n8n-nodes-base.zendesk',
	'n8n-nodes-base.httpRequest',
	'n8n-nodes-base.emailSend',
	'n8n-nodes-base.googleSheets',
]);

// ---------------------------------------------------------------------------------------------
// Variants of the examples that run without third-party services

const clone = (value) => JSON.parse(JSON.stringify(value));

/** Every string parameter that is an expression, by its path ("otherOptions.replyTo"). */
function expressionParameters(value, prefix = '', out = []) {
	if (typeof value === 'string') {
		if (value.startsWith('=')) out.push([prefix, value]);
	} else if (Array.isArray(value)) {
		value.forEach((v, i) => expressionParameters(v, `${prefix}[${i}]`, out));
	} else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) expressionParameters(v, prefix ? `${prefix}.${k}` : k, out);
	}
	return out;
}

/**
 * A Set node with the same name and place as `node` that outputs what each of its expression
 * parameters evaluates to, one field per parameter path (e.g. Slack's `text`). Connections and
 * `$('Node name')` references keep working, and an expression that fails fails the run.
 */
function standIn(node) {
	return {
		id: node.id,
		name: node.name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: node.position,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: expressionParameters(node.parameters).map(([name, value]) => ({
					id: crypto.randomUUID(),
					name,
					value,
					type: 'string',
				})),
			},
			options: { dotNotation: false },
		},
	};
}

function variant(original, { id, suffix, mapNode = (n) => n, dropNodes = [] }) {
	const wf = clone(original);
	wf.id = id;
	wf.name = `${wf.name} (${suffix})`;
	wf.nodes = wf.nodes.filter((n) => !dropNodes.includes(n.name)).map((n) => mapNode(n));
	for (const [from, outputs] of Object.entries(wf.connections)) {
		if (dropNodes.includes(from)) {
			delete wf.connections[from];
			continue;
		}
		for (const type of Object.keys(outputs)) {
			outputs[type] = outputs[type].map((list) => list.filter((c) => !dropNodes.includes(c.node)));
		}
	}
	return wf;
}

/** A trigger workflow with fresh webhook ids and every third-party node replaced by a stand-in. */
function runnableTriggerVariant(original, id) {
	return variant(original, {
		id,
		suffix: 'e2e, stand-ins for third-party nodes',
		mapNode: (n) => {
			if (THIRD_PARTY.has(n.type)) return standIn(n);
			return n.webhookId ? { ...n, webhookId: crypto.randomUUID() } : n;
		},
	});
}

// ---------------------------------------------------------------------------------------------
// Checking a node against n8n's own description of its type

/** The given parameters, recursively, must be in what n8n resolved, with the same values. */
function compareWithResolved(given, resolved, prefix, problems) {
	if (Array.isArray(given)) {
		if (!Array.isArray(resolved) || resolved.length !== given.length) {
			problems.push(`${prefix}: n8n resolved ${JSON.stringify(resolved)}, the file has ${JSON.stringify(given)}`);
			return;
		}
		given.forEach((g, i) => compareWithResolved(g, resolved[i], `${prefix}[${i}]`, problems));
		return;
	}
	if (given && typeof given === 'object') {
		if (!resolved || typeof resolved !== 'object') {
			problems.push(`${prefix}: n8n resolved ${JSON.stringify(resolved)}, the file has an object`);
			return;
		}
		for (const [k, v] of Object.entries(given)) {
			const p = prefix ? `${prefix}.${k}` : k;
			if (!(k in resolved)) problems.push(`${p}: not a parameter n8n keeps (unknown name, or hidden by its display options)`);
			else compareWithResolved(v, resolved[k], p, problems);
		}
		return;
	}
	if (!isDeepStrictEqual(given, resolved)) {
		problems.push(`${prefix}: n8n resolved ${JSON.stringify(resolved)}, the file has ${JSON.stringify(given)}`);
	}
}

/** Which credential types the node accepts with these parameters. */
function acceptedCredentialTypes(NodeHelpers, description, node, resolved) {
	const types = (description.credentials || [])
		.filter((c) => !c.displayOptions || NodeHelpers.displayParameter(resolved, c, node, description))
		.map((c) => c.name);
	// HTTP Request: "Generic Credential Type" names the credential type in a parameter.
	if (resolved.authentication === 'genericCredentialType' && resolved.genericAuthType) types.push(resolved.genericAuthType);
	if (resolved.authentication === 'predefinedCredentialType' && resolved.nodeCredentialType) types.push(resolved.nodeCredentialType);
	return types;
}

function nodeProblems(NodeHelpers, description, node) {
	const problems = [];
	const versionsOfType = [].concat(description.version);
	if (!versionsOfType.includes(node.typeVersion)) {
		problems.push(`typeVersion ${node.typeVersion} is not one of ${versionsOfType.join(', ')}`);
		return problems;
	}
	const resolved = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description);
	compareWithResolved(node.parameters, resolved, '', problems);
	const issues = NodeHelpers.getNodeParametersIssues(description.properties, { ...node, parameters: resolved }, description);
	if (issues) problems.push(`parameter issues: ${JSON.stringify(issues.parameters || issues)}`);
	const accepted = acceptedCredentialTypes(NodeHelpers, description, node, resolved);
	for (const type of Object.keys(node.credentials || {})) {
		if (!accepted.includes(type)) problems.push(`credential type ${type} is not one the node accepts here (${accepted.join(', ') || 'none'})`);
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------
// A stand-in for the OpenAI Chat Completions API: first answer calls every tool offered with the
// product id, the second summarises what the tools returned.

function startOpenAiStub(productId) {
	const requests = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (d) => {
			raw += d;
		});
		req.on('end', () => {
			let body = {};
			try {
				body = JSON.parse(raw || '{}');
			} catch {
				// keep {}
			}
			requests.push({ method: req.method, url: req.url, body });
			if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `stub: no ${req.method} ${req.url}` } }));
				return;
			}
			const messages = body.messages || [];
			const toolMessages = messages.filter((m) => m.role === 'tool');
			let message;
			if (toolMessages.length === 0) {
				message = {
					role: 'assistant',
					content: null,
					tool_calls: (body.tools || []).map((t, i) => ({
						id: `call_${i + 1}`,
						type: 'function',
						function: { name: t.function.name, arguments: JSON.stringify({ product_id: productId }) },
					})),
				};
			} else {
				message = { role: 'assistant', content: `STUB SUMMARY of ${toolMessages.length} tool results` };
			}
			const finish = message.tool_calls ? 'tool_calls' : 'stop';
			const base = { id: `chatcmpl-${requests.length}`, created: Math.floor(Date.now() / 1000), model: body.model || 'stub' };
			const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
			if (body.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
				const send = (chunk) => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', ...chunk })}\n\n`);
				const delta = message.tool_calls
					? { role: 'assistant', tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })) }
					: { role: 'assistant', content: message.content };
				send({ choices: [{ index: 0, delta, finish_reason: null }] });
				send({ choices: [{ index: 0, delta: {}, finish_reason: finish }], usage });
				res.end('data: [DONE]\n\n');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage }));
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			resolve({
				url: `http://127.0.0.1:${server.address().port}/v1`,
				requests,
				close: () => new Promise((r) => server.close(r)),
			});
		});
	});
}

// ---------------------------------------------------------------------------------------------

let packed;
/** The package tarball, packed once for every version (build first: npm run build). */
function packedPackage() {
	if (!packed) {
		if (!fs.existsSync(path.join(REPO, 'dist', 'nodes', 'Trustoo', 'Trustoo.node.js'))) {
			throw new Error('dist/ is missing: run `npm run build` before the e2e tests');
		}
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustoo-examples-pack-'));
		packed = { dir, tarball: packPackage(REPO, dir) };
	}
	return packed.tarball;
}
afterAll(() => {
	if (packed) fs.rmSync(packed.dir, { recursive: true, force: true });
});

/** Credentials with the ids and names the examples reference: Trustoo -> sandbox, OpenAI -> stub. */
function credentialsFor(sandbox, openAiUrl) {
	const shop = sandbox.shops[0];
	const data = {
		trustooApi: { publicToken: shop.publicToken, privateToken: shop.privateToken, baseUrl: sandbox.url },
		openAiApi: { apiKey: 'sk-e2e-stub', url: openAiUrl },
		httpHeaderAuth: { name: 'Authorization', value: 'Klaviyo-API-Key pk_e2e_placeholder' },
	};
	const seen = new Map();
	for (const wf of Object.values(EXAMPLES)) {
		for (const node of wf.nodes) {
			for (const [type, ref] of Object.entries(node.credentials || {})) {
				seen.set(ref.id, { id: ref.id, name: ref.name, type, data: data[type] || { placeholder: 'e2e' } });
			}
		}
	}
	return [...seen.values()];
}

async function waitFor(what, check, { timeoutMs = 60000, intervalMs = 250 } = {}) {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

const outputOf = (execution, nodeName) => {
	const runs = execution.runData && execution.runData[nodeName];
	if (!runs || !runs.length) return undefined;
	const main = runs[runs.length - 1].data && runs[runs.length - 1].data.main;
	return main && main[0] ? main[0].map((i) => i.json) : [];
};

describe.each(versions)('examples/ in n8n %s', (version) => {
	let inst;
	let sandbox;
	let openAi;
	let n8nWorkflow; // that n8n's own n8n-workflow module
	const timings = {};
	let started;

	const run = {
		sheets: variant(byFile('reviews-to-google-sheets.json'), {
			id: 'TrustooSheetRun1',
			suffix: 'e2e, ends at Sheet row',
			dropNodes: ['Append or update rows'],
		}),
		negative: runnableTriggerVariant(byFile('negative-review-alert.json'), 'TrustooNegRun001'),
		fiveStar: runnableTriggerVariant(byFile('five-star-thank-you.json'), 'TrustooFiveRun01'),
		agent: variant(byFile('ai-review-trends-agent.json'), {
			id: 'TrustooAiRun0001',
			suffix: 'e2e, public chat, stub model',
			mapNode: (n) => {
				if (n.type === '@n8n/n8n-nodes-langchain.chatTrigger') {
					return { ...n, webhookId: crypto.randomUUID(), parameters: { ...n.parameters, public: true } };
				}
				// The stub speaks Chat Completions, not the Responses API the example's model uses.
				if (n.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi') return { ...n, parameters: { ...n.parameters, responsesApiEnabled: false } };
				return n;
			},
		}),
	};

	beforeAll(async () => {
		started = Date.now();
		const t = started;
		sandbox = await startSandbox({ seed: 1 });
		openAi = await startOpenAiStub(sandbox.shops[0].products[0].id);
		inst = await createInstance({ version });
		await inst.installPackage(await packedPackage());
		n8nWorkflow = require(path.join(inst.install.dir, 'node_modules', 'n8n-workflow'));
		await inst.importCredentials(credentialsFor(sandbox, openAi.url));
		timings.setup = Date.now() - t;
	}, TIMEOUTS.install);

	afterAll(async () => {
		await disposeInstance(inst);
		if (openAi) await openAi.close();
		if (sandbox) await sandbox.close();
		const parts = Object.entries(timings).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`);
		progress(`examples on n8n ${version}: ${((Date.now() - started) / 1000).toFixed(1)} s (${parts.join(', ')})`);
	}, TIMEOUTS.cli);

	test(
		'imports every example and exports it back unchanged',
		async () => {
			const t = Date.now();
			const all = [...Object.values(EXAMPLES), ...Object.values(run)];
			await inst.importWorkflow(all);
			const out = path.join(inst.userFolder, 'harness-tmp', 'exported.json');
			await inst.cliOrThrow(['export:workflow', '--all', `--output=${out}`]);
			const exported = new Map(JSON.parse(fs.readFileSync(out, 'utf8')).map((wf) => [wf.id, wf]));
			timings.importExport = Date.now() - t;

			for (const [file, wf] of Object.entries(EXAMPLES)) {
				const back = exported.get(wf.id);
				expect({ file, found: !!back }).toEqual({ file, found: true });
				expect({ file, name: back.name }).toEqual({ file, name: wf.name });
				expect({ file, nodes: back.nodes.map((n) => n.name).sort() }).toEqual({ file, nodes: wf.nodes.map((n) => n.name).sort() });
				for (const node of wf.nodes) {
					const got = back.nodes.find((n) => n.name === node.name);
					const pick = (n) => ({
						file,
						node: n.name,
						id: n.id,
						type: n.type,
						typeVersion: n.typeVersion,
						position: n.position,
						webhookId: n.webhookId,
						parameters: n.parameters,
						credentials: n.credentials,
					});
					expect(pick(got)).toEqual(pick(node));
				}
				expect({ file, connections: back.connections }).toEqual({ file, connections: wf.connections });
			}
		},
		TIMEOUTS.server,
	);

	test(
		'the demo workflow runs with the CLI and returns the sandbox’s newest reviews and store rating',
		async () => {
			const t = Date.now();
			const demo = byFile('demo-latest-reviews.json');
			const execution = await inst.execute(demo.id);
			timings.demo = Date.now() - t;
			if (!execution.ok) throw new Error(`execute failed (exit ${execution.code})\n${execution.stdout.slice(-3000)}\n${execution.stderr.slice(-3000)}`);

			const newest = await signedCall(sandbox, { path: 'get_reviews', query: { sort_by: 'created-descending', page: 1, page_size: 10 } });
			const reviews = N8nInstance.nodeOutput(execution, 'Latest reviews');
			expect(reviews.map((r) => r.id)).toEqual(newest.json.data.list.map((r) => String(r.id)));
			expect(reviews.map((r) => r.rating)).toEqual(newest.json.data.list.map((r) => Number(r.rating)));
			expect(reviews[0]).toEqual(
				expect.objectContaining({ title: newest.json.data.list[0].title, author: newest.json.data.list[0].author, media_urls: expect.any(Array) }),
			);

			const store = (await signedCall(sandbox, { path: 'get_rating', query: { is_store_rating: 1 } })).json.data;
			const [rating] = N8nInstance.nodeOutput(execution, 'Store rating');
			expect(rating.rating_value).toBe(Number(store.rating_value));
			expect(rating.review_count).toBe(Number(store.review_count));
			expect(rating.star5_count).toBe(Number(store.star5_count));
		},
		TIMEOUTS.cli,
	);

	test(
		'the Google Sheets export (up to its Sheet row node) turns every sandbox review into one row',
		async () => {
			const t = Date.now();
			const execution = await inst.execute(run.sheets.id);
			timings.sheets = Date.now() - t;
			if (!execution.ok) throw new Error(`execute failed (exit ${execution.code})\n${execution.stdout.slice(-3000)}\n${execution.stderr.slice(-3000)}`);

			const { items } = await allPages(sandbox, 'get_reviews', { sort_by: 'created-descending' }, 100);
			expect(items.length).toBeGreaterThan(100); // more than one page: Return All pages through
			const rows = N8nInstance.nodeOutput(execution, 'Sheet row');
			const expected = items.map((r) => {
				const store = String(r.product_id) === '0' || r.product_id === '';
				return {
					id: String(r.id),
					rating: Number(r.rating),
					title: r.title || '',
					content: r.content || '',
					author: r.author || '',
					author_email: r.author_email || '',
					author_country: r.author_country || '',
					review_type: store ? 'store' : 'product',
					product_id: store ? '' : String(r.product_id),
					verified_buyer: Number(r.is_verified) === 1 ? 'yes' : 'no',
					source: r.source || '',
					commented_at: r.commented_at || '',
					media_urls: (r.media || []).map((m) => m.url).join(' '),
					reply: r.reply && r.reply.content ? r.reply.content : '',
				};
			});
			expect(rows).toEqual(expected);
			// The Sheets node's column schema is exactly what Sheet row writes, in that order.
			const sheets = byFile('reviews-to-google-sheets.json').nodes.find((n) => n.type === 'n8n-nodes-base.googleSheets');
			expect(sheets.parameters.columns.schema.map((c) => c.id)).toEqual(Object.keys(rows[0]));
			expect(sheets.parameters.columns.matchingColumns).toEqual(['id']);
		},
		TIMEOUTS.cli,
	);

	test(
		'server: n8n knows every node type and version, and keeps every parameter and credential of every example',
		async () => {
			let t = Date.now();
			await inst.start();
			timings.boot = Date.now() - t;
			await inst.setupOwner();
			await inst.login();
			t = Date.now();

			// The node descriptions the editor loads (GET /types/nodes.json): every node type in every
			// version, including the "…Tool" variants n8n makes of nodes marked usableAsTool, which
			// POST /rest/node-types does not describe.
			const res = await inst.request('GET', '/types/nodes.json');
			const known = Array.isArray(res.body) ? res.body : JSON.parse(res.body);
			const describeType = (name, typeVersion) =>
				known.find((d) => [name, name.split('.').pop()].includes(d.name) && [].concat(d.version).includes(typeVersion)) || null;
			expect(known.length).toBeGreaterThan(100);
			// The check can fail: an unknown type, or an unknown version, is not described.
			expect(describeType('n8n-nodes-trustoo.noSuchNode', 1)).toBeNull();
			expect(describeType('n8n-nodes-trustoo.trustoo', 99)).toBeNull();

			const problems = [];
			for (const [file, wf] of Object.entries(EXAMPLES)) {
				const stored = await inst.getWorkflow(wf.id);
				expect(stored.nodes).toHaveLength(wf.nodes.length);
				for (const node of wf.nodes) {
					const description = describeType(node.type, node.typeVersion);
					if (!description) {
						problems.push(`${file} / ${node.name}: n8n ${version} does not know ${node.type} version ${node.typeVersion}`);
						continue;
					}
					for (const p of nodeProblems(n8nWorkflow.NodeHelpers, description, node)) problems.push(`${file} / ${node.name}: ${p}`);
				}
			}
			timings.nodeTypes = Date.now() - t;
			expect(problems).toEqual([]);
		},
		TIMEOUTS.server,
	);

	test(
		'trigger examples, activated against the sandbox: a 1-star review alerts, 5-star reviews get the thank-you',
		async () => {
			expect(inst.running).toBe(true);
			const t = Date.now();
			const product = sandbox.shops[0].products[1];
			await inst.activateWorkflow(run.negative.id);
			await inst.activateWorkflow(run.fiveStar.id);
			const hookOf = (wf) => wf.nodes.find((n) => n.type === 'n8n-nodes-trustoo.trustooTrigger').webhookId;
			const subscribed = sandbox.webhooks().map((w) => w.url);
			for (const wf of [run.negative, run.fiveStar]) {
				expect(subscribed).toContain(`${inst.baseUrl}/webhook/${hookOf(wf)}/webhook?topic=review%2Fcreated`);
			}

			const bad = sandbox.createReview(0, {
				rating: 1,
				author: 'Nora Négative',
				author_email: 'nora@example.com',
				author_country: 'DE',
				title: 'Broke after a day',
				content: 'The strap broke after one day 😞',
				product_id: product.id,
			});
			const good = sandbox.createReview(0, {
				rating: 5,
				author: 'Paula Positive',
				author_email: 'paula@example.com',
				title: 'Love it',
				content: 'Perfect fit ✨',
				product_id: product.id,
			});
			const noEmail = sandbox.createReview(0, { rating: 5, author: 'Anonymous', content: 'Great' });

			await waitFor('every delivery to be acknowledged', () => {
				const ours = sandbox.deliveries.filter((d) => d.url.startsWith(inst.baseUrl));
				return ours.length === 6 && ours.every((d) => d.done && d.acknowledged);
			});
			const finished = async (wf, count) =>
				waitFor(`${count} finished execution(s) of ${wf.name}`, async () => {
					const list = await inst.listExecutions({ workflowId: wf.id });
					return list.length >= count && list.every((e) => e.status !== 'running' && e.status !== 'new') ? list : null;
				});
			const negatives = await finished(run.negative, 1);
			const fives = await finished(run.fiveStar, 2);
			timings.triggers = Date.now() - t;
			expect(negatives).toHaveLength(1); // the two 5-star reviews were filtered out
			expect(fives).toHaveLength(2); // the 1-star review was filtered out
			for (const e of [...negatives, ...fives]) expect({ id: e.id, status: e.status, mode: e.mode }).toEqual({ id: e.id, status: 'success', mode: 'webhook' });

			// Negative review -> Slack text and Zendesk ticket
			const alert = await inst.getExecution(negatives[0].id);
			const [delivered] = outputOf(alert, 'New negative review');
			expect(delivered).toEqual(
				expect.objectContaining({ id: String(bad.id), rating: 1, product_title: product.title, author_email: 'nora@example.com' }),
			);
			const [slack] = outputOf(alert, 'Alert #support in Slack');
			expect(slack.text).toContain('*1-star review* of *' + product.title + '*');
			expect(slack.text).toContain('>The strap broke after one day 😞');
			expect(slack.text).toContain('by Nora Négative (nora@example.com), DE');
			expect(slack.text).toContain(`Trustoo review ${bad.id}`);
			const [ticket] = outputOf(alert, 'Open Zendesk ticket');
			expect(ticket.description).toContain('Review: The strap broke after one day 😞');
			expect(ticket.description).toContain(`Product: ${product.title} (ID ${product.id}`);
			expect(JSON.parse(ticket.additionalFieldsJson)).toEqual({
				subject: '1-star review: Broke after a day',
				priority: 'high',
				tags: ['trustoo', 'negative_review', 'rating_1'],
				external_id: `trustoo-review-${bad.id}`,
				requester: { name: 'Nora Négative', email: 'nora@example.com' },
			});

			// 5-star review with an email -> Klaviyo subscription and thank-you email
			const details = await Promise.all(fives.map((e) => inst.getExecution(e.id)));
			const triggeredBy = (e) => outputOf(e, 'New 5-star review')[0].id;
			const thanked = details.find((e) => triggeredBy(e) === String(good.id));
			const skipped = details.find((e) => triggeredBy(e) === String(noEmail.id));
			expect(thanked && skipped).toBeTruthy();
			const [settings] = outputOf(thanked, 'Settings (edit me)');
			const [klaviyo] = outputOf(thanked, 'Subscribe in Klaviyo');
			expect(JSON.parse(klaviyo.body)).toEqual({
				data: {
					type: 'profile-subscription-bulk-create-job',
					attributes: {
						custom_source: 'Trustoo 5-star review',
						profiles: {
							data: [{ type: 'profile', attributes: { email: 'paula@example.com', subscriptions: { email: { marketing: { consent: 'SUBSCRIBED' } } } } }],
						},
					},
					relationships: { list: { data: { type: 'list', id: settings.klaviyo_list_id } } },
				},
			});
			const [email] = outputOf(thanked, 'Send thank-you email');
			expect(email.toEmail).toBe('paula@example.com');
			expect(email.fromEmail).toBe(`${settings.shop_name} <${settings.from_email}>`);
			expect(email.subject).toBe(`Thank you for your review, Paula Positive! Here is ${settings.coupon_value}`);
			expect(email.html).toContain(`<b>${product.title}</b> (“Love it”)`);
			expect(email.html).toContain(`<b style="font-size:1.2em">${settings.coupon_code}</b>`);
			// ...and one without an email stops at the filter.
			expect(outputOf(skipped, 'Has an email address')).toEqual([]);
			expect(outputOf(skipped, 'Send thank-you email')).toBeUndefined();

			await inst.deactivateWorkflow(run.negative.id);
			await inst.deactivateWorkflow(run.fiveStar.id);
			const left = sandbox.webhooks().filter((w) => w.url.startsWith(inst.baseUrl));
			expect(left).toEqual([]);
		},
		TIMEOUTS.server,
	);

	test(
		'the AI agent calls both Trustoo tools with the product id the model chose and gets the sandbox’s data',
		async () => {
			expect(inst.running).toBe(true);
			const t = Date.now();
			const productId = sandbox.shops[0].products[0].id;
			await inst.activateWorkflow(run.agent.id);
			const hook = run.agent.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.chatTrigger').webhookId;
			sandbox.clearRequests();
			const res = await fetch(`${inst.baseUrl}/webhook/${hook}/chat`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ action: 'sendMessage', sessionId: 'e2e-session', chatInput: `How are the reviews of product ${productId} trending?` }),
				signal: AbortSignal.timeout(120000),
			});
			const text = await res.text();
			timings.agent = Date.now() - t;
			expect({ status: res.status, text }).toEqual({ status: 200, text: expect.any(String) });
			expect(JSON.parse(text)).toEqual(expect.objectContaining({ output: 'STUB SUMMARY of 2 tool results' }));

			// The model saw both tools, with the system message, and got their results back.
			const calls = openAi.requests.filter((r) => r.url.endsWith('/chat/completions'));
			expect(calls).toHaveLength(2);
			const toolNames = calls[0].body.tools.map((tool) => tool.function.name).sort();
			expect(toolNames).toEqual(['Get_product_rating', 'Get_product_reviews']);
			for (const tool of calls[0].body.tools) expect(Object.keys(tool.function.parameters.properties)).toEqual(['product_id']);
			expect(calls[0].body.messages[0]).toEqual(expect.objectContaining({ role: 'system', content: expect.stringContaining('Trustoo') }));
			const results = Object.fromEntries(
				calls[1].body.messages.filter((m) => m.role === 'tool').map((m) => {
					const call = calls[1].body.messages.flatMap((x) => x.tool_calls || []).find((c) => c.id === m.tool_call_id);
					return [call.function.name, JSON.parse(m.content)];
				}),
			);
			const rows = (value) => (Array.isArray(value) ? value : [value]);

			// The tools read the sandbox with the id from $fromAI.
			const rating = (await signedCall(sandbox, { path: 'get_rating', query: { product_id: productId } })).json.data;
			expect(rows(results.Get_product_rating)[0]).toEqual(
				expect.objectContaining({ rating_value: Number(rating.rating_value), review_count: Number(rating.review_count) }),
			);
			const newest = await signedCall(sandbox, {
				path: 'get_reviews',
				query: { 'product_ids[0]': productId, sort_by: 'created-descending', page: 1, page_size: 100 },
			});
			expect(rows(results.Get_product_reviews).map((r) => r.id)).toEqual(newest.json.data.list.map((r) => String(r.id)));
			const asked = sandbox.requests.filter((r) => r.path.endsWith('/get_rating') || r.path.endsWith('/get_reviews'));
			expect(asked.filter((r) => r.authOk).length).toBeGreaterThanOrEqual(2);

			await inst.deactivateWorkflow(run.agent.id);
		},
		TIMEOUTS.server,
	);
});
