/**
 * Dates as Trustoo takes them: `YYYY-MM-DD HH:MM:SS` (the format of commented_at and reply_at in
 * the V2/V3 field table; the order filters' format is UNKNOWN and inferred to be the same).
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A wall-clock time as n8n's date picker writes it (no zone), with optional seconds and fraction. */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

type Parts = [year: number, month: number, day: number, hour: number, minute: number, second: number];

/** Which end of a range a bare date stands for: its first or its last second. */
export type RangeEdge = 'start' | 'end';

/**
 * The Trustoo form of a date given as `YYYY-MM-DD`, a zone-less `YYYY-MM-DDTHH:MM[:SS]` (kept as the
 * wall-clock time it names), or any date with a zone (converted to UTC, the zone Trustoo's examples
 * read as — inferred). Undefined when the value is not a real calendar date.
 */
export function toTrustooDateTime(value: unknown, edge: RangeEdge = 'start'): string | undefined {
	const text = String(value ?? '').trim();
	const parts = parse(text, edge);
	return parts && isRealDate(parts) ? format(parts) : undefined;
}

function parse(text: string, edge: RangeEdge): Parts | undefined {
	const date = DATE_ONLY.exec(text);
	if (date) {
		const [, y, m, d] = date.map(Number);
		return edge === 'end' ? [y, m, d, 23, 59, 59] : [y, m, d, 0, 0, 0];
	}
	const local = LOCAL.exec(text);
	if (local) {
		const [, y, m, d, h, mi, s] = local.map((part) => Number(part ?? 0));
		return [y, m, d, h, mi, s];
	}
	// Zoned ISO strings ({{ $now }} becomes one) and JavaScript's Date#toString form.
	if (!ZONED.test(text) && !/ GMT[+-]\d{4}/.test(text)) return undefined;
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) return undefined;
	const utc = new Date(ms);
	return [
		utc.getUTCFullYear(),
		utc.getUTCMonth() + 1,
		utc.getUTCDate(),
		utc.getUTCHours(),
		utc.getUTCMinutes(),
		utc.getUTCSeconds(),
	];
}

/** Rejects dates such as 2026-02-30 or 25:00, which a regular expression alone lets through. */
function isRealDate([y, m, d, h, mi, s]: Parts): boolean {
	const back = new Date(Date.UTC(y, m - 1, d, h, mi, s));
	return (
		back.getUTCFullYear() === y &&
		back.getUTCMonth() === m - 1 &&
		back.getUTCDate() === d &&
		back.getUTCHours() === h &&
		back.getUTCMinutes() === mi &&
		back.getUTCSeconds() === s
	);
}

function format([y, m, d, h, mi, s]: Parts): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)}`;
}
