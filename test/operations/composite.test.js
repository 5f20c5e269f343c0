'use strict';
// The one-step creates (Flow -> Streaming From Dataset, Dataset Export -> Export to Landing Zone) leave
// nothing half-created: a failure deletes what was made, a create that may have made its entity
// without saying so (a server error after the work, a dropped connection, an answer without the ID)
// is looked up and deleted too, and the error lists exactly what was deleted and what is left.
// Also: every create reads the new ID from the body or the Location header, and never goes on without one.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');

const ROOT = '/data/foundation/flowservice';
const COLLECTIONS = ['connections', 'sourceConnections', 'targetConnections', 'flows'];
/** The kind each collection's entities have in errors and error items. */
const KINDS = { connections: 'base connection', sourceConnections: 'source connection', targetConnections: 'target connection', flows: 'flow' };

const env = useEnvironment();

const stored = (collection) => env.sim.store.list('prod', collection);
const storedIds = () => Object.fromEntries(COLLECTIONS.map((collection) => [collection, stored(collection).map((entity) => entity.id)]));
const noneStored = Object.fromEntries(COLLECTIONS.map((collection) => [collection, []]));
/** `METHOD path status` lines, IDs in paths shown as {id}, the lookup's query kept. */
const lines = () =>
	platformCalls(env.sim).map((call) => {
		const property = call.query.property === undefined ? '' : `?${[call.query.property].flat().map((filter) => `property=${filter}`).join('&')}`;
		return `${call.method} ${call.path.replace(/\/[\w-]{20,}(?=\/|$)/g, '/{id}')}${property} ${call.status}`;
	});
/** The IDs the rollback deleted, by collection, from the request log. */
const deletedIds = () => {
	const deleted = Object.fromEntries(COLLECTIONS.map((collection) => [collection, []]));
	for (const call of platformCalls(env.sim)) {
		if (call.method !== 'DELETE' || call.status !== 204) continue;
		const [, collection, id] = call.path.split('/');
		deleted[collection].push(id);
	}
	return deleted;
};
const deletedOnce = (collection) => {
	const ids = deletedIds()[collection];
	expect(ids).toHaveLength(1);
	return ids[0];
};

/** The two composite creates, with what differs between them. */
const COMPOSITES = [
	{
		title: 'Flow -> Streaming From Dataset',
		seed: () => env.sim.store.seedDatasets({ sandbox: 'prod', names: ['Orders'] })[0],
		parameters: (dataset) => ({ resource: 'flow', operation: 'create', createType: 'streamingFromDataset', datasetId: dataset.id, streamName: 'Orders feed', authenticationRequired: false }),
		what: 'Creating the streaming flow for dataset',
		before: () => ['GET /dataSets/{id} 200'],
		/** The creates in order; the source connection is the one in the middle that points at an earlier entity. */
		creates: ['connections', 'sourceConnections', 'targetConnections', 'flows'],
		middle: { collection: 'sourceConnections', name: 'Orders feed Source', pointsAt: 'connections' },
	},
	{
		title: 'Dataset Export -> Export to Landing Zone',
		seed: () => env.sim.store.seedDatasets({ sandbox: 'prod', count: 1 })[0],
		parameters: (dataset) => ({
			resource: 'datasetExport', operation: 'exportToLandingZone', name: 'Orders export', datasetIds: dataset.id, path: '/exports/orders',
			fileType: 'JSON', exportMode: 'DAILY_FULL_EXPORT', timeUnit: 'day', interval: 1, startTime: '2026-01-06T00:00:00Z', additionalFields: {},
		}),
		what: 'Exporting the datasets to the Data Landing Zone',
		before: () => ['GET /connectionSpecs/{id}/configs 200'],
		creates: ['connections', 'sourceConnections', 'targetConnections', 'flows'],
		middle: { collection: 'targetConnections', name: 'Orders export (target)', pointsAt: 'connections' },
	},
];

