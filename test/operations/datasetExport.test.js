'use strict';
// Dataset export resource: exportable datasets read with offset paging, and the one-step export to the
// Data Landing Zone (base, source and target connections plus the flow) with its rollback on failure.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');

const DATA_LAKE_SOURCE_SPEC = '23598e46-f560-407b-88d5-ea6207e49db0';
const DLZ_DESTINATION_SPEC = '10440537-2a7b-4583-ac39-ed38d4b848e8';
const DATASET_EXPORT_FLOW_SPEC = 'cd2fc47e-e838-4f38-a581-8fff2f99b63a';
const CONFIGS = `/connectionSpecs/${DATA_LAKE_SOURCE_SPEC}/configs`;
const FLOWS = '/data/foundation/flowservice/flows';

const env = useEnvironment();

const runNode = async (parameters, options) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode({ resource: 'datasetExport', ...parameters }, options);
};

const stored = (resource) => env.sim.store.list('prod', resource);
const lines = () => platformCalls(env.sim).map((c) => `${c.method} ${c.path} ${c.status}`);

const exportParameters = (datasetIds, overrides = {}) => ({
	operation: 'exportToLandingZone',
	name: 'Web Events export',
	datasetIds,
	path: '/exports/web',
	fileType: 'PARQUET',
	compression: 'NONE',
	exportMode: 'DAILY_FULL_EXPORT',
	timeUnit: 'hour',
	interval: 6,
	startTime: '2036-01-06T00:00:00Z',
	additionalFields: {
		description: 'Nightly copy for the data team',
		endTime: '2036-02-06T00:00:00Z',
		folderNameTemplate: '%DESTINATION%_%DATASET_ID%_%DATETIME(YYYYMMdd_HHmmss)%',
	},
	...overrides,
});

describe('Get Exportable Datasets', () => {
	test('asks the data lake source spec with start/limit and honours Limit', async () => {
		const datasets = env.sim.store.seedDatasets({ sandbox: 'prod', count: 5 });
		const { items, error } = await runNode({ operation: 'getExportableDatasets', limit: 3 });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim)).toEqual([
			{
				method: 'GET',
				service: 'flowservice',
				path: CONFIGS,
				query: { outputType: 'activationDatasets', outputField: 'datasets', start: '0', limit: '3' },
				body: undefined,
				ifMatch: undefined,
				status: 200,
			},
		]);
		expect(items.map((i) => i.json.id)).toEqual(datasets.slice(0, 3).map((d) => d.id));
		expect(items[0].json).toMatchObject({ name: datasets[0].name, fileDescription: { format: 'parquet' } });
	});

	test('Return All walks the offset pages until hasNext is false', async () => {
		const datasets = env.sim.store.seedDatasets({ sandbox: 'prod', count: 130 });
		const { items, error } = await runNode({ operation: 'getExportableDatasets', returnAll: true });
		expect(error).toBeUndefined();
		expect(platformCalls(env.sim).map((c) => [c.query.start, c.query.limit])).toEqual([
			['0', '100'],
			['100', '100'],
		]);
		expect(items.map((i) => i.json.id)).toEqual(datasets.map((d) => d.id));
	});
});

