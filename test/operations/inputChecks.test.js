'use strict';
// Bad input fails with a message that names the field (as the editor shows it) and says what to do,
// before anything is sent: the simulator sees no request at all, not even for a token.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');

const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const FLOW_ID = '2edc08ac-4df5-4fe6-936f-81a19ce92f5c';
const CONNECTION_ID = 'cf4fce79-8822-456d-8fce-798822556dc6';
const DATASET_ID = '5e8e1a8ab1c1f318a8ad8e38';
const SCHEMA = 'https://ns.adobe.com/simorg/schemas/1f2e3d4c5b6a';
const TOO_LONG_ID = 'a'.repeat(129);
const LONGEST_ID = 'a'.repeat(128);

/** The JSON parser's own words for a text, as the node appends them after naming the field. */
function parserText(text) {
	try {
		JSON.parse(text);
	} catch (error) {
		return error.message;
	}
	throw new Error(`${text} is valid JSON`);
}

/** An ID as messages repeat it: its first 64 characters, then an ellipsis. */
const shortened = (id) => `${id.slice(0, 64)}…`;

const exportToLandingZone = (overrides = {}) => ({
	resource: 'datasetExport', operation: 'exportToLandingZone', name: 'Export', datasetIds: DATASET_ID, path: '/exports', fileType: 'PARQUET', compression: 'NONE',
	exportMode: 'DAILY_FULL_EXPORT', timeUnit: 'day', interval: 1, startTime: '2036-01-06T00:00:00Z', additionalFields: {}, ...overrides,
});
const flowFromFields = (overrides = {}) => ({
	resource: 'flow', operation: 'create', createType: 'fields', name: 'Orders', flowSpecId: FLOW_ID, sourceConnectionIds: CONNECTION_ID, targetConnectionIds: CONNECTION_ID,
	transformationsJson: '[]', mappingId: '', frequency: 'hour', interval: 1, startTime: '2036-01-06T00:00:00Z', ...overrides,
});
const flowExport = (overrides = {}) => ({
	resource: 'flow', operation: 'create', createType: 'dataLakeToLandingZone', name: 'Export', sourceConnectionId: byId(CONNECTION_ID), targetConnectionId: byId(CONNECTION_ID),
	exportTimeUnit: 'day', exportInterval: 1, exportStartTime: '2036-01-06T00:00:00Z', exportEndTime: '', exportMode: 'DAILY_FULL_EXPORT', ...overrides,
});
const patchWithEtag = (resource, locator, etag) => ({
	resource, operation: 'update', [locator]: byId(CONNECTION_ID), updateType: 'patch', operationsJson: '[{"op":"replace","path":"/name","value":"x"}]', etag,
});

const env = useEnvironment();