const runComposite = async (composite, { nodeOptions, parameters } = {}) => {
	const dataset = composite.seed();
	env.sim.log.clear();
	const result = await env.n8n.runAepNode({ ...composite.parameters(dataset), ...parameters }, { nodeOptions });
	return { ...result, dataset };
};

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(COMPOSITES)('$title', (composite) => {
	const creates = composite.creates.map((collection) => `POST /${collection} 201`);
	const deletesNewestFirst = ['flows', 'targetConnections', 'sourceConnections', 'connections'].map((collection) => `DELETE /${collection}/{id} 204`);

	test.each([
		['an ambiguous 500 (the flow was stored, the answer is an error)', { ambiguous: true, status: 500 }, 500, {}, 'Adobe Experience Platform answered 500 Internal Server Error (FLOW-1102-500): Internal Error'],
		['a connection reset after the flow was stored', { ambiguous: true, reset: true }, 0, {}, 'Could not reach Adobe Experience Platform: the connection was reset'],
		// The flow is stored and the status line sent, but the body never arrives.
		['a timeout after the flow was stored', { stall: true }, 201, { requestTimeout: 1 }, `POST ${ROOT}/flows timed out: no complete answer within 1 s`],
	])('%s on the flow POST: the flow is found through its connections and deleted with them', async (_case, fault, loggedStatus, parameters, cause) => {
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/flows`, ...fault });
		const { items, error, dataset } = await runComposite(composite, { parameters });
		expect(items).toEqual([]);

		const deleted = deletedIds();
		const [flowId, targetId, sourceId, baseId] = ['flows', 'targetConnections', 'sourceConnections', 'connections'].map((collection) => deletedOnce(collection));
		expect(lines()).toEqual([
			...composite.before(dataset),
			...creates.slice(0, 3),
			`POST /flows ${loggedStatus}`,
			// The lookup can only match a flow that uses the connections just made.
			`GET /flows?property=sourceConnectionIds[]==${sourceId}&property=targetConnectionIds[]==${targetId} 200`,
			...deletesNewestFirst,
		]);
		if (fault.ambiguous) expect(env.sim.log.entries().find((entry) => entry.method === 'POST' && entry.path === `${ROOT}/flows`).effect).toBe(201);

		expect(error.message).toBe(`${composite.what} ${composite.what.includes('streaming') ? `${dataset.id} ` : ''}failed: ${cause}`);
		expect(error.description).toContain(
			`The flow may have been created before the failure: found flow ${flowId} using source connection ${sourceId} and target connection ${targetId}.`,
		);
		expect(error.description).toContain(`Deleted again: flow ${flowId}, target connection ${targetId}, source connection ${sourceId}, base connection ${baseId}.`);
		for (const id of Object.values(deleted).flat()) expect(error.description).toContain(id);
		expect(error.description).not.toMatch(/Nothing had been created|remove by hand/);
		expect(error.facts).toEqual({
			rolledBack: [
				{ kind: 'flow', id: flowId },
				{ kind: 'target connection', id: targetId },
				{ kind: 'source connection', id: sourceId },
				{ kind: 'base connection', id: baseId },
			],
			leftOver: [],
		});
		expect(storedIds()).toEqual(noneStored);
	});

	test('a plain 500 that made nothing: the lookup finds no flow and says so, the connections are deleted', async () => {
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/flows`, status: 500 });
		const { error } = await runComposite(composite);
		const [sourceId, targetId] = ['sourceConnections', 'targetConnections'].map((collection) => deletedOnce(collection));
		expect(lines().slice(-4)).toEqual([
			`GET /flows?property=sourceConnectionIds[]==${sourceId}&property=targetConnectionIds[]==${targetId} 200`,
			...deletesNewestFirst.slice(1),
		]);
		expect(error.description).toContain(`The flow may have been created before the failure, but no flow using source connection ${sourceId} and target connection ${targetId} exists: it was not created.`);
		expect(error.facts.leftOver).toEqual([]);
		expect(error.facts.rolledBack.map((entity) => entity.kind)).toEqual(['target connection', 'source connection', 'base connection']);
		expect(storedIds()).toEqual(noneStored);
	});

	test('a 400 on the flow POST is a refusal: no lookup, the connections are deleted', async () => {
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/flows`, status: 400 });
		const { error } = await runComposite(composite);
		expect(lines().slice(-4)).toEqual(['POST /flows 400', ...deletesNewestFirst.slice(1)]);
		expect(error.facts.leftOver).toEqual([]);
		expect(storedIds()).toEqual(noneStored);
	});

	test('an ambiguous 500 where the source connection cannot be deleted: leftOver names it and the message says so', async () => {
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/flows`, ambiguous: true });
		// More failures than the DELETE's retries.
		env.sim.faults.add({ method: 'DELETE', path: `${ROOT}/sourceConnections/`, status: 503, times: 10 });
		const { error } = await runComposite(composite);

		const [flowId, targetId, baseId] = ['flows', 'targetConnections', 'connections'].map((collection) => deletedOnce(collection));
		const sourceId = stored('sourceConnections')[0].id;
		expect(lines().filter((line) => line.startsWith('DELETE /sourceConnections/'))).toEqual(Array(5).fill('DELETE /sourceConnections/{id} 503'));
		expect(error.message).toMatch(new RegExp(`failed: Adobe Experience Platform answered 500 Internal Server Error \\(FLOW-1102-500\\): Internal Error\\. Left over, remove by hand: source connection ${sourceId}$`));
		expect(error.description).toContain(`Deleted again: flow ${flowId}, target connection ${targetId}, base connection ${baseId}.`);
		expect(error.description).toContain(`Could not delete, remove by hand: source connection ${sourceId} (Adobe Experience Platform answered 503 Service Unavailable (FLOW-1103-503) after 5 attempts).`);
		expect(error.description).not.toMatch(/Nothing had been created/);
		expect(error.facts).toEqual({
			rolledBack: [
				{ kind: 'flow', id: flowId },
				{ kind: 'target connection', id: targetId },
				{ kind: 'base connection', id: baseId },
			],
			leftOver: [{ kind: 'source connection', id: sourceId }],
		});
		expect(storedIds()).toEqual({ ...noneStored, sourceConnections: [sourceId] });
	});

	test('Continue On Fail: the error item carries rolledBack and leftOver besides the error', async () => {
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/flows`, ambiguous: true, reset: true });
		env.sim.faults.add({ method: 'DELETE', path: `${ROOT}/sourceConnections/`, status: 503, times: 10 });
		const { items, error } = await runComposite(composite, { nodeOptions: { continueOnFail: true } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [flowId, targetId, baseId] = ['flows', 'targetConnections', 'connections'].map((collection) => deletedOnce(collection));
		const sourceId = stored('sourceConnections')[0].id;
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toEqual({
			error: expect.stringMatching(new RegExp(`^${escapeRegExp(composite.what)} .*failed: Could not reach Adobe Experience Platform: the connection was reset\\. Left over, remove by hand: source connection ${sourceId}$`)),
			rolledBack: [
				{ kind: 'flow', id: flowId },
				{ kind: 'target connection', id: targetId },
				{ kind: 'base connection', id: baseId },
			],
			leftOver: [{ kind: 'source connection', id: sourceId }],
		});
	});

	test(`an empty 201 without Location on the ${composite.middle.collection} POST: a clear error, the earlier steps deleted, nothing goes on with "undefined"`, async () => {
		const { collection, name, pointsAt } = composite.middle;
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/${collection}`, status: 201, raw: '' });
		const { error, dataset } = await runComposite(composite);

		const done = composite.creates.slice(0, composite.creates.indexOf(collection));
		const deleted = deletedIds();
		const baseId = deletedOnce(pointsAt);
		expect(lines()).toEqual([
			...composite.before(dataset),
			...done.map((c) => `POST /${c} 201`),
			`POST /${collection} 201`,
			// Flow Service said it was created: looked up through the base connection it points at.
			`GET /${collection}?property=baseConnectionId==${baseId} 200`,
			...[...done].reverse().map((c) => `DELETE /${c}/{id} 204`),
		]);
		expect(platformCalls(env.sim).some((call) => call.path.includes('undefined'))).toBe(false);
		expect(error.message).toMatch(new RegExp(`failed: Flow Service answered 201 to POST /${collection} without an ID\\. Left over, remove by hand: ${KINDS[collection]} \\(ID unknown\\)$`));
		expect(error.description).toContain(`The answer had an empty body and no Location header naming the new ${KINDS[collection]}.`);
		// The rollback has looked for it, so the advice to look before creating again is not repeated.
		expect(error.description).not.toContain('before creating it again');
		expect(error.description).toContain(`Flow Service created the ${KINDS[collection]} without saying its ID, yet no ${KINDS[collection]} using base connection ${baseId} was found: look for a ${KINDS[collection]} named "${name}" and delete it if it exists.`);
		expect(error.description).toContain(`Deleted again: ${[...done].reverse().map((c) => `${KINDS[c]} ${deleted[c][0]}`).join(', ')}.`);
		expect(error.facts).toEqual({
			rolledBack: [...done].reverse().map((c) => ({ kind: KINDS[c], id: deleted[c][0] })),
			leftOver: [{ kind: KINDS[collection], id: null, name }],
		});
		expect(storedIds()).toEqual(noneStored);
	});

	test(`a 201 without an ID whose ${composite.middle.collection} was really stored: found through the base connection and deleted`, async () => {
		const { collection } = composite.middle;
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/${collection}`, ambiguous: true, status: 201, body: { etag: '"0"' } });
		const { error } = await runComposite(composite);
		const middleId = deletedOnce(collection);
		const baseId = deletedOnce('connections');
		expect(lines()).toContain(`GET /${collection}?property=baseConnectionId==${baseId} 200`);
		expect(error.message).toMatch(new RegExp(`failed: Flow Service answered 201 to POST /${collection} without an ID$`));
		expect(error.description).toContain(`The answer had a body without an "id"`);
		expect(error.description).toContain(`Flow Service created the ${KINDS[collection]} without saying its ID: found ${KINDS[collection]} ${middleId} using base connection ${baseId}.`);
		expect(error.facts.leftOver).toEqual([]);
		expect(error.facts.rolledBack[0]).toEqual({ kind: KINDS[collection], id: middleId });
		expect(storedIds()).toEqual(noneStored);
	});

	test('a 201 with an empty body but a Location header: the ID is read from it and the create goes on', async () => {
		// The answer is replaced, so the source connection it names is one that exists already.
		const [existing] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled' });
		const sourceId = existing.sourceConnectionIds[0];
		const before = storedIds();
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/sourceConnections`, status: 201, raw: '', headers: { Location: `https://platform.adobe.io${ROOT}/sourceConnections/${sourceId}` } });
		const { items, error } = await runComposite(composite);
		expect(error).toBeUndefined();
		const output = items[0].json;
		expect(output.sourceConnectionId).toBe(sourceId);
		const flowPost = platformCalls(env.sim).find((call) => call.method === 'POST' && call.path === '/flows');
		expect(flowPost.body.sourceConnectionIds).toEqual([sourceId]);
		expect(output.flow).toMatchObject({ id: output.flowId, sourceConnectionIds: [sourceId], targetConnectionIds: [output.targetConnectionId] });
		expect(storedIds().flows.sort()).toEqual([output.flowId, ...before.flows].sort());
	});
});

