'use strict';
// The trigger renews the IMS token n8n keeps in the credential once half its lifetime has passed on
// Adobe's clock, after its events are settled: one token request, stored for every process, so the
// old token's expiry costs no 401 and no second mint. Through n8n's real PollContext and request
// helpers against the simulator, whose clock is Adobe's.
const { useEnvironment } = require('../harness/environment');
const { TriggerDriver } = require('../harness/trigger');
const { watchWarnings } = require('../harness/warnings');

const HOUR = 3_600_000;
const MINUTE = 60_000;
const FLOWS = '/data/foundation/flowservice/flows';
const IMS = '/ims/token/v3';

const env = useEnvironment();

const trigger = (parameters = {}) => new TriggerDriver(env.n8n, { event: 'failedRun', flowKind: 'all', flowIds: [], options: {}, ...parameters });
const stored = () => env.n8n.storedCredential;
const tokens = () => env.sim.ims.tokenRequests();
const unauthorized = () => env.sim.log.entries().filter((entry) => entry.status === 401).length;
/** Moves Adobe's clock to `ms` after the stored token was issued. */
const toTokenAge = (ms) => env.sim.clock.advance(Math.max(0, Number(stored().issuedAt) + ms - env.sim.clock.now()));
const renewals = () => env.sim.log.entries().filter((entry) => entry.path === FLOWS && entry.params.limit === '1' && Object.keys(entry.params).length === 1);


beforeEach(() => {
	env.sim.store.seedFlows({ sandbox: 'prod', count: 2, kind: 'source', state: 'disabled' });
});

describe('renewal ahead of expiry', () => {
	test('the token keeps its times on Adobe\'s clock: issued at the IMS answer\'s Date, expiring expires_in later', async () => {
		await trigger().poll();
		expect(tokens()).toBe(1);
		const issuedAt = Number(stored().issuedAt);
		// The Date header has whole seconds.
		expect(issuedAt).toBe(Math.floor(env.sim.clock.now() / 1000) * 1000);
		expect(Number(stored().expiresAt) - issuedAt).toBe(86_399_000);
	});

	test('a poll past half the lifetime renews once; the next polls and the old token\'s expiry cost nothing', async () => {
		const driver = trigger();
		await driver.poll();
		const first = stored().accessToken;
		const firstExpiresAt = Number(stored().expiresAt);
		toTokenAge(11 * HOUR + 59 * MINUTE);
		await driver.poll();
		expect(tokens()).toBe(1);
		expect(renewals()).toHaveLength(0);

		toTokenAge(12 * HOUR + MINUTE);
		const [flow] = env.sim.store.list('prod', 'flows');
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'failed' });
		const items = await driver.poll();
		// The events come first and are unchanged by the renewal.
		expect(items.map((item) => item.runId)).toEqual([run.id]);
		expect(tokens()).toBe(2);
		expect(renewals()).toHaveLength(1);
		expect(stored().accessToken).not.toBe(first);
		expect(Number(stored().issuedAt)).toBe(Math.floor(env.sim.clock.now() / 1000) * 1000);

		await driver.poll();
		// Just past the first token's expiry (the renewed one is not due yet): every call carries the renewed one.
		env.sim.clock.advance(firstExpiresAt + 10_000 - env.sim.clock.now());
		await driver.poll();
		expect(tokens()).toBe(2);
		expect(unauthorized()).toBe(0);
		expect(renewals()).toHaveLength(1);
	});

	test('two triggers of one process due at the same moment share one token request', async () => {
		const drivers = [trigger(), trigger({ event: 'newRun' }), trigger({ event: 'finishedRun' })];
		for (const driver of drivers) await driver.poll();
		expect(tokens()).toBe(1);
		toTokenAge(13 * HOUR);
		await Promise.all(drivers.map((driver) => driver.poll()));
		expect(tokens()).toBe(2);
		await Promise.all(drivers.map((driver) => driver.poll()));
		expect(tokens()).toBe(2);
	});

	test('Missed Run renews too', async () => {
		const driver = trigger({ event: 'missedRun' });
		await driver.poll();
		toTokenAge(13 * HOUR);
		await driver.poll();
		expect(tokens()).toBe(2);
	});

	test('Fetch Test Event and the action node never renew', async () => {
		const driver = trigger();
		await driver.poll();
		toTokenAge(13 * HOUR);
		await driver.fetchTestEvent();
		const { error } = await env.n8n.runAepNode({ resource: 'flow', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(tokens()).toBe(1);
		expect(renewals()).toHaveLength(0);
	});
});

describe('the credential\'s mint, as renewals and 401s call it in one process', () => {
	const { AdobeAepApi } = require('../../dist/credentials/AdobeAepApi.credentials');
	// What n8n hands preAuthentication: a helper whose httpRequest goes over HTTP (here with fetch).
	const helper = {
		helpers: {
			async httpRequest({ method, url, headers, body }) {
				const response = await fetch(url, { method, headers, body, redirect: 'manual' });
				const text = await response.text();
				return { statusCode: response.status, body: text ? JSON.parse(text) : undefined, headers: Object.fromEntries(response.headers) };
			},
		},
	};
	const mint = (credentials) => new AdobeAepApi().preAuthentication.call(helper, credentials);

	test('renewals of the same token moments apart share one mint; a 401 with the old token gets the new one, with the new one a mint', async () => {
		await trigger().poll();
		const old = { ...stored() };
		toTokenAge(13 * HOUR);
		const before = tokens();
		const renewed = await mint({ ...old, accessToken: '' });
		expect(tokens()).toBe(before + 1);
		expect(renewed.accessToken).not.toBe(old.accessToken);
		expect(renewed.issuedAt).toBeGreaterThan(Number(old.issuedAt));
		expect(await mint({ ...old, accessToken: '' })).toEqual(renewed);
		expect(tokens()).toBe(before + 1);
		// A 401 with the old token: the new one; a 401 with the new one: a mint.
		expect((await mint(old)).accessToken).toBe(renewed.accessToken);
		expect((await mint({ ...old, ...renewed })).accessToken).not.toBe(renewed.accessToken);
		expect(tokens()).toBe(before + 2);
	});
});

