'use strict';
// Flow specs: get, list, and resolution by flow spec and connection spec names, reading each spec
// list once per execution, through a real workflow.
const { useEnvironment } = require('../harness/environment');
const { platformCalls, callLines } = require('../harness/requests');
const { byId, CONNECTION_SPECS, FLOW_SPECS, UNKNOWN_ID, uuid } = require('./specs.helpers');

const env = useEnvironment();

const run = async (parameters, options) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode(parameters, options);
};
const specCalls = (collection) => platformCalls(env.sim).filter((c) => c.path === `/${collection}`);

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
		expect(specCalls('flowSpecs').map((c) => c.query)).toEqual([{}]);

		({ items } = await run({ resource: 'flowSpec', operation: 'getMany', returnAll: false, limit: 2 }));
		expect(items).toHaveLength(2);

		({ items } = await run({ resource: 'flowSpec', operation: 'getMany', returnAll: true, filters: { property: ['name==CloudStorageToAEP', 'providerId==0ed90a81-07f4-4586-8190-b40eccef1c5a'] } }));
		expect(specCalls('flowSpecs').map((c) => c.query)).toEqual([{ property: ['name==CloudStorageToAEP', 'providerId==0ed90a81-07f4-4586-8190-b40eccef1c5a'] }]);
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
			'GET /flowSpecs {}',
			'GET /connectionSpecs {}',
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
