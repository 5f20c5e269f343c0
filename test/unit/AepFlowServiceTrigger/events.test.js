'use strict';
// The trigger's pure event logic: what each event matches, the server filters it asks for, the key
// it is remembered by, the item it emits, and the registry the node description and the poll read.
const { isEvent, eventKey, runFilters, serverStatuses, RUN_EVENTS, DEFAULT_EVENT, isTriggerEvent, readEventSettings, timeField } = require('../../../dist/nodes/AepFlowServiceTrigger/events/eventRegistry');
const { eventItem, EVENT_PARAMETER } = require('../../../dist/nodes/AepFlowServiceTrigger/events/runEvent');
const { newRun } = require('../../../dist/nodes/AepFlowServiceTrigger/events/newRun');
const { failedRun } = require('../../../dist/nodes/AepFlowServiceTrigger/events/failedRun');
const { finishedRun } = require('../../../dist/nodes/AepFlowServiceTrigger/events/finishedRun');
const { delayedRun } = require('../../../dist/nodes/AepFlowServiceTrigger/events/delayedRun');
const { AepFlowServiceTrigger } = require('../../../dist/nodes/AepFlowServiceTrigger/AepFlowServiceTrigger.node');

const run = (status, extra = {}) => ({
	id: `run-${status}`,
	flowId: 'flow-1',
	createdAt: 1,
	updatedAt: 2,
	metrics: {
		statusSummary: { status, errors: status === 'failed' ? [{ code: 'CONNECTOR-1001-500', message: 'copy failed' }] : [] },
		durationSummary: { startedAtUTC: Date.UTC(2026, 0, 1, 8, 0, 0), completedAtUTC: Date.UTC(2026, 0, 1, 8, 2, 30) },
		recordSummary: { inputRecordCount: 1000, outputRecordCount: 990, failedRecordCount: extra.failed ?? 0 },
	},
	...extra.run,
});

const settings = (overrides) => ({
	event: 'failedRun', flowIds: [], flowKind: 'all', includePartialSuccess: false, minFailedRecords: 1, minFailedPercent: 0, statuses: [], ...overrides,
});

describe('events', () => {
	test('failedRun fires on failed runs, and on partial success only past the thresholds', () => {
		expect(isEvent(run('failed'), 'source', settings())).toBe(true);
		expect(isEvent(run('success', { failed: 10 }), 'source', settings())).toBe(false);
		const partial = settings({ includePartialSuccess: true, minFailedRecords: 10, minFailedPercent: 0.5 });
		expect(isEvent(run('partialSuccess', { failed: 10 }), 'source', partial)).toBe(true);
		expect(isEvent(run('success', { failed: 10 }), 'source', partial)).toBe(true);
		expect(isEvent(run('success', { failed: 9 }), 'source', partial)).toBe(false);
		expect(isEvent(run('success', { failed: 10 }), 'source', { ...partial, minFailedPercent: 2 })).toBe(false);
		expect(isEvent(run('inProgress'), 'source', partial)).toBe(false);
	});

	test('finishedRun follows the chosen statuses; flow and kind filters apply to every event', () => {
		const finished = settings({ event: 'finishedRun', statuses: ['success'] });
		expect(isEvent(run('success'), 'source', finished)).toBe(true);
		expect(isEvent(run('failed'), 'source', finished)).toBe(false);
		expect(isEvent(run('inProgress'), 'source', settings({ event: 'newRun' }))).toBe(true);
		expect(isEvent(run('failed'), 'destination', settings({ flowKind: 'source' }))).toBe(false);
		expect(isEvent(run('failed'), 'source', settings({ flowIds: ['other'] }))).toBe(false);
	});

	test('server-side filters: time bound, statuses and flows as repeated property filters', () => {
		expect(runFilters(settings({ flowIds: ['f1', 'f2'] }), 500)).toEqual(['updatedAt>=500', 'metrics.statusSummary.status==failed', 'flowId==f1,f2']);
		expect(runFilters(settings({ event: 'newRun' }), 7)).toEqual(['createdAt>=7']);
		expect(serverStatuses(settings({ includePartialSuccess: true }))).toEqual(['failed', 'partialSuccess', 'success']);
		expect(serverStatuses(settings({ event: 'finishedRun', statuses: ['partialSuccess'] }))).toEqual(['partialSuccess', 'success']);
	});

	test('keys: one per run for new runs, one per run and terminal status otherwise', () => {
		expect(eventKey(run('failed'), 'newRun')).toBe('run-failed');
		expect(eventKey(run('failed'), 'failedRun')).toBe('run-failed:failed');
	});

	test('an event item carries the flow name, the essentials and the raw run', () => {
		const raw = run('failed');
		const item = eventItem(raw, { name: 'Salesforce Contacts', kind: 'source', flowSpecId: 'spec-1' }, 'failedRun');
		expect(item).toMatchObject({
			event: 'failedRun', flowName: 'Salesforce Contacts', flowType: 'source', runId: 'run-failed', flowId: 'flow-1', status: 'failed',
			startedAt: '2026-01-01T08:00:00.000Z', completedAt: '2026-01-01T08:02:30.000Z', durationSeconds: 150,
			records: { input: 1000, output: 990, failed: 0 }, errors: [{ code: 'CONNECTOR-1001-500', message: 'copy failed', source: 'run' }],
			flowSpecId: 'spec-1', errorCategory: 'sourceUnreachable', run: raw,
		});
		expect(eventItem(run('inProgress'), undefined, 'newRun').errorCategory).toBeNull();
	});
});

