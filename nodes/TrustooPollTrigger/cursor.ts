import type { IDataObject } from 'n8n-workflow';

import { toTrustooDateTime } from '../shared/dateTime';

/** The newest created_at the trigger has seen, and every review id seen at exactly that time. */
export interface Cursor {
	createdMs: number;
	ids: string[];
}

export interface PollState {
	cursor?: Cursor;
	/** updated_at per review id over the watched pages; present only while updates are watched. */
	versions?: Record<string, string>;
}

export interface PollOptions {
	nowMs: number;
	/** On the first poll only: also emit reviews created this long before now (0 = start from now). */
	lookbackMs: number;
	/** Pages (newest first) whose reviews are compared with the last poll to find updates; 0 = off. */
	updatePages: number;
}

export type PollEvent = { kind: 'created' | 'updated'; review: IDataObject };

const CURSOR = 'trustooCursor';
const VERSIONS = 'trustooVersions';

/** The only code that knows the poll trigger's keys in workflow static data. */
export function readPollState(staticData: IDataObject): PollState {
	const cursor = staticData[CURSOR] as Cursor | undefined;
	const versions = staticData[VERSIONS] as Record<string, string> | undefined;
	return {
		cursor: cursor && Number.isFinite(cursor.createdMs) && Array.isArray(cursor.ids) ? { createdMs: cursor.createdMs, ids: [...cursor.ids] } : undefined,
		versions: versions && typeof versions === 'object' ? { ...versions } : undefined,
	};
}

export function writePollState(staticData: IDataObject, state: PollState): void {
	if (state.cursor) staticData[CURSOR] = { createdMs: state.cursor.createdMs, ids: [...state.cursor.ids] };
	if (state.versions) staticData[VERSIONS] = { ...state.versions };
	else delete staticData[VERSIONS];
}

/**
 * A review timestamp in ms. `YYYY-MM-DD HH:MM:SS` carries no zone in the docs and is read as UTC
 * (inferred); only the first-run look-back compares it with the clock, every other decision
 * compares review timestamps with each other.
 */
export function reviewTime(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
	const text = typeof value === 'string' ? toTrustooDateTime(value) : undefined;
	return text === undefined ? undefined : Date.parse(`${text.replace(' ', 'T')}Z`);
}

/**
 * One poll: fed the pages of get_reviews sorted created-descending, it decides which reviews are
 * new since the cursor and, when watching updates, which changed. Pages are read until the cursor
 * is passed, however many arrived since the last poll. The state it returns is only stored once the
 * whole walk succeeded, so a failed poll leaves the cursor where it was.
 *
 * Updates: Trustoo has no "updated since" filter (UNKNOWN in the docs), so a review counts as
 * updated when its updated_at differs from the value seen on the previous poll, for reviews on the
 * newest `updatePages` pages only. Edits to older reviews, or a review that changed twice between
 * polls, are seen once or not at all.
 */
export class PollScan {
	private readonly seenIds = new Set<string>();

	private readonly created: Array<{ at: number; review: IDataObject }> = [];

	private readonly updated: Array<{ at: number; review: IDataObject }> = [];

	private readonly versions: Record<string, string> = {};

	private newestMs: number | undefined;

	private newestIds: string[] = [];

	private reachedOld = false;

	private undatedCount = 0;

	constructor(
		private readonly state: PollState,
		private readonly options: PollOptions,
	) {}

	/** Takes one page; returns whether the next page is needed. */
	visit(list: IDataObject[], page: number): boolean {
		const watching = page <= this.options.updatePages;
		const boundary = this.boundaryMs();
		for (const review of list) {
			const id = String(review.id ?? '');
			const createdMs = reviewTime(review.created_at);
			if (!id || this.seenIds.has(id)) continue;
			this.seenIds.add(id);
			if (createdMs === undefined) {
				this.undatedCount++;
				continue;
			}
			this.noteNewest(id, createdMs);
			const isNew = this.isNew(id, createdMs, boundary);
			if (isNew) this.created.push({ at: createdMs, review });
			else if (boundary === undefined || createdMs < boundary) this.reachedOld = true;
			if (watching) this.watchVersion(id, review, isNew);
		}
		return !this.reachedOld || page < this.options.updatePages;
	}

	/**
	 * What to emit, oldest first, and the state to store after a successful poll. Reviews without a
	 * readable created_at cannot be placed against the cursor and are counted in `undated` (the
	 * field is inferred from the create-review body; the docs show no list item).
	 */
	result(): { events: PollEvent[]; next: PollState; undated: number } {
		const byTime = (a: { at: number }, b: { at: number }) => a.at - b.at;
		const events = [
			...[...this.created].reverse().map((entry) => ({ ...entry, kind: 'created' as const })),
			...[...this.updated].reverse().map((entry) => ({ ...entry, kind: 'updated' as const })),
		]
			.sort(byTime)
			.map(({ kind, review }) => ({ kind, review }));
		return {
			events,
			next: { cursor: this.nextCursor(), versions: this.options.updatePages > 0 ? this.versions : undefined },
			undated: this.undatedCount,
		};
	}

	/** Reviews older than this are old; undefined on a first poll that starts from now. */
	private boundaryMs(): number | undefined {
		if (this.state.cursor) return this.state.cursor.createdMs;
		return this.options.lookbackMs > 0 ? this.options.nowMs - this.options.lookbackMs : undefined;
	}

	private isNew(id: string, createdMs: number, boundary: number | undefined): boolean {
		const { cursor } = this.state;
		if (cursor) return createdMs > cursor.createdMs || (createdMs === cursor.createdMs && !cursor.ids.includes(id));
		return boundary !== undefined && createdMs >= boundary;
	}

	private noteNewest(id: string, createdMs: number): void {
		if (this.newestMs === undefined || createdMs > this.newestMs) {
			this.newestMs = createdMs;
			this.newestIds = [id];
		} else if (createdMs === this.newestMs) {
			this.newestIds.push(id);
		}
	}

	private watchVersion(id: string, review: IDataObject, isNew: boolean): void {
		const version = review.updated_at === undefined || review.updated_at === null ? '' : String(review.updated_at);
		this.versions[id] = version;
		const before = this.state.versions?.[id];
		if (isNew || before === undefined || before === version) return;
		this.updated.push({ at: reviewTime(version) ?? this.options.nowMs, review });
	}

	/**
	 * The newest review seen, never moving backwards (the newest may have been deleted meanwhile).
	 * An empty shop gets a cursor at 0, so every review that appears later counts as new.
	 */
	private nextCursor(): Cursor {
		const previous = this.state.cursor ?? { createdMs: 0, ids: [] };
		if (this.newestMs === undefined || this.newestMs < previous.createdMs) return previous;
		if (this.newestMs === previous.createdMs) {
			return { createdMs: previous.createdMs, ids: [...new Set([...previous.ids, ...this.newestIds])] };
		}
		return { createdMs: this.newestMs, ids: this.newestIds };
	}
}
