#!/usr/bin/env node
'use strict';
/**
 * `npm test`: build, lint with n8n's community rules, type-check against the oldest supported
 * n8n-workflow, then every test suite — unit, sandbox and engine in parallel, the real-n8n suite
 * in band (it installs the pinned n8n versions on first use) — and one closing line with the totals.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title, command, args) {
	process.stdout.write(`\n== ${title}\n`);
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
	return result.status === 0;
}

function jest(title, args) {
	const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trustoo-jest-')), 'report.json');
	const ok = step(title, 'npx', ['jest', ...args, '--json', `--outputFile=${report}`]);
	if (fs.existsSync(report)) {
		const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = JSON.parse(fs.readFileSync(report, 'utf8'));
		totals.passed += numPassedTests;
		totals.failed += numFailedTests + numRuntimeErrorTestSuites;
		totals.skipped += numPendingTests;
	} else {
		totals.failed += 1;
	}
	return ok;
}

require('./ensure-deps').ensureDependencies();

const ok =
	step('build', 'npm', ['run', 'build']) &&
	step('lint (n8n community rules)', 'npm', ['run', 'lint']) &&
	step('type-check against n8n-workflow 1.120 (n8n 1.123)', 'npm', ['run', 'typecheck:compat']) &&
	jest('unit, sandbox and engine tests', ['--selectProjects', 'unit', 'sandbox', 'engine']) &&
	step('install the pinned n8n versions (cached)', 'node', ['scripts/n8n/install.js']) &&
	jest('end-to-end tests on a real n8n', ['--selectProjects', 'e2e', '--runInBand']);

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
