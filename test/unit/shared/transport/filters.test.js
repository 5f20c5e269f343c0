'use strict';
// Flow Service property filters, built and parsed.
const { propertyFilter, parseRawFilter } = require('../../../../dist/nodes/shared/transport/filters');

describe('property filters', () => {
	test('bad filters are refused with a message naming the problem', () => {
		expect(() => propertyFilter('bad path', '==', 'x')).toThrow(/not a valid property path/);
		expect(() => propertyFilter('createdAt', '>', [1, 2])).toThrow(/accepts a single value/);
		expect(() => propertyFilter('state', '==', '')).toThrow(/has no value/);
		expect(parseRawFilter('metrics.statusSummary.status==failed,partialSuccess')).toEqual({ path: 'metrics.statusSummary.status', operator: '==', values: ['failed', 'partialSuccess'] });
		expect(parseRawFilter('createdAt>=5').operator).toBe('>=');
		expect(() => parseRawFilter('state=enabled')).toThrow(/is not a property filter/);
	});
});
