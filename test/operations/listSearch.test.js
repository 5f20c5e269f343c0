'use strict';
// The pickers' list search beyond one page: a typed search reads on within a budget of pages, a full
// ID goes to Flow Service's own id filter, paging tokens carry on where a search stopped, and no
// search pages forever. Real list-search calls through n8n's LoadOptionsContext against the simulator.
const { useEnvironment } = require('../harness/environment');
const { platformCalls } = require('../harness/requests');

const env = useEnvironment();

const search = async (method, filter, token) => await env.n8n.callNodeMethod({ kind: 'listSearch', method, args: [filter, token] });
const listCalls = (path) => platformCalls(env.sim).filter((call) => call.method === 'GET' && call.path === path);
const seedFlows = (count) => env.sim.store.seedFlows({ sandbox: 'prod', count, kind: 'source' });

/** Every flow as the unfiltered picker pages through them (one Adobe page per dropdown page), newest first. */
async function everyFlowInPickerOrder() {
	const entries = [];
	let token;
	do {
		const page = await search('searchFlows', '', token);
		entries.push(...page.results);
		token = page.paginationToken;
	} while (token);
	return entries;
}

describe('searching 1,000 flows', () => {
	let flows;
	beforeEach(() => {
		flows = seedFlows(1000);
	});

	test('without a filter each dropdown page is one page of Adobe\'s, and the tokens walk the whole list once', async () => {
		env.sim.log.clear();
		const first = await search('searchFlows', '');
		expect(first.results).toHaveLength(100);
		expect(typeof first.paginationToken).toBe('string');
		expect(listCalls('/flows')).toHaveLength(1);
		expect(listCalls('/flows')[0].query).toMatchObject({ limit: '100' });

		env.sim.log.clear();
		const all = await everyFlowInPickerOrder();
		expect(listCalls('/flows')).toHaveLength(10);
		expect(new Set(all.map((entry) => entry.value)).size).toBe(1000);
		expect(all.map((entry) => entry.value).sort()).toEqual(flows.map((flow) => flow.id).sort());
	});

	test('a name on the last page is found in one dropdown request of at most 10 pages', async () => {
		const last = (await everyFlowInPickerOrder()).at(-1);
		const flow = env.sim.store.get('prod', 'flows', last.value);
		env.sim.log.clear();
		const found = await search('searchFlows', flow.name.toUpperCase());
		expect(found.results).toContainEqual({ name: `${flow.name} (${flow.state})`, value: flow.id });
		expect(found.results.every((entry) => entry.name.toLowerCase().includes(flow.name.toLowerCase()))).toBe(true);
		expect(found.paginationToken).toBeUndefined();
		const calls = listCalls('/flows');
		expect(calls).toHaveLength(10);
		// Each next page re-sends the query it belongs to, with the token of the page before.
		expect(calls[0].query.continuationToken).toBeUndefined();
		expect(calls.slice(1).every((call) => typeof call.query.continuationToken === 'string' && call.query.limit === '100')).toBe(true);
	});

	test('a search that matches nothing ends after reading the list once, with no token to load more', async () => {
		env.sim.log.clear();
		const found = await search('searchFlows', 'no flow is called this');
		expect(found).toEqual({ results: [] });
		expect(listCalls('/flows')).toHaveLength(10);
	});

	test('a search that matches many stops at a full dropdown page and its token carries on from there', async () => {
		// Every seeded name holds " #", so every flow matches: the first request stops after one page of matches.
		env.sim.log.clear();
		const first = await search('searchFlows', ' #');
		expect(first.results).toHaveLength(100);
		expect(listCalls('/flows')).toHaveLength(1);
		const second = await search('searchFlows', ' #', first.paginationToken);
		expect(second.results).toHaveLength(100);
		expect(second.results.some((entry) => first.results.some((seen) => seen.value === entry.value))).toBe(false);
		expect(listCalls('/flows')).toHaveLength(2);
	});

	test('a full flow ID is looked up with Flow Service\'s id filter: one request, wherever the flow is', async () => {
		const last = (await everyFlowInPickerOrder()).at(-1);
		env.sim.log.clear();
		const found = await search('searchFlows', ` ${last.value} `);
		expect(found).toEqual({ results: [last] });
		const calls = listCalls('/flows');
		expect(calls).toHaveLength(1);
		expect(calls[0].query.property).toBe(`id==${last.value}`);
	});
});

