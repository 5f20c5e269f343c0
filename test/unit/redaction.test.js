'use strict';
// Pure pieces of the transport's safety rules: redaction by value and by shape, header values, and
// the page guard's ceiling (which would need 10,000 HTTP pages to reach over the simulator).
const { redactSecrets, redactDeep, secretValuesIn, bearerToken } = require('../../dist/nodes/shared/transport/redaction');
const { headerValueProblem, quotedEtag } = require('../../dist/nodes/shared/transport/headers');
const { PageGuard, MAX_PAGES } = require('../../dist/nodes/shared/transport/paging');

describe('redaction by value', () => {
	test('every occurrence of every secret, also URL-encoded, longest first', () => {
		const text = 'a=p@ss/word+1 b=p%40ss%2Fword%2B1 c=p@ss/word+1-extended';
		expect(redactSecrets(text, ['p@ss/word+1', 'p@ss/word+1-extended'])).toBe('a=[redacted] b=[redacted] c=[redacted]');
	});

	test('short values are not redacted by value: they would blank out ordinary words', () => {
		expect(redactSecrets('the cat sat', ['cat'])).toBe('the cat sat');
	});

	test('a non-JWT token is redacted by value alone', () => {
		expect(redactSecrets('token opaque-token-0123 here', ['opaque-token-0123'])).toBe('token [redacted] here');
	});
});

describe('redaction by shape', () => {
	test.each([
		['an IMS access token (JWT)', 'x eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0xMjM0.c2lnbmF0dXJlMTIz y', 'x [redacted] y'],
		['a bearer header', 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz', 'Authorization: Bearer [redacted]'],
		['an Azure AccountKey', 'AccountName=a;AccountKey=Zm9vYmFy+/==;EndpointSuffix=core', 'AccountName=a;AccountKey=[redacted];EndpointSuffix=core'],
		['a SAS signature', 'https://a.blob.core.windows.net/c?sv=2020&sig=abc%2Bdef%3D&se=2026', 'https://a.blob.core.windows.net/c?sv=2020&sig=[redacted]&se=2026'],
		['a SAS token on its own', 'sig=abcdef', 'sig=[redacted]'],
		['an AWS secret access key', 'key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end', 'key [redacted] end'],
	])('%s', (_name, text, expected) => {
		expect(redactSecrets(text, [])).toBe(expected);
	});

	test('IDs, etags, hex digests and continuation tokens are left alone', () => {
		const text = 'id 2edc08ac-4df5-4fe6-936f-81a19ce92f5c etag "0c003dbf-0000-0200-0000-5f36e92d0000" sha1 3f786850e387550fdab836ed7e6dc881de23001b token eyJvIjoxMDB9==';
		expect(redactSecrets(text, [])).toBe(text);
	});

	test('deep redaction keeps keys and non-string values', () => {
		expect(redactDeep({ a: ['x s3cr3t-value', 2], b: { c: null, d: true, e: 's3cr3t-value' } }, ['s3cr3t-value'])).toEqual({
			a: ['x [redacted]', 2],
			b: { c: null, d: true, e: '[redacted]' },
		});
	});

	test('secrets a request body carries are found by key', () => {
		const body = { name: 'n', auth: { specName: 'Access Key', params: { s3AccessKey: 'AKIA', s3SecretKey: 'shh', connectionString: 'cs', sasToken: 'sas' } } };
		expect(secretValuesIn(body).sort()).toEqual(['cs', 'sas', 'shh']);
		expect(bearerToken('Bearer abc.def')).toBe('abc.def');
		expect(bearerToken(undefined)).toBeUndefined();
	});
});

describe('header values', () => {
	test('etags are quoted once; anything that is not one printable token is refused', () => {
		expect(quotedEtag('0c00-0200')).toEqual({ value: '"0c00-0200"' });
		expect(quotedEtag('"0c00-0200"')).toEqual({ value: '"0c00-0200"' });
		// Weak etags never match an If-Match (RFC 9110 compares strongly), and Adobe's are strong.
		for (const bad of ['a\nb', 'a b', 'a"b', 'é', '""', 'x\r\nX-Injected: 1', 'W/"weak-1"']) expect(quotedEtag(bad)).toHaveProperty('problem');
	});

	test('header values with line breaks, control or non-ASCII characters are refused', () => {
		expect(headerValueProblem('prod')).toBeUndefined();
		expect(headerValueProblem('a\r\nX-Other: 1')).toMatch(/line break/);
		expect(headerValueProblem('sandbox-ü')).toMatch(/non-ASCII/);
	});
});

describe('page guard', () => {
	const context = { getNode: () => ({ name: 'AEP' }) };

	test(`a list that keeps pointing to new pages stops after ${MAX_PAGES} pages`, () => {
		const guard = new PageGuard(context, 'the list GET /runs');
		let thrown;
		try {
			for (let page = 1; page <= MAX_PAGES + 1; page++) guard.accept([{ id: `run-${page}` }], `token-${page}`);
		} catch (error) {
			thrown = error;
		}
		expect(thrown.message).toBe(`Reading the list GET /runs stopped: Adobe still pointed to a next page after ${MAX_PAGES} pages, the most this list can need`);
		expect(thrown.description).toMatch(new RegExp(`^Read ${MAX_PAGES} pages with ${MAX_PAGES} items`));
	});

	test('a list capped at N items needs at most N pages', () => {
		const guard = new PageGuard(context, 'the list GET /flows', 3);
		guard.accept([{ id: 'a' }], 't1');
		guard.accept([{ id: 'b' }], 't2');
		expect(() => guard.accept([{ id: 'c' }], 't3')).toThrow(/after 3 pages/);
	});
});
