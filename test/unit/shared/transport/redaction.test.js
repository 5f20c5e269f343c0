'use strict';
// Redaction by value and by shape.
const { redactSecrets, redactDeep, secretValuesIn, bearerToken } = require('../../../../dist/nodes/shared/transport/redaction');

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

	test('secrets and bearer tokens are redacted', () => {
		const text = 'secret s3cr3t-value and Bearer eyJhbGciOiJIUzI1NiJ9.abcdefghijklmnop in text';
		expect(redactSecrets(text, ['s3cr3t-value', undefined])).toBe('secret [redacted] and Bearer [redacted] in text');
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
