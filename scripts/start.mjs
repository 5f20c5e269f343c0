// `npm start`: builds the package, provides n8n (installed once into .n8n-local/), starts the AEP
// simulator with demo data and a Slack-style webhook catcher, and starts n8n with the package
// installed, a credential for the simulator and five demo workflows. Ctrl-C stops everything.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { ensureN8n, projectRoot } = require('./n8n-local.js');
const { prepareInstance, startInstance } = require('./demo/stack.js');
const { startCatcher } = require('./demo/catcher.js');
const { failedRunAlert, failedRunDigest, healthReport, recoveredAlert, retryFailedRuns } = require('./demo/workflows.js');
const { startSimulator, DEFAULT_CLIENT } = require('../test/simulator/server.js');

const ports = { n8n: Number(process.env.N8N_PORT ?? 5678), simulator: Number(process.env.AEP_SIMULATOR_PORT ?? 5680), catcher: Number(process.env.AEP_CATCHER_PORT ?? 5681) };
const say = (message) => console.log(`[demo] ${message}`);
const MINUTE = 60_000;
const CATCH_UP_MS = 2 * 24 * 60 * MINUTE;

function build() {
	say('Building the package...');
	execFileSync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: projectRoot, stdio: 'inherit' });
	execFileSync(process.execPath, [join(projectRoot, 'node_modules/gulp/bin/gulp.js'), '--silent', 'build:icons'], { cwd: projectRoot, stdio: 'inherit' });
}

async function main() {
	build();
	const bin = ensureN8n();
	// The demo's history ends two days before today, and simulated time catches up with the real time:
	// "the last day" in a workflow means the same day in n8n and in the simulator.
	const simulator = await startSimulator({ port: ports.simulator, demo: true, startTime: Math.floor((Date.now() - CATCH_UP_MS) / MINUTE) * MINUTE });
	say(`AEP simulator with demo data: ${simulator.url}`);
	const catcher = await startCatcher({
		port: ports.catcher,
		onMessage: (message) => say(`Slack alert received:\n${String(message.body.text ?? JSON.stringify(message.body)).replace(/^/gm, '    ')}`),
	});
	say(`Slack webhook catcher: ${catcher.url} (received alerts are listed there)`);

	say('Preparing n8n (package, credential, demo workflows)...');
	const env = prepareInstance({
		bin,
		userFolder: process.env.AEP_DEMO_HOME ?? join(projectRoot, '.n8n-local', 'demo-home'),
		port: ports.n8n,
		simulator,
		client: DEFAULT_CLIENT,
		workflows: [
			failedRunAlert({ webhookUrl: `${catcher.url}/slack` }),
			recoveredAlert({ webhookUrl: `${catcher.url}/slack` }),
			failedRunDigest({ webhookUrl: `${catcher.url}/slack-digest` }),
			healthReport(),
			retryFailedRuns(),
		],
		publish: ['aepFailedRunAlert', 'aepRecoveredAlert', 'aepFailedRunDigest'],
	});
	say(`Starting n8n on port ${ports.n8n}...`);
	const n8n = await startInstance({ bin, env });

	// Simulated time moves on, so dataflows keep running (and sometimes failing) while the demo is up:
	// 10 minutes every 20 s until it reaches the real time, then along with it (never ahead of n8n's clock).
	const ticker = setInterval(() => {
		const behind = Date.now() - simulator.clock.now();
		if (behind > 0) simulator.clock.advance(Math.min(10 * MINUTE, behind));
	}, 20_000);

	console.log(`
  n8n editor:        ${n8n.url}   (sign in as ${n8n.owner.email} / ${n8n.owner.password})
  Workflows:         active: "AEP: failed dataflow run → Slack alert" (once per failing flow), "AEP: recovered dataflow → Slack all-clear",
                     "AEP: failed dataflow runs → Slack digest"; run by hand: "AEP: dataflow health report", "AEP: retry failed runs of the last day"
  AEP simulator:     ${simulator.url}   (credential "AEP (local simulator)"; 10 simulated minutes pass every 20 s until it is now)
  Alerts catcher:    ${catcher.url}
  Press Ctrl-C to stop everything.
`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		say('Stopping...');
		clearInterval(ticker);
		await n8n.stop();
		await Promise.all([simulator.close(), catcher.close()]);
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	n8n.child.on('exit', (code) => {
		if (!stopping) {
			say(`n8n exited (code ${code}).`);
			void stop();
		}
	});
}

main().catch((error) => {
	console.error(`[demo] ${error.message}`);
	process.exit(1);
});