/** A parameter reader over plain values, falling back as n8n does for a parameter that is not set. */
const reader = (values) => (name, fallback) => (name in values ? values[name] : fallback);

describe('event modules', () => {
	test('newRun: every created run, once, by creation time, whatever its status', () => {
		expect(newRun.value).toBe('newRun');
		expect(newRun.timeField).toBe('createdAt');
		expect(newRun.parameters).toEqual([]);
		expect(newRun.readSettings(reader({ includePartialSuccess: true, statuses: ['failed'] }))).toEqual({});
		for (const status of ['scheduled', 'inProgress', 'failed', 'success']) expect(newRun.matches(run(status), {})).toBe(true);
		expect(newRun.serverStatuses({})).toBeUndefined();
		expect(newRun.key(run('inProgress'))).toBe('run-inProgress');
	});

	test('failedRun: failed runs, and with partial success the runs past both thresholds; keyed by run and status', () => {
		const own = { includePartialSuccess: false, minFailedRecords: 1, minFailedPercent: 0 };
		const partial = { includePartialSuccess: true, minFailedRecords: 10, minFailedPercent: 1 };
		expect(failedRun.timeField).toBe('updatedAt');
		expect(failedRun.readSettings(reader({}))).toEqual(own);
		expect(failedRun.readSettings(reader(partial))).toEqual(partial);
		expect(failedRun.matches(run('failed'), own)).toBe(true);
		expect(failedRun.matches(run('partialSuccess', { failed: 500 }), own)).toBe(false);
		expect(failedRun.matches(run('partialSuccess', { failed: 10 }), partial)).toBe(true);
		expect(failedRun.matches(run('success', { failed: 10 }), { ...partial, minFailedRecords: 11 })).toBe(false);
		expect(failedRun.matches(run('success', { failed: 10 }), { ...partial, minFailedPercent: 1.1 })).toBe(false);
		expect(failedRun.matches(run('success'), partial)).toBe(false);
		expect(failedRun.matches(run('inProgress', { failed: 500 }), partial)).toBe(false);
		expect(failedRun.serverStatuses(own)).toEqual(['failed']);
		expect(failedRun.serverStatuses(partial)).toEqual(['failed', 'partialSuccess', 'success']);
		expect(failedRun.key(run('failed'))).toBe('run-failed:failed');
	});

	test('finishedRun: the chosen terminal statuses, a success with failed records counting as partial success; keyed by run and status', () => {
		expect(finishedRun.timeField).toBe('updatedAt');
		expect(finishedRun.readSettings(reader({}))).toEqual({ statuses: [] });
		expect(finishedRun.readSettings(reader({ statuses: ['failed'] }))).toEqual({ statuses: ['failed'] });
		expect(finishedRun.matches(run('failed'), { statuses: ['failed'] })).toBe(true);
		expect(finishedRun.matches(run('success'), { statuses: ['failed'] })).toBe(false);
		expect(finishedRun.matches(run('inProgress'), { statuses: ['failed', 'success', 'partialSuccess'] })).toBe(false);
		expect(finishedRun.matches(run('success', { failed: 1 }), { statuses: ['partialSuccess'] })).toBe(true);
		expect(finishedRun.matches(run('success', { failed: 1 }), { statuses: ['success'] })).toBe(true);
		expect(finishedRun.matches(run('success'), { statuses: ['partialSuccess'] })).toBe(false);
		expect(finishedRun.serverStatuses({ statuses: ['failed'] })).toEqual(['failed']);
		expect(finishedRun.serverStatuses({ statuses: ['partialSuccess', 'failed'] })).toEqual(['partialSuccess', 'failed', 'success']);
		expect(finishedRun.key(run('success'))).toBe('run-success:success');
	});
});

