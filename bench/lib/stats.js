'use strict';

function median(values) {
	const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (!v.length) return NaN;
	const m = Math.floor(v.length / 2);
	return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
function percentile(values, p) {
	const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (!v.length) return NaN;
	const rank = Math.max(1, Math.ceil((p / 100) * v.length));
	return v[Math.min(v.length, rank) - 1];
}

/** { median, min, max, n, values } of a list of numbers. */
function summary(values) {
	const v = values.filter((x) => Number.isFinite(x));
	return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length, values: v };
}

/** Least-squares slope of log(y) against log(x): the growth exponent k in y ∝ x^k. */
function logLogSlope(points) {
	const p = points.filter(([x, y]) => x > 0 && y > 0);
	if (p.length < 2) return NaN;
	const xs = p.map(([x]) => Math.log(x));
	const ys = p.map(([, y]) => Math.log(y));
	const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
	const my = ys.reduce((a, b) => a + b, 0) / ys.length;
	let num = 0;
	let den = 0;
	for (let i = 0; i < xs.length; i++) {
		num += (xs[i] - mx) * (ys[i] - my);
		den += (xs[i] - mx) ** 2;
	}
	return num / den;
}

module.exports = { median, percentile, summary, logLogSlope };
