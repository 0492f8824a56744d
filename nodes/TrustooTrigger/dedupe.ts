import type { IDataObject } from 'n8n-workflow';

import { isPresent } from '../shared/normalize';

/** Dedupe key → when it was first seen (ms). Plain JSON, so it can live in workflow static data. */
export type SeenMap = Record<string, number>;

export interface DedupeLimits {
	windowMs: number;
	maxEntries: number;
}

/**
 * Trustoo retries a delivery for 135 minutes (docs §8); a day covers that with room for duplicate
 * subscriptions and manual re-sends. The cap keeps static data small on a busy shop: at the cap the
 * oldest keys go first, so only a very old retry could slip through.
 */
export const DEDUPE_LIMITS: DedupeLimits = { windowMs: 24 * 60 * 60 * 1000, maxEntries: 2000 };

/** A retry of the same delivery carries the same request id (docs §8). */
export function deliveryKey(requestId: string | undefined): string | undefined {
	return requestId ? `request:${requestId}` : undefined;
}

/**
 * The same event about the same item, whichever delivery brings it (a second subscription, a
 * re-send with a new request id). A version (updated_at, or `version` where a payload has one —
 * inferred) tells two real updates apart; without one, only "created" events are safe to key by id,
 * since an item is created once but may be updated or hidden many times.
 */
export function itemKey(topic: string, item: IDataObject): string | undefined {
	if (!isPresent(item.id)) return undefined;
	const version = isPresent(item.updated_at) ? item.updated_at : item.version;
	if (isPresent(version)) return `item:${topic}:${String(item.id)}:${String(version)}`;
	return topic.endsWith('/created') ? `item:${topic}:${String(item.id)}` : undefined;
}

export function hasSeen(seen: SeenMap, key: string | undefined, nowMs: number, limits = DEDUPE_LIMITS): boolean {
	if (key === undefined) return false;
	const at = seen[key];
	return at !== undefined && nowMs - at < limits.windowMs;
}

/** The map with `keys` added (first sighting kept), expired keys dropped and the size capped. */
export function remember(seen: SeenMap, keys: Array<string | undefined>, nowMs: number, limits = DEDUPE_LIMITS): SeenMap {
	const next: SeenMap = { ...seen };
	for (const key of keys) {
		if (key !== undefined && !hasSeen(next, key, nowMs, limits)) next[key] = nowMs;
	}
	const live = Object.entries(next)
		.filter(([, at]) => nowMs - at < limits.windowMs)
		.sort(([, a], [, b]) => b - a)
		.slice(0, limits.maxEntries);
	return Object.fromEntries(live);
}

/**
 * Dedupe memory of trigger nodes that are not active workflows. n8n does not persist static data
 * of a test ("listen for test event") run, so there the memory lives in this process instead and is
 * lost when n8n restarts. Keyed by workflow and node.
 */
const processMemory = new Map<string, SeenMap>();

export function processSeen(scope: string): SeenMap {
	return { ...(processMemory.get(scope) ?? {}) };
}

export function setProcessSeen(scope: string, seen: SeenMap): void {
	processMemory.set(scope, { ...seen });
}
