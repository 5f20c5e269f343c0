'use strict';
// Row 3: Flow > Get Many with Return All over a large org, our node in n8n's engine against a plain
// axios loop, same simulator and latency. Each read runs in a fresh child process (so its memory is
// its own), alternating sides; the simulator stays in this process.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSimulator } = require('../../simulator/server');
const { median, ms, int, ratio, mb, RequestMark, classify } = require('../measure');

const CLIENT = path.join(__dirname, '..', 'flowsClient.js');
const MAX_TIME_RATIO = 1.3;
const CHILD_TIMEOUT_MS = 180_000;

function runClient(side, url, userFolder) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--expose-gc', CLIENT, '--side', side, '--url', url], {
			stdio: ['ignore', 'pipe', 'pipe'],
			// n8n keeps an instance folder; the children share one throw-away folder.
			env: { ...process.env, N8N_USER_FOLDER: userFolder },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const line = stdout.trim().split('\n').pop();
			if (code !== 0 || !line) {
				reject(new Error(`${side} client failed (${signal ?? `exit ${code}`}): ${stderr.trim().slice(-2000)}`));
				return;
			}
			resolve(JSON.parse(line));
		});
	});
}

async function flowsListBench({ flows, latencyMs, repetitions, log = () => {} }) {
	const sim = await startSimulator({ latencyMs });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'aep-bench-n8n-'));
	try {
		log(`flows: seeding ${int(flows)} flows`);
		sim.store.seedFlows({ sandbox: 'prod', count: flows, kind: 'mixed' });
		const results = { ours: [], axios: [] };
		for (let repetition = 0; repetition < repetitions; repetition++) {
			// Alternate which side goes first, so neither always meets a warmer simulator.
			const order = repetition % 2 ? ['axios', 'ours'] : ['ours', 'axios'];
			for (const side of order) {
				log(`flows: ${side} read ${repetition + 1} of ${repetitions}`);
				const mark = new RequestMark(sim);
				const outcome = await runClient(side, sim.url, userFolder);
				results[side].push({ ...outcome, flowPages: classify(mark.entries()).flowPages });
			}
		}

		const summary = (side) => {
			const runs = results[side];
			return {
				medianMs: median(runs.map((r) => r.ms)),
				medianRssDelta: median(runs.map((r) => r.rssDelta)),
				medianHeapDelta: median(runs.map((r) => r.heapDelta)),
				// Warm-up pages included: ours reads limit=1 once, axios the same.
				requestsPerRead: median(runs.map((r) => r.flowPages)),
				complete: runs.every((r) => r.items === flows && r.uniqueIds === flows),
				runs,
			};
		};
		const ours = summary('ours');
		const axios = summary('axios');
		const timeRatio = ours.medianMs / axios.medianMs;
		const row = {
			id: '3',
			name: `Flow: Get Many, Return All, ${int(flows)} flows: our node in n8n vs plain axios loop`,
			measured: `ours ${ms(ours.medianMs)}, axios ${ms(axios.medianMs)} → ${ratio(timeRatio)}; ` +
				`peak memory ours +${mb(ours.medianRssDelta)} RSS / +${mb(ours.medianHeapDelta)} heap, ` +
				`axios +${mb(axios.medianRssDelta)} RSS / +${mb(axios.medianHeapDelta)} heap; ` +
				`${ours.requestsPerRead} vs ${axios.requestsPerRead} requests (incl. 1 warm-up); median of ${repetitions}` +
				(ours.complete && axios.complete ? '' : '; INCOMPLETE read'),
			target: `time ≤ ${MAX_TIME_RATIO}× axios; all ${int(flows)} flows read`,
			pass: timeRatio <= MAX_TIME_RATIO && ours.complete && axios.complete,
		};
		return { rows: [row], details: { flows, repetitions, timeRatio, ours, axios } };
	} finally {
		await sim.close();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

module.exports = { flowsListBench, runClient };
