'use strict';

const crypto = require('node:crypto');

/**
 * Small workflow builders for e2e tests. Node type versions are ones that
 * exist in every pinned n8n (1.123.81, 2.8.4, 2.41.1).
 */

function manualTrigger(name = 'Manual Trigger', position = [0, 0]) {
	return { id: crypto.randomUUID(), name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position, parameters: {} };
}

/**
 * Set node (v3.4, "assignments" UI) assigning `fields` = { name: value }.
 * A value's type follows its JS type; give { value, type } for an
 * expression of another type, e.g. { sum: { value: '={{ 1 + 2 }}', type: 'number' } }.
 */
function setNode(name, fields, position = [220, 0]) {
	const typeOf = (v) => (typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string');
	const assignments = Object.entries(fields).map(([field, spec]) => {
		const explicit = spec !== null && typeof spec === 'object' && 'value' in spec;
		const value = explicit ? spec.value : spec;
		return { id: crypto.randomUUID(), name: field, value, type: explicit && spec.type ? spec.type : typeOf(value) };
	});
	return {
		id: crypto.randomUUID(),
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: { assignments: { assignments }, options: {} },
	};
}

function webhookTrigger(name, { path, method = 'GET', responseMode = 'lastNode' }, position = [0, 0]) {
	return {
		id: crypto.randomUUID(),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId: crypto.randomUUID(),
		parameters: { path, httpMethod: method, responseMode, options: {} },
	};
}

/** Connect nodes in a line: main output 0 of each to input 0 of the next. */
function chain(nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

function workflow(name, nodes, extra = {}) {
	return { name, nodes, connections: chain(nodes), settings: {}, active: false, ...extra };
}

module.exports = { manualTrigger, setNode, webhookTrigger, chain, workflow };
