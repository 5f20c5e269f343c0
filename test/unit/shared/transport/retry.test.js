'use strict';
// When a failed request is sent again: the pure retry policy.
const { decideRetry, parseRetryAfter, backoffDelayMs, DEFAULT_RETRY_POLICY } = require('../../../../dist/nodes/shared/transport/retry');

describe('retry decisions', () => {
	const now = Date.UTC(2026, 0, 1);

	test('429 is retried for every method, honouring Retry-After in seconds', () => {
		for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
			expect(decideRetry({ attempt: 1, method, status: 429, retryAfter: '2', elapsedMs: 0 }, DEFAULT_RETRY_POLICY, now, 0.5)).toEqual({ retry: true, delayMs: 2000 });
		}
	});

	test('Retry-After: 0 or a missing header still waits the backoff; throttling gets more attempts than failures', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100 };
		expect(decideRetry({ attempt: 3, method: 'GET', status: 429, retryAfter: '0', elapsedMs: 0 }, policy, now, 1)).toEqual({ retry: true, delayMs: 400 });
		expect(decideRetry({ attempt: 3, method: 'GET', status: 429, elapsedMs: 0 }, policy, now, 1)).toEqual({ retry: true, delayMs: 400 });
		expect(decideRetry({ attempt: policy.maxAttempts, method: 'GET', status: 429, elapsedMs: 0 }, policy, now, 0).retry).toBe(true);
		expect(decideRetry({ attempt: policy.maxAttempts * 2, method: 'GET', status: 429, elapsedMs: 0 }, policy, now, 0).retry).toBe(false);
		expect(decideRetry({ attempt: policy.maxAttempts, method: 'GET', status: 503, elapsedMs: 0 }, policy, now, 0).retry).toBe(false);
	});

	test('a 503 with Retry-After waits at least that long for repeatable methods; other 5xx keep the backoff; a POST is still not repeated', () => {
		expect(decideRetry({ attempt: 1, method: 'GET', status: 503, retryAfter: '7', elapsedMs: 0 }, DEFAULT_RETRY_POLICY, now, 0.5)).toEqual({ retry: true, delayMs: 7000 });
		expect(decideRetry({ attempt: 1, method: 'GET', status: 503, retryAfter: new Date(now + 4000).toUTCString(), elapsedMs: 0 }, DEFAULT_RETRY_POLICY, now, 0)).toEqual({ retry: true, delayMs: 4000 });
		// Backoff of attempt 1 at random 0.5 is 188 ms: a header on a 500 or 504 means nothing to HTTP.
		for (const status of [500, 502, 504]) {
			expect(decideRetry({ attempt: 1, method: 'GET', status, retryAfter: '7', elapsedMs: 0 }, DEFAULT_RETRY_POLICY, now, 0.5)).toEqual({ retry: true, delayMs: 188 });
		}
		expect(decideRetry({ attempt: 1, method: 'POST', status: 503, retryAfter: '1', elapsedMs: 0 }).retry).toBe(false);
		const beyondBudget = decideRetry({ attempt: 1, method: 'GET', status: 503, retryAfter: '90', elapsedMs: 0 });
		expect(beyondBudget.retry).toBe(false);
		expect(beyondBudget.reason).toMatch(/waiting 90 s more would exceed the 60 s retry budget/);
	});

	test('Retry-After as an HTTP date is turned into a delay', () => {
		const header = new Date(now + 3000).toUTCString();
		expect(parseRetryAfter(header, now)).toBe(3000);
		expect(parseRetryAfter('garbage', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	test('5xx and connection failures are retried for repeatable methods only', () => {
		for (const status of [500, 502, 503, 504, undefined]) {
			expect(decideRetry({ attempt: 1, method: 'GET', status, elapsedMs: 0 }).retry).toBe(true);
			expect(decideRetry({ attempt: 1, method: 'PUT', status, elapsedMs: 0 }).retry).toBe(true);
			const post = decideRetry({ attempt: 1, method: 'POST', status, elapsedMs: 0 });
			expect(post.retry).toBe(false);
			expect(post.reason).toMatch(/POST is not repeated/);
		}
	});

	test('client errors are not retried', () => {
		for (const status of [400, 401, 403, 404, 412]) {
			expect(decideRetry({ attempt: 1, method: 'GET', status, elapsedMs: 0 }).retry).toBe(false);
		}
	});

	test('attempts and total time are bounded', () => {
		expect(decideRetry({ attempt: DEFAULT_RETRY_POLICY.maxAttempts, method: 'GET', status: 503, elapsedMs: 0 })).toEqual({
			retry: false,
			reason: `gave up after ${DEFAULT_RETRY_POLICY.maxAttempts} attempts`,
		});
		const late = decideRetry({ attempt: 2, method: 'GET', status: 429, retryAfter: '120', elapsedMs: 1000 });
		expect(late.retry).toBe(false);
		expect(late.reason).toMatch(/retry budget/);
	});

	test('backoff grows exponentially, is capped and keeps at least half of its base', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
		expect(backoffDelayMs(1, policy, 0)).toBe(50);
		expect(backoffDelayMs(1, policy, 1)).toBe(100);
		expect(backoffDelayMs(3, policy, 1)).toBe(400);
		expect(backoffDelayMs(10, policy, 1)).toBe(1000);
		expect(backoffDelayMs(10, policy, 0)).toBe(500);
	});
});