describe('Export to Landing Zone', () => {
	test('checks the datasets, then creates base, source, target and flow and returns every id', async () => {
		const [first, second] = env.sim.store.seedDatasets({ sandbox: 'prod', count: 3 });
		const { items, error } = await runNode(exportParameters(` ${first.id}, ${second.id} ,${first.id}`));
		expect(error).toBeUndefined();
		const calls = platformCalls(env.sim);
		expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
			`GET ${CONFIGS} 200`,
			'POST /connections 201',
			'POST /sourceConnections 201',
			'POST /targetConnections 201',
			'POST /flows 201',
			expect.stringMatching(/^GET \/flows\/[\w-]+ 200$/),
		]);
		expect(calls[0].query).toEqual({ outputType: 'activationDatasets', outputField: 'datasets', start: '0', limit: '100' });
		const output = items[0].json;
		expect(calls[1].body).toEqual({ name: 'Web Events export (base connection)', connectionSpec: { id: DLZ_DESTINATION_SPEC, version: '1.0' } });
		expect(calls[2].body).toEqual({
			name: 'Web Events export (source)',
			description: 'Nightly copy for the data team',
			data: { format: 'delimited' },
			params: { datasets: [{ dataSetId: first.id }, { dataSetId: second.id }] },
			connectionSpec: { id: DATA_LAKE_SOURCE_SPEC, version: '1.0' },
		});
		expect(calls[3].body).toEqual({
			name: 'Web Events export (target)',
			description: 'Nightly copy for the data team',
			baseConnectionId: output.baseConnectionId,
			params: { mode: 'Server-to-server', path: '/exports/web', compression: 'NONE', datasetFileType: 'PARQUET' },
			connectionSpec: { id: DLZ_DESTINATION_SPEC, version: '1.0' },
		});
		expect(calls[4].body).toEqual({
			name: 'Web Events export',
			description: 'Nightly copy for the data team',
			flowSpec: { id: DATASET_EXPORT_FLOW_SPEC, version: '1.0' },
			sourceConnectionIds: [output.sourceConnectionId],
			targetConnectionIds: [output.targetConnectionId],
			transformations: [],
			scheduleParams: {
				timeUnit: 'hour',
				interval: 6,
				startTime: 2083190400,
				endTime: 2085868800,
				exportMode: 'DAILY_FULL_EXPORT',
				foldernameTemplate: '%DESTINATION%_%DATASET_ID%_%DATETIME(YYYYMMdd_HHmmss)%',
			},
		});
		expect(calls[4].body.scheduleParams.frequency).toBeUndefined();
		expect(calls[5].path).toBe(`/flows/${output.flowId}`);

		expect(Object.keys(output).sort()).toEqual(['baseConnectionId', 'datasetIds', 'flow', 'flowId', 'sourceConnectionId', 'targetConnectionId']);
		expect(output.datasetIds).toEqual([first.id, second.id]);
		expect(output.flow).toMatchObject({ id: output.flowId, state: 'enabled', inheritedAttributes: { properties: { isDestinationFlow: true } } });
		expect(stored('connections').map((c) => c.id)).toEqual([output.baseConnectionId]);
		expect(stored('sourceConnections').map((c) => c.id)).toEqual([output.sourceConnectionId]);
		expect(stored('targetConnections').map((c) => c.id)).toEqual([output.targetConnectionId]);
		expect(stored('flows').map((f) => f.id)).toEqual([output.flowId]);
	});

	test('JSON is always gzip-compressed; a daily schedule without end or template sends only what was set', async () => {
		const [dataset] = env.sim.store.seedDatasets({ sandbox: 'prod', count: 1 });
		const { error } = await runNode(
			exportParameters(dataset.id, { fileType: 'JSON', compression: 'NONE', exportMode: 'FIRST_FULL_THEN_INCREMENTAL', timeUnit: 'day', interval: 1, additionalFields: {} }),
		);
		expect(error).toBeUndefined();
		const calls = platformCalls(env.sim);
		const target = calls.find((c) => c.path === '/targetConnections');
		expect(target.body.params).toEqual({ mode: 'Server-to-server', path: '/exports/web', compression: 'GZIP', datasetFileType: 'JSON' });
		expect(target.body.description).toBeUndefined();
		const flow = calls.find((c) => c.method === 'POST' && c.path === '/flows');
		expect(flow.body.scheduleParams).toEqual({ timeUnit: 'day', interval: 1, startTime: 2083190400, exportMode: 'FIRST_FULL_THEN_INCREMENTAL' });
		expect(flow.body.description).toBeUndefined();
	});

	test.each([
		['an hourly interval that is not 3, 6, 9 or 12', { timeUnit: 'hour', interval: 5 }, '"Interval" must be 3, 6, 9, 12 when "Time Unit" is hour (got 5)'],
		['a daily interval other than 1', { timeUnit: 'day', interval: 3 }, '"Interval" must be 1 when "Time Unit" is day (got 3)'],
		['an end before the start', { additionalFields: { endTime: '2036-01-05T00:00:00Z' } }, '"End Time" must be after "Start Time"'],
		['a missing start', { startTime: '={{ "" }}' }, '"Start Time" is required for a dataset export schedule'],
		['an unreadable start', { startTime: 'next monday' }, '"Start Time" is not a valid date and time: next monday'],
		['no dataset', { datasetIds: '={{ " , " }}' }, '"Dataset IDs" is empty'],
		['a malformed dataset id', { datasetIds: '5f8e1c2a9b3d4e0017a1b2c3, not an id' }, '"Dataset IDs" holds "not an id", which is not a valid ID'],
		['an empty name', { name: '={{ "" }}' }, '"Name" is empty'],
		['an empty path', { path: '={{ "" }}' }, '"Path" is empty'],
	])('%s fails before any call, naming the field', async (_case, overrides, message) => {
		const [dataset] = env.sim.store.seedDatasets({ sandbox: 'prod', count: 1 });
		const { error } = await runNode(exportParameters(dataset.id, overrides));
		expect(error.message).toBe(message);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('datasets that are not exportable stop the export before anything is created', async () => {
		const [dataset] = env.sim.store.seedDatasets({ sandbox: 'prod', count: 1 });
		const { error } = await runNode(exportParameters(`${dataset.id},5f0000000000000000000000`));
		expect(error.message).toBe('These datasets cannot be exported: 5f0000000000000000000000');
		expect(error.description).toMatch(/Nothing was created/);
		expect(lines()).toEqual([`GET ${CONFIGS} 200`]);
	});

	test.each([400, 500])('a %i on the flow create deletes the three connections again and says so', async (status) => {
		const [dataset] = env.sim.store.seedDatasets({ sandbox: 'prod', count: 1 });
		env.sim.faults.add({ method: 'POST', path: FLOWS, status, times: 1 });
		const { items, error } = await runNode(exportParameters(dataset.id));
		expect(items).toEqual([]);
		const calls = platformCalls(env.sim);
		const deleted = calls.filter((c) => c.method === 'DELETE');
		expect(calls.map((c) => `${c.method} ${c.path.replace(/\/[\w-]{36}$/, '/{id}')} ${c.status}`)).toEqual([
			`GET ${CONFIGS} 200`,
			'POST /connections 201',
			'POST /sourceConnections 201',
			'POST /targetConnections 201',
			`POST /flows ${status}`,
			// A 500 may come after the flow was stored: the rollback first looks for a flow using the new connections.
			...(status >= 500 ? ['GET /flows 200'] : []),
			'DELETE /targetConnections/{id} 204',
			'DELETE /sourceConnections/{id} 204',
			'DELETE /connections/{id} 204',
		]);
		const deletedIds = deleted.map((c) => c.path.split('/').pop());
		expect(error.message).toMatch(new RegExp(`^Exporting the datasets to the Data Landing Zone failed: Adobe Experience Platform answered ${status}`));
		expect(error.description).toContain(`Deleted again: target connection ${deletedIds[0]}, source connection ${deletedIds[1]}, base connection ${deletedIds[2]}.`);
		// No orphans: the simulator holds none of what was created.
		expect(stored('connections')).toEqual([]);
		expect(stored('sourceConnections')).toEqual([]);
		expect(stored('targetConnections')).toEqual([]);
		expect(stored('flows')).toEqual([]);
	});

	test('a failure on the target connection removes the source and base connections', async () => {
		const [dataset] = env.sim.store.seedDatasets({ sandbox: 'prod', count: 1 });
		env.sim.faults.add({ method: 'POST', path: '/data/foundation/flowservice/targetConnections', status: 500, times: 1 });
		const { error } = await runNode(exportParameters(dataset.id));
		expect(lines().slice(-4)).toEqual([
			'POST /targetConnections 500',
			// It may have been stored before the 500: looked up through the base connection it points at.
			'GET /targetConnections 200',
			expect.stringMatching(/^DELETE \/sourceConnections\/[\w-]+ 204$/),
			expect.stringMatching(/^DELETE \/connections\/[\w-]+ 204$/),
		]);
		expect(error.description).toMatch(/Deleted again: source connection [\w-]+, base connection [\w-]+\./);
		expect(stored('connections')).toEqual([]);
		expect(stored('sourceConnections')).toEqual([]);
	});
});
