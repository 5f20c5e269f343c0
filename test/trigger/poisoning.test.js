'use strict';
// Odd data from Adobe and odd static data never corrupt the trigger's state, never stop it, never
// make it skip or repeat a run. Real polls through n8n's PollContext; the odd run pages are served by
// the simulator's fault injection (a 200 with a body of our choosing), everything else by the simulator.
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver, TRIGGER } = require('../harness/trigger');
const { watchWarnings } = require('../harness/warnings');

const RUNS = '/data/foundation/flowservice/runs';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const env = useEnvironment();

const trigger = (parameters = {}) => new TriggerDriver(env.n8n, { event: 'failedRun', flowKind: 'all', flowIds: [], options: {}, ...parameters });
const seedFlow = () => env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled' })[0];
/** A failed run as Flow Service lists it, with the time fields given. */
const failedRun = (flow, id, times) => ({ id, flowId: flow.id, createdAt: times.updatedAt, ...times, metrics: { statusSummary: { status: 'failed', errors: [{ code: 'CONNECTOR-1001-500', message: 'copy failed' }] } } });
/** The next runs request is answered with these runs, and Adobe's clock in the Date header. */
const servePage = (runs, adobeNow = env.sim.clock.now()) =>
	env.sim.faults.add({ method: 'GET', path: RUNS, status: 200, body: { items: runs, _links: {} }, headers: { Date: new Date(adobeNow).toUTCString() }, times: 1 });
const expectSaneState = (driver) => {
	const { cursor } = driver.state;
	expect(Number.isFinite(cursor.cursor)).toBe(true);
	for (const at of Object.values(cursor.emitted)) expect(Number.isFinite(at)).toBe(true);
};

describe('runs stamped in the future or with odd times', () => {
	test('a run stamped in the future (by Adobe\'s Date header) waits for its time and hides no later run', async () => {
		const flow = seedFlow();
		const driver = trigger();
		await driver.poll();
		const now = env.sim.clock.now();
		servePage([failedRun(flow, 'run-now', { updatedAt: now }), failedRun(flow, 'run-future', { updatedAt: now + DAY })], now);
		expect((await driver.poll()).map((item) => item.runId)).toEqual(['run-now']);
		// The cursor stays before the future run: the runs of the coming day stay visible.
		expect(driver.state.cursor.cursor).toBeLessThan(now + DAY);
		const later = now + DAY + MINUTE;
		servePage([failedRun(flow, 'run-between', { updatedAt: now + 2 * MINUTE }), failedRun(flow, 'run-future', { updatedAt: now + DAY })], later);
		expect((await driver.poll()).map((item) => item.runId)).toEqual(['run-between', 'run-future']);
		expectSaneState(driver);
	});

	test('ISO text and epoch seconds are normalised; a run without the time is judged at the cursor, with a warning; none fires twice', async () => {
		const flow = seedFlow();
		const driver = trigger();
		await driver.poll();
		const now = env.sim.clock.now();
		const page = [
			failedRun(flow, 'run-iso', { updatedAt: new Date(now - 3 * MINUTE).toISOString() }),
			failedRun(flow, 'run-seconds', { updatedAt: Math.floor((now - 2 * MINUTE) / 1000) }),
			failedRun(flow, 'run-untimed', { updatedAt: undefined }),
			failedRun(flow, 'run-normal', { updatedAt: now - MINUTE }),
		];
		const warnings = watchWarnings();
		servePage(page);
		const fired = (await driver.poll()).map((item) => item.runId);
		expect(fired.sort()).toEqual(['run-iso', 'run-normal', 'run-seconds', 'run-untimed']);
		expect(warnings.text()).toMatch(/run run-untimed has no usable updatedAt/);
		expectSaneState(driver);
		expect(driver.state.cursor.cursor).toBe(now - MINUTE);
		servePage(page);
		expect(await driver.poll()).toEqual([]);
		driver.restart();
		servePage(page);
		expect(await driver.poll()).toEqual([]);
	});

	test('runs of unexpected shapes are judged or set aside; one odd run never blocks the others', async () => {
		const flow = seedFlow();
		const driver = trigger();
		await driver.poll();
		const now = env.sim.clock.now();
		const warnings = watchWarnings();
		servePage([
			{ ...failedRun(flow, 'run-activities-object', { updatedAt: now - 4 * MINUTE }), activities: { id: 'a1', statusSummary: 'broken' } },
			{ id: 'run-no-summary', flowId: flow.id, updatedAt: now - 3 * MINUTE, metrics: {} },
			{ id: 'run-unknown-status', flowId: flow.id, updatedAt: now - 2 * MINUTE, metrics: { statusSummary: { status: 'exploded' } } },
			{ flowId: flow.id, updatedAt: now - 2 * MINUTE, metrics: { statusSummary: { status: 'failed' } } },
			null,
			failedRun(flow, 'run-normal', { updatedAt: now - MINUTE }),
		]);
		const fired = (await driver.poll()).map((item) => item.runId);
		expect(fired).toEqual(['run-activities-object', 'run-normal']);
		expect(warnings.text()).toMatch(/a run without an ID was set aside/);
		expectSaneState(driver);
	});
});

describe('static data nothing can poison', () => {
	const corruptions = [
		['a text cursor', (state) => ({ ...state, cursor: 'yesterday' })],
		['a negative cursor', (state) => ({ ...state, cursor: -1000 })],
		['null everywhere', () => ({ version: 1, cursor: null, emitted: null })],
		['an array where the remembered map belongs', (state) => ({ ...state, emitted: [1, 2, 3] })],
		['null entries in the remembered map', (state) => ({ ...state, emitted: Object.fromEntries(Object.keys(state.emitted).map((key) => [key, null])) })],
		['a foreign object', () => ({ something: 'else' })],
		['a cursor years ahead', (state) => ({ ...state, cursor: Date.UTC(2099, 0, 1) })],
	];

	test.each(corruptions)('%s: repaired or reset with a warning, no crash, nothing from before the activation, no repeat', async (_name, corrupt) => {
		const flow = seedFlow();
		const history = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 4, status: 'failed', spacingMs: MINUTE });
		const driver = trigger();
		await driver.poll();
		const staticData = driver.workflow.staticData[`node:${TRIGGER}`];
		staticData.cursor = corrupt(staticData.cursor);
		driver.restart();
		const warnings = watchWarnings();
		expect(await driver.poll()).toEqual([]);
		expect(warnings.text()).toMatch(/AEP Flow Service Trigger: /);
		expectSaneState(driver);
		// Runs after the repair still fire, once.
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'success', spacingMs: MINUTE });
		env.sim.clock.advance(MINUTE);
		env.sim.store.setRunOutcome('prod', run.id, { status: 'failed' });
		const fired = (await driver.poll()).map((item) => item.runId);
		expect(fired).toEqual([run.id]);
		expect(fired).not.toEqual(expect.arrayContaining(history.map((past) => past.id)));
		expect(await driver.poll()).toEqual([]);
	});
});
