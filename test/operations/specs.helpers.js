'use strict';
// What the connection spec and flow spec tests share: well-known spec IDs, locator values, and
// partner specs that make the spec lists longer than one page.
const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const CONNECTION_SPECS = {
	streaming: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb',
	s3Source: 'ecadc60c-7455-4d87-84dc-2a0e293d997b',
	legacyS3Destination: '4890fc95-5a1f-4983-94bb-e060c08e3f81',
	s3Destination: '4fce964d-3f37-408f-9778-e597338a21ee',
	sftpSource: 'b7bf2577-4520-42c9-bae9-cad01560f7bc',
};
const FLOW_SPECS = {
	cloudStorage: '9753525b-82c7-4dce-8a9b-5ccfce2b9876',
	datasetExport: 'cd2fc47e-e838-4f38-a581-8fff2f99b63a',
};
const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';
const BUILT_IN_CONNECTION_SPECS = 17;

const uuid = (n) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Partner connection specs next to Adobe's, so that listing them takes more than one page. */
function addPartnerConnectionSpecs(sim, count) {
	const at = Date.UTC(2024, 0, 1);
	sim.store.addSpecs('connectionSpecs', Array.from({ length: count }, (_, i) => ({
		id: uuid(i + 1), name: `partner-source-${i + 1}`, providerId: '0ed90a81-07f4-4586-8190-b40eccef1c5a', version: '1.0',
		createdAt: at + i, updatedAt: at + i, attributes: { category: 'Partner', isSource: true },
	})));
}

module.exports = { byId, CONNECTION_SPECS, FLOW_SPECS, UNKNOWN_ID, BUILT_IN_CONNECTION_SPECS, uuid, addPartnerConnectionSpecs };