test('an ambiguous failure where even the flow cannot be deleted: everything is left over, and nothing claims otherwise', async () => {
	const composite = COMPOSITES[1];
	env.sim.faults.add({ method: 'POST', path: `${ROOT}/flows`, ambiguous: true, status: 502 });
	env.sim.faults.add({ method: 'DELETE', path: `${ROOT}/flows/`, status: 500, times: -1 });
	const { error } = await runComposite(composite);
	const flowId = stored('flows')[0].id;
	const [baseId, sourceId, targetId] = ['connections', 'sourceConnections', 'targetConnections'].map((collection) => stored(collection)[0].id);
	// The connections are still in use by the flow, so Flow Service refuses to delete them.
	expect(lines().slice(-4)).toEqual([
		'DELETE /flows/{id} 500',
		'DELETE /targetConnections/{id} 400',
		'DELETE /sourceConnections/{id} 400',
		'DELETE /connections/{id} 400',
	]);
	expect(error.message).toBe(
		`${composite.what} failed: Adobe Experience Platform answered 502 Bad Gateway (FLOW-1102-502): Internal Error. Left over, remove by hand: flow ${flowId}, target connection ${targetId}, source connection ${sourceId}, base connection ${baseId}`,
	);
	expect(error.description).toContain(`found flow ${flowId} using source connection ${sourceId} and target connection ${targetId}.`);
	expect(error.description).not.toMatch(/Deleted again|Nothing had been created/);
	expect(error.description).toMatch(new RegExp(`Could not delete, remove by hand: flow ${flowId} \\(.*500.*after 5 attempts\\); target connection ${targetId} \\(.*400.*\\); source connection`));
	expect(error.facts).toEqual({
		rolledBack: [],
		leftOver: [
			{ kind: 'flow', id: flowId },
			{ kind: 'target connection', id: targetId },
			{ kind: 'source connection', id: sourceId },
			{ kind: 'base connection', id: baseId },
		],
	});
});

