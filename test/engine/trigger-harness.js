'use strict';
/**
 * Runs the two trigger nodes the way n8n's server does, through n8n-core's real contexts:
 * - webhookMethods through HookContext (activation, restart, deactivation, test listening),
 * - webhook() through WebhookContext, fed by a real HTTP server on 127.0.0.1 whose requests get
 *   `rawBody`, `body` and `query` the way n8n's body parser sets them,
 * - poll() through PollContext.
 * What n8n's server does around those calls is reproduced from n8n 2.8.4's source and cited per
 * method: when static data is saved (only when it changed), the answer n8n writes itself when a
 * node does not, and how a test listener is registered and torn down. Credentials come from the
 * sandbox through the lead's CredentialStore, which applies our credentials' own `authenticate`.
 */
const http = require('http');
const path = require('path');
const { Workflow, jsonParse } = require('n8n-workflow');
const { HookContext, WebhookContext, PollContext, parseIncomingMessage } = require('n8n-core');
// n8n-core resolves its logger from its own copies of these packages.
const fromCore = (name) => require(require.resolve(name, { paths: [path.dirname(require.resolve('n8n-core'))] }));
const { Container } = fromCore('@n8n/di');
const { Logger } = fromCore('@n8n/backend-common');
const { CredentialStore, NodeTypes, shopCredentials } = require('./harness');

const DIST = path.join(__dirname, '..', '..', 'dist');
const { TrustooTrigger } = require(path.join(DIST, 'nodes/TrustooTrigger/TrustooTrigger.node.js'));
const { TrustooPollTrigger } = require(path.join(DIST, 'nodes/TrustooPollTrigger/TrustooPollTrigger.node.js'));

const { randomUUID } = require('crypto');

/** Every log line the nodes write, instead of n8n's console logger. */
class CapturingLogger {
	constructor() {
		this.entries = [];
		for (const level of ['error', 'warn', 'info', 'debug', 'verbose']) {
			this[level] = (message, meta) => this.entries.push({ level, message: String(message), meta });
		}
	}

	scoped() {
		return this;
	}

	of(level) {
		return this.entries.filter((entry) => entry.level === level).map((entry) => entry.message);
	}

	clear() {
		this.entries.length = 0;
	}
}

/** One logger for the test file: contexts resolve it from n8n's container when they first log. */
const logger = new CapturingLogger();
Container.set(Logger, logger);

function clone(value) {
	return JSON.parse(JSON.stringify(value ?? {}));
}

function credentialType(parameters) {
	return parameters.authentication === 'oAuth2' ? 'trustooOAuth2Api' : 'trustooApi';
}

/** What both harnesses share: one trigger node in a workflow, its credentials and "database". */
class BaseHarness {
	constructor({ sandbox, parameters, credentials, nodeType, typeName, nodeName }) {
		this.sandbox = sandbox;
		this.parameters = parameters;
		this.credentials = new CredentialStore(credentials ?? { trustooApi: shopCredentials(sandbox) });
		this.nodeTypes = new NodeTypes({ [typeName]: nodeType });
		// Every harness is another workflow, as far as anything kept per workflow is concerned.
		this.workflowId = `wf-${randomUUID()}`;
		this.webhookId = randomUUID();
		this.node = {
			id: 'trigger-node',
			name: nodeName,
			type: typeName,
			typeVersion: 1,
			position: [0, 0],
			webhookId: this.webhookId,
			parameters,
			credentials: { [credentialType(parameters)]: { id: '1', name: 'Trustoo test credential' } },
		};
		/** The workflow's static data as n8n's database holds it. */
		this.savedStaticData = {};
		this.logger = logger;
	}

	/** A Workflow as n8n builds one from the database row (static data deep-copied from the DB). */
	loadWorkflow({ active = true, staticData = clone(this.savedStaticData) } = {}) {
		return new Workflow({
			id: this.workflowId,
			name: 'trigger test',
			nodes: [{ ...this.node, parameters: this.parameters }],
			connections: {},
			active,
			nodeTypes: this.nodeTypes,
			staticData,
			settings: { executionOrder: 'v1' },
		});
	}

