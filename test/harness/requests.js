'use strict';
// Reads the simulator's request log as the calls a node made, for exact request assertions.
const SERVICE_ROOTS = ['/data/foundation/flowservice', '/data/foundation/connectors', '/data/foundation/catalog', '/data/foundation/export'];

/**
 * Platform calls (IMS token calls left out), oldest first, as
 * `{ method, path (below its service root), service, query, body, ifMatch, status }`.
 */
function platformCalls(sim) {
	return sim.log
		.entries()
		.filter((entry) => entry.path.startsWith('/data/'))
		.map((entry) => {
			const root = SERVICE_ROOTS.find((r) => entry.path.startsWith(r)) ?? '';
			return {
				method: entry.method,
				service: root.split('/').pop(),
				path: entry.path.slice(root.length),
				query: entry.params,
				body: entry.body ?? undefined,
				ifMatch: entry.headers['if-match'],
				status: entry.status,
			};
		});
}

/** `METHOD path` lines, for compact sequence assertions. */
function callLines(sim) {
	return platformCalls(sim).map((call) => `${call.method} ${call.path}`);
}

module.exports = { platformCalls, callLines };
