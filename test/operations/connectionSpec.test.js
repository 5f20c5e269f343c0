'use strict';
// Connection specs: get, list (with the name map), and name resolution that reads the spec list
// once per execution whatever the number of items, through a real workflow.
const { useEnvironment } = require('../harness/environment');
const { platformCalls, callLines } = require('../harness/requests');
const { byId, CONNECTION_SPECS, UNKNOWN_ID, BUILT_IN_CONNECTION_SPECS, uuid, addPartnerConnectionSpecs } = require('./specs.helpers');

const env = useEnvironment();

const run = async (parameters, options) => {
	env.sim.log.clear();
	return await env.n8n.runAepNode(parameters, options);
};
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
		({ error } = await run({ resource: 'connectionSpec', operation: 'get', connectionSpec: byId('={{ "amazon s3" }}') }));
		expect(error.message).toBe('The Connection Spec "amazon s3" is not a valid ID');
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('the pickers (list search and load options) read the specs in one request without paging parameters', async () => {
		addPartnerConnectionSpecs(env.sim, 110);
		env.sim.log.clear();
		const search = await env.n8n.callNodeMethod({ kind: 'listSearch', method: 'searchConnectionSpecs', args: ['partner-source-10'] });
		expect(search.results.map((entry) => entry.name).sort()).toEqual(['partner-source-10', 'partner-source-100', 'partner-source-101', 'partner-source-102', 'partner-source-103', 'partner-source-104', 'partner-source-105', 'partner-source-106', 'partner-source-107', 'partner-source-108', 'partner-source-109'].sort());
		expect(search.paginationToken).toBeUndefined();
		const options = await env.n8n.callNodeMethod({ kind: 'loadOptions', method: 'getConnectionSpecs' });
		expect(options).toHaveLength(BUILT_IN_CONNECTION_SPECS + 110);
		expect(specCalls('connectionSpecs').map((call) => [call.query, call.status])).toEqual([
			[{}, 200],
			[{}, 200],
		]);
	});

	test('get many: one request without limit, as Adobe declares (all specs in one answer); Limit cuts the answer', async () => {
		addPartnerConnectionSpecs(env.sim, 110);
		const { items, error } = await run({ resource: 'connectionSpec', operation: 'getMany', specsOutput: 'specs', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(BUILT_IN_CONNECTION_SPECS + 110);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(items.length);
		const pages = specCalls('connectionSpecs');
		expect(pages.map((p) => p.query)).toEqual([{}]);

		const limited = await run({ resource: 'connectionSpec', operation: 'getMany', specsOutput: 'specs', returnAll: false, limit: 7 });
		expect(limited.items).toHaveLength(7);
		expect(specCalls('connectionSpecs').map((p) => p.query)).toEqual([{}]);
	});

	test('get many: raw property filters go to Flow Service; a malformed one fails before any call', async () => {
		const { items } = await run({ resource: 'connectionSpec', operation: 'getMany', returnAll: true, filters: { property: ['name==Amazon S3'] } });
		expect(specCalls('connectionSpecs').map((p) => p.query)).toEqual([{ property: 'name==Amazon S3' }]);
		expect(items.map((i) => i.json.id)).toEqual([CONNECTION_SPECS.s3Destination]);

		const { error } = await run({ resource: 'connectionSpec', operation: 'getMany', returnAll: true, filters: { property: ['name'] } });
		expect(error.message).toMatch(/"name" is not a property filter/);
		expect(platformCalls(env.sim)).toEqual([]);
	});

	test('get many as a name to ID map: one item over every spec; a shared name maps to every ID', async () => {
		addPartnerConnectionSpecs(env.sim, 110);
		const { items, error } = await run({ resource: 'connectionSpec', operation: 'getMany', specsOutput: 'nameToIdMap', returnAll: false, limit: 5 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const map = items[0].json;
		expect(Object.keys(map)).toHaveLength(BUILT_IN_CONNECTION_SPECS + 110 - 2); // amazon-s3 and sftp are each a source and a destination
		expect(map['Streaming Connection']).toBe(CONNECTION_SPECS.streaming);
		expect(map['partner-source-42']).toBe(uuid(42));
		expect([...map['amazon-s3']].sort()).toEqual([CONNECTION_SPECS.s3Source, CONNECTION_SPECS.legacyS3Destination].sort());
		expect(specCalls('connectionSpecs').map((p) => p.query)).toEqual([{}]);
	});

	test('get by name: N items cost one listing; each item gets its spec\'s ID', async () => {
		addPartnerConnectionSpecs(env.sim, 110);
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
		expect(callLines(env.sim)).toEqual(['GET /connectionSpecs']); // one answer, read once for all items
		expect(specCalls('connectionSpecs')[0].query).toEqual({});

		// The next execution reads the specs afresh: nothing is kept between executions.
		await run({ resource: 'connectionSpec', operation: 'getByName', connectionSpecName: 'partner-source-1' });
		expect(callLines(env.sim)).toEqual(['GET /connectionSpecs']);
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
