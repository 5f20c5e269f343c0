'use strict';
// Run times as epoch milliseconds, whatever spelling a payload uses.
const { epochMsOf } = require('../../../../dist/nodes/shared/aep/runTimes');

describe('run times', () => {
	test.each([
		['epoch milliseconds', 1767600000000, 1767600000000],
		['epoch seconds', 1767600000, 1767600000000],
		['numeric text', '1767600000000', 1767600000000],
		['ISO text', '2026-01-05T08:00:00Z', Date.UTC(2026, 0, 5, 8)],
		['missing', undefined, undefined],
		['null', null, undefined],
		['empty text', '', undefined],
		['garbage text', 'soon', undefined],
		['zero', 0, undefined],
		['negative', -5, undefined],
		['NaN', Number.NaN, undefined],
		['an object', { at: 1 }, undefined],
	])('%s', (_name, value, expected) => {
		expect(epochMsOf(value)).toBe(expected);
	});
});
