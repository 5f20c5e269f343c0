'use strict';
// Query strings: URL-encoded values, repeated parameters.
const { toQueryString, withQuery } = require('../../../../dist/nodes/shared/transport/query');
const { propertyFilter, propertyParams } = require('../../../../dist/nodes/shared/transport/filters');

describe('query strings', () => {
	test('repeated, URL-encoded property parameters', () => {
		const filters = [propertyFilter('state', '==', 'enabled'), propertyFilter('sourceConnectionIds[]', '==', ['a', 'b']), propertyFilter('createdAt', '>=', 1700000000000)];
		expect(toQueryString({ property: propertyParams(filters), limit: 100, count: undefined })).toBe(
			'property=state%3D%3Denabled&property=sourceConnectionIds%5B%5D%3D%3Da%2Cb&property=createdAt%3E%3D1700000000000&limit=100',
		);
		expect(withQuery('/flows?x=1', { limit: 5 })).toBe('/flows?x=1&limit=5');
		expect(withQuery('/flows', {})).toBe('/flows');
	});
});
