/**
 * When to send a failed request again. Pure: the caller supplies the clock and randomness.
 *
 * - 429 is retried for every method: the request was refused, so nothing was created.
 * - 500/502/503/504 and connection failures are retried only for methods that are safe to repeat;
 *   a POST may have created something before the failure, so it is never re-sent then.
 * - Delays honour Retry-After (seconds or an HTTP date) on a 429 and on a 503, where HTTP gives it the
 *   same meaning ("come back then"), else capped exponential backoff with jitter; the whole sequence
 *   stays within a time budget.
 */
export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	maxTotalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 250,
	maxDelayMs: 8_000,
	maxTotalMs: 60_000,
};

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);
/** Statuses whose Retry-After says when the server will take the request again (RFC 9110, 10.2.3). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);
const REPEATABLE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']);

export interface FailedAttempt {
	/** 1 for the first attempt. */
	attempt: number;
	method: string;
	/** HTTP status, or undefined when no response arrived (reset, timeout). */
	status?: number;
	retryAfter?: string;
	/** Milliseconds spent since the first attempt started. */
	elapsedMs: number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/** Parses Retry-After: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: number): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	// "Equal jitter": at least half the backoff, so concurrent clients spread out without retrying at once.
	return Math.round(exponential / 2 + (exponential / 2) * random);
}

export function decideRetry(
	failure: FailedAttempt,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	nowMs = Date.now(),
	random = Math.random(),
): RetryDecision {
	const method = failure.method.toUpperCase();
	const throttled = failure.status === 429;
	const transient = failure.status === undefined || RETRYABLE_STATUSES.has(failure.status);
	if (!throttled && !transient) return { retry: false, reason: 'not retryable' };
	if (!throttled && !REPEATABLE_METHODS.has(method)) {
		return { retry: false, reason: `${method} is not repeated after a server or connection failure` };
	}
	// A throttled request was refused, not failed: it may wait longer, within the same time budget.
	const maxAttempts = throttled ? policy.maxAttempts * 2 : policy.maxAttempts;
	if (failure.attempt >= maxAttempts) return { retry: false, reason: `gave up after ${failure.attempt} attempts` };

	// Retry-After is a floor, never a reason to retry at once: "0" from a busy gateway would burn every attempt.
	const honoursRetryAfter = failure.status !== undefined && RETRY_AFTER_STATUSES.has(failure.status);
	const requested = honoursRetryAfter ? (parseRetryAfter(failure.retryAfter, nowMs) ?? 0) : 0;
	const delayMs = Math.max(requested, backoffDelayMs(failure.attempt, policy, random));
	if (failure.elapsedMs + delayMs > policy.maxTotalMs) {
		return {
			retry: false,
			reason: `gave up after ${failure.attempt} attempts: waiting ${Math.ceil(delayMs / 1000)} s more would exceed the ${policy.maxTotalMs / 1000} s retry budget`,
		};
	}
	return { retry: true, delayMs };
}
