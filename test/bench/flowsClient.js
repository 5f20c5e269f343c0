'use strict';
// One side of row 3, in a process of its own so its memory is measured alone: reads every flow of
// the simulator at --url, either with the package's Flow > Get Many (Return All) through n8n's engine
// ("ours") or with a plain axios loop following `_links.next.href` ("axios"). Prints one JSON line.
//
//   node --expose-gc test/bench/flowsClient.js --side ours|axios --url http://127.0.0.1:PORT
const { performance } = require('node:perf_hooks');
const { DEFAULT_CLIENT } = require('../simulator/server');

const FLOW_SERVICE = '/data/foundation/flowservice';
const SAMPLE_EVERY_MS = 5;

function argument(name) {
	const index = process.argv.indexOf(`--${name}`);
	if (index < 0 || !process.argv[index + 1]) throw new Error(`--${name} is required`);
	return process.argv[index + 1];
}

async function oursSide(url) {
	const { N8nTestInstance } = require('../harness/n8n');
	const n8n = new N8nTestInstance({
		simulatorUrl: url,
		credential: { clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret, orgId: DEFAULT_CLIENT.orgId },
	});
	const readAll = async (parameters) => {
		const { items, error } = await n8n.runAepNode({ resource: 'flow', operation: 'getMany', ...parameters });
		if (error) throw error;
		return items.map((item) => item.json);
	};
	return { warmUp: () => readAll({ returnAll: false, limit: 1 }), readAll: () => readAll({ returnAll: true }) };
}

async function axiosSide(url) {
	const axios = require('axios');
	const form = new URLSearchParams({
		grant_type: 'client_credentials', client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret, scope: DEFAULT_CLIENT.scopes,
	});
	let client;
	const connect = async () => {
		const token = await axios.post(`${url}/ims/token/v3`, form.toString(), { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		client = axios.create({
			baseURL: `${url}${FLOW_SERVICE}`,
			headers: {
				Accept: 'application/json',
				Authorization: `Bearer ${token.data.access_token}`,
				'x-api-key': DEFAULT_CLIENT.clientId,
				'x-gw-ims-org-id': DEFAULT_CLIENT.orgId,
				'x-sandbox-name': 'prod',
			},
		});
	};
	const readAll = async (limit) => {
		const items = [];
		// `_links.next.href` is relative to the Flow Service root and carries the token; Adobe wants the
		// original limit sent again with it.
		let next = `/flows?limit=${limit}`;
		while (next) {
			const { data } = await client.get(next.includes('limit=') ? next : `${next}&limit=${limit}`);
			items.push(...(data.items ?? []));
			next = limit === 100 ? data._links?.next?.href : undefined;
		}
		return items;
	};
	return {
		warmUp: async () => {
			await connect();
			return await readAll(1);
		},
		readAll: () => readAll(100),
	};
}

/** Highest RSS and heap seen while `fn` runs, sampled between event-loop turns. */
async function withPeakMemory(fn) {
	const peak = { rss: 0, heapUsed: 0 };
	const sample = () => {
		const usage = process.memoryUsage();
		peak.rss = Math.max(peak.rss, usage.rss);
		peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
	};
	const timer = setInterval(sample, SAMPLE_EVERY_MS);
	try {
		const result = await fn();
		sample(); // the result is still referenced here
		return { result, peak };
	} finally {
		clearInterval(timer);
	}
}

async function main() {
	const side = argument('side');
	const url = argument('url');
	const client = side === 'ours' ? await oursSide(url) : side === 'axios' ? await axiosSide(url) : undefined;
	if (!client) throw new Error('--side must be ours or axios');
	// Token, connections and JIT warmed up on a one-item read, so only the full read is measured.
	await client.warmUp();
	global.gc?.();
	const before = process.memoryUsage();
	const started = performance.now();
	const { result, peak } = await withPeakMemory(() => client.readAll());
	const elapsedMs = performance.now() - started;
	const ids = new Set(result.map((flow) => flow.id));
	process.stdout.write(`${JSON.stringify({
		side,
		ms: elapsedMs,
		items: result.length,
		uniqueIds: ids.size,
		rssDelta: peak.rss - before.rss,
		heapDelta: peak.heapUsed - before.heapUsed,
		gcExposed: typeof global.gc === 'function',
	})}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	},
);
