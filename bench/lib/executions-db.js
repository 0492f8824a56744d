'use strict';

/**
 * Reads an instance's executions straight from its sqlite file (read-only, with n8n's own sqlite3
 * module), for the delivery accounting of the webhook bench: which delivery request ids each
 * execution carries, its status and its start/stop times.
 */
const path = require('node:path');

function openDb(inst) {
	const sqlite3 = require(path.join(inst.install.dir, 'node_modules', 'sqlite3'));
	const file = path.join(inst.n8nFolder, 'database.sqlite');
	return new Promise((resolve, reject) => {
		const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(db)));
	});
}

function all(db, sql, params = []) {
	return new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))));
}

/** sqlite datetime 'YYYY-MM-DD HH:MM:SS.mmm' (UTC) -> ms epoch. */
function toMs(value) {
	if (!value) return NaN;
	if (typeof value === 'number') return value;
	return Date.parse(`${String(value).replace(' ', 'T')}Z`);
}

/**
 * Every execution of `workflowId`: { id, status, startedAt, stoppedAt, workflowBytes, dataBytes,
 * requestIds: string[] } (workflowBytes: the copy of the workflow n8n stores with it, static data included),
 * where requestIds are the distinct matches of `idPattern` (a global RegExp) in the execution's
 * run data (not in its copy of the workflow, whose static data holds the trigger's dedupe keys).
 */
async function executionsOf(inst, workflowId, idPattern) {
	const db = await openDb(inst);
	try {
		const rows = await all(
			db,
			'SELECT e.id, e.status, e.startedAt, e.stoppedAt, d.data, length(d.workflowData) AS workflowBytes, length(d.data) AS dataBytes FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id',
			[workflowId],
		);
		return rows.map((row) => ({
			id: row.id,
			status: row.status,
			startedAt: toMs(row.startedAt),
			stoppedAt: toMs(row.stoppedAt),
			workflowBytes: row.workflowBytes,
			dataBytes: row.dataBytes,
			requestIds: [...new Set(String(row.data || '').match(idPattern) || [])],
		}));
	} finally {
		db.close();
	}
}

module.exports = { executionsOf };