test('a create that fails before the first entity says nothing had been created', async () => {
	const composite = COMPOSITES[1];
	env.sim.faults.add({ method: 'POST', path: `${ROOT}/connections`, status: 400 });
	const { error } = await runComposite(composite);
	expect(error.description).toMatch(/Nothing had been created yet\.$/);
	expect(error.facts).toEqual({ rolledBack: [], leftOver: [] });
});

test('an ambiguous failure of the first create: the base connection cannot be looked up, so it is reported as possibly left over', async () => {
	const composite = COMPOSITES[1];
	env.sim.faults.add({ method: 'POST', path: `${ROOT}/connections`, ambiguous: true, reset: true });
	const { error } = await runComposite(composite);
	expect(lines().slice(-1)).toEqual(['POST /connections 0']);
	expect(error.message).toMatch(/the connection was reset\. Left over, remove by hand: base connection \(ID unknown\)$/);
	expect(error.description).toContain(
		'The base connection may have been created before the failure, and nothing made here identifies it: look for a base connection named "Orders export (base connection)" and delete it if it exists.',
	);
	expect(error.description).not.toMatch(/Nothing had been created/);
	expect(error.facts).toEqual({ rolledBack: [], leftOver: [{ kind: 'base connection', id: null, name: 'Orders export (base connection)' }] });
});

