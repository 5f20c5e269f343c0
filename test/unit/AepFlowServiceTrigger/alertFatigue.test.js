'use strict';
// Alert-fatigue rules, pure: which events of a flow fire with Repeat per flow, and what a digest holds.
const { repeatVerdict, clearAlerting, digestOf } = require('../../../dist/nodes/AepFlowServiceTrigger/alertFatigue');
const { emptyFlowMemory } = require('../../../dist/nodes/AepFlowServiceTrigger/flowMemory');

const HOUR = 3_600_000;

describe('repeat per flow', () => {
	test('first alert, held back events, a reminder after the reminder hours, and a fresh start after a good run', () => {
		const memory = emptyFlowMemory();
		const settings = { mode: 'firstPerFlow', reminderHours: 2 };
		const decide = (at) => {
			const verdict = repeatVerdict(memory, 'f1', at, settings);
			verdict.commit();
			return verdict.fire ? verdict.details.alert : 'held';
		};
		expect(decide(0)).toBe('first');
		expect(decide(HOUR)).toBe('held');
		expect(decide(1.5 * HOUR)).toBe('held');
		const reminder = repeatVerdict(memory, 'f1', 2 * HOUR, settings);
		expect(reminder.details).toMatchObject({ alert: 'reminder', heldBackSinceLastAlert: 2 });
		reminder.commit();
		expect(decide(3 * HOUR)).toBe('held');
		clearAlerting(memory, 'f1');
		expect(decide(3.5 * HOUR)).toBe('first');
		expect(repeatVerdict(memory, 'f2', 0, { mode: 'firstPerFlow', reminderHours: 0 }).fire).toBe(true);
	});
});

describe('digest', () => {
	test('counts by flow, category and code, failed records and the span, with the events', () => {
		const item = (flowId, code, failed, startedAt) => ({
			flowId, flowName: `Flow ${flowId}`, errorCategory: code ? 'credentials' : null, errors: code ? [{ code }, { code }] : [],
			records: { failed }, startedAt, completedAt: startedAt,
		});
		const digest = digestOf('failedRun', [item('a', 'X-401', 3, '2026-01-05T08:00:00.000Z'), item('a', 'X-401', 2, '2026-01-05T09:00:00.000Z'), item('b', null, 0, '2026-01-05T07:00:00.000Z')]);
		expect(digest).toMatchObject({
			event: 'failedRun', digest: true, count: 3, flowCount: 2, failedRecords: 5,
			byFlow: [{ flowId: 'a', flowName: 'Flow a', count: 2 }, { flowId: 'b', flowName: 'Flow b', count: 1 }],
			byErrorCategory: { credentials: 2, none: 1 }, byErrorCode: { 'X-401': 2, none: 1 },
			from: '2026-01-05T07:00:00.000Z', to: '2026-01-05T09:00:00.000Z',
		});
		expect(digest.events).toHaveLength(3);
	});
});
