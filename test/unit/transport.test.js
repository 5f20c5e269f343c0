'use strict';
// Pure transport logic: retry decisions, Adobe error parsing, secret redaction, query and filter building, paging tokens.
const { decideRetry, parseRetryAfter, backoffDelayMs, DEFAULT_RETRY_POLICY } = require('../../dist/nodes/shared/transport/retry');
const { parseAdobeError, describeImsFailure } = require('../../dist/nodes/shared/transport/errors');
const { redactSecrets } = require('../../dist/nodes/shared/transport/redaction');
const { toQueryString, withQuery } = require('../../dist/nodes/shared/transport/query');
const { propertyFilter, propertyParams, parseRawFilter } = require('../../dist/nodes/shared/transport/filters');
const { continuationTokenOf, firstItem } = require('../../dist/nodes/shared/transport/paging');
const { resolveEndpoints } = require('../../dist/nodes/shared/aep/environments');

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

describe('Adobe error parsing', () => {
	test('Flow Service problem body', () => {
		const body = {
			type: 'https://ns.adobe.com/aep/errors/FLOW-1439-404',
			title: 'Resource not found',
			status: 404,
			report: { 'detailed-message': 'The requested flows resource abc is not found.', 'request-id': 'req-1' },
			errorMessage: 'other text',
		};
		expect(parseAdobeError(body)).toEqual({ code: 'FLOW-1439-404', title: 'Resource not found', detail: 'The requested flows resource abc is not found.', requestId: 'req-1' });
	});

	test('older errorMessage body, gateway body, IMS body, plain message, text body', () => {
		expect(parseAdobeError({ errorMessage: 'Supplied version=[x] does not match', errorDetails: 'd' }).detail).toBe('Supplied version=[x] does not match');
		expect(parseAdobeError({ error_code: '401013', message: 'Oauth token is not valid' })).toMatchObject({ code: '401013', detail: 'Oauth token is not valid' });
		expect(parseAdobeError({ error: 'invalid_client', error_description: 'invalid client_secret parameter' })).toMatchObject({ code: 'invalid_client', detail: 'invalid client_secret parameter' });
		expect(parseAdobeError({ message: 'Please provide a valid spec id' }).detail).toBe('Please provide a valid spec id');
		expect(parseAdobeError('{"detail":"A valid content-type must be specified","title":"BadRequestError"}').detail).toBe('A valid content-type must be specified');
		expect(parseAdobeError('<html>oops</html>', { 'x-request-id': 'r9' })).toEqual({ requestId: 'r9' });
	});

	test('IMS failures name IMS and its reason', () => {
		expect(describeImsFailure(401, { error: 'invalid_client', error_description: 'invalid client_secret parameter' })).toBe(
			'Adobe IMS refused to issue an access token: 401 Unauthorized: invalid client_secret parameter (invalid_client). Check the Client ID and Client Secret of the OAuth Server-to-Server credential.',
		);
		expect(describeImsFailure(400, { error: 'invalid_scope', error_description: 'Invalid scope: x' })).toMatch(/Invalid scope: x \(invalid_scope\)\. Copy the scopes/);
	});

	test('secrets and bearer tokens are redacted', () => {
		const text = 'secret s3cr3t-value and Bearer eyJhbGciOiJIUzI1NiJ9.abcdefghijklmnop in text';
		expect(redactSecrets(text, ['s3cr3t-value', undefined])).toBe('secret [redacted] and Bearer [redacted] in text');
	});
});

describe('query and filters', () => {
	test('repeated, URL-encoded property parameters', () => {
		const filters = [propertyFilter('state', '==', 'enabled'), propertyFilter('sourceConnectionIds[]', '==', ['a', 'b']), propertyFilter('createdAt', '>=', 1700000000000)];
		expect(toQueryString({ property: propertyParams(filters), limit: 100, count: undefined })).toBe(
			'property=state%3D%3Denabled&property=sourceConnectionIds%5B%5D%3D%3Da%2Cb&property=createdAt%3E%3D1700000000000&limit=100',
		);
		expect(withQuery('/flows?x=1', { limit: 5 })).toBe('/flows?x=1&limit=5');
		expect(withQuery('/flows', {})).toBe('/flows');
	});

	test('bad filters are refused with a message naming the problem', () => {
		expect(() => propertyFilter('bad path', '==', 'x')).toThrow(/not a valid property path/);
		expect(() => propertyFilter('createdAt', '>', [1, 2])).toThrow(/accepts a single value/);
		expect(() => propertyFilter('state', '==', '')).toThrow(/has no value/);
		expect(parseRawFilter('metrics.statusSummary.status==failed,partialSuccess')).toEqual({ path: 'metrics.statusSummary.status', operator: '==', values: ['failed', 'partialSuccess'] });
		expect(parseRawFilter('createdAt>=5').operator).toBe('>=');
		expect(() => parseRawFilter('state=enabled')).toThrow(/is not a property filter/);
	});
});

describe('paging', () => {
	test('continuation tokens are read with a URL parser, keeping = and other characters', () => {
		expect(continuationTokenOf({ _links: { next: { href: '/flows?continuationToken=eyJvIjoxMDB9%3D%3D&limit=100' } } })).toBe('eyJvIjoxMDB9==');
		expect(continuationTokenOf({ _links: { next: { href: '/runs?limit=5&continuationToken=a=b=' } } })).toBe('a=b=');
		expect(continuationTokenOf({ _links: {} })).toBeUndefined();
		expect(continuationTokenOf({})).toBeUndefined();
	});

	test('single GETs are unwrapped from the items envelope', () => {
		expect(firstItem({ items: [{ id: 'a' }] })).toEqual({ id: 'a' });
		expect(firstItem({ id: 'b' })).toEqual({ id: 'b' });
	});
});

describe('environments', () => {
	test('production, stage and custom endpoints', () => {
		expect(resolveEndpoints({ environment: 'production' })).toEqual({ platformUrl: 'https://platform.adobe.io', imsUrl: 'https://ims-na1.adobelogin.com' });
		expect(resolveEndpoints({ environment: 'stage' })).toEqual({ platformUrl: 'https://platform-stage.adobe.io', imsUrl: 'https://ims-na1-stg1.adobelogin.com' });
		expect(resolveEndpoints({ environment: 'custom', platformUrl: 'http://127.0.0.1:5/', imsUrl: ' http://127.0.0.1:6// ' })).toEqual({ platformUrl: 'http://127.0.0.1:5', imsUrl: 'http://127.0.0.1:6' });
	});
});
