'use strict';
// The demo's credential and workflows, as n8n's import:credentials / import:workflow read them.
// Node types are the ones a user gets after installing the package from the community nodes panel.
const PACKAGE = 'n8n-nodes-adobe-aep';
const CREDENTIAL = { id: 'aepSimulatorCred01', name: 'AEP (local simulator)' };
const credentials = { adobeAepApi: CREDENTIAL };

function simulatorCredential({ simulatorUrl, clientId, clientSecret, orgId, scopes }) {
	return [{
		...CREDENTIAL,
		type: 'adobeAepApi',
		data: { clientId, clientSecret, orgId, scopes, sandboxName: 'prod', environment: 'custom', platformUrl: simulatorUrl, imsUrl: simulatorUrl, accessToken: '' },
	}];
}

let nodeCount = 0;
function node(name, type, typeVersion, parameters, position, extra = {}) {
	nodeCount++;
	return { id: `00000000-0000-4000-8000-${String(nodeCount).padStart(12, '0')}`, name, type, typeVersion, position, parameters, ...extra };
}

const chain = (...names) =>
	Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));

function workflow(id, name, nodes, staticData = null) {
	return { id, name, nodes, connections: chain(...nodes.map((n) => n.name)), settings: { executionOrder: 'v1' }, staticData, active: false, pinData: {} };
}

const manual = (x = 0) => node('When clicking ‘Execute workflow’', 'n8n-nodes-base.manualTrigger', 1, {}, [x, 0]);
const aep = (name, parameters, x) => node(name, `${PACKAGE}.aepFlowService`, 1.1, parameters, [x, 0], { credentials });

/** A Slack-style webhook post of `text` (an n8n expression body). */
const slackPost = (name, webhookUrl, text, x = 260) =>
	node(name, 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url: webhookUrl,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: `={{ JSON.stringify({ text: ${text} }) }}`,
		options: {},
	}, [x, 0]);

const trigger = (name, parameters) =>
	node(name, `${PACKAGE}.aepFlowServiceTrigger`, 1.1, { pollTimes: { item: [{ mode: 'everyMinute' }] }, flowKind: 'all', flowIds: [], ...parameters }, [0, 0], { credentials });

/**
 * Failed dataflow run -> Slack-style message to a webhook. A failing flow alerts once ("first per
 * flow until it recovers"), so the demo never opens with a burst of messages about one flow.
 */