describe('any create reads the new ID from the body or the Location header', () => {
	const createConnection = () => env.n8n.runAepNode({ resource: 'connection', operation: 'create', createType: 'dlzDestination', connectionName: 'Exports' });

	test.each([
		['an empty body', '', 'an empty body'],
		['null', 'null', 'an empty body'],
		['an object without id', '{"etag":"\\"1\\""}', 'a body without an "id"'],
		['a number as id', '{"id":42}', 'a body whose "id" is not an ID'],
	])('a 201 with %s and no Location fails naming the request, without a call for "undefined"', async (_case, raw, answer) => {
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/connections`, status: 201, raw, contentType: 'application/json' });
		const { error } = await createConnection();
		expect(error.message).toBe('Flow Service answered 201 to POST /connections without an ID');
		expect(error.description).toBe(
			`The answer had ${answer} and no Location header naming the new connection.\nThe connection was probably created: look for a connection named "Exports" before creating it again.`,
		);
		expect(lines()).toEqual(['POST /connections 201']);
	});

	test.each([
		['a path', (id) => `${ROOT}/connections/${id}`],
		['a full URL with a query', (id) => `https://platform.adobe.io${ROOT}/connections/${id}?x=1`],
	])('a 201 with an empty body and a Location header as %s: the connection is read by that ID', async (_case, location) => {
		env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled' });
		const baseId = stored('connections')[0].id;
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/connections`, status: 201, raw: '', headers: { Location: location(baseId) } });
		const { items, error } = await createConnection();
		expect(error).toBeUndefined();
		expect(lines()).toEqual(['POST /connections 201', 'GET /connections/{id} 200']);
		expect(platformCalls(env.sim)[1].path).toBe(`/connections/${baseId}`);
		expect(items[0].json.id).toBe(baseId);
	});

	test.each([
		['names another collection', (id) => `${ROOT}/flows/${id}`],
		['ends in the collection itself', () => `${ROOT}/connections`],
		['holds no ID', () => `${ROOT}/connections/not%20an%20id`],
	])('a Location that %s is not taken as the ID', async (_case, location) => {
		const [existing] = env.sim.store.seedFlows({ sandbox: 'prod', count: 1, kind: 'source', state: 'disabled' });
		env.sim.faults.add({ method: 'POST', path: `${ROOT}/connections`, status: 201, raw: '', headers: { Location: location(existing.id) } });
		const { error } = await createConnection();
		expect(error.message).toBe('Flow Service answered 201 to POST /connections without an ID');
		expect(lines()).toEqual(['POST /connections 201']);
	});
});
