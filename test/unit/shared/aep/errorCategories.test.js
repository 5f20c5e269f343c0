'use strict';
// The error category of a run: one error by code and message, several by priority, a wrapper only
// when no error names a cause, and none for a run without errors.
const { errorCategory, errorCodeCategory, ERROR_CATEGORY_PRIORITY, ERROR_CATEGORY_RULES } = require('../../../../dist/nodes/shared/aep/errorCategories');
const { runErrors } = require('../../../../dist/nodes/shared/aep/runs');

const COPY_FAILED = { code: 'CONNECTOR-1001-500', message: 'Error while copying from the source.' };
const PROCESSING_FAILED = { code: 'CONNECTOR-2001-500', message: 'Error in processing (parsing, validation or transformation) the copied data.' };
const JOB_ABORTED = { code: 'ACTIVATION_BATCH-0000-FAILED', message: 'Job aborted.' };

describe('one error', () => {
	test.each([
		// credentials: status part 401/403, Flow Service permission codes, the I/O gateway, provider words
		['CONNECTOR-1001-401', '', 'credentials'],
		['CONNECTOR-1001-403', 'whatever the message says', 'credentials'],
		['FLOW-2120-403', 'Forbidden', 'credentials'],
		['FLOW-2115', '', 'credentials'],
		['401013', 'Oauth token is not valid', 'credentials'],
		['403010', '', 'credentials'],
		['CONNECTOR-1001-500', 'Failed to read data from the source: the remote server returned an error (403) Forbidden.', 'credentials'],
		['', 'The access token has expired.', 'credentials'],
		['', 'Invalid credentials supplied for user etl@acme.com', 'credentials'],
		['', 'Access Denied', 'credentials'],
		['', 'SFTP: Permission denied (publickey,password).', 'credentials'],
		['', 'Authentication failed for the Salesforce account', 'credentials'],
		['', 'Server failed to authenticate the request. AuthenticationFailed: Signature not valid in the specified time frame', 'credentials'],
		['', 'INVALID_SESSION_ID: Session expired or invalid', 'credentials'],
		['', 'Oauth token is missing.', 'credentials'],
		// sourceUnreachable: connection, DNS, timeouts; a batch without files
		['CONNECTOR-1001-500', 'Failed to connect to sftp.acme-corp.com:22: Connection timed out.', 'sourceUnreachable'],
		['', 'connect ECONNREFUSED 10.0.0.4:5432', 'sourceUnreachable'],
		['', 'getaddrinfo ENOTFOUND db.acme.internal', 'sourceUnreachable'],
		['', 'java.net.UnknownHostException: warehouse.acme.com', 'sourceUnreachable'],
		['', 'Read timed out', 'sourceUnreachable'],
		['', 'Unable to connect to the server', 'sourceUnreachable'],
		['133', 'We are unable to locate any files uploaded for this batch. Please upload files to ingest.', 'sourceUnreachable'],
		// mapping
		['MAPPER-3700-400', "Mapper Transform Error: failed to evaluate expression to_date(birthDate, 'yyyy-MM-dd').", 'mapping'],
		['', 'Mapping failed for field person.name.firstName', 'mapping'],
		['', 'Transformation error in calculated field fullName', 'mapping'],
		// schemaValidation: row validation codes and words
		['INGEST-1555-400', 'The required field personalEmail.address is missing or null.', 'schemaValidation'],
		['INGEST-1401-400', 'Corrupted row', 'schemaValidation'],
		['INGEST-1212-400', 'Encountered errors while validating the data against the target schema.', 'schemaValidation'],
		['', 'Value "abc" could not be converted to the XDM type integer', 'schemaValidation'],
		['', 'Type mismatch on column age', 'schemaValidation'],
		['', 'Required field _id missing', 'schemaValidation'],
		// destination
		['', 'Failed to upload the exported file to the destination: the bucket acme-exports does not exist.', 'destination'],
		['', 'Some records could not be exported.', 'destination'],
		['', 'Activation to the partner endpoint failed', 'destination'],
		['', 'Unable to write the file to the SFTP destination', 'destination'],
		['', 'Failed to write the batch', 'unknown'],
		// platform: Flow Service internal codes, throttling, Adobe's "contact support"
		['FLOW-1102-500', 'An internal error has occurred. Please try again.', 'platform'],
		['FLOW-1104-504', 'Gateway Timeout', 'platform'],
		['CONNECTOR-1001-429', '', 'platform'],
		['429050', 'Too many requests', 'platform'],
		['', 'The request was throttled', 'platform'],
		['', 'Service Unavailable', 'platform'],
		// wrappers alone: their own boilerplate names no cause
		[COPY_FAILED.code, COPY_FAILED.message, 'sourceUnreachable'],
		[PROCESSING_FAILED.code, PROCESSING_FAILED.message, 'schemaValidation'],
		['INGEST-1212-400', 'Encountered 403 errors in the data. Successfully ingested 597 rows. Review the associated diagnostics for details.', 'schemaValidation'],
		[JOB_ABORTED.code, JOB_ABORTED.message, 'destination'],
		['CONNECTOR-9100-500', '', 'platform'],
		// nothing known
		['XYZ', 'Something happened', 'unknown'],
		['', '', 'unknown'],
	])('%s %j -> %s', (code, message, category) => {
		expect(errorCodeCategory(code, message)).toBe(category);
	});

	test('on a destination flow an unreachable system is the destination; other categories stay', () => {
		expect(errorCodeCategory('', 'Connection refused', 'destination')).toBe('destination');
		expect(errorCodeCategory('', 'Connection refused', 'source')).toBe('sourceUnreachable');
		expect(errorCodeCategory('', 'Access Denied', 'destination')).toBe('credentials');
	});
});