function failedRunAlert({ webhookUrl, lookbackHours = 6, staticData = null, id = 'aepFailedRunAlert', repeat = 'firstPerFlow' }) {
	// A Slack message: who failed, when, how many records, each error code with its message, and the
	// first rows Adobe rejected (where the flow keeps error diagnostics).
	const text =
		'":red_circle: Dataflow *" + ($json.flowName || $json.flowId) + "* (" + $json.flowType + ") failed in sandbox " + $json.sandboxName + "\\n" + ' +
		'"Run " + $json.runId + " started " + $json.startedAt + ", " + ($json.records.failed ?? 0) + " failed records\\n" + ' +
		'$json.errors.map(e => "• " + e.code + ": " + e.message).join("\\n") + ' +
		'(($json.failedRecordSamples || []).length ? "\\nFirst failed rows:\\n" + $json.failedRecordSamples.map(r => "  ↳ " + r.errorCodes.join(", ") + ([...r.columns, ...r.paths][0] ? " at " + [...r.columns, ...r.paths][0] : "") + ": " + String(typeof r.record === "string" ? r.record : JSON.stringify(r.record)).slice(0, 160)).join("\\n") : "")';
	return workflow(
		id,
		'AEP: failed dataflow run → Slack alert',
		[
			node('Failed dataflow run', `${PACKAGE}.aepFlowServiceTrigger`, 1.1, {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'failedRun',
				includePartialSuccess: true,
				minFailedRecords: 100,
				minFailedPercent: 1,
				flowKind: 'all',
				flowIds: [],
				options: { lookbackHours, maxRunsPerPoll: 10, repeat, failedRecordSamples: 3 },
			}, [0, 0], { credentials }),
			node('Post to Slack', 'n8n-nodes-base.httpRequest', 4.2, {
				method: 'POST',
				url: webhookUrl,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify({ text: ${text} }) }}`,
				options: {},
			}, [260, 0]),
		],
		staticData,
	);
}

/** Recovered dataflow -> the all-clear to the same channel as the failure alerts. */
function recoveredAlert({ webhookUrl, id = 'aepRecoveredAlert' }) {
	const text =
		'":large_green_circle: Dataflow *" + ($json.flowName || $json.flowId) + "* recovered in sandbox " + $json.sandboxName + " after " + $json.failedRuns + " failed run" + ($json.failedRuns === 1 ? "" : "s") + "\\n" + ' +
		'"Down " + $json.downtimeMinutes + " min since " + $json.failingSince + "; last error " + ($json.lastErrorCode ?? "unknown") + ": " + ($json.lastErrorMessage ?? "")';
	return workflow(id, 'AEP: recovered dataflow → Slack all-clear', [
		trigger('Recovered dataflow', { event: 'recoveredRun', options: {} }),
		slackPost('Post to Slack', webhookUrl, text),
	]);
}

/** Failed dataflow runs -> one digest per poll, for a channel that wants a summary rather than each failure. */
function failedRunDigest({ webhookUrl, lookbackHours = 6, id = 'aepFailedRunDigest' }) {
	const text =
		'":bar_chart: " + $json.count + " failed dataflow run" + ($json.count === 1 ? "" : "s") + " in " + $json.flowCount + " flow" + ($json.flowCount === 1 ? "" : "s") + " (" + $json.failedRecords + " failed records)\\n" + ' +
		'$json.byFlow.map(f => "• " + (f.flowName || f.flowId) + ": " + f.count).join("\\n") + "\\n" + ' +
		'"By cause: " + JSON.stringify($json.byErrorCategory)';
	return workflow(id, 'AEP: failed dataflow runs → Slack digest', [
		trigger('Failed dataflow runs', { event: 'failedRun', includePartialSuccess: false, options: { lookbackHours, output: 'digest' } }),
		slackPost('Post digest to Slack', webhookUrl, text),
	]);
}

/** Manual -> enabled flows -> each flow's summary -> one row per flow. */
function healthReport() {
	const field = (name, value) => ({ id: name, name, value, type: 'string' });
	return workflow('aepHealthReport', 'AEP: dataflow health report', [
		manual(0),
		aep('Enabled flows', { resource: 'flow', operation: 'getMany', returnAll: false, limit: 25, filters: { state: 'enabled' } }, 220),
		aep('Flow summary', { resource: 'flow', operation: 'getSummary', flowId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, latestRuns: 5 }, 440),
		node('Report row', 'n8n-nodes-base.set', 3.4, {
			mode: 'manual',
			assignments: {
				assignments: [
					field('flow', '={{ $json.name }}'),
					field('type', '={{ $json.flowType }}'),
					field('source', '={{ $json.sourceConnections[0]?.connectionSpec?.name }}'),
					field('lastRun', '={{ $json.latestRuns[0]?.status ?? "no runs" }}'),
					field('failedOfLast5', '={{ $json.latestRuns.filter(r => r.status === "failed").length }}'),
					field('lastError', '={{ $json.latestRuns.flatMap(r => r.errors)[0]?.message ?? "" }}'),
				],
			},
			includeOtherFields: false,
			options: {},
		}, [660, 0]),
	]);
}

/** Manual -> failed runs of the last day -> re-trigger each. */
function retryFailedRuns() {
	return workflow('aepRetryFailedRuns', 'AEP: retry failed runs of the last day', [
		manual(0),
		aep('Failed runs (last day)', { resource: 'run', operation: 'getMany', returnAll: true, filters: { statuses: ['failed'], startedAfter: '={{ $now.minus({ days: 1 }).toISO() }}' }, simplify: true }, 220),
		aep('Retry run', { resource: 'run', operation: 'retry', runId: '={{ $json.runId }}', simplify: true }, 440),
	]);
}

module.exports = { CREDENTIAL, simulatorCredential, failedRunAlert, recoveredAlert, failedRunDigest, healthReport, retryFailedRuns, workflow, node, manual, aep, credentials };
