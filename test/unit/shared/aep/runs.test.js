'use strict';
// Run status in Adobe's many spellings, and the shape runs are simplified to.
const { simplifyRun, runErrors, runStatus, runBatchIds } = require('../../../../dist/nodes/shared/aep/runs');

describe('run shaping', () => {
	test('statuses are read case-insensitively, with Adobe\'s spellings', () => {
		expect(runStatus({ metrics: { statusSummary: { status: 'Failed' } } })).toBe('failed');
		expect(runStatus({ metrics: { statusSummary: { status: 'PARTIAL_SUCCESS' } } })).toBe('partialSuccess');
		expect(runStatus({ metrics: { statusSummary: { status: 'inProgress' } } })).toBe('inProgress');
		expect(runStatus({})).toBe('unknown');
	});

	test('errors come from the run, failed-record info and activities, without duplicates; batch ids from targets', () => {
		const raw = {
			metrics: {
				statusSummary: { status: 'failed', errors: [{ code: 'CONNECTOR-2001-500', message: 'parse' }] },
				recordSummary: { failedInfo: [{ code: 'CONNECTOR-2001-500', message: 'parse' }] },
			},
			activities: [
				{
					name: 'Promotion', statusSummary: { errors: [{ code: 'CONNECTOR-2001-500', message: 'parse' }], extensions: { errors: [{ code: '133', message: 'no files' }] } },
					targetInfo: [{ reference: { type: 'Batch', ids: ['batch-1'] } }],
				},
			],
		};
		expect(runErrors(raw)).toEqual([
			{ code: 'CONNECTOR-2001-500', message: 'parse', source: 'run' },
			{ code: '133', message: 'no files', source: 'activity Promotion' },
		]);
		expect(runBatchIds(raw)).toEqual(['batch-1']);
		expect(simplifyRun({ id: 'r', flowId: 'f', metrics: { statusSummary: { status: 'inProgress' }, durationSummary: { startedAtUTC: 5 } } })).toMatchObject({
			runId: 'r', status: 'inProgress', completedAt: undefined, durationSeconds: undefined,
		});
	});
});
