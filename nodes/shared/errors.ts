import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { credentialErrorIn } from './credentialError';
import { isEnvelope, isSuccessCode } from './envelope';

/** Response codes (Response Code page, V3); they follow gRPC's numbering (inferred). */
const CODE_MEANINGS: Record<number, string> = {
	1: 'cancelled',
	3: 'invalid argument',
	4: 'deadline exceeded',
	5: 'not found',
	6: 'already exists',
	8: 'rejected',
	13: 'internal error',
	16: 'unauthenticated',
};

const CODE_HINTS: Record<number, string> = {
	3: 'Check the field Trustoo names in the message.',
	5: 'Check the ID: the item does not exist in this shop (or was deleted).',
	6: 'It already exists; nothing was changed.',
	8: 'Trustoo rejected the request; this may be a rate limit or quota (inferred). The node retried it with backoff.',
	13: 'Trustoo had an internal error. The node retried it; try again later.',
	16: 'Authentication failed: check the Trustoo credential (tokens, clock) or reconnect the Trustoo OAuth2 credential.',
};

const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const TRANSIENT_CODES = new Set([4, 8, 13]);
const NETWORK_WORDING = /closed unexpectedly|socket hang up|ECONNRESET|ETIMEDOUT|timed out|timeout|EPIPE|EAI_AGAIN|refused the connection/i;
const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN', 'ESOCKETTIMEDOUT']);

/** What went wrong with one Trustoo call, in terms the retry policy and the error message both use. */
export interface TrustooFailure {
	/** `credential`: the credential needs the user (a refused token grant, not connected yet); never retried. */
	kind: 'http' | 'envelope' | 'network' | 'malformed' | 'credential';
	status?: number;
	code?: number;
	message: string;
	requestId?: string;
	retryAfterSeconds?: number;
	/** Worth another attempt: a rate limit, an overloaded or flaky server, a dropped connection. */
	transient: boolean;
	/** The request cannot have been processed, so even a non-idempotent call may be repeated. */
	notProcessed: boolean;
}

/** Inspects an answer that came back (any status); undefined means success. */
export function failureFromResponse(
	statusCode: number,
	body: unknown,
	headers: IDataObject = {},
): TrustooFailure | undefined {
	const envelope = isEnvelope(body) ? body : undefined;
	const retryAfterSeconds = parseRetryAfter(headers['retry-after'] ?? headers['Retry-After']);
	if (statusCode >= 400) {
		return {
			kind: 'http',
			status: statusCode,
			code: envelope ? Number(envelope.code) : undefined,
			message: envelope?.message ?? (typeof body === 'string' && body ? body.slice(0, 300) : `HTTP ${statusCode}`),
			requestId: envelope?.request_id,
			retryAfterSeconds,
			transient: TRANSIENT_STATUS.has(statusCode),
			notProcessed: statusCode === 429 || statusCode === 503,
		};
	}
	if (typeof body === 'string' || body === undefined || body === null) {
		if (statusCode === 204 || body === undefined || body === null || body === '') return undefined;
		return {
			kind: 'malformed',
			status: statusCode,
			message: `Trustoo answered with something that is not JSON: ${truncate(body)}`,
			transient: true,
			notProcessed: false,
		};
	}
	if (envelope && !isSuccessCode(envelope.code)) {
		const code = Number(envelope.code);
		return {
			kind: 'envelope',
			status: statusCode,
			code,
			message: envelope.message ?? CODE_MEANINGS[code] ?? 'error',
			requestId: envelope.request_id,
			retryAfterSeconds,
			transient: TRANSIENT_CODES.has(code),
			notProcessed: code === 8,
		};
	}
	return undefined;
}

/** Inspects an error thrown by n8n's HTTP helpers (HTTP error status or network failure). */
export function failureFromError(error: unknown): TrustooFailure {
	const known = failureOf(error);
	if (known) return known;
	const credentialError = credentialErrorIn(error);
	if (credentialError) {
		return { kind: 'credential', message: credentialError.message, requestId: credentialError.requestId, transient: false, notProcessed: true };
	}
	const err = error as {
		message?: string;
		description?: string;
		code?: string;
		httpCode?: string | null;
		cause?: { code?: string; response?: { status?: number; data?: unknown; body?: unknown; headers?: IDataObject } };
		response?: { status?: number; data?: unknown; body?: unknown; headers?: IDataObject };
		context?: { data?: unknown };
	};
	const response = err?.cause?.response ?? err?.response;
	const status = Number(response?.status ?? err?.httpCode);
	if (Number.isInteger(status) && status >= 400) {
		const body = response?.data ?? response?.body ?? err?.context?.data;
		const failure = failureFromResponse(status, body, response?.headers ?? {});
		if (failure) return failure;
	}
	// n8n replaces a network error's message with its own wording and drops the original error, so
	// the failure is recognised by either the error code or that wording.
	const networkCode = err?.cause?.code ?? err?.code;
	const text = `${err?.message ?? ''} ${err?.description ?? ''}`;
	const refused = networkCode === 'ECONNREFUSED' || /refused the connection|ECONNREFUSED/i.test(text);
	const isNetwork = (typeof networkCode === 'string' && NETWORK_CODES.has(networkCode)) || NETWORK_WORDING.test(text);
	return {
		kind: 'network',
		message: err?.message ?? String(error),
		transient: isNetwork || refused,
		notProcessed: refused,
	};
}

const failures = new WeakMap<NodeApiError, TrustooFailure>();

/** A Trustoo failure as n8n shows it: the code, its meaning, Trustoo's message and the request id. */
export function trustooApiError(node: INode, failure: TrustooFailure, itemIndex?: number): NodeApiError {
	const error = new NodeApiError(node, errorResponse(failure), {
		message: headline(failure),
		description: details(failure),
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex,
	});
	failures.set(error, failure);
	return error;
}

/** The failure behind an error made by trustooApiError, if it is one. */
export function failureOf(error: unknown): TrustooFailure | undefined {
	return error instanceof NodeApiError ? failures.get(error) : undefined;
}

function headline(failure: TrustooFailure): string {
	// Already says what Trustoo refused and what to do; "Could not reach Trustoo" would mislead.
	if (failure.kind === 'credential') return failure.message;
	if (failure.code !== undefined && !Number.isNaN(failure.code)) {
		const meaning = CODE_MEANINGS[failure.code] ?? 'error';
		return `Trustoo error ${failure.code} (${meaning}): ${failure.message}`;
	}
	if (failure.kind === 'http') return `Trustoo answered HTTP ${failure.status}: ${failure.message}`;
	if (failure.kind === 'malformed') return failure.message;
	return `Could not reach Trustoo: ${failure.message}`;
}

function details(failure: TrustooFailure): string {
	const parts: string[] = [];
	if (failure.requestId) parts.push(`request_id: ${failure.requestId}`);
	if (failure.status !== undefined) parts.push(`HTTP status: ${failure.status}`);
	const hint = failure.code !== undefined ? CODE_HINTS[failure.code] : undefined;
	if (hint) parts.push(hint);
	else if (failure.status === 429) parts.push('Trustoo is rate limiting; the node retried with backoff.');
	return parts.join(' · ');
}

function errorResponse(failure: TrustooFailure): JsonObject {
	return {
		code: failure.code ?? null,
		message: failure.message,
		request_id: failure.requestId ?? null,
		status: failure.status ?? null,
	};
}

function parseRetryAfter(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds;
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function truncate(text: string): string {
	return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