const cases = [
	// 1. Limit: a whole number of at least 1.
	['Limit 0 on Flow Get Many', { resource: 'flow', operation: 'getMany', returnAll: false, limit: 0 }, '"Limit" must be a whole number of at least 1, not 0'],
	['Limit -5 on Connection Get Many', { resource: 'connection', operation: 'getMany', returnAll: false, limit: -5 }, '"Limit" must be a whole number of at least 1, not -5'],
	['Limit 2.5 on Run Get Many', { resource: 'run', operation: 'getMany', returnAll: false, limit: 2.5 }, '"Limit" must be a whole number of at least 1, not 2.5'],
	['Limit 0 on Get Exportable Datasets', { resource: 'datasetExport', operation: 'getExportableDatasets', returnAll: false, limit: 0 }, '"Limit" must be a whole number of at least 1, not 0'],
	['Limit 2.5 from an expression on Source Connection Get Many', { resource: 'sourceConnection', operation: 'getMany', returnAll: false, limit: '={{ 2.5 }}' }, '"Limit" must be a whole number of at least 1, not 2.5'],
	['Latest Runs 2.5 on Flow Get Summary', { resource: 'flow', operation: 'getSummary', flowId: byId(FLOW_ID), latestRuns: 2.5 }, '"Latest Runs" must be a whole number from 0 to 100, not 2.5'],

	// 2. JSON fields name themselves, with the parser's words as detail only.
	['Transformations (JSON) that is not JSON', flowFromFields({ transformationsJson: '[{ "name": "Copy" ' }), `"Transformations (JSON)" is not valid JSON: ${parserText('[{ "name": "Copy" ')}`],
	['Transformations (JSON) that is an object', flowFromFields({ transformationsJson: '{ "name": "Copy" }' }), '"Transformations (JSON)" must be a JSON array'],
	['Transformations (JSON) with an entry that is no object', flowFromFields({ transformationsJson: '[{ "name": "Copy" }, 7]' }), 'Entry 2 of "Transformations (JSON)" is not a JSON object'],
	['Operations (JSON) that is not JSON', { resource: 'flow', operation: 'update', flowId: byId(FLOW_ID), updateType: 'patch', operationsJson: '[{ op: "remove" }]', etag: '' }, `"Operations (JSON)" is not valid JSON: ${parserText('[{ op: "remove" }]')}`],
	['Auth Params (JSON) that is an array', { resource: 'connection', operation: 'create', createType: 'fields', connectionName: 'S3', connectionSpecId: CONNECTION_ID, authSpecName: 'Access Key', authParams: '[]' }, '"Auth Params (JSON)" must be a JSON object'],
	['Flow (JSON) left blank', { resource: 'flow', operation: 'create', createType: 'json', flowJson: '={{ "" }}' }, '"Flow (JSON)" is empty'],

	// 3. IDs: the locator rules plus a maximum length, single or in lists.
	['a dataset ID with ../ (Flow Streaming From Dataset)', { resource: 'flow', operation: 'create', createType: 'streamingFromDataset', datasetId: '../dataSets/5e8e1a8ab1c1f318a8ad8e38' }, 'The Dataset ID "../dataSets/5e8e1a8ab1c1f318a8ad8e38" is not a valid ID'],
	['a dataset ID with ../ (Dataset Export)', exportToLandingZone({ datasetIds: `${DATASET_ID}, ../../flows` }), '"Dataset IDs" holds "../../flows", which is not a valid ID'],
	['a dataset ID with a query (Target Connection Create)', { resource: 'targetConnection', operation: 'create', createType: 'dataLake', name: 'x', datasetId: `${DATASET_ID}?limit=1`, schemaId: SCHEMA }, `The Dataset ID "${DATASET_ID}?limit=1" is not a valid ID`],
	['a dataset ID with a slash (Source Connection Create)', { resource: 'sourceConnection', operation: 'create', createType: 'dataLake', name: 'x', datasetIds: `${DATASET_ID},a/b/c/d/e/f` }, '"Dataset IDs" holds "a/b/c/d/e/f", which is not a valid ID'],
	['a flow ID longer than 128 characters', { resource: 'flow', operation: 'get', flowId: byId(TOO_LONG_ID) }, `The Flow "${shortened(TOO_LONG_ID)}" is not a valid ID`],
	['a dataset ID longer than 128 characters', exportToLandingZone({ datasetIds: TOO_LONG_ID }), `"Dataset IDs" holds "${shortened(TOO_LONG_ID)}", which is not a valid ID`],
	['a mapping ID with ../ (Flow Create)', flowFromFields({ mappingId: '../mappingSets/1' }), 'The Mapping ID "../mappingSets/1" is not a valid ID'],
	['a mapping ID with a query (Flow Update)', { resource: 'flow', operation: 'update', flowId: byId(FLOW_ID), updateType: 'fields', updateFields: { mappingId: 'mapping-1?x=y' }, etag: '' }, 'The Mapping ID "mapping-1?x=y" is not a valid ID'],
	['a flow spec ID with a slash (Flow Create)', flowFromFields({ flowSpecId: 'flowSpecs/1234567' }), 'The Flow Spec Name or ID "flowSpecs/1234567" is not a valid ID'],
	['a target connection ID list with a bad entry (Flow Create)', flowFromFields({ targetConnectionIds: `${CONNECTION_ID}, not an id` }), '"Target Connection IDs" holds "not an id", which is not a valid ID'],
	['a source connection ID filter with a bad entry', { resource: 'flow', operation: 'getMany', returnAll: true, filters: { sourceConnectionIds: `${CONNECTION_ID}, ${CONNECTION_ID}&property=x` } }, `"Source Connection IDs" holds "${CONNECTION_ID}&property=x", which is not a valid ID`],
	['a target connection ID filter with a bad entry', { resource: 'flow', operation: 'getMany', returnAll: true, filters: { targetConnectionIds: ['../x'] } }, '"Target Connection IDs" holds "../x", which is not a valid ID'],
	['a mapping ID filter with a comma', { resource: 'flow', operation: 'getMany', returnAll: true, filters: { mappingId: 'mapping-1,mapping-2' } }, 'The Mapping ID "mapping-1,mapping-2" is not a valid ID'],
	['a flow ID filter with ../ (Run Get Many)', { resource: 'run', operation: 'getMany', returnAll: true, filters: { flowIds: `${FLOW_ID},../runs` } }, '"Flow IDs" holds "../runs", which is not a valid ID'],
	['a base connection ID filter with a query (Source Connection Get Many)', { resource: 'sourceConnection', operation: 'getMany', returnAll: true, filters: { baseConnectionId: 'abc?x=1&y=2' } }, 'The Base Connection ID "abc?x=1&y=2" is not a valid ID'],
	['a connection spec filter with ../ (Connection Get Many)', { resource: 'connection', operation: 'getMany', returnAll: true, filters: { connectionSpecId: '={{ "../connectionSpecs" }}' } }, 'The Connection Spec Name or ID "../connectionSpecs" is not a valid ID'],
	['a connection spec ID with spaces (Connection Create)', { resource: 'connection', operation: 'create', createType: 'fields', connectionName: 'S3', connectionSpecId: 'amazon s3 spec', authParams: '{}' }, 'The Connection Spec Name or ID "amazon s3 spec" is not a valid ID'],

	// 4. Schedules and export windows that are clearly wrong.
	['a schedule start in 1999 (Flow Create)', flowFromFields({ startTime: '1999-12-31T23:00:00Z' }), '"Start Time" is before the year 2000 (1999-12-31T23:00:00.000Z)'],
	['a schedule start of epoch seconds in 1999 (Flow Create, Landing Zone to Data Lake)', { resource: 'flow', operation: 'create', createType: 'landingZoneToDataLake', name: 'x', sourceConnectionId: byId(CONNECTION_ID), targetConnectionId: byId(CONNECTION_ID), frequency: 'day', interval: 1, startTime: '={{ 946684799 }}', mappingId: '' }, '"Start Time" is before the year 2000 (1999-12-31T23:59:59.000Z)'],
	['a schedule start in 1999 (Flow Update)', { resource: 'flow', operation: 'update', flowId: byId(FLOW_ID), updateType: 'fields', updateFields: { startTime: '1999-06-01T00:00:00Z' }, etag: '' }, '"Schedule Start Time" is before the year 2000 (1999-06-01T00:00:00.000Z)'],
	['an export start in 1999 (Dataset Export)', exportToLandingZone({ startTime: '1999-01-01T00:00:00Z' }), '"Start Time" is before the year 2000 (1999-01-01T00:00:00.000Z)'],
	['an export start in 1999 (Flow Create)', flowExport({ exportStartTime: '1999-01-01T00:00:00Z' }), '"Export Start Time" is before the year 2000 (1999-01-01T00:00:00.000Z)'],
	['an export window ending before it starts (Dataset Export)', exportToLandingZone({ additionalFields: { endTime: '2036-01-05T00:00:00Z' } }), '"End Time" must be after "Start Time"'],
	['an export window ending before it starts (Flow Create)', flowExport({ exportEndTime: '2036-01-05T00:00:00Z' }), '"Export End Time" must be after "Export Start Time"'],
	['an export window that has already ended (Dataset Export)', exportToLandingZone({ startTime: '2020-01-01T00:00:00Z', additionalFields: { endTime: '2021-01-01T00:00:00Z' } }), '"End Time" has already passed (2021-01-01T00:00:00.000Z)'],
	['an export window that has already ended (Flow Create)', flowExport({ exportStartTime: '2020-01-01T00:00:00Z', exportEndTime: '2020-06-01T00:00:00Z' }), '"Export End Time" has already passed (2020-06-01T00:00:00.000Z)'],

	// 5. Etags go into If-Match: one printable ASCII token, optionally quoted.
	['an etag with a line break (Flow Update)', { resource: 'flow', operation: 'update', flowId: byId(FLOW_ID), updateType: 'patch', operationsJson: '[{"op":"remove","path":"/description"}]', etag: '"0c003dbf"\r\nX-Injected: 1' }, '"Etag" holds a line break'],
	['an etag with non-ASCII (Flow Enable)', { resource: 'flow', operation: 'enable', flowId: byId(FLOW_ID), etag: '"0c003dbf-é"' }, '"Etag" holds a character that is not printable ASCII'],
	['an etag with a tab (Flow Disable)', { resource: 'flow', operation: 'disable', flowId: byId(FLOW_ID), etag: '0c003dbf\t0000' }, '"Etag" holds a character that is not printable ASCII'],
	['an etag with an inner quote (Connection Update)', patchWithEtag('connection', 'connectionId', '"0c003dbf"0000"'), '"Etag" holds a double quote inside its quotes'],
	['an etag with one quote (Target Connection Update)', patchWithEtag('targetConnection', 'targetConnectionId', '"0c003dbf'), '"Etag" holds a double quote that is not one of a pair around it'],
	['an etag with a space (Source Connection Update)', patchWithEtag('sourceConnection', 'sourceConnectionId', '"0c003dbf 0000"'), '"Etag" holds a space'],
	['an etag of empty quotes (Flow Update Policies)', { resource: 'flow', operation: 'updatePolicies', flowId: byId(FLOW_ID), policies: 'pol/a', policyMode: 'replace', etag: '""' }, '"Etag" holds nothing between its quotes'],
];

