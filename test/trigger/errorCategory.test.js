'use strict';
// The error category on trigger items, through n8n's PollContext against the simulator: a failed run
// with expired credentials fires a Failed Run item an IF node can route to the account owner, and each
// category comes out of a run failed the way Adobe reports that cause.
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');
const { RUN_FAILURES } = require('../simulator/fixtures/runFailures');

const env = useEnvironment();

const flows = (count, kind = 'source') => env.sim.store.seedFlows({ sandbox: 'prod', count, kind, state: 'disabled' });
const running = (flow, count = 1) => env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count, status: 'inProgress' });
const trigger = (parameters) => new TriggerDriver(env.n8n, { flowKind: 'all', flowIds: [], options: {}, ...parameters });

test('a failed run with expired credentials fires a Failed Run item with errorCategory credentials', async () => {
	const [flow] = flows(1);
	const driver = trigger({ event: 'failedRun' });
	await driver.poll();
	const [run] = running(flow);
	env.sim.clock.advance(1000);
	env.sim.store.setRunOutcome('prod', run.id, { status: 'failed', ...RUN_FAILURES.expiredCredentials });
	const items = await driver.poll();
	expect(items).toHaveLength(1);
	expect(items[0]).toMatchObject({ event: 'failedRun', runId: run.id, status: 'failed', errorCategory: 'credentials' });
	expect(items[0].errors.map((error) => error.message)).toContain(RUN_FAILURES.expiredCredentials.detail.message);
	expect(await driver.poll()).toEqual([]);
});

test('Finished Run: every category from a realistic failure, and null for a run without errors', async () => {
	const [source] = flows(1, 'source');
	const [destination] = flows(1, 'destination');
	const driver = trigger({ event: 'finishedRun', statuses: ['success', 'failed', 'partialSuccess'] });
	await driver.poll();
	const expected = {
		expiredCredentials: 'credentials',
		sourceUnreachable: 'sourceUnreachable',
		mappingError: 'mapping',
		requiredFieldMissing: 'schemaValidation',
		platformInternalError: 'platform',
	};
	const sourceRuns = running(source, Object.keys(expected).length + 1);
	const [exportRun] = running(destination);
	env.sim.clock.advance(1000);
	const want = new Map();
	Object.entries(expected).forEach(([failure, category], i) => {
		env.sim.store.setRunOutcome('prod', sourceRuns[i].id, { status: 'failed', ...RUN_FAILURES[failure] });
		want.set(sourceRuns[i].id, category);
	});
	const succeeded = sourceRuns[sourceRuns.length - 1];
	env.sim.store.setRunOutcome('prod', succeeded.id, { status: 'success' });
	want.set(succeeded.id, null);
	env.sim.store.setRunOutcome('prod', exportRun.id, { status: 'failed', ...RUN_FAILURES.destinationUploadFailed });
	want.set(exportRun.id, 'destination');

	const items = await driver.poll();
	expect(new Map(items.map((item) => [item.runId, item.errorCategory]))).toEqual(want);
	expect(items.find((item) => item.runId === succeeded.id).errors).toEqual([]);
	expect(items.find((item) => item.runId === exportRun.id).flowType).toBe('destination');
});
