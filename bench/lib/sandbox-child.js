'use strict';

/**
 * The Trustoo sandbox in a process of its own, so that its CPU time and memory are not counted as
 * the bench process's (contender b) and it does not compete with the bench's event loop. Started
 * by sandbox-proc.js with `fork`; talks over IPC.
 *
 * Options come as JSON in argv[2]: { reviewCount, seed, port, pageCache }.
 *
 * pageCache (default on in the bench): the stock sandbox filters and re-sorts a shop's whole review
 * list on every get_reviews call, so one page costs O(N log N) and a Return All of N reviews
 * O(N² log N) — at N = 100,000 the sandbox alone needs about 37 s per listing, which would hide
 * the clients' own cost and make every contender look quadratic. With pageCache the bench memoises
 * (without editing sandbox/) two pure functions at run time:
 *   - Store#reviewsOf(shopId): the filtered array, reused while store.reviews keeps its identity
 *     and length (the bench does not change reviews during a listing);
 *   - lib/sorting sortByCreated(items, sortBy, …): the sorted copy, reused for the same input array.
 * Answers are byte-for-byte those of the stock code (checked at start-up, see selfCheck below).
 * The proper fix belongs in sandbox/ (an index kept in created order); then this can go.
 */
const path = require('node:path');

const SANDBOX = path.resolve(__dirname, '..', '..', 'sandbox');
const opts = JSON.parse(process.argv[2] || '{}');

function installPageCache() {
	const sorting = require(path.join(SANDBOX, 'lib', 'sorting'));
	const { Store } = require(path.join(SANDBOX, 'state', 'store'));
	const originalSort = sorting.sortByCreated;
	const originalReviewsOf = Store.prototype.reviewsOf;
	const sorted = new WeakMap();
	sorting.sortByCreated = function cachedSortByCreated(items, sortBy, createdMs, numericId) {
		let bySort = sorted.get(items);
		if (!bySort) {
			bySort = new Map();
			sorted.set(items, bySort);
		}
		let result = bySort.get(sortBy);
		if (!result) {
			result = originalSort(items, sortBy, createdMs, numericId);
			bySort.set(sortBy, result);
		}
		return result;
	};
	const byShop = new WeakMap(); // store -> Map(shopId -> {reviews, length, list})
	Store.prototype.reviewsOf = function cachedReviewsOf(shopId) {
		let cache = byShop.get(this);
		if (!cache) {
			cache = new Map();
			byShop.set(this, cache);
		}
		const hit = cache.get(shopId);
		if (hit && hit.reviews === this.reviews && hit.length === this.reviews.length) return hit.list;
		const list = originalReviewsOf.call(this, shopId);
		cache.set(shopId, { reviews: this.reviews, length: this.reviews.length, list });
		return list;
	};
	return { originalSort, originalReviewsOf };
}

const originals = opts.pageCache === false ? null : installPageCache();
const { startSandbox } = require(SANDBOX);

/** The cached functions must give what the stock ones give (same order of the same reviews). */
function selfCheck(sb) {
	if (!originals) return;
	const store = sb._store;
	const shopId = sb.shops[0].id;
	const { sortByCreated } = require(path.join(SANDBOX, 'lib', 'sorting'));
	for (const sortBy of ['created-descending', 'created-ascending']) {
		const key = (r) => r._createdMs;
		const id = (r) => Number(r.id);
		const stock = originals.originalSort(originals.originalReviewsOf.call(store, shopId), sortBy, key, id).map((r) => r.id);
		const cached = sortByCreated(store.reviewsOf(shopId), sortBy, key, id).map((r) => r.id);
		if (stock.length !== cached.length || stock.some((v, i) => v !== cached[i])) {
			throw new Error(`page cache self-check failed for ${sortBy}`);
		}
	}
}

async function main() {
	const started = process.hrtime.bigint();
	const sb = await startSandbox({ port: opts.port || 0, seed: opts.seed || 1, reviewCount: opts.reviewCount || 240 });
	const seedMs = Number(process.hrtime.bigint() - started) / 1e6;
	selfCheck(sb);
	// Log entries are recorded when a request arrives and completed (authOk, code) once it is
	// answered, so they are kept and counted when asked for.
	let logs = [];
	sb.on('request', (log) => logs.push(log));
	process.on('message', (msg) => {
		if (msg.type === 'counts') {
			process.send({ type: 'counts', id: msg.id, counts: countsOf(logs) });
			if (msg.reset) logs = [];
		} else if (msg.type === 'memory') {
			process.send({ type: 'memory', id: msg.id, rss: process.memoryUsage().rss });
		}
	});
	process.send({
		type: 'ready',
		url: sb.url,
		seedMs,
		rssBytes: process.memoryUsage().rss,
		pageCache: !!originals,
		shop: { id: sb.shops[0].id, publicToken: sb.shops[0].publicToken, privateToken: sb.shops[0].privateToken, domain: sb.shops[0].myshopifyDomain },
		reviewCount: sb.info().shops[0].reviewCount,
	});
	const stop = () => sb.close().then(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('disconnect', stop);
}

function countsOf(logs) {
	const counts = { total: 0, byPath: {}, authFailed: 0, errors: 0 };
	for (const log of logs) {
		counts.total++;
		counts.byPath[log.path] = (counts.byPath[log.path] || 0) + 1;
		if (!log.authOk) counts.authFailed++;
		if (log.code !== 0 && log.code !== undefined && log.code !== null) counts.errors++;
	}
	return counts;
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
