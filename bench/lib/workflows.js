'use strict';

/**
 * The workflows the bench runs in n8n. Node type versions exist in n8n 2.8.4. Every Return All
 * contender asks for the same pages: get_reviews?page=P&page_size=100&sort_by=created-descending,
 * which is what the Trustoo node sends for Review → Get Many → Return All with the default sort.
 */
const crypto = require('node:crypto');

const CREDENTIAL_ID = 'TrustooBenchCred';
const REVIEWS_PATH = '/api/v1/openapi/get_reviews';
const PAGE_SIZE = 100;
const SORT = 'created-descending';
/** Pages the signing Code node of contender (c) signs ahead (200,000 reviews at 100 a page). */
const PRESIGNED_PAGES = 2000;

const node = (name, type, typeVersion, position, parameters, extra = {}) => ({
	id: crypto.randomUUID(),
	name,
	type,
	typeVersion,
	position,
	parameters,
	...extra,
});

const manual = () => node('Start', 'n8n-nodes-base.manualTrigger', 1, [0, 0], {});

function chain(nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

function workflow(id, name, nodes) {
	return { id, name, nodes, connections: chain(nodes), settings: { executionOrder: 'v1' }, active: false };
}

/** (a) Trustoo node, Review → Get Many, Return All, default sort, Simplify off. */
function trustooNodeWorkflow(id) {
	return workflow(id, 'bench (a): Trustoo node Return All', [
		manual(),
		node(
			'Trustoo',
			'n8n-nodes-trustoo.trustoo',
			1,
			[240, 0],
			{ resource: 'review', operation: 'getAll', returnAll: true, filters: {}, sortBy: SORT, simplify: false },
			{ credentials: { trustooApi: { id: CREDENTIAL_ID, name: 'Trustoo bench sandbox' } } },
		),
	]);
}

/** The canonical string of one page request (docs §4.1): pairs sorted by name, then timestamp. */
const canonicalJs = `\`page=\${page}&page_size=${PAGE_SIZE}&sort_by=${SORT}&timestamp=\${timestamp}\``;

/**
 * (c) What a user without this package builds: a Code node that signs, then the HTTP Request node
 * with its own pagination ("Update a Parameter in Each Request"), then Split Out for one item per
 * review. n8n expressions have no HMAC, so the signature of each page cannot be computed inside
 * the pagination settings; the Code node signs pages 1..PRESIGNED_PAGES ahead with one timestamp
 * (valid 15 minutes) and the pagination picks signs[$pageCount] for the Sign header and
 * $pageCount + 1 for the page query. Complete when the page reaches total_page or Trustoo answers
 * an error code (HTTP 200 + code ≠ 0 would otherwise loop).
 */
function httpPaginationWorkflow(id, { baseUrl, publicToken, privateToken }) {
	const sign = node('Sign pages', 'n8n-nodes-base.code', 2, [240, 0], {
		mode: 'runOnceForAllItems',
		jsCode: [
			"const crypto = require('crypto');",
			`const publicToken = ${JSON.stringify(publicToken)};`,
			`const privateToken = ${JSON.stringify(privateToken)};`,
			'const timestamp = String(Math.floor(Date.now() / 1000));',
			'const signs = [];',
			`for (let page = 1; page <= ${PRESIGNED_PAGES}; page++) {`,
			`  signs.push(crypto.createHmac('sha256', privateToken).update(${canonicalJs}).digest('hex'));`,
			'}',
			'return [{ json: { publicToken, timestamp, signs } }];',
		].join('\n'),
	});
	const http = node('Get reviews', 'n8n-nodes-base.httpRequest', 4.2, [480, 0], {
		method: 'GET',
		url: `${baseUrl}${REVIEWS_PATH}`,
		sendQuery: true,
		queryParameters: {
			parameters: [
				{ name: 'page_size', value: String(PAGE_SIZE) },
				{ name: 'sort_by', value: SORT },
			],
		},
		sendHeaders: true,
		headerParameters: {
			parameters: [
				{ name: 'Public-Token', value: '={{ $json.publicToken }}' },
				{ name: 'Timestamp', value: '={{ $json.timestamp }}' },
			],
		},
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: {
						parameters: [
							{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' },
							{ type: 'headers', name: 'Sign', value: "={{ $('Sign pages').first().json.signs[$pageCount] }}" },
						],
					},
					paginationCompleteWhen: 'other',
					completeExpression:
						'={{ $response.body.code !== 0 || $response.body.data.page.page >= $response.body.data.page.total_page }}',
					limitPagesFetched: true,
					maxRequests: PRESIGNED_PAGES,
				},
			},
		},
	});
	const split = node('Split reviews', 'n8n-nodes-base.splitOut', 1, [720, 0], {
		fieldToSplitOut: 'data.list',
		include: 'noOtherFields',
		options: {},
	});
	return workflow(id, 'bench (c): Code node signs + HTTP Request pagination + Split Out', [manual(), sign, http, split]);
}

