import { sleep } from 'n8n-workflow';

import { settle } from './settle';
import { failureFromError } from './errors';
import type { TrustooFailure } from './errors';

export interface RetryPolicy {
	attempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Longest Retry-After the node is willing to wait; a longer one fails the item instead. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs one Trustoo call, repeating it after transient failures with exponential backoff (or the
 * server's Retry-After). A call that changes data is repeated only when the failure proves it was
 * not processed (429, 503, code 8, connection refused), so a retry can never create a duplicate.
 */
export async function withRetry<T>(
	method: string,
	call: () => Promise<T>,
	policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
	const idempotent = IDEMPOTENT.has(method.toUpperCase());
	for (let attempt = 1; ; attempt++) {
		const outcome = await settle(call);
		if (outcome.ok) return outcome.value;
		const failure = failureFromError(outcome.error);
		const retryable = failure.transient && (idempotent || failure.notProcessed);
		const wait = delayMs(failure, attempt, policy);
		if (!retryable || attempt >= policy.attempts || wait === undefined) throw outcome.error;
		await sleep(wait);
	}
}

function delayMs(failure: TrustooFailure, attempt: number, policy: RetryPolicy): number | undefined {
	if (failure.retryAfterSeconds !== undefined) {
		const ms = failure.retryAfterSeconds * 1000;
		return ms > policy.maxRetryAfterMs ? undefined : ms;
	}
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	// Full jitter keeps parallel items from retrying in lockstep.
	return Math.round(exponential / 2 + Math.random() * (exponential / 2));
}