test.each(cases)('%s fails before any request, naming the field', async (_name, parameters, message) => {
	env.sim.log.clear();
	const { error } = await env.n8n.runAepNode(parameters);
	expect(error?.message).toBe(message);
	expect(error.description).toEqual(expect.stringMatching(/\S/));
	expect(platformCalls(env.sim)).toEqual([]);
	expect(env.sim.log.entries()).toEqual([]);
});

test('a bad etag is not repeated in the message', async () => {
	const { error } = await env.n8n.runAepNode(patchWithEtag('connection', 'connectionId', '"0c003dbf"\nX-Injected: yes'));
	expect(`${error.message}\n${error.description}`).not.toMatch(/X-Injected/);
});

test('an ID of exactly 128 characters is still sent, and a well-formed etag is sent quoted', async () => {
	const tooLongStill = await env.n8n.runAepNode({ resource: 'flow', operation: 'get', flowId: byId(LONGEST_ID) });
	expect(tooLongStill.error.message).toMatch(/404 Not Found/);
	expect(platformCalls(env.sim).map((call) => `${call.method} ${call.path}`)).toEqual([`GET /flows/${LONGEST_ID}`]);

	const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled' });
	env.sim.log.clear();
	const unquoted = flow.etag.replace(/"/g, '');
	const { error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'enable', flowId: byId(flow.id), etag: ` ${unquoted} ` });
	expect(error).toBeUndefined();
	expect(platformCalls(env.sim)[0]).toMatchObject({ method: 'POST', path: `/flows/${flow.id}/action`, ifMatch: `"${unquoted}"` });
});
