'use strict';

/**
 * Contender (b): a plain signed HTTP loop with axios, in a process of its own so its peak RSS is
 * its own. It fetches the same pages as the n8n contenders
 * (get_reviews?page=P&page_size=100&sort_by=created-descending), signs each request with
 * node:crypto (docs §4.1), checks the envelope code and keeps every review in one array, as a
 * Return All does. Started with fork; argv[2] is JSON { baseUrl, publicToken, privateToken }.
 * Reports { ms, cpuMs, reviews, pages, hwm, rssBefore } over IPC; hwm is this process's VmHWM at the end.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const axios = require(path.join(__dirname, '..', '..', 'node_modules', 'axios'));

const { baseUrl, publicToken, privateToken, pageSize = 100, sortBy = 'created-descending' } = JSON.parse(process.argv[2]);

function sign(page, timestamp) {
	const canonical = `page=${page}&page_size=${pageSize}&sort_by=${sortBy}&timestamp=${timestamp}`;
	return crypto.createHmac('sha256', privateToken).update(canonical).digest('hex');
}

function vm(name) {
	const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
	return m ? Number(m[1]) * 1024 : 0;
}

async function main() {
	const rssBefore = vm('VmRSS');
	const started = process.hrtime.bigint();
	const cpuStart = process.cpuUsage();
	const reviews = [];
	let pages = 0;
	for (let page = 1, total = 1; page <= total; page++) {
		const timestamp = String(Math.floor(Date.now() / 1000));
		const res = await axios.get(`${baseUrl}/api/v1/openapi/get_reviews`, {
			params: { page, page_size: pageSize, sort_by: sortBy },
			headers: { 'Public-Token': publicToken, Timestamp: timestamp, Sign: sign(page, timestamp) },
		});
		pages++;
		if (res.data.code !== 0) throw new Error(`Trustoo error ${res.data.code}: ${res.data.message}`);
		total = res.data.data.page.total_page;
		for (const review of res.data.data.list) reviews.push(review);
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const cpu = process.cpuUsage(cpuStart);
	const cpuMs = (cpu.user + cpu.system) / 1000;
	process.send({ ms, cpuMs, reviews: reviews.length, pages, hwm: vm('VmHWM'), rssBefore }, () => process.exit(0));
}

main().catch((error) => {
	process.send({ error: error.stack || String(error) }, () => process.exit(1));
});
