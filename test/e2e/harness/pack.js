'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run, tail } = require('../../../scripts/n8n/proc');

const FIXTURES = path.join(__dirname, 'fixtures');

/**
 * `npm pack` a package folder into `destDir` (default: a new temp folder)
 * and return the tarball's path. Lifecycle scripts are skipped: build the
 * package (npm run build) before packing it.
 */
async function packPackage(packageDir, destDir) {
	const dest = destDir || fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
	fs.mkdirSync(dest, { recursive: true });
	const r = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], {
		cwd: packageDir,
		timeoutMs: 5 * 60 * 1000,
	});
	if (r.code !== 0) throw new Error(`npm pack in ${packageDir} exited ${r.code}\n${tail(r.stderr)}`);
	const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	return path.join(dest, info.filename);
}

/** Tarball of a fixture package under test/e2e/harness/fixtures/. */
function packFixture(name, destDir) {
	return packPackage(path.join(FIXTURES, name), destDir);
}

module.exports = { packPackage, packFixture, FIXTURES };