describe('a run', () => {
	test('no errors: null, so a success is never a failure of unknown kind', () => {
		expect(errorCategory([])).toBeNull();
	});

	test('errors no rule knows: unknown', () => {
		expect(errorCategory([{ code: 'XYZ', message: 'Something happened' }])).toBe('unknown');
	});

	test('several causes: the documented priority decides, whatever the order', () => {
		const credentials = { code: 'FLOW-2120-403', message: 'Forbidden' };
		const unreachable = { code: '', message: 'Connection refused' };
		const mapping = { code: 'MAPPER-3700-400', message: 'Mapper Transform Error' };
		const schema = { code: 'INGEST-1555-400', message: 'Required field missing' };
		const destination = { code: '', message: 'Failed to upload the file to the destination' };
		const platform = { code: 'FLOW-1102-500', message: 'Internal Error' };
		const ordered = [credentials, unreachable, mapping, schema, destination, platform];
		expect(ERROR_CATEGORY_PRIORITY).toEqual(['credentials', 'sourceUnreachable', 'mapping', 'schemaValidation', 'destination', 'platform', 'unknown']);
		for (let i = 0; i < ordered.length; i++) {
			const rest = ordered.slice(i);
			expect(errorCategory(rest)).toBe(ERROR_CATEGORY_PRIORITY[i]);
			expect(errorCategory([...rest].reverse())).toBe(ERROR_CATEGORY_PRIORITY[i]);
		}
		expect(errorCategory([{ code: 'XYZ', message: 'odd' }, platform])).toBe('platform');
	});

	test('a cause wins over a wrapper of higher priority; wrappers decide only among themselves', () => {
		expect(errorCategory([COPY_FAILED, { code: 'FLOW-1102-500', message: 'An internal error has occurred.' }])).toBe('platform');
		expect(errorCategory([JOB_ABORTED, { code: '', message: 'Internal server error' }])).toBe('platform');
		expect(errorCategory([COPY_FAILED, PROCESSING_FAILED])).toBe('sourceUnreachable');
		expect(errorCategory([JOB_ABORTED, { code: 'CONNECTOR-9100-500', message: '' }])).toBe('destination');
		expect(errorCategory([PROCESSING_FAILED, { code: 'XYZ', message: 'odd' }])).toBe('schemaValidation');
	});

	test('Adobe\'s documented failed runs, read the way the trigger reads them', () => {
		const sourceRun = {
			metrics: { statusSummary: { status: 'failed', errors: [PROCESSING_FAILED] } },
			activities: [{ id: 'promotionActivity', statusSummary: { status: 'failed', errors: [PROCESSING_FAILED], extensions: { errors: [{ code: '133', message: 'We are unable to locate any files uploaded for this batch. Please upload files to ingest.' }] } } }],
		};
		const destinationRun = {
			metrics: { recordSummary: { failedInfo: [JOB_ABORTED] }, statusSummary: { status: 'failed', errors: [JOB_ABORTED] } },
			activities: [{ name: 'Activation Batch XdmProcessor Activity', recordSummary: { failedInfo: [JOB_ABORTED] }, statusSummary: { status: 'failed', errors: [JOB_ABORTED] } }],
		};
		expect(errorCategory(runErrors(sourceRun), 'source')).toBe('sourceUnreachable');
		expect(errorCategory(runErrors(destinationRun), 'destination')).toBe('destination');
	});

	test('the rule table is data: every rule has a category of the contract and patterns', () => {
		for (const rule of ERROR_CATEGORY_RULES) {
			expect(ERROR_CATEGORY_PRIORITY).toContain(rule.category);
			expect(rule.category).not.toBe('unknown');
			expect(rule.codePatterns.length + rule.messagePatterns.length).toBeGreaterThan(0);
			if (rule.generic) expect(rule.messagePatterns).toEqual([]);
		}
	});
});