describe('the read budget', () => {
	test('with more than 1,000 flows a search stops after 10 pages and hands the picker the next token', async () => {
		seedFlows(1500);
		env.sim.log.clear();
		const first = await search('searchFlows', 'no flow is called this');
		expect(first.results).toEqual([]);
		expect(typeof first.paginationToken).toBe('string');
		expect(listCalls('/flows')).toHaveLength(10);
		const rest = await search('searchFlows', 'no flow is called this', first.paginationToken);
		expect(rest).toEqual({ results: [] });
		expect(listCalls('/flows')).toHaveLength(15);
	});

	test('a list whose pages point back to a token already read ends the search, however many pages remain in the budget', async () => {
		const page = (id, token) => ({ items: [{ id, name: `Flow ${id}` }], _links: { next: { href: `/flows?continuationToken=${token}` } } });
		env.sim.faults.add({ method: 'GET', path: '/data/foundation/flowservice/flows', status: 200, body: page('aaaaaaaa-1', 't1'), times: 1 });
		env.sim.faults.add({ method: 'GET', path: '/data/foundation/flowservice/flows', status: 200, body: page('aaaaaaaa-2', 't2'), times: 1 });
		env.sim.faults.add({ method: 'GET', path: '/data/foundation/flowservice/flows', status: 200, body: page('aaaaaaaa-3', 't1'), times: 1 });
		env.sim.log.clear();
		const found = await search('searchFlows', 'flow');
		expect(found).toEqual({ results: ['1', '2', '3'].map((n) => ({ name: `Flow aaaaaaaa-${n} (unknown)`, value: `aaaaaaaa-${n}` })) });
		expect(listCalls('/flows')).toHaveLength(3);
	});
});

describe('the other pickers read on the same way', () => {
	test('base connections: a name past the first page is found', async () => {
		seedFlows(250);
		const connections = env.sim.store.list('prod', 'connections');
		expect(connections.length).toBeGreaterThan(200);
		let all = [];
		let token;
		do {
			const page = await search('searchConnections', '', token);
			all = all.concat(page.results);
			token = page.paginationToken;
		} while (token);
		const last = all.at(-1);
		env.sim.log.clear();
		const found = await search('searchConnections', last.name);
		expect(found.results).toContainEqual(last);
		expect(listCalls('/connections').length).toBeGreaterThan(1);
		expect(listCalls('/connections').length).toBeLessThanOrEqual(10);
	});

	test('runs: Get lists runs of any status, Retry only failed ones (filtered by Flow Service), and a run ID is found in one request', async () => {
		const [flow] = seedFlows(1);
		const [failed] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 150, status: 'failed', spacingMs: 60_000 });
		env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 150, status: 'success', spacingMs: 60_000 });
		env.sim.log.clear();
		const any = await search('searchRuns', '');
		expect(any.results).toHaveLength(100);
		expect(listCalls('/runs')[0].query).toMatchObject({ orderby: '-createdAt', limit: '100' });
		expect(listCalls('/runs')[0].query.property).toBeUndefined();

		env.sim.log.clear();
		const retryable = await search('searchFailedRuns', 'success');
		expect(retryable).toEqual({ results: [] });
		expect(listCalls('/runs')).toHaveLength(2);
		expect(listCalls('/runs')[0].query.property).toBe('metrics.statusSummary.status==failed');

		env.sim.log.clear();
		const byId = await search('searchRuns', failed.id);
		expect(byId.results).toHaveLength(1);
		expect(byId.results[0]).toMatchObject({ value: failed.id, name: expect.stringContaining(' · failed · ') });
		expect(listCalls('/runs')).toHaveLength(1);
		expect(listCalls('/runs')[0].query.property).toBe(`id==${failed.id}`);
	});
});
