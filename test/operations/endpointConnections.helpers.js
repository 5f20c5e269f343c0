'use strict';
// What the source and target connection tests share: locator values, seeded connections and
// the base connections of seeded flows.
const STREAMING_SPEC = 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb';
const DLZ_DESTINATION_SPEC = '10440537-2a7b-4583-ac39-ed38d4b848e8';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A resource locator value in "By ID" mode. */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/** Seeds source flows (and with them their connections); returns what the store now holds. */
function seedConnections(sim, { kind = 'source', count = 6 } = {}) {
	const flows = sim.store.seedFlows({ sandbox: 'prod', count, kind });
	return {
		flows,
		connections: sim.store.list('prod', 'connections'),
		sourceConnections: sim.store.list('prod', 'sourceConnections'),
		targetConnections: sim.store.list('prod', 'targetConnections'),
	};
}

/** The first seeded base connection of a connection spec. */
function baseConnectionOf(sim, specId) {
	const base = sim.store.list('prod', 'connections').find((connection) => connection.connectionSpec.id === specId);
	if (!base) throw new Error(`no seeded base connection of spec ${specId}`);
	return base;
}

/** JSON round trip: what an entity looks like once it went over HTTP. */
const asJson = (value) => JSON.parse(JSON.stringify(value));

module.exports = { STREAMING_SPEC, DLZ_DESTINATION_SPEC, UNKNOWN_ID, byId, seedConnections, baseConnectionOf, asJson };