describe('a token renewed elsewhere meanwhile', () => {
	/** What another n8n process does when it renews: asks IMS and stores the token with its times. */
	async function renewedByAnotherProcess() {
		const { clientId, clientSecret, scopes } = stored();
		const response = await fetch(`${env.sim.url}/ims/token/v3`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: scopes.replace(/\s+/g, '') }),
		});
		const body = await response.json();
		const issuedAt = Date.parse(response.headers.get('date'));
		env.n8n.saveCredential('adobeAepApi', { ...stored(), accessToken: body.access_token, issuedAt, expiresAt: issuedAt + body.expires_in * 1000 }, 'cred-aep-1');
		return body.access_token;
	}

	test('stored between the poll\'s judgement and its renewal request: the request carries that token and nobody mints again', async () => {
		const driver = trigger();
		await driver.poll();
		toTokenAge(13 * HOUR);
		const helper = env.n8n.credentialsHelper;
		const read = helper.getDecrypted.bind(helper);
		const mark = env.sim.log.entries().at(-1).seq;
		const runsAnswered = () => env.sim.log.entries(mark).some((entry) => entry.path === '/data/foundation/flowservice/runs' && entry.status === 200);
		let other;
		// An idle poll's first read of the credential after its runs answer is the renewal's judgement (it
		// gets the old token); the other process stores its new token before the renewal request reads it.
		helper.getDecrypted = async (...args) => {
			const data = await read(...args);
			if (other === undefined && runsAnswered()) other = await renewedByAnotherProcess();
			return data;
		};
		const before = tokens();
		try {
			expect(await driver.poll()).toEqual([]);
		} finally {
			helper.getDecrypted = read;
		}
		expect(other).toBeDefined();
		// The renewal request went out (with the other process's token), and nobody minted but the other process.
		expect(renewals()).toHaveLength(1);
		expect(tokens()).toBe(before + 1);
		expect(stored().accessToken).toBe(other);
		expect(unauthorized()).toBe(0);
		await driver.poll();
		expect(tokens()).toBe(before + 1);
	});
});

describe('what a renewal can meet', () => {
	test('IMS failing: the poll\'s events stand, a warning says so, and the next poll renews', async () => {
		const warnings = watchWarnings();
		const driver = trigger();
		await driver.poll();
		toTokenAge(13 * HOUR);
		const [flow] = env.sim.store.list('prod', 'flows');
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'failed' });
		env.sim.faults.add({ method: 'POST', path: IMS, status: 500, times: 1 });
		const items = await driver.poll();
		expect(items.map((item) => item.runId)).toEqual([run.id]);
		expect(warnings.text()).toMatch(/the IMS access token could not be renewed ahead of its expiry \(the next poll tries again\): /);
		expect(tokens()).toBe(1);
		// The old token still serves, and the next poll renews it.
		expect(await driver.poll()).toEqual([]);
		expect(tokens()).toBe(2);
		expect(unauthorized()).toBe(0);
	});

	test('a token stored without times (before this version) is renewed by n8n on its 401, as before, and has times afterwards', async () => {
		const driver = trigger();
		await driver.poll();
		env.n8n.saveCredential('adobeAepApi', { ...stored(), issuedAt: '', expiresAt: '' }, 'cred-aep-1');
		env.sim.clock.advance(25 * HOUR);
		await driver.poll();
		expect(unauthorized()).toBe(1);
		expect(tokens()).toBe(2);
		expect(Number(stored().expiresAt)).toBeGreaterThan(env.sim.clock.now());
	});

	test.each([
		['text that is no time', { issuedAt: 'yesterday', expiresAt: 'tomorrow' }],
		['an expiry before the issue', (t) => ({ issuedAt: t, expiresAt: t - HOUR })],
		['negative numbers', { issuedAt: -5, expiresAt: -1 }],
		['an issue in the future', (t) => ({ issuedAt: t + 48 * HOUR, expiresAt: t + 72 * HOUR })],
	])('odd stored times (%s) never stop a poll and never renew', async (_name, times) => {
		const driver = trigger();
		await driver.poll();
		const now = env.sim.clock.now();
		env.n8n.saveCredential('adobeAepApi', { ...stored(), ...(typeof times === 'function' ? times(now) : times) }, 'cred-aep-1');
		env.sim.clock.advance(13 * HOUR);
		const [flow] = env.sim.store.list('prod', 'flows');
		const [run] = env.sim.store.seedRuns({ sandbox: 'prod', flowId: flow.id, count: 1, status: 'failed' });
		expect((await driver.poll()).map((item) => item.runId)).toEqual([run.id]);
		expect(tokens()).toBe(1);
		expect(renewals()).toHaveLength(0);
	});
});
