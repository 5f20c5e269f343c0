'use strict';
// Where the platform and IMS live for each credential environment.
const { resolveEndpoints } = require('../../../../dist/nodes/shared/aep/environments');

describe('environments', () => {
	test('production, stage and custom endpoints', () => {
		expect(resolveEndpoints({ environment: 'production' })).toEqual({ platformUrl: 'https://platform.adobe.io', imsUrl: 'https://ims-na1.adobelogin.com' });
		expect(resolveEndpoints({ environment: 'stage' })).toEqual({ platformUrl: 'https://platform-stage.adobe.io', imsUrl: 'https://ims-na1-stg1.adobelogin.com' });
		expect(resolveEndpoints({ environment: 'custom', platformUrl: 'http://127.0.0.1:5/', imsUrl: ' http://127.0.0.1:6// ' })).toEqual({ platformUrl: 'http://127.0.0.1:5', imsUrl: 'http://127.0.0.1:6' });
	});
});
