'use strict';
// Row 4: one credential used by many workflow executions mints one IMS token, which n8n keeps with the
// credential; executions reuse it until it expires.
const { startEnvironment } = require('../../harness/environment');
const { ms, int, timed } = require('../measure');

async function tokensBench({ executions, latencyMs, log = () => {} }) {
	const env = await startEnvironment({ simulator: { latencyMs } });
	try {
		const [flow] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source' });
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1 });
		const before = env.sim.ims.tokenRequests();
		let failed = 0;
		log(`tokens: ${int(executions)} executions`);
		const { ms: totalMs } = await timed(async () => {
			for (let i = 0; i < executions; i++) {
				const { error, items } = await env.n8n.runAepNode({ resource: 'run', operation: 'get', runId: run.id });
				if (error || items[0]?.json.runId !== run.id) failed++;
			}
		});
		const tokenRequests = env.sim.ims.tokenRequests() - before;
		const unauthorized = env.sim.log.entries().filter((entry) => entry.status === 401).length;
		return {
			rows: [{
				id: '4',
				name: `IMS token requests over ${int(executions)} executions, one credential`,
				measured: `${tokenRequests} token request${tokenRequests === 1 ? '' : 's'}, ${unauthorized} × 401, ${failed} failed executions; ${ms(totalMs / executions)} per execution`,
				target: '1 token request, 0 failed',
				pass: tokenRequests === 1 && failed === 0,
			}],
			details: { executions, tokenRequests, unauthorized, failed, totalMs },
		};
	} finally {
		await env.close();
	}
}

module.exports = { tokensBench };
