'use strict';

/**
 * Part 2: per-request overhead of the compiled code path in dist/, side by side with baselines in
 * the same process and run. One "request" is one Return All page: 100 reviews, the body the
 * sandbox really sends (about 66 kB). Each case runs in batches of about `batchMs`; the per-call
 * time of each batch is one sample, and the figure is the median of the samples with min and max.
 */
const crypto = require('node:crypto');
const path = require('node:path');
const { summary } = require('./lib/stats');

const DIST = path.resolve(__dirname, '..', 'dist', 'nodes');
const load = (p) => require(path.join(DIST, p));

let sink = 0; // keeps results alive so the work is not optimised away

function consume(value) {
	if (typeof value === 'string') sink = (sink + value.length) | 0;
	else if (Array.isArray(value)) sink = (sink + value.length) | 0;
	else if (value && typeof value === 'object') sink = (sink + 1) | 0;
	else sink = (sink + (value ? 1 : 0)) | 0;
}

/** Per-call µs of fn over `batches` batches of about batchMs each. */
function measure(fn, { batches, batchMs }) {
	// Warm-up and calibration.
	let n = 1;
	for (;;) {
		const t = process.hrtime.bigint();
		for (let i = 0; i < n; i++) consume(fn(i));
		const ms = Number(process.hrtime.bigint() - t) / 1e6;
		if (ms >= batchMs / 4) {
			n = Math.max(1, Math.round((n * batchMs) / Math.max(ms, 0.001)));
			break;
		}
		n *= 2;
	}
	const perCall = [];
	for (let b = 0; b < batches; b++) {
		const t = process.hrtime.bigint();
		for (let i = 0; i < n; i++) consume(fn(i));
		perCall.push(Number(process.hrtime.bigint() - t) / 1e3 / n);
	}
	return { ...summary(perCall), callsPerBatch: n };
}

/**
 * @param {{ pageBody: string, privateToken: string, publicToken: string, baseUrl: string,
 *   delivery: { body: string, timestamp: string }, quick?: boolean }} input
 */
function runOverhead(input) {
	const { signRequestOptions } = load('shared/signRequest.js');
	const { failureFromResponse } = load('shared/errors.js');
	const { outputObjects } = load('shared/envelope.js');
	const { normalizeReview } = load('shared/normalize.js');
	const { verifyDelivery, signedMessage } = load('TrustooTrigger/signature.js');
	const { remember, DEDUPE_LIMITS } = load('TrustooTrigger/dedupe.js');

	const opts = { batches: input.quick ? 5 : 9, batchMs: input.quick ? 100 : 200 };
	const credentials = { publicToken: input.publicToken, privateToken: input.privateToken };
	const nowSeconds = Math.floor(Date.now() / 1000);
	const timestamp = String(nowSeconds);
	const canonical = `page=7&page_size=100&sort_by=created-descending&timestamp=${timestamp}`;
	const parsed = JSON.parse(input.pageBody);
	const headers = { 'content-type': 'application/json; charset=utf-8' };
	const reviews = parsed.data.list;

	const cases = {};
	// --- signing -------------------------------------------------------------------------------
	cases.sign = measure(
		() =>
			signRequestOptions(
				credentials,
				{
					method: 'GET',
					baseURL: input.baseUrl,
					url: '/api/v1/openapi/get_reviews',
					qs: { page: 7, page_size: 100, sort_by: 'created-descending' },
					json: true,
				},
				nowSeconds,
			).headers.Sign,
		opts,
	);
	cases.hmac = measure(() => crypto.createHmac('sha256', input.privateToken).update(canonical).digest('hex'), opts);
	// --- envelope check + unwrapping ---------------------------------------------------------
	cases.envelope = measure(() => {
		const failure = failureFromResponse(200, parsed, headers);
		return failure || outputObjects(parsed);
	}, opts);
	cases.jsonParse = measure(() => JSON.parse(input.pageBody), opts);
	// --- mapping: normalizeReview of the page's 100 reviews, as shapeOutput does -------------
	cases.mapping = measure(() => {
		const out = new Array(reviews.length);
		for (let i = 0; i < reviews.length; i++) out[i] = { json: normalizeReview(reviews[i]) };
		return out;
	}, opts);
	cases.copy = measure(() => {
		const out = new Array(reviews.length);
		for (let i = 0; i < reviews.length; i++) out[i] = { json: { ...reviews[i] } };
		return out;
	}, opts);
	// --- webhook ingestion: verification and the dedupe memory at its cap --------------------
	const rawBody = Buffer.from(input.delivery.body, 'utf8');
	const deliveryHeaders = {
		'open-trustoo-webhook-public-token': input.publicToken,
		'open-trustoo-webhook-timestamp': input.delivery.timestamp,
		'open-trustoo-webhook-sign': crypto
			.createHmac('sha256', input.privateToken)
			.update(`timestamp=${input.delivery.timestamp}|${input.delivery.body}`)
			.digest('hex'),
	};
	const verdict = verifyDelivery({ headers: deliveryHeaders, rawBody, signingKey: input.privateToken, publicToken: input.publicToken, nowSeconds });
	if (!verdict.valid) throw new Error(`overhead bench: the sample delivery does not verify (${verdict.reason})`);
	cases.verify = measure(
		() => verifyDelivery({ headers: deliveryHeaders, rawBody, signingKey: input.privateToken, publicToken: input.publicToken, nowSeconds }).valid,
		opts,
	);
	cases.webhookHmac = measure(
		() => crypto.createHmac('sha256', input.privateToken).update(signedMessage(input.delivery.timestamp, rawBody)).digest('hex'),
		opts,
	);
	const now = Date.now();
	const full = {};
	for (let i = 0; i < DEDUPE_LIMITS.maxEntries; i++) {
		full[i % 2 ? `request:${crypto.randomBytes(16).toString('hex')}` : `item:review/created:${800000000 + i}:2026-01-01 00:00:00`] = now - i;
	}
	cases.dedupe = measure((i) => remember(full, [`request:x${i}`, `item:review/created:${i}:2026-01-01 00:00:00`], now), opts);
	cases.staticDataJson = measure(() => JSON.stringify({ trustooSeen: full }), opts);
	const staticDataBytes = Buffer.byteLength(JSON.stringify({ trustooSeen: full }));

	return {
		pageBytes: Buffer.byteLength(input.pageBody),
		reviewsPerPage: reviews.length,
		deliveryBytes: rawBody.length,
		dedupeEntries: DEDUPE_LIMITS.maxEntries,
		staticDataBytes,
		cases,
		sink,
	};
}

module.exports = { runOverhead };