/**
 * (c′) The other thing users do today: one Code node that loops over the pages, signs each
 * request and calls this.helpers.httpRequest, and returns one item per review.
 */
function codeLoopWorkflow(id, { baseUrl, publicToken, privateToken }) {
	const code = node('Code loop', 'n8n-nodes-base.code', 2, [240, 0], {
		mode: 'runOnceForAllItems',
		jsCode: [
			"const crypto = require('crypto');",
			`const publicToken = ${JSON.stringify(publicToken)};`,
			`const privateToken = ${JSON.stringify(privateToken)};`,
			'const out = [];',
			'for (let page = 1, total = 1; page <= total; page++) {',
			'  const timestamp = String(Math.floor(Date.now() / 1000));',
			`  const sign = crypto.createHmac('sha256', privateToken).update(${canonicalJs}).digest('hex');`,
			'  const res = await this.helpers.httpRequest({',
			"    method: 'GET',",
			`    url: ${JSON.stringify(`${baseUrl}${REVIEWS_PATH}`)},`,
			`    qs: { page, page_size: ${PAGE_SIZE}, sort_by: '${SORT}' },`,
			"    headers: { 'Public-Token': publicToken, Timestamp: timestamp, Sign: sign },",
			'    json: true,',
			'  });',
			'  if (res.code !== 0) throw new Error(`Trustoo error ${res.code}: ${res.message}`);',
			'  total = res.data.page.total_page;',
			'  for (const review of res.data.list) out.push({ json: review });',
			'}',
			'return out;',
		].join('\n'),
	});
	return workflow(id, 'bench (c′): Code node loop with this.helpers.httpRequest', [manual(), code]);
}

/** Trustoo Trigger, signed-token credential, review/created, signature verified (the default). */
function trustooTriggerWorkflow(id) {
	return {
		...workflow(id, 'bench: Trustoo Trigger', [
			node(
				'Trustoo Trigger',
				'n8n-nodes-trustoo.trustooTrigger',
				1,
				[0, 0],
				{ authentication: 'apiToken', events: ['review/created'], verifySignature: true, filters: {}, fetchFullReview: false, simplify: false },
				{ webhookId: crypto.randomUUID(), credentials: { trustooApi: { id: CREDENTIAL_ID, name: 'Trustoo bench sandbox' } } },
			),
		]),
	};
}

/** n8n's Webhook node, POST, answering as soon as the request is received. */
function webhookNodeWorkflow(id, path) {
	return workflow(id, 'bench: Webhook node', [
		node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { path, httpMethod: 'POST', responseMode: 'onReceived', options: {} }, { webhookId: crypto.randomUUID() }),
	]);
}

function credential({ baseUrl, publicToken, privateToken }) {
	return { id: CREDENTIAL_ID, name: 'Trustoo bench sandbox', type: 'trustooApi', data: { publicToken, privateToken, baseUrl } };
}

module.exports = {
	CREDENTIAL_ID,
	REVIEWS_PATH,
	PAGE_SIZE,
	SORT,
	PRESIGNED_PAGES,
	trustooNodeWorkflow,
	httpPaginationWorkflow,
	codeLoopWorkflow,
	trustooTriggerWorkflow,
	webhookNodeWorkflow,
	credential,
};