	/** WorkflowStaticDataService.saveStaticData: written only when n8n's ObservableObject saw a change. */
	persist(workflow) {
		if (workflow.staticData.__dataChanged === true) {
			this.savedStaticData = clone(workflow.staticData);
			workflow.staticData.__dataChanged = false;
		}
	}

	nodeStaticData() {
		return this.savedStaticData[`node:${this.node.name}`] ?? {};
	}

	additionalData(extra = {}) {
		return {
			credentialsHelper: this.credentials,
			restApiUrl: 'http://127.0.0.1/rest',
			instanceBaseUrl: 'http://127.0.0.1/',
			formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
			webhookBaseUrl: `${this.origin ?? 'http://127.0.0.1'}/webhook`,
			webhookWaitingBaseUrl: `${this.origin ?? 'http://127.0.0.1'}/webhook-waiting`,
			webhookTestBaseUrl: `${this.origin ?? 'http://127.0.0.1'}/webhook-test`,
			variables: {},
			currentNodeExecutionIndex: 0,
			executeWorkflow: async () => {
				throw new Error('not used');
			},
			getRunExecutionData: async () => undefined,
			logAiEvent: () => undefined,
			...extra,
		};
	}
}

/**
 * The instant trigger: an n8n "instance" with production and test webhook URLs on a real HTTP
 * server. `runs` lists every workflow start (mode and items); `responses` every answer it sent.
 */
class WebhookTriggerHarness extends BaseHarness {
	constructor(options) {
		super({ ...options, nodeType: new TrustooTrigger(), typeName: 'trustooTrigger', nodeName: 'Trustoo Trigger' });
		this.runs = [];
		this.responses = [];
		this.errors = [];
		this.active = false;
		this.testRegistration = undefined;
		this.sabotage = 0;
		this.inflight = new Set();
		this.server = http.createServer((req, res) => {
			const handling = this.handle(req, res)
				.catch((error) => {
					this.errors.push(error);
					if (!res.headersSent) res.writeHead(500).end();
				})
				.finally(() => this.inflight.delete(handling));
			this.inflight.add(handling);
		});
	}

