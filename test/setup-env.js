'use strict';
// n8n-core writes an instance config (encryption key) into its user folder on first use; keep that
// out of the developer's ~/.n8n and away from other test runs.
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'trustoo-n8n-core-'));
}
