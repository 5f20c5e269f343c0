'use strict';
// Reading Adobe's error shapes and IMS refusals.
const { parseAdobeError, describeImsFailure } = require('../../../../dist/nodes/shared/transport/errors');

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
});
