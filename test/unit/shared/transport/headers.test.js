'use strict';
// Header values and etags that may be sent.
const { headerValueProblem, quotedEtag } = require('../../../../dist/nodes/shared/transport/headers');

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
