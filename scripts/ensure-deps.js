'use strict';
/**
 * On a fresh clone the development dependencies (TypeScript, n8n-core…) are not there yet; the
 * Quick start commands install them from the lockfile first instead of failing.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function ensureDependencies() {
	if (fs.existsSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'))) return;
	process.stdout.write('Installing the development dependencies (npm ci, once)…\n');
	const result = spawnSync('npm', ['ci'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('npm ci failed');
}

function build() {
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('npm run build failed');
}

module.exports = { ensureDependencies, build };
