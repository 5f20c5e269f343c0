'use strict';
// How every runs query spells its filters, in the order its caller gives them.
const { runPropertyFilters } = require('../../../../dist/nodes/shared/aep/runFilters');

describe('run property filters', () => {
	test('each clause is one filter, in the given order; empty lists add nothing', () => {
		expect(runPropertyFilters([{ since: { field: 'updatedAt', from: 500 } }, { statuses: ['failed', 'success'] }, { flowIds: ['f1', 'f2'] }])).toEqual([
			'updatedAt>=500',
			'metrics.statusSummary.status==failed,success',
			'flowId==f1,f2',
		]);
		expect(runPropertyFilters([{ flowIds: ['f1'] }, { statuses: undefined }, { startedAfter: 10 }, { startedBefore: 20 }])).toEqual([
			'flowId==f1',
			'metrics.durationSummary.startedAtUTC>10',
			'metrics.durationSummary.startedAtUTC<20',
		]);
		expect(runPropertyFilters([{ flowIds: [] }, { statuses: [] }])).toEqual([]);
	});
});