	async start() {
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${this.server.address().port}`;
		return this;
	}

	async close() {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	get productionUrl() {
		return `${this.origin}/webhook/${this.webhookId}/webhook`;
	}

	get testUrl() {
		return `${this.origin}/webhook-test/${this.webhookId}/webhook`;
	}

	webhookData(workflow, additionalData, isTest) {
		const description = this.nodeTypes.getByNameAndVersion('trustooTrigger').description.webhooks[0];
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.webhookId,
			isTest,
		};
	}

	/** WebhookService.runWebhookMethod: a fresh HookContext per call. */
	async runHook(method, workflow, { mode, activation, isTest }) {
		const additionalData = this.additionalData();
		const context = new HookContext(workflow, workflow.getNode(this.node.name), additionalData, mode, activation, this.webhookData(workflow, additionalData, isTest));
		return await this.nodeTypes.getByNameAndVersion('trustooTrigger').webhookMethods.default[method].call(context);
	}

	/**
	 * ActiveWorkflowManager.add → addWebhooks: checkExists, create if needed; on failure n8n calls
	 * delete (clearWebhooks) and rethrows; static data is saved afterwards.
	 */
	async activate({ activation = 'activate', cleanUpOnFailure = true } = {}) {
		const workflow = this.loadWorkflow();
		const options = { mode: 'trigger', activation, isTest: false };
		let existed;
		try {
			existed = await this.runHook('checkExists', workflow, options);
			if (!existed) await this.runHook('create', workflow, options);
		} catch (error) {
			if (cleanUpOnFailure) await this.deactivate({ quiet: true });
			throw error;
		}
		this.persist(workflow);
		this.active = true;
		return { existed };
	}

	/** n8n restarting: the workflow is re-added with activation "init" from the database row. */
	async restart() {
		this.active = false;
		return await this.activate({ activation: 'init' });
	}

	/** ActiveWorkflowManager.clearWebhooks: delete with mode "internal", activation "update". */
	async deactivate({ quiet = false } = {}) {
		this.active = false;
		const workflow = this.loadWorkflow();
		try {
			return await this.runHook('delete', workflow, { mode: 'internal', activation: 'update', isTest: false });
		} catch (error) {
			if (!quiet) throw error;
			this.errors.push(error);
			return false;
		} finally {
			this.persist(workflow);
		}
	}

	/**
	 * TestWebhooks.needsWebhook ("Listen for test event"): a workflow with empty static data,
	 * checkExists/create in mode "manual"; the registration keeps that static data for the call.
	 */
	async listen() {
		const workflow = this.loadWorkflow({ active: false, staticData: {} });
		const options = { mode: 'manual', activation: 'manual', isTest: true };
		if (!(await this.runHook('checkExists', workflow, options))) await this.runHook('create', workflow, options);
		this.testRegistration = { staticData: workflow.staticData };
	}

	/** TestWebhooks.deactivateWebhooks: delete with the registration's static data. */
	async stopListening() {
		const registration = this.testRegistration;
		this.testRegistration = undefined;
		const workflow = this.loadWorkflow({ active: false, staticData: {} });
		workflow.staticData = registration.staticData;
		return await this.runHook('delete', workflow, { mode: 'internal', activation: 'update', isTest: true });
	}

	/** Resolves once every request received so far is fully handled (the node acks before it enriches). */
	async idle() {
		while (this.inflight.size > 0) await Promise.all([...this.inflight]);
	}

	/** The next `count` answers never reach Trustoo (the connection drops after n8n has processed). */
	dropResponses(count) {
		this.sabotage = count;
	}

	async handle(req, res) {
		const url = new URL(req.url, this.origin);
		const isTest = url.pathname === `/webhook-test/${this.webhookId}/webhook`;
		const isProduction = url.pathname === `/webhook/${this.webhookId}/webhook`;
		if (req.method !== 'POST' || (!isTest && !isProduction) || (isProduction && !this.active) || (isTest && !this.testRegistration)) {
			res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"code":404,"message":"The requested webhook is not registered."}');
			return;
		}
		const raw = await readBody(req);
		const dropped = this.sabotage > 0;
		if (dropped) {
			this.sabotage -= 1;
			res.end = () => res.socket.destroy();
			res.writeHead = () => res;
		}
		const recorded = recordResponse(res);
		// rawBodyReader + parseBody (n8n middlewares/body-parser.js).
		parseIncomingMessage(req);
		req.rawBody = raw;
		req.query = queryObject(url.searchParams);
		req.params = {};
		if (raw.length && req.contentType === 'application/json') {
			try {
				req.body = jsonParse(raw.toString(req.encoding));
			} catch {
				res.writeHead(422, { 'Content-Type': 'application/json' }).end('{"code":422,"message":"Failed to parse request body"}');
				return;
			}
		} else {
			req.body = {};
		}

		// LiveWebhooks (mode "webhook", workflow from the database) or TestWebhooks (mode "manual",
		// the registration's static data).
		const workflow = this.loadWorkflow({ active: isProduction, staticData: isProduction ? undefined : {} });
		if (isTest) workflow.setTestStaticData(this.testRegistration.staticData);
		const mode = isTest ? 'manual' : 'webhook';
		const additionalData = this.additionalData({ httpRequest: req, httpResponse: res });
		const context = new WebhookContext(workflow, workflow.getNode(this.node.name), additionalData, mode, this.webhookData(workflow, additionalData, isTest), [], null);
		const result = await this.nodeTypes.getByNameAndVersion('trustooTrigger').webhook.call(context);

		// webhook-helpers executeWebhook: n8n answers only when the node did not.
		if (result.noWebhookResponse !== true) {
			const body = result.workflowData === undefined ? (result.webhookResponse ?? { message: 'Webhook call received' }) : { message: 'Workflow was started' };
			res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
		}
		if (isProduction) this.persist(workflow);
		this.responses.push({ isTest, dropped, query: req.query, ...(await recorded) });
		if (result.workflowData !== undefined) {
			this.runs.push({ mode, items: result.workflowData[0].map((item) => item.json) });
			// A test listener stops after the first delivery that started an execution.
			if (isTest) await this.stopListening();
		}
	}
}

/**
 * The polling trigger as ActiveWorkflows runs it: one long-lived Workflow per activation (so the
 * cursor lives in memory between polls), saved to the "database" only when a poll emits and after
 * activation (ActiveWorkflowManager.add), exactly when n8n saves it.
 */
class PollTriggerHarness extends BaseHarness {
	constructor(options) {
		super({ ...options, nodeType: new TrustooPollTrigger(), typeName: 'trustooPollTrigger', nodeName: 'Trustoo Poll Trigger' });
		this.runs = [];
		this.emittedErrors = [];
		this.workflow = undefined;
	}

	context(workflow, mode, activation) {
		return new PollContext(workflow, workflow.getNode(this.node.name), this.additionalData(), mode, activation);
	}

	/** ActiveWorkflows.activatePolling: the first poll runs at once and its errors fail activation. */
	async activate({ activation = 'activate' } = {}) {
		this.workflow = this.loadWorkflow();
		this.activation = activation;
		await this.tick({ testingTrigger: true });
		this.persist(this.workflow);
	}

	async restart() {
		await this.activate({ activation: 'init' });
	}

	/** createPollExecuteFn: emit → save static data, start the workflow; an error → emitError. */
	async tick({ testingTrigger = false } = {}) {
		const context = this.context(this.workflow, 'trigger', this.activation);
		let result;
		try {
			result = await this.nodeTypes.getByNameAndVersion('trustooPollTrigger').poll.call(context);
		} catch (error) {
			if (testingTrigger) throw error;
			this.emittedErrors.push(error);
			return { error };
		}
		if (result !== null) {
			this.persist(this.workflow);
			this.runs.push(result[0].map((item) => item.json));
		}
		return { items: result === null ? [] : result[0].map((item) => item.json) };
	}

	/** "Fetch test event" in the editor: a manual poll on a workflow loaded from the database. */
	async manual() {
		const workflow = this.loadWorkflow({ active: false });
		const result = await this.nodeTypes.getByNameAndVersion('trustooPollTrigger').poll.call(this.context(workflow, 'manual', 'manual'));
		this.persist(workflow);
		return result === null ? [] : result[0].map((item) => item.json);
	}

	liveState() {
		return clone(this.workflow.staticData[`node:${this.node.name}`]);
	}
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** The status and body a response was finished with, as the client would read them. */
function recordResponse(res) {
	return new Promise((resolve) => {
		const end = res.end.bind(res);
		res.end = (chunk, ...rest) => {
			resolve({ status: res.statusCode, body: chunk === undefined ? '' : Buffer.from(chunk).toString('utf8'), contentType: res.getHeader('content-type') });
			return end(chunk, ...rest);
		};
	});
}

/** Express's query parser for the cases that occur here: repeated names become arrays. */
function queryObject(params) {
	const out = {};
	for (const [name, value] of params) {
		if (out[name] === undefined) out[name] = value;
		else out[name] = [].concat(out[name], value);
	}
	return out;
}

/**
 * Sends a delivery like Trustoo does (headers of docs §8) and returns the answer. `sign` picks the
 * key; `timestamp` defaults to now; `headers` overrides or removes (undefined) any header.
 */
async function postDelivery(url, { body, key, publicToken, timestamp = Math.floor(Date.now() / 1000), requestId, headers = {} }) {
	const { signing } = require('../../sandbox');
	const raw = typeof body === 'string' ? body : JSON.stringify(body);
	const all = {
		'Content-Type': 'application/json',
		'Open-Trustoo-Webhook-Public-token': publicToken,
		'Open-Trustoo-Webhook-Timestamp': String(timestamp),
		'Open-Trustoo-Webhook-Sign': signing.signWebhook(key, timestamp, raw),
		'Open-Trustoo-Webhook-RequestId': requestId ?? require('crypto').randomBytes(16).toString('hex'),
		...headers,
	};
	for (const name of Object.keys(all)) if (all[name] === undefined) delete all[name];
	const response = await fetch(url, { method: 'POST', headers: all, body: raw });
	return { status: response.status, body: await response.text() };
}

async function startWebhookTrigger(options) {
	return await new WebhookTriggerHarness(options).start();
}

function createPollTrigger(options) {
	return new PollTriggerHarness(options);
}

module.exports = { startWebhookTrigger, createPollTrigger, postDelivery, logger };