describe('event registry', () => {
	test('lists each event once, by its own value, and the lookups follow it', () => {
		const values = RUN_EVENTS.map((event) => event.value);
		expect(values.sort()).toEqual(['delayedRun', 'failedRun', 'finishedRun', 'missedRun', 'newRun', 'recoveredRun']);
		expect(new Set(values).size).toBe(values.length);
		for (const event of RUN_EVENTS) {
			expect(isTriggerEvent(event.value)).toBe(true);
			expect(timeField(event.value)).toBe(event.timeField);
		}
		for (const value of ['FailedRun', 'failed', 'toString', '', undefined, 1]) expect(isTriggerEvent(value)).toBe(false);
		expect(isTriggerEvent(DEFAULT_EVENT)).toBe(true);
	});

	test('each event\'s parameters show only when it is chosen, keeping their own conditions', () => {
		for (const event of RUN_EVENTS) {
			for (const parameter of event.parameters) expect(parameter.displayOptions.show[EVENT_PARAMETER]).toEqual([event.value]);
		}
		const minFailedRecords = failedRun.parameters.find((parameter) => parameter.name === 'minFailedRecords');
		expect(minFailedRecords.displayOptions).toEqual({ show: { [EVENT_PARAMETER]: ['failedRun'], includePartialSuccess: [true] } });
	});

	test('the node\'s Event options and per-event parameters come from the registry', () => {
		const { properties } = new AepFlowServiceTrigger().description;
		const eventProperty = properties.find((property) => property.name === EVENT_PARAMETER);
		expect(eventProperty.default).toBe(DEFAULT_EVENT);
		expect(eventProperty.options).toEqual(
			RUN_EVENTS.map((event) => ({ name: event.option.name, value: event.value, description: event.option.description })).sort((a, b) => a.name.localeCompare(b.name)),
		);
		const eventParameters = RUN_EVENTS.flatMap((event) => event.parameters);
		const index = properties.indexOf(eventProperty);
		expect(properties.slice(index + 1, index + 1 + eventParameters.length)).toEqual(eventParameters);
	});

	test('settings hold the flow filters and only the chosen event\'s own settings', () => {
		const flows = { flowIds: ['f1'], flowKind: 'source' };
		const values = reader({ includePartialSuccess: true, minFailedRecords: 5, statuses: ['success'] });
		expect(readEventSettings('failedRun', flows, values)).toEqual({ event: 'failedRun', ...flows, includePartialSuccess: true, minFailedRecords: 5, minFailedPercent: 0 });
		expect(readEventSettings('finishedRun', flows, values)).toEqual({ event: 'finishedRun', ...flows, statuses: ['success'] });
		expect(readEventSettings('newRun', flows, values)).toEqual({ event: 'newRun', ...flows });
	});
});

describe('delayed run', () => {
	const MINUTE = 60_000;
	const settings = { delayMinutes: 150 };
	const at = Date.UTC(2026, 0, 5, 8);
	const running = (startedMinutesAgo, status = 'inProgress') => ({
		id: 'run-1', createdAt: at - startedMinutesAgo * MINUTE,
		metrics: { statusSummary: { status }, durationSummary: { startedAtUTC: at - startedMinutesAgo * MINUTE } },
	});

	test('a run still going N minutes after it started matches; a younger one does not', () => {
		expect(delayedRun.matches(running(150), settings, at)).toBe(true);
		expect(delayedRun.matches(running(149), settings, at)).toBe(false);
		expect(delayedRun.matches({ ...running(200, 'scheduled'), metrics: { statusSummary: { status: 'scheduled' } } }, settings, at)).toBe(true);
	});

	test('a finished run matches when it ran at least N minutes, judged by its own end', () => {
		const finished = (minutes) => ({ ...running(300, 'success'), metrics: { statusSummary: { status: 'success' }, durationSummary: { startedAtUTC: at - 300 * MINUTE, completedAtUTC: at - (300 - minutes) * MINUTE } } });
		expect(delayedRun.matches(finished(151), settings, at)).toBe(true);
		expect(delayedRun.matches(finished(20), settings, at)).toBe(false);
	});

	test('the horizon holds back runs younger than N; one key per run; the item says how long it ran', () => {
		expect(delayedRun.horizon(settings, at)).toBe(at - 150 * MINUTE);
		expect(delayedRun.key(running(10))).toBe('run-1');
		expect(delayedRun.describe(running(160), settings, at)).toEqual({ delayedAfterMinutes: 150, runningMinutes: 160, stillRunning: true });
		expect(delayedRun.matches({ id: 'odd', metrics: {} }, settings, at)).toBe(false);
	});
});
