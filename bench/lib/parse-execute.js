'use strict';

/**
 * Reads the JSON that `n8n execute --rawOutput` printed (hundreds of MB at N = 100,000) in a
 * short-lived process of its own, so the bench process's heap and VmHWM stay small, and answers
 * with a summary over IPC: status, startedAt/stoppedAt, and per node the item count of its last
 * run and its executionTime. argv[2] = the output file.
 */
const fs = require('node:fs');
const { parseExecuteOutput } = require('../../scripts/n8n/instance');

const text = fs.readFileSync(process.argv[2], 'utf8');
const parsed = parseExecuteOutput(text);
const result = parsed ? parsed.value : null;
let summary;
if (!result) {
	summary = { ok: false, tail: text.slice(-3000) };
} else {
	const resultData = (result.data && result.data.resultData) || {};
	const items = {};
	const nodeMs = {};
	for (const [name, runs] of Object.entries(resultData.runData || {})) {
		const last = runs[runs.length - 1];
		items[name] = last.data && last.data.main && last.data.main[0] ? last.data.main[0].length : 0;
		nodeMs[name] = last.executionTime;
	}
	summary = {
		ok: true,
		status: result.status,
		startedAt: result.startedAt,
		stoppedAt: result.stoppedAt,
		error: resultData.error ? resultData.error.message || String(resultData.error) : null,
		items,
		nodeMs,
		outputBytes: text.length,
	};
}
process.send(summary, () => process.exit(0));
