'use strict';
// Row 6: what every trigger event costs while nothing happens, over a large org (many flows, a long
// run history); a burst of failures in digest mode is one item; the static data a trigger keeps
// with per-flow memory for that many flows.
const { startEnvironment } = require('../../harness/environment');
const { TriggerDriver, TRIGGER } = require('../../harness/trigger');
const { int, RequestMark } = require('../measure');

const MINUTE = 60_000;
const ONE_MB = 1024 * 1024;
const HISTORY_DAYS = 30;
const EVENTS = [
	{ event: 'newRun', maxRequests: 1 },
	{ event: 'failedRun', maxRequests: 1 },
	{ event: 'finishedRun', maxRequests: 1, parameters: { statuses: ['success', 'failed', 'partialSuccess'] } },
	{ event: 'recoveredRun', maxRequests: 1 },
	{ event: 'delayedRun', maxRequests: 2 },
	// One run-list request per poll; the flow list is read again only every 10 minutes (the polls here are a minute apart).
	{ event: 'missedRun', maxRequests: 1 },
];

const trigger = (env, event, parameters = {}, options = {}) =>
	new TriggerDriver(env.n8n, { event, flowKind: 'all', flowIds: [], options, ...parameters });

async function eventsIdleBench({ flows, runs, idlePolls, burst, samples = 100, latencyMs, log = () => {} }) {
	const env = await startEnvironment({ simulator: { latencyMs } });
	try {
		log(`events: seeding ${int(flows)} flows and ${int(runs)} runs`);
		const seeded = env.sim.store.seedFlows({ sandbox: 'prod', count: flows, kind: 'source', state: 'disabled' });
		const perFlow = Math.max(1, Math.floor(runs / flows));
		// The history spreads over HISTORY_DAYS, flow after flow, as an org's runs do (not all at one
		// instant). Every flow's latest finished run failed, so Recovered learns a slot for each it reads.
		const stepMs = (HISTORY_DAYS * 24 * 60 * MINUTE) / flows;
		for (const flow of seeded) {
			env.sim.clock.advance(stepMs);
			env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: perFlow, status: 'failed', spacingMs: 15 * MINUTE });
		}

		const rows = [];
		const details = { events: {} };
		let recoveredStaticBytes = 0;
		for (const [index, { event, maxRequests, parameters }] of EVENTS.entries()) {
			log(`events: ${event} idle polls`);
			const driver = trigger(env, event, parameters);
			await driver.poll(); // activation
			const requests = [];
			let emitted = 0;
			for (let i = 0; i < idlePolls; i++) {
				env.sim.clock.advance(MINUTE);
				const mark = new RequestMark(env.sim);
				emitted += (await driver.poll()).length;
				requests.push(mark.entries().length);
			}
			const worst = Math.max(...requests);
			details.events[event] = { requests, emitted };
			rows.push({
				id: `6${String.fromCharCode(97 + index)}`,
				name: `Trigger idle poll (${event}), ${int(runs)} runs of ${int(flows)} flows in history`,
				measured: `${worst} request${worst === 1 ? '' : 's'}/poll at most over ${idlePolls} polls, ${emitted} items emitted`,
				target: `≤ ${maxRequests} request${maxRequests === 1 ? '' : 's'} per poll, nothing emitted`,
				pass: worst <= maxRequests && emitted === 0,
			});
			if (event === 'recoveredRun') recoveredStaticBytes = Buffer.byteLength(JSON.stringify(driver.workflow.staticData[`node:${TRIGGER}`]));
		}

		log(`events: a burst of ${int(burst)} failures in digest mode`);
		const digestDriver = trigger(env, 'failedRun', {}, { output: 'digest', maxRunsPerPoll: 1000 });
		await digestDriver.poll();
		for (let i = 0; i < burst; i++) {
			const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: seeded[i % seeded.length].id, count: 1, status: 'inProgress' });
			env.sim.store.setRunOutcome('prod', run.id, { status: 'failed' });
		}
		env.sim.clock.advance(MINUTE);
		const items = await digestDriver.poll();
		const inDigest = items[0]?.count ?? 0;
		details.digest = { items: items.length, events: inDigest };
		rows.push({
			id: `6${String.fromCharCode(97 + EVENTS.length)}`,
			name: `Trigger burst of ${int(burst)} failures, Output: One Digest per Poll`,
			measured: `${items.length} item${items.length === 1 ? '' : 's'} holding ${int(inDigest)} events`,
			target: `1 item holding all ${int(burst)}`,
			pass: items.length === 1 && inDigest === burst,
		});

		details.staticData = { bytes: recoveredStaticBytes, flows };
		rows.push({
			id: `6${String.fromCharCode(98 + EVENTS.length)}`,
			name: `Trigger static data (recoveredRun), ${int(flows)} flows all failing at activation`,
			measured: `${int(recoveredStaticBytes)} B (cursor, remembered runs, flow cache and failing-flow memory)`,
			target: '≤ 1 MB of failing-flow memory plus the cursor: ≤ 1.5 MB in all',
			pass: recoveredStaticBytes <= 1.5 * ONE_MB,
		});

		// Memory filled to its bounds: every flow fails once (Repeat: first per flow keeps a slot per
		// alerting flow), and Missed Run watches every flow once they are all enabled.
		log(`events: ${int(flows)} flows each failing once, Repeat: First per Flow`);
		const firstPerFlow = trigger(env, 'failedRun', {}, { repeat: 'firstPerFlow', maxRunsPerPoll: 1000 });
		await firstPerFlow.poll();
		for (const flow of seeded) {
			const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
			env.sim.store.setRunOutcome('prod', run.id, { status: 'failed' });
		}
		let alerted = 0;
		for (let i = 0; i < Math.ceil(flows / 1000) + 2; i++) {
			env.sim.clock.advance(MINUTE);
			alerted += (await firstPerFlow.poll()).length;
		}
		const alertingBytes = Buffer.byteLength(JSON.stringify(firstPerFlow.workflow.staticData[`node:${TRIGGER}`]));
		log(`events: Missed Run watching ${int(flows)} enabled flows`);
		// Enabled in the store only: the bench is about what the trigger keeps, not about scheduling 10,000 flows' runs.
		for (const flow of seeded) flow.state = 'enabled';
		const missed = trigger(env, 'missedRun', { gracePercent: 50, windowHours: 24 });
		await missed.poll();
		env.sim.clock.advance(MINUTE);
		await missed.poll();
		const missedState = missed.workflow.staticData[`node:${TRIGGER}`];
		const watchedFlows = Object.keys(missedState?.flowWatch?.watched ?? {}).length;
		const watchBytes = Buffer.byteLength(JSON.stringify(missedState));
		details.fullMemory = { alerted, alertingBytes, watchedFlows, watchBytes };
		rows.push({
			id: `6${String.fromCharCode(99 + EVENTS.length)}`,
			name: `Trigger static data at its bounds: failedRun (first per flow) after ${int(flows)} flows failed; missedRun watching ${int(flows)} enabled flows`,
			measured: `${int(alertingBytes)} B (${int(alerted)} alerts); ${int(watchBytes)} B (${int(watchedFlows)} flows watched)`,
			target: '≤ 1.5 MB each (memory capped at 4,000 alerting and 5,000 watched flows)',
			pass: alertingBytes <= 1.5 * ONE_MB && watchBytes <= 1.5 * ONE_MB && alerted === flows && watchedFlows === Math.min(flows, 5_000),
		});

		// Failed record samples: what they cost per event, for the sample file (≤ 10 rows) and beyond it.
		const sampleFlows = seeded.slice(0, Math.min(samples, seeded.length));
		for (const [offset, perEvent] of [[0, 5], [1, 25]]) {
			log(`events: ${int(sampleFlows.length)} failures with failed records, ${perEvent} samples each`);
			const sampling = trigger(env, 'failedRun', {}, { failedRecordSamples: perEvent, maxRunsPerPoll: 1000 });
			env.sim.clock.advance(MINUTE);
			await sampling.poll();
			for (const flow of sampleFlows) {
				env.sim.store.setErrorDiagnostics('prod', flow.id, true);
				const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'inProgress' });
				env.sim.store.setRunOutcome('prod', run.id, { status: 'failed', failedRecordCount: 40, inputRecordCount: 100 });
			}
			env.sim.clock.advance(MINUTE);
			const mark = new RequestMark(env.sim);
			const items = await sampling.poll();
			const sampleRequests = mark.entries().filter((entry) => entry.path.startsWith('/data/foundation/export/')).length;
			// Up to N rows: the sample file, or (beyond 10) the first error file, which may hold fewer.
			const included = items.filter((item) => item.failedRecordSamplesStatus === 'included' && item.failedRecordSamples.length > 0 && item.failedRecordSamples.length <= perEvent).length;
			const sampled = items.reduce((sum, item) => sum + (item.failedRecordSamples?.length ?? 0), 0);
			const perEventCost = items.length ? sampleRequests / items.length : Infinity;
			details[`samples${perEvent}`] = { events: items.length, included, sampleRequests };
			rows.push({
				id: `6${String.fromCharCode(100 + EVENTS.length + offset)}`,
				name: `Trigger Failed Run with Include Failed Record Samples ${perEvent}, ${int(sampleFlows.length)} failures in one poll`,
				measured: `${perEventCost.toFixed(2)} requests per event (${int(sampleRequests)} for ${int(items.length)} events), ${int(included)} events with samples, ${(sampled / Math.max(1, items.length)).toFixed(1)} rows each`,
				target: `≤ ${perEvent <= 10 ? 1 : 2} request${perEvent <= 10 ? '' : 's'} per event (≤ 2 always), every event with 1 to ${perEvent} samples`,
				pass: items.length === sampleFlows.length && included === items.length && perEventCost <= (perEvent <= 10 ? 1 : 2),
			});
		}
		return { rows, details };
	} finally {
		await env.close();
	}
}

module.exports = { eventsIdleBench };
