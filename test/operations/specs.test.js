'use strict';
// Connection specs and flow specs: get, list (with the name map), and name resolution that reads the
// spec lists once per execution whatever the number of items, through a real workflow.
const { useEnvironment } = require('../harness/environment');
const { platformCalls, callLines } = require('../harness/requests');

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

const env = useEnvironment();

const run = async (parameters, options) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode(parameters, options);
};
const uuid = (n) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Partner connection specs next to Adobe's, so that listing them takes more than one page. */
function addPartnerConnectionSpecs(count) {
	const at = Date.UTC(2024, 0, 1);
	env.sim.store.addSpecs('connectionSpecs', Array.from({ length: count }, (_, i) => ({
		id: uuid(i + 1), name: `partner-source-${i + 1}`, providerId: '0ed90a81-07f4-4586-8190-b40eccef1c5a', version: '1.0',
		createdAt: at + i, updatedAt: at + i, attributes: { category: 'Partner', isSource: true },
	})));
}

const specCalls = (collection) => platformCalls(env.sim).filter((c) => c.path === `/${collection}`);

describe('connection specs', () => {
	test('get returns the spec itself, not the items envelope', async () => {
		const { items, error } = await run({ resource: 'connectionSpec', operation: 'get', connectionSpec: byId(CONNECTION_SPECS.streaming) });
		expect(error).toBeUndefined();
		expect(callLines(env.sim)).toEqual([`GET /connectionSpecs/${CONNECTION_SPECS.streaming}`]);
		expect(items).toHaveLength(1);
		expect(items[0].json.items).toBeUndefined();
		expect(items[0].json).toEqual(env.sim.store.get('prod', 'connectionSpecs', CONNECTION_SPECS.streaming));
		expect(items[0].json).toMatchObject({ id: CONNECTION_SPECS.streaming, name: 'Streaming Connection', authSpec: expect.any(Array) });
	});

	test('get: an unknown spec is Adobe\'s 404, a malformed ID fails before any call', async () => {
		let { error } = await run({ resource: 'connectionSpec', operation: 'get', connectionSpec: byId(UNKNOWN_ID) });
		expect(error.message).toMatch(/answered 404 Not Found \(FLOW-\d+-404\)/);
		({ error } = await run({ resource: 'connectionSpec', operation: 'get', connectionSpec: byId('amazon s3') }));
		expect(error.message).toBe('The Connection Spec "amazon s3" is not a valid ID');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('get many: Return All reads every page; Limit stops early', async () => {
		addPartnerConnectionSpecs(110);
		const { items, error } = await run({ resource: 'connectionSpec', operation: 'getMany', specsOutput: 'specs', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(BUILT_IN_CONNECTION_SPECS + 110);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(items.length);
		const pages = specCalls('connectionSpecs');
		expect(pages.map((p) => p.query)).toEqual([{ limit: '100' }, { limit: '100', continuationToken: expect.any(String) }]);

		const limited = await run({ resource: 'connectionSpec', operation: 'getMany', specsOutput: 'specs', returnAll: false, limit: 7 });
		expect(limited.items).toHaveLength(7);
		expect(specCalls('connectionSpecs').map((p) => p.query)).toEqual([{ limit: '7' }]);
	});

	test('get many: raw property filters go to Flow Service; a malformed one fails before any call', async () => {
		const { items } = await run({ resource: 'connectionSpec', operation: 'getMany', returnAll: true, filters: { property: ['name==Amazon S3'] } });
		expect(specCalls('connectionSpecs').map((p) => p.query)).toEqual([{ limit: '100', property: 'name==Amazon S3' }]);
		expect(items.map((i) => i.json.id)).toEqual([CONNECTION_SPECS.s3Destination]);

		const { error } = await run({ resource: 'connectionSpec', operation: 'getMany', returnAll: true, filters: { property: ['name'] } });
		expect(error.message).toMatch(/"name" is not a property filter/);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('get many as a name to ID map: one item over all pages; a shared name maps to every ID', async () => {
		addPartnerConnectionSpecs(110);
		const { items, error } = await run({ resource: 'connectionSpec', operation: 'getMany', specsOutput: 'nameToIdMap', returnAll: false, limit: 5 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const map = items[0].json;
		expect(Object.keys(map)).toHaveLength(BUILT_IN_CONNECTION_SPECS + 110 - 2); // amazon-s3 and sftp are each a source and a destination
		expect(map['Streaming Connection']).toBe(CONNECTION_SPECS.streaming);
		expect(map['partner-source-42']).toBe(uuid(42));
		expect([...map['amazon-s3']].sort()).toEqual([CONNECTION_SPECS.s3Source, CONNECTION_SPECS.legacyS3Destination].sort());
		expect(specCalls('connectionSpecs').map((p) => p.query.limit)).toEqual(['100', '100']);
	});

	test('get by name: N items cost one listing; each item gets its spec\'s ID', async () => {
		addPartnerConnectionSpecs(110);
		const names = ['Streaming Connection', 'partner-source-105', 'Amazon S3', 'Streaming Connection'];
		const { items, error } = await run(
			{ resource: 'connectionSpec', operation: 'getByName', connectionSpecName: '={{ $json.name }}' },
			{ inputItems: JSON.stringify(names.map((name) => ({ name }))) },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{ id: CONNECTION_SPECS.streaming, name: 'Streaming Connection' },
			{ id: uuid(105), name: 'partner-source-105' },
			{ id: CONNECTION_SPECS.s3Destination, name: 'Amazon S3' },
			{ id: CONNECTION_SPECS.streaming, name: 'Streaming Connection' },
		]);
		expect(items.map((i) => i.pairedItem)).toEqual(names.map((_, item) => ({ item })));
		expect(callLines(env.sim)).toEqual(['GET /connectionSpecs', 'GET /connectionSpecs']); // two pages, read once
		expect(specCalls('connectionSpecs')[0].query).toEqual({ limit: '100' });

		// The next execution reads the specs afresh: nothing is kept between executions.
		await run({ resource: 'connectionSpec', operation: 'getByName', connectionSpecName: 'partner-source-1' });
		expect(callLines(env.sim)).toEqual(['GET /connectionSpecs', 'GET /connectionSpecs']);
	});

	test('get by name: names match exactly; a miss lists the near names; a shared name lists the clashing IDs', async () => {
		const { items, error } = await run(
			{ resource: 'connectionSpec', operation: 'getByName', connectionSpecName: '={{ $json.name }}' },
			{ inputItems: JSON.stringify([{ name: 'streaming connection' }, { name: 'Amazon S3 bucket' }, { name: 'amazon-s3' }, { name: 'zzzz-nothing-like-it' }, { name: 'Amazon S3' }]), nodeOptions: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		const out = items.map((i) => i.json);
		expect(out[0].error).toBe('No connection spec is named "streaming connection" (Spec Name). Similar names: "Streaming Connection".');
		expect(out[1].error).toMatch(/^No connection spec is named "Amazon S3 bucket" \(Spec Name\)\. Similar names: "Amazon S3"/);
		expect(out[2].error).toBe(`2 connection specs are named "amazon-s3": "amazon-s3" (${CONNECTION_SPECS.legacyS3Destination}), "amazon-s3" (${CONNECTION_SPECS.s3Source})`);
		expect(out[3].error).toBe('No connection spec is named "zzzz-nothing-like-it" (Spec Name).');
		expect(out[4]).toEqual({ id: CONNECTION_SPECS.s3Destination, name: 'Amazon S3' });
		expect(callLines(env.sim)).toEqual(['GET /connectionSpecs']);
	});

	test('get by name: a failed listing is not kept; the next item reads the specs again', async () => {
		env.sim.faults.add({ method: 'GET', path: '/data/foundation/flowservice/connectionSpecs', status: 400, times: 1 });
		const { items, error } = await run(
			{ resource: 'connectionSpec', operation: 'getByName', connectionSpecName: 'Streaming Connection' },
			{ inputItems: JSON.stringify([{}, {}, {}]), nodeOptions: { continueOnFail: true } },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{ error: expect.stringMatching(/answered 400/) },
			{ id: CONNECTION_SPECS.streaming, name: 'Streaming Connection' },
			{ id: CONNECTION_SPECS.streaming, name: 'Streaming Connection' },
		]);
		expect(specCalls('connectionSpecs').map((c) => c.status)).toEqual([400, 200]);
	});

	test('get by name: an empty name fails before any call', async () => {
		const { error } = await run({ resource: 'connectionSpec', operation: 'getByName', connectionSpecName: '   ' });
		expect(error.message).toBe('"Spec Name" is empty');
		expect(platformCalls(env.sim)).toEqual([]);
	});
});

describe('flow specs', () => {
	/** A second "CloudStorageToAEP" that only reads from SFTP, as a partner org might see. */
	function addCloudStorageTwin() {
		const original = env.sim.store.get('prod', 'flowSpecs', FLOW_SPECS.cloudStorage);
		const twin = { ...original, id: uuid(900), sourceConnectionSpecIds: [CONNECTION_SPECS.sftpSource], createdAt: original.createdAt + 1, updatedAt: original.updatedAt + 1 };
		env.sim.store.addSpecs('flowSpecs', [twin]);
		return twin;
	}

	test('get returns the flow spec itself', async () => {
		const { items, error } = await run({ resource: 'flowSpec', operation: 'get', flowSpec: byId(FLOW_SPECS.datasetExport) });
		expect(error).toBeUndefined();
		expect(callLines(env.sim)).toEqual([`GET /flowSpecs/${FLOW_SPECS.datasetExport}`]);
		expect(items.map((i) => i.json)).toEqual([env.sim.store.get('prod', 'flowSpecs', FLOW_SPECS.datasetExport)]);
	});

	test('get: an unknown flow spec is Adobe\'s 404', async () => {
		const { error } = await run({ resource: 'flowSpec', operation: 'get', flowSpec: byId(UNKNOWN_ID) });
		expect(error.message).toMatch(/answered 404 Not Found/);
	});

	test('get many: all flow specs, Limit, and raw property filters sent to Flow Service', async () => {
		let { items } = await run({ resource: 'flowSpec', operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(6);
		expect(specCalls('flowSpecs').map((c) => c.query)).toEqual([{ limit: '100' }]);

		({ items } = await run({ resource: 'flowSpec', operation: 'getMany', returnAll: false, limit: 2 }));
		expect(items).toHaveLength(2);

		({ items } = await run({ resource: 'flowSpec', operation: 'getMany', returnAll: true, filters: { property: ['name==CloudStorageToAEP', 'providerId==0ed90a81-07f4-4586-8190-b40eccef1c5a'] } }));
		expect(specCalls('flowSpecs').map((c) => c.query)).toEqual([{ limit: '100', property: ['name==CloudStorageToAEP', 'providerId==0ed90a81-07f4-4586-8190-b40eccef1c5a'] }]);
		expect(items.map((i) => i.json.id)).toEqual([FLOW_SPECS.cloudStorage]);

		const { error } = await run({ resource: 'flowSpec', operation: 'getMany', returnAll: true, filters: { property: ['name=CloudStorageToAEP'] } });
		expect(error.message).toMatch(/is not a property filter/);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('get by names: flow spec plus source and target spec names give exactly one ID; specs are read once for all items', async () => {
		const parameters = { resource: 'flowSpec', operation: 'getByNames', flowSpecName: '={{ $json.flow }}', sourceSpecName: '={{ $json.source }}', targetSpecName: '={{ $json.target }}' };
		const inputs = [
			{ flow: 'CloudStorageToAEP', source: 'landing-zone', target: 'datalake' },
			{ flow: 'Data Landing Zone', source: 'activation-datalake', target: 'Data Landing Zone' },
			{ flow: 'Stream data without transformation', source: '', target: '' },
		];
		const { items, error } = await run(parameters, { inputItems: JSON.stringify(inputs) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{ id: FLOW_SPECS.cloudStorage, name: 'CloudStorageToAEP' },
			{ id: FLOW_SPECS.datasetExport, name: 'Data Landing Zone' },
			{ id: 'd8a6f005-7eaf-4153-983e-e8574508b877', name: 'Stream data without transformation' },
		]);
		expect(platformCalls(env.sim).map((c) => `${c.method} ${c.path} ${JSON.stringify(c.query)}`)).toEqual([
			'GET /flowSpecs {"limit":"100"}',
			'GET /connectionSpecs {"limit":"100"}',
		]);
	});

	test('get by names: several matches fail listing them, and a source spec name narrows them to one', async () => {
		const twin = addCloudStorageTwin();
		let { error } = await run({ resource: 'flowSpec', operation: 'getByNames', flowSpecName: 'CloudStorageToAEP', sourceSpecName: '', targetSpecName: 'datalake' });
		expect(error.message).toBe(
			`2 flow specs match "CloudStorageToAEP" with target "datalake": "CloudStorageToAEP" (${twin.id}), "CloudStorageToAEP" (${FLOW_SPECS.cloudStorage})`,
		);
		expect(error.description).toMatch(/Narrow the match with "Source Connection Spec Name"/);
		let items;
		({ items, error } = await run({ resource: 'flowSpec', operation: 'getByNames', flowSpecName: 'CloudStorageToAEP', sourceSpecName: 'landing-zone', targetSpecName: '' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: FLOW_SPECS.cloudStorage, name: 'CloudStorageToAEP' });
		// "sftp" names a source and a destination spec; the source one is read by both flow specs.
		({ error } = await run({ resource: 'flowSpec', operation: 'getByNames', flowSpecName: 'CloudStorageToAEP', sourceSpecName: 'sftp', targetSpecName: '' }));
		expect(error.message).toMatch(/^2 flow specs match "CloudStorageToAEP" with source "sftp": /);
	});

	test('get by names: no match, unknown flow spec and unknown connection spec names fail clearly', async () => {
		const { items } = await run(
			{ resource: 'flowSpec', operation: 'getByNames', flowSpecName: '={{ $json.flow }}', sourceSpecName: '={{ $json.source }}', targetSpecName: '={{ $json.target }}' },
			{
				inputItems: JSON.stringify([
					{ flow: 'CloudStorageToAEP', source: '', target: 'Amazon S3' },
					{ flow: 'CloudStorageToAep', source: '', target: '' },
					{ flow: 'CloudStorageToAEP', source: 'landing zone', target: '' },
				]),
				nodeOptions: { continueOnFail: true },
			},
		);
		expect(items.map((i) => i.json.error)).toEqual([
			'No flow spec named "CloudStorageToAEP" links target "Amazon S3"',
			'No flow spec is named "CloudStorageToAep" (Flow Spec Name). Similar names: "CloudStorageToAEP".',
			'No connection spec is named "landing zone" (Source Connection Spec Name). Similar names: "landing-zone", "Data Landing Zone".',
		]);
		expect(callLines(env.sim)).toEqual(['GET /flowSpecs', 'GET /connectionSpecs']);
	});
});
