'use strict';
// Date-times without an offset are read in the workflow's time zone (its settings), wherever n8n runs:
// every operation that reads a date, through real workflow executions, asserting the exact epoch values
// Experience Platform received. Values with an offset or Z, and epoch numbers, keep their meaning.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');

const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const HOUR = 3600_000;
const seconds = (ms) => Math.floor(ms / 1000);

const env = useEnvironment();

const runIn = async (timezone, parameters) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode(parameters, { settings: timezone === undefined ? {} : { timezone } });
};

/** How far each zone's clock is ahead of UTC in January 2026 (no daylight saving time in any of them). */
const JANUARY_ZONES = [
	['UTC', 0],
	['America/New_York', -5 * HOUR],
	['Asia/Kolkata', 5.5 * HOUR],
];

/** The instant at which a clock `offset` ahead of UTC shows the given wall time. */
const at = (offset, ...wall) => Date.UTC(...wall) - offset;

const seedSource = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled' })[0];
const seedEnabled = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' })[0];
const post = (path) => platformCalls(env.sim).find((call) => call.method === 'POST' && call.path === path);

describe('Run → Create', () => {
	test.each(JANUARY_ZONES)('window and start without an offset are read in %s', async (timezone, offset) => {
		const flow = seedEnabled();
		const { error } = await runIn(timezone, {
			resource: 'run', operation: 'create', flowId: byId(flow.id),
			windowStartTime: '2026-01-04T00:00:00', windowEndTime: '2026-01-05T00:00:00',
			additionalFields: { startTime: '2026-01-05T09:30:00' },
		});
		expect(error).toBeUndefined();
		expect(post('/runs').body).toEqual({
			flowId: flow.id,
			params: {
				startTime: String(seconds(at(offset, 2026, 0, 5, 9, 30))),
				windowStartTime: String(seconds(at(offset, 2026, 0, 4))),
				windowEndTime: String(seconds(at(offset, 2026, 0, 5))),
			},
		});
	});

	test('a window across the start of daylight saving time in New York is 23 hours long', async () => {
		const flow = seedEnabled();
		const { error } = await runIn('America/New_York', {
			resource: 'run', operation: 'create', flowId: byId(flow.id),
			windowStartTime: '2026-03-07T12:00:00', windowEndTime: '2026-03-08T12:00:00',
			additionalFields: { startTime: '2026-03-09T08:00' },
		});
		expect(error).toBeUndefined();
		const { params } = post('/runs').body;
		// 12:00 EST is 17:00Z; 12:00 EDT the next day is 16:00Z; 08:00 EDT is 12:00Z.
		expect(params).toEqual({
			startTime: String(seconds(Date.UTC(2026, 2, 9, 12))),
			windowStartTime: String(seconds(Date.UTC(2026, 2, 7, 17))),
			windowEndTime: String(seconds(Date.UTC(2026, 2, 8, 16))),
		});
		expect(Number(params.windowEndTime) - Number(params.windowStartTime)).toBe(23 * 3600);
	});

	test('offsets, Z and epoch numbers keep their meaning in any zone', async () => {
		const flow = seedEnabled();
		const { error } = await runIn('Asia/Kolkata', {
			resource: 'run', operation: 'create', flowId: byId(flow.id),
			windowStartTime: '2026-01-04T00:00:00Z', windowEndTime: '2026-01-05T00:00:00-05:00',
			additionalFields: { startTime: '={{ 1767605400 }}' },
		});
		expect(error).toBeUndefined();
		expect(post('/runs').body.params).toEqual({
			startTime: '1767605400',
			windowStartTime: String(seconds(Date.UTC(2026, 0, 4))),
			windowEndTime: String(seconds(Date.UTC(2026, 0, 5, 5))),
		});
	});

	test("without a zone in the workflow's settings, the instance's default zone is used (n8n's own default is America/New_York)", async () => {
		const flow = seedEnabled();
		const { error } = await runIn(undefined, {
			resource: 'run', operation: 'create', flowId: byId(flow.id),
			windowStartTime: '2026-01-04T00:00:00', windowEndTime: '2026-01-05T00:00:00',
		});
		expect(error).toBeUndefined();
		expect(post('/runs').body.params.windowStartTime).toBe(String(seconds(Date.UTC(2026, 0, 4, 5))));
	});

	test('an unknown workflow time zone fails before any call, naming the field and the zone', async () => {
		const flow = seedEnabled();
		const { error } = await runIn('Mars/Olympus_Mons', {
			resource: 'run', operation: 'create', flowId: byId(flow.id),
			windowStartTime: '2026-01-04T00:00:00', windowEndTime: '2026-01-05T00:00:00Z',
		});
		expect(error.message).toBe('"Window Start" has no UTC offset, and the workflow\'s time zone "Mars/Olympus_Mons" is not a valid time zone');
		expect(error.description).toMatch(/workflow's Timezone \(workflow settings\)/);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('a date that does not exist fails before any call, naming the field', async () => {
		const flow = seedEnabled();
		const { error } = await runIn('Asia/Kolkata', {
			resource: 'run', operation: 'create', flowId: byId(flow.id),
			windowStartTime: '2026-02-30T00:00:00', windowEndTime: '2026-03-01T00:00:00',
		});
		expect(error.message).toBe('"Window Start" is not a valid date and time: 2026-02-30T00:00:00');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('Run → Get Many', () => {
	test.each(JANUARY_ZONES)('Started After and Started Before are read in %s', async (timezone, offset) => {
		const { error } = await runIn(timezone, {
			resource: 'run', operation: 'getMany', returnAll: false, limit: 5,
			filters: { startedAfter: '2026-01-04T06:00:00', startedBefore: '2026-01-05T06:00:00' },
		});
		expect(error).toBeUndefined();
		const [call] = platformCalls(env.sim);
		expect(call.query.property).toEqual([
			`metrics.durationSummary.startedAtUTC>${at(offset, 2026, 0, 4, 6)}`,
			`metrics.durationSummary.startedAtUTC<${at(offset, 2026, 0, 5, 6)}`,
		]);
	});
});

describe('Flow → Create and Update schedules', () => {
	test.each(JANUARY_ZONES)('a source schedule start (From Fields) is read in %s', async (timezone, offset) => {
		const existing = seedSource();
		const { error } = await runIn(timezone, {
			resource: 'flow', operation: 'create', createType: 'fields', name: 'Orders', flowSpecId: existing.flowSpec.id,
			sourceConnectionIds: existing.sourceConnectionIds.join(','), targetConnectionIds: existing.targetConnectionIds.join(','),
			transformationsJson: '[]', mappingId: '', frequency: 'day', interval: 1, startTime: '2026-02-01T02:00:00',
		});
		expect(error).toBeUndefined();
		expect(post('/flows').body.scheduleParams).toEqual({ frequency: 'day', interval: 1, startTime: seconds(at(offset, 2026, 1, 1, 2)) });
	});

	test('a schedule start after the change to summer time in New York is read in EDT (Landing Zone to Data Lake)', async () => {
		const existing = seedSource();
		const { error } = await runIn('America/New_York', {
			resource: 'flow', operation: 'create', createType: 'landingZoneToDataLake', name: 'DLZ in',
			sourceConnectionId: byId(existing.sourceConnectionIds[0]), targetConnectionId: byId(existing.targetConnectionIds[0]),
			frequency: 'hour', interval: 1, startTime: '2026-03-09T08:00:00', mappingId: '',
		});
		expect(error).toBeUndefined();
		expect(post('/flows').body.scheduleParams).toEqual({ frequency: 'hour', interval: 1, startTime: seconds(Date.UTC(2026, 2, 9, 12)) });
	});

	test.each(JANUARY_ZONES)('an export start and end (Data Lake to Landing Zone) are read in %s', async (timezone, offset) => {
		const existing = seedSource();
		const { error } = await runIn(timezone, {
			resource: 'flow', operation: 'create', createType: 'dataLakeToLandingZone', name: 'Export',
			sourceConnectionId: byId(existing.sourceConnectionIds[0]), targetConnectionId: byId(existing.targetConnectionIds[0]),
			exportTimeUnit: 'day', exportInterval: 1, exportStartTime: '2036-01-06T00:00:00', exportEndTime: '2036-01-20T00:00:00', exportMode: 'DAILY_FULL_EXPORT',
		});
		expect(error).toBeUndefined();
		expect(post('/flows').body.scheduleParams).toEqual({
			timeUnit: 'day', interval: 1, exportMode: 'DAILY_FULL_EXPORT',
			startTime: seconds(at(offset, 2036, 0, 6)),
			endTime: seconds(at(offset, 2036, 0, 20)),
		});
	});

	test.each(JANUARY_ZONES)('Update: a schedule start is read in %s', async (timezone, offset) => {
		const flow = seedSource();
		const { error } = await runIn(timezone, {
			resource: 'flow', operation: 'update', flowId: byId(flow.id), updateType: 'fields', etag: '',
			updateFields: { frequency: 'hour', interval: 2, startTime: '2026-02-01T02:00:00' },
		});
		expect(error).toBeUndefined();
		const patch = platformCalls(env.sim).find((call) => call.method === 'PATCH');
		expect(patch.body).toEqual([
			{ op: 'replace', path: '/scheduleParams/frequency', value: 'hour' },
			{ op: 'replace', path: '/scheduleParams/startTime', value: seconds(at(offset, 2026, 1, 1, 2)) },
			{ op: 'replace', path: '/scheduleParams/interval', value: 2 },
		]);
	});
});

describe('Dataset Export → Export to Landing Zone', () => {
	test.each(JANUARY_ZONES)('start and end are read in %s', async (timezone, offset) => {
		const [dataset] = env.sim.store.seedDatasets({ sandbox: 'prod', count: 1 });
		const { error } = await runIn(timezone, {
			resource: 'datasetExport', operation: 'exportToLandingZone', name: 'Web Events export', datasetIds: dataset.id, path: '/exports/web',
			fileType: 'PARQUET', compression: 'NONE', exportMode: 'DAILY_FULL_EXPORT', timeUnit: 'hour', interval: 6,
			startTime: '2036-01-06T00:00:00', additionalFields: { endTime: '2036-02-06T12:00:00' },
		});
		expect(error).toBeUndefined();
		expect(post('/flows').body.scheduleParams).toEqual({
			timeUnit: 'hour', interval: 6, exportMode: 'DAILY_FULL_EXPORT',
			startTime: seconds(at(offset, 2036, 0, 6)),
			endTime: seconds(at(offset, 2036, 1, 6, 12)),
		});
	});

	test('an unknown workflow time zone fails before any call', async () => {
		const [dataset] = env.sim.store.seedDatasets({ sandbox: 'prod', count: 1 });
		const { error } = await runIn('Not/A_Zone', {
			resource: 'datasetExport', operation: 'exportToLandingZone', name: 'Web Events export', datasetIds: dataset.id, path: '/exports/web',
			fileType: 'PARQUET', compression: 'NONE', exportMode: 'DAILY_FULL_EXPORT', timeUnit: 'hour', interval: 6,
			startTime: '2036-01-06T00:00:00', additionalFields: {},
		});
		expect(error.message).toBe('"Start Time" has no UTC offset, and the workflow\'s time zone "Not/A_Zone" is not a valid time zone');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});
