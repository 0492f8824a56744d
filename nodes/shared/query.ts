import type { IDataObject } from 'n8n-workflow';

import type { QueryPair } from './signature';

/**
 * Turns a query object into the pairs that go on the wire. Empty values are left out (the docs
 * advise not sending empty parameters, since one client signs them as `name=`), booleans become
 * 1/0 like every Trustoo flag, and arrays become `name[0]`, `name[1]`… — how Trustoo canonicalises
 * array parameters is UNKNOWN; indexed names are what a public client sends (inferred).
 */
export function queryPairs(qs: IDataObject | undefined): QueryPair[] {
	const pairs: QueryPair[] = [];
	for (const [name, value] of Object.entries(qs ?? {})) {
		if (Array.isArray(value)) {
			value.filter(isPresent).forEach((item, index) => pairs.push([`${name}[${index}]`, scalar(item)]));
		} else if (isPresent(value)) {
			pairs.push([name, scalar(value)]);
		}
	}
	return pairs;
}

/** Reads the query part of a URL back into decoded pairs (the HTTP Request node may put it there). */
export function parseQueryString(query: string): QueryPair[] {
	return query
		.split('&')
		.filter((part) => part.length > 0)
		.map((part) => {
			const eq = part.indexOf('=');
			const name = eq === -1 ? part : part.slice(0, eq);
			const value = eq === -1 ? '' : part.slice(eq + 1);
			return [decode(name), decode(value)] as QueryPair;
		});
}

export function serializeQuery(pairs: QueryPair[]): string {
	return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

function decode(component: string): string {
	return decodeURIComponent(component.replace(/\+/g, ' '));
}

function isPresent(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

function scalar(value: unknown): string {
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}
