'use strict';

/**
 * A dependency-free SVG chart: side-by-side log-log panels, each with one line per series
 * (median points, min–max whiskers).
 *
 * panels: [{ title, yLabel, series: [{ name, color, dash?, points: [{ x, y, min, max }] }] }]
 */
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v) => (v >= 1000 ? `${+(v / 1000).toPrecision(3)}k` : `${+v.toPrecision(3)}`);

function logTicks(lo, hi) {
	const ticks = [];
	for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
		for (const m of [1, 2, 5]) {
			const v = m * 10 ** e;
			if (v >= lo * 0.999 && v <= hi * 1.001) ticks.push(v);
		}
	}
	return ticks;
}

function panel(p, { x0, y0, w, h, xs }) {
	const all = p.series.flatMap((s) => s.points.flatMap((pt) => [pt.min, pt.max, pt.y])).filter((v) => v > 0);
	let lo = Math.min(...all);
	let hi = Math.max(...all);
	// Axis ends on the 1-2-5 ticks just outside the data.
	const steps = logTicks(lo / 10, hi * 10);
	lo = steps.filter((t) => t <= lo).pop() || lo;
	hi = steps.find((t) => t >= hi) || hi;
	const xlo = Math.min(...xs) / 1.6;
	const xhi = Math.max(...xs) * 1.6;
	const X = (v) => x0 + ((Math.log10(v) - Math.log10(xlo)) / (Math.log10(xhi) - Math.log10(xlo))) * w;
	const Y = (v) => y0 + h - ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * h;
	const out = [];
	out.push(`<text x="${x0 + w / 2}" y="${y0 - 12}" text-anchor="middle" font-size="14" font-weight="bold">${esc(p.title)}</text>`);
	out.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#999"/>`);
	for (const t of logTicks(lo, hi)) {
		out.push(`<line x1="${x0}" x2="${x0 + w}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#e5e5e5"/>`);
		out.push(`<text x="${x0 - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11">${fmt(t)}</text>`);
	}
	for (const v of xs) {
		out.push(`<line x1="${X(v).toFixed(1)}" x2="${X(v).toFixed(1)}" y1="${y0}" y2="${y0 + h}" stroke="#e5e5e5"/>`);
		out.push(`<text x="${X(v).toFixed(1)}" y="${y0 + h + 16}" text-anchor="middle" font-size="11">${fmt(v)}</text>`);
	}
	out.push(`<text x="${x0 + w / 2}" y="${y0 + h + 34}" text-anchor="middle" font-size="12">reviews N (log scale)</text>`);
	out.push(
		`<text x="${x0 - 48}" y="${y0 + h / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 ${x0 - 48} ${y0 + h / 2})">${esc(p.yLabel)}</text>`,
	);
	for (const s of p.series) {
		const pts = s.points.filter((pt) => pt.y > 0);
		const d = pts.map((pt, i) => `${i ? 'L' : 'M'}${X(pt.x).toFixed(1)},${Y(pt.y).toFixed(1)}`).join(' ');
		out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
		for (const pt of pts) {
			if (pt.min > 0 && pt.max > 0) {
				out.push(`<line x1="${X(pt.x).toFixed(1)}" x2="${X(pt.x).toFixed(1)}" y1="${Y(pt.min).toFixed(1)}" y2="${Y(pt.max).toFixed(1)}" stroke="${s.color}" stroke-width="1.5"/>`);
			}
			out.push(`<circle cx="${X(pt.x).toFixed(1)}" cy="${Y(pt.y).toFixed(1)}" r="3.5" fill="${s.color}"><title>${esc(`${s.name}: ${fmt(pt.y)} at N=${pt.x}`)}</title></circle>`);
		}
	}
	return out.join('\n');
}

function chart({ title, subtitle, panels }) {
	const pw = panels.length > 2 ? 320 : 380;
	const ph = 260;
	const left = 80;
	const gap = 110;
	const top = 70;
	const width = left + panels.length * pw + (panels.length - 1) * gap + 30;
	const series = panels[0].series;
	const legendY = top + ph + 60;
	const height = legendY + Math.ceil(series.length / 2) * 20 + 20;
	const xs = [...new Set(panels.flatMap((p) => p.series.flatMap((s) => s.points.map((pt) => pt.x))))].sort((a, b) => a - b);
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
		`<rect width="100%" height="100%" fill="#fff"/>`,
		`<text x="${width / 2}" y="22" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`,
		subtitle ? `<text x="${width / 2}" y="40" text-anchor="middle" font-size="11" fill="#555">${esc(subtitle)}</text>` : '',
	];
	panels.forEach((p, i) => parts.push(panel(p, { x0: left + i * (pw + gap), y0: top, w: pw, h: ph, xs })));
	series.forEach((s, i) => {
		const x = left + (i % 2) * Math.max(440, (width - left) / 2);
		const y = legendY + Math.floor(i / 2) * 20;
		parts.push(`<line x1="${x}" x2="${x + 26}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
		parts.push(`<circle cx="${x + 13}" cy="${y}" r="3.5" fill="${s.color}"/>`);
		parts.push(`<text x="${x + 34}" y="${y + 4}" font-size="12">${esc(s.name)}</text>`);
	});
	parts.push('</svg>');
	return `${parts.filter(Boolean).join('\n')}\n`;
}

module.exports = { chart };
