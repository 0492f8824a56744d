import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { parseQueryString, queryPairs, serializeQuery } from './query';
import { signRequest } from './signature';
import type { QueryPair } from './signature';

export interface SigningCredentials {
	publicToken: string;
	privateToken: string;
}

/**
 * Adds Public-Token / Timestamp / Sign to a request. The signature covers the query and the exact
 * body bytes, so this function also fixes both: the query is written into the URL by us (nothing
 * downstream re-encodes it) and a JSON body is serialised once here and sent as that very string.
 * Works for declarative requests (`baseURL` + `url`) and for the HTTP Request node (`uri`).
 */
export function signRequestOptions(
	credentials: SigningCredentials,
	requestOptions: IHttpRequestOptions,
	nowSeconds: number,
): IHttpRequestOptions {
	const options = requestOptions as IHttpRequestOptions & { uri?: string };
	const urlKey: 'uri' | 'url' = options.uri !== undefined ? 'uri' : 'url';
	const [path, existingQuery] = splitUrl(String(options[urlKey] ?? ''));
	const pairs: QueryPair[] = [...parseQueryString(existingQuery), ...queryPairs(options.qs as IDataObject)];
	const body = serializeBody(options.body);
	const timestamp = String(nowSeconds);

	options[urlKey] = pairs.length ? `${path}?${serializeQuery(pairs)}` : path;
	options.qs = {};
	const headers: IDataObject = withoutEmptyAuthorization(options.headers as IDataObject | undefined);
	if (body !== undefined) {
		options.body = body;
		if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';
	}
	headers['Public-Token'] = credentials.publicToken;
	headers.Timestamp = timestamp;
	headers.Sign = signRequest(credentials.privateToken, pairs, timestamp, body);
	options.headers = headers;
	return options;
}

function splitUrl(url: string): [string, string] {
	const q = url.indexOf('?');
	return q === -1 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
}

/** The exact text that will be sent, or undefined when the request has no body. */
function serializeBody(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.length ? body.toString('utf8') : undefined;
	if (body instanceof URLSearchParams) return body.toString() || undefined;
	if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return undefined;
	return JSON.stringify(body);
}

/** The server picks OAuth whenever an Authorization header is non-empty (docs V6), so an empty one must go. */
function withoutEmptyAuthorization(headers: IDataObject | undefined): IDataObject {
	const copy: IDataObject = { ...(headers ?? {}) };
	for (const name of Object.keys(copy)) {
		if (name.toLowerCase() === 'authorization' && !copy[name]) delete copy[name];
	}
	return copy;
}

function hasHeader(headers: IDataObject, name: string): boolean {
	return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
