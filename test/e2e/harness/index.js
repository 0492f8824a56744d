'use strict';

/**
 * Entry point for e2e tests against real n8n:
 *
 *   const { versions, createInstance, TIMEOUTS } = require('./harness');
 *   describe.each(versions)('n8n %s', (version) => { ... });
 *
 * Environment:
 *   N8N_E2E_VERSIONS   comma list of pinned versions (default: all pinned)
 *   N8N_E2E_LOG_LEVEL  n8n log level for instances (default: warn)
 *   N8N_E2E_KEEP=1     keep each instance's user folder (logs, sqlite DB) after the run
 */

const { ensureN8n, cacheRoot } = require('../../../scripts/n8n/install');
const { createInstance, N8nInstance, DEFAULT_OWNER } = require('../../../scripts/n8n/instance');
const { PINNED, selectedVersions, isV1 } = require('../../../scripts/n8n/versions');
const { packPackage, packFixture } = require('./pack');
const workflows = require('./workflows');

const MINUTE = 60 * 1000;
const TIMEOUTS = Object.freeze({
	// First use on a fresh machine installs n8n (about 3 min per version
	// here, 2 cores); cached runs take milliseconds.
	install: 30 * MINUTE,
	// One CLI command (import, execute): each boots n8n's DI container, 2-6 s.
	cli: 3 * MINUTE,
	// A test that starts the server (about 5 s to ready) and does a few calls.
	server: 5 * MINUTE,
});

/** Progress lines for humans watching a slow run (tests must not console.log). */
function progress(message) {
	process.stderr.write(`[e2e] ${message}\n`);
}

const keepInstances = process.env.N8N_E2E_KEEP === '1';

/** Stop an instance and remove its temp folder unless N8N_E2E_KEEP=1. */
async function disposeInstance(instance) {
	if (!instance) return;
	if (keepInstances) {
		await instance.stop();
		progress(`kept ${instance.describe()}`);
		return;
	}
	await instance.dispose();
}

module.exports = {
	versions: selectedVersions(),
	PINNED,
	isV1,
	ensureN8n,
	cacheRoot,
	createInstance,
	disposeInstance,
	N8nInstance,
	DEFAULT_OWNER,
	packPackage,
	packFixture,
	workflows,
	TIMEOUTS,
	progress,
};
