'use strict';
/**
 * Runs our nodes inside n8n-core's real execution engine (WorkflowExecute → RoutingNode → n8n's
 * HTTP helpers) against the sandbox over HTTP. Only the server-side pieces that n8n-core leaves to
 * the n8n application are stood in for here: node type lookup, credential storage and the
 * credential helper (which applies our credentials' own `authenticate`/`preAuthentication`, as
 * n8n's CredentialsHelper does). The real n8n process is exercised by the e2e suite.
 */
const path = require('path');
const { Workflow, ICredentialsHelper, NodeHelpers } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks } = require('n8n-core');

// n8n-core's SSH client manager starts a cleanup interval when first used and never releases it;
// in a long-running n8n that is harmless, in a test process it keeps jest from exiting.
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }));
const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
Container.get(SSHClientsManager).cleanupTimer?.unref();

const DIST = path.join(__dirname, '..', '..', 'dist');
const { Trustoo } = require(path.join(DIST, 'nodes/Trustoo/Trustoo.node.js'));
const { TrustooApi } = require(path.join(DIST, 'credentials/TrustooApi.credentials.js'));
const { TrustooOAuth2Api } = require(path.join(DIST, 'credentials/TrustooOAuth2Api.credentials.js'));

const CREDENTIAL_TYPES = { trustooApi: new TrustooApi(), trustooOAuth2Api: new TrustooOAuth2Api() };

/** A test-only start node: emits the items the test gives it. */
class InputItems {
	constructor(items) {
		this.description = {
			displayName: 'Input',
			name: 'inputItems',
			group: ['input'],
			version: 1,
			description: 'Emits fixed items',
			defaults: { name: 'Input' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		};
		// n8n calls execute() with its execution context as `this`, so the items travel in a closure.
		this.execute = async () => [items];
	}
}

class NodeTypes {
	constructor(types) {
		this.types = types;
	}

	getByName(name) {
		return this.types[name];
	}

	getByNameAndVersion(name) {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return NodeHelpers.getVersionedNodeType(type);
	}

	getKnownTypes() {
		return {};
	}
}

/** Holds credential data like n8n's database would, and persists what preAuthentication returns. */
class CredentialStore extends ICredentialsHelper {
	constructor(entries) {
		super();
		this.entries = entries;
		this.updates = [];
	}

	getParentTypes(type) {
		return CREDENTIAL_TYPES[type]?.extends ?? [];
	}

	async authenticate(credentials, typeName, requestOptions) {
		const type = CREDENTIAL_TYPES[typeName];
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, requestOptions);
		return requestOptions;
	}

	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const type = CREDENTIAL_TYPES[typeName];
		const expirable = (type.properties ?? []).find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		Object.assign(this.entries[typeName], output);
		this.updates.push({ type: typeName, fields: Object.keys(output) });
		return Object.assign(credentials, output);
	}

	async getCredentials() {
		throw new Error('not used');
	}

	async getDecrypted(_additionalData, _nodeCredentials, type) {
		const data = this.entries[type];
		if (!data) throw new Error(`No credentials of type ${type} in this test`);
		return { ...defaultsOf(type), ...data };
	}

	async updateCredentials(_nodeCredentials, type, data) {
		Object.assign(this.entries[type], data);
	}

	async updateCredentialsOauthTokenData(_nodeCredentials, type, data) {
		Object.assign(this.entries[type], data);
	}

	getCredentialsProperties(type) {
		return CREDENTIAL_TYPES[type].properties;
	}
}

function defaultsOf(type) {
	const out = {};
	for (const property of CREDENTIAL_TYPES[type].properties ?? []) out[property.name] = property.default;
	return out;
}

/** Signed-token credential data for the sandbox's main shop (or another by index). */
function shopCredentials(sandbox, shopIndex = 0) {
	const shop = sandbox.shops[shopIndex];
	return { publicToken: shop.publicToken, privateToken: shop.privateToken, baseUrl: sandbox.url };
}

/**
 * Executes Input → Trustoo once. `credentials` maps credential type → data (default: the
 * sandbox's main shop as signed tokens). Returns the node's output items (json), its error, the
 * requests the sandbox received meanwhile and the raw run.
 */
async function runNode({ sandbox, parameters, input = [{ json: {} }], credentials, continueOnFail = false, nodeType = Trustoo }) {
	const store = new CredentialStore(credentials ?? { trustooApi: shopCredentials(sandbox) });
	const authentication = parameters.authentication ?? 'apiToken';
	const credentialType = authentication === 'oAuth2' ? 'trustooOAuth2Api' : 'trustooApi';
	const nodes = [
		{ id: 'input', name: 'Input', type: 'inputItems', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'trustoo',
			name: 'Trustoo',
			type: 'trustoo',
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { [credentialType]: { id: '1', name: 'Trustoo test credential' } },
			...(continueOnFail ? { onError: 'continueRegularOutput', continueOnFail: true } : {}),
		},
	];
	const connections = { Input: { main: [[{ node: 'Trustoo', type: 'main', index: 0 }]] } };
	const nodeTypes = new NodeTypes({ inputItems: new InputItems(input), trustoo: new nodeType() });
	const workflow = new Workflow({ id: 'test', name: 'test', nodes, connections, active: false, nodeTypes, staticData: {}, settings: { executionOrder: 'v1' } });
	const workflowData = { id: 'test', name: 'test', nodes, connections, active: false, settings: {}, createdAt: new Date(), updatedAt: new Date() };
	const additionalData = {
		credentialsHelper: store,
		hooks: new ExecutionLifecycleHooks('manual', 'exec-1', workflowData),
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	};
	const before = sandbox.requests.length;
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: workflow.getNode('Input') });
	const task = run.data.resultData.runData.Trustoo?.[0];
	const output = task?.data?.main?.[0] ?? [];
	return {
		items: output.map((item) => item.json),
		rawItems: output,
		error: task?.error ?? run.data.resultData.error,
		requests: sandbox.requests.slice(before),
		credentialUpdates: store.updates,
		credentials: store.entries,
		run,
	};
}

module.exports = { runNode, shopCredentials, CredentialStore, NodeTypes, InputItems, CREDENTIAL_TYPES };
