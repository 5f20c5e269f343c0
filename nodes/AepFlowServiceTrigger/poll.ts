import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { echoed, idProblem } from '../shared/aep/inputChecks';
import { type RunTimeField, runPropertyFilters } from '../shared/aep/runFilters';
import { epochMsOf } from '../shared/aep/runTimes';
import { isTerminal, runErrors, runRecordCounts, runStatus, simplifyRun } from '../shared/aep/runs';
import { scheduledEveryMs } from '../shared/aep/flowCadence';
import { FLOW_KIND_FILTERS, flowKind as flowKindOf } from '../shared/aep/flows';
import { entityPages } from '../shared/flowservice/entities';
import { listValues } from '../shared/transport/filters';
import { MAX_PAGE_SIZE } from '../shared/transport/paging';
import type { AepRequest } from '../shared/transport/request';
import { serverDateMs } from '../shared/transport/headers';
import { DEFAULT_RETRY_POLICY } from '../shared/transport/retry';
import { renewTokenIfDue } from '../shared/transport/tokenRenewal';
import { DEFAULT_CURSOR_OPTIONS, newestRemembered, prune, readFrom, repairState, startState, step, type Candidate, type CursorState } from './cursor';
import { clearAlerting, digestOf, repeatVerdict, type OutputMode, type RepeatMode, type RepeatSettings } from './alertFatigue';
import { emptyFlowMemory, learnFromHistory, loadFlowMemory, pruneFlowMemory, type FlowMemory } from './flowMemory';
import { addFailedRecordSamples } from './failedRecordSamples';
import { FLOW_REFRESH_MS, loadFlowWatch, markReported, MAX_WATCHED_FLOWS, newSilences, silenceItem, type FlowWatchState, type SilenceSettings, type WatchedFlow } from './flowWatch';
import type { MissedRunSettings } from './events/missedRun';
import {
	eventDetails,
	eventHorizon,
	eventKey,
	allowsDigest,
	hasAlertControl,
	isEvent,
	isTriggerEvent,
	learnsHistory,
	memoryJudge,
	watchesFlows,
	readEventSettings,
	RUN_EVENTS,
	runFilters,
	timeField,
	withUsualDuration,
	type EventSettings,
	type TriggerEvent,
} from './events/eventRegistry';
import { EVENT_PARAMETER, eventItem, flowInfo, type FlowFilterSettings, type FlowInfo, type ParameterReader } from './events/runEvent';

const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;
/** The events whose items can carry failed-record samples. */
export const SAMPLED_EVENTS: TriggerEvent[] = ['failedRun', 'finishedRun'];
/** Samples are fetched until this share of the poll's budget is spent (the reads stop at 60 %). */
const SAMPLES_BUDGET_SHARE = 0.85;
const FLOW_CACHE_TTL_MS = 6 * 3_600_000;
const FLOW_CACHE_SIZE = 1_000;
const FLOW_LOOKUP_CHUNK = 50;
/** How far ahead of the poll's clock a run may be stamped and still count as now (clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;
/** How many pages of runs before the activation an event with flow memory learns from (1,000 runs). */
const HISTORY_PAGES = 10;

interface TimedRun {
	run: IDataObject;
	at: number;
}

/** The runs of a page that are objects and have a usable time on `field`, with that time. */
function timedRuns(runs: IDataObject[], field: RunTimeField): TimedRun[] {
	return runs
		.filter((run) => run !== null && typeof run === 'object')
		.map((run) => ({ run, at: epochMsOf(run[field]) }))
		.filter((entry): entry is TimedRun => entry.at !== undefined);
}

/** Finished runs as the flow memory learns from them, newest first. */
function finishedRunsOf(timed: TimedRun[]) {
	return timed
		.filter(({ run }) => isTerminal(runStatus(run)) && typeof run.flowId === 'string')
		.map(({ run, at }) => ({ flowId: String(run.flowId), at, failed: runStatus(run) === 'failed', error: runErrors(run)[0] }));
}

/** How many of a flow's latest successful runs its usual duration is the median of. */
const USUAL_DURATION_SAMPLE = 10;

/** The median duration in minutes of finished runs, or null when none has a start and an end. */
function medianMinutes(runs: IDataObject[]): number | null {
	const durations = runs
		.map((run) => simplifyRun(run).durationSeconds)
		.filter((seconds): seconds is number => typeof seconds === 'number')
		.sort((a, b) => a - b);
	if (durations.length === 0) return null;
	const middle = Math.floor(durations.length / 2);
	const seconds = durations.length % 2 ? durations[middle] : (durations[middle - 1] + durations[middle]) / 2;
	return Math.round(seconds / 6) / 10;
}

interface CachedFlow extends FlowInfo {
	fetchedAt: number;
}

type FlowCache = Record<string, CachedFlow>;

function readSettings(context: IPollFunctions): EventSettings {
	const event = context.getNodeParameter(EVENT_PARAMETER);
	// An expression can give any value; one that names no event would never fire, silently.
	if (!isTriggerEvent(event)) {
		throw new NodeOperationError(context.getNode(), `"Event" is ${echoed(String(event))}, which is not an event of this trigger`, {
			description: `Choose one of: ${RUN_EVENTS.map((known) => known.value).join(', ')}.`,
		});
	}
	const flowFilters: FlowFilterSettings = {
		flowIds: checkedFlowIds(context, listValues(context.getNodeParameter('flowIds', []))),
		flowKind: context.getNodeParameter('flowKind', 'all') as FlowFilterSettings['flowKind'],
	};
	const read: ParameterReader = (name, fallback) => context.getNodeParameter(name, fallback) as typeof fallback;
	return readEventSettings(event, flowFilters, read);
}

/** Flow IDs go into a property filter: one that is not an ID could change what the filter matches. */
function checkedFlowIds(context: IPollFunctions, flowIds: string[]): string[] {
	for (const id of flowIds) {
		const problem = idProblem(id);
		if (problem) {
			throw new NodeOperationError(context.getNode(), `"Flow Names or IDs" holds ${echoed(id)}, which is not a valid ID`, {
				description: `${problem} Pick the flows from the list, or give their IDs.`,
			});
		}
	}
	return flowIds;
}

/**
 * Polls for runs since the stored cursor; manual mode returns the latest matching run and leaves the
 * cursor alone. A scheduled poll ends by renewing the IMS token when it is due, once for every n8n
 * process, after its events are settled and saved.
 */
export async function pollRuns(context: IPollFunctions): Promise<IDataObject[] | null> {
	const settings = readSettings(context);
	const staticData = context.getWorkflowStaticData('node');
	const budgetMs = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
	// A copy: static data changes only when a scheduled poll succeeds, never in manual mode.
	const reader = new RunReader(context, settings, budgetMs, { ...((staticData.flows as FlowCache | undefined) ?? {}) });
	const pollStarted = Date.now();
	const items = await pollEvents(context, { settings, staticData, reader, budgetMs, pollStarted });
	if (context.getMode() !== 'manual') await renewTokenAfterPoll(context, reader.now(), pollStarted + budgetMs);
	return items;
}

interface PollSetup {
	settings: EventSettings;
	staticData: IDataObject;
	reader: RunReader;
	budgetMs: number;
	pollStarted: number;
}

/** The poll's events: read within the budget, judged, remembered in the static data. */
async function pollEvents(context: IPollFunctions, { settings, staticData, reader, budgetMs, pollStarted }: PollSetup): Promise<IDataObject[] | null> {
	const options = context.getNodeParameter('options', {}) as {
		lookbackHours?: number;
		maxRunsPerPoll?: number;
		repeat?: RepeatMode;
		reminderHours?: number;
		output?: OutputMode;
		failedRecordSamples?: number;
	};
	const digest = allowsDigest(settings.event) && options.output === 'digest';
	const asOutput = (emit: IDataObject[] | null) => (digest && emit?.length ? [digestOf(settings.event, emit)] : emit);
	const reminderHours = Math.max(0, Number(options.reminderHours) || 0);
	if (watchesFlows(settings.event)) {
		reader.silenceReminderMs = reminderHours * 3_600_000;
		return asOutput(await pollFlowWatch(context, staticData, settings, reader));
	}
	const perEvent = SAMPLED_EVENTS.includes(settings.event) ? Math.max(0, Math.floor(Number(options.failedRecordSamples) || 0)) : 0;
	// Version 1 nodes had no Simplify and always carried the raw run.
	const simplify = context.getNode().typeVersion >= 1.1 && (context.getNodeParameter('simplify', true) as boolean);
	// After the events are settled (and saved): samples only use the time left, never delay or lose an event.
	// The raw run goes only afterwards: the samples are found through its activities.
	const withSamples = async (emit: IDataObject[] | null) => {
		if (emit?.length && perEvent > 0) await addFailedRecordSamples(context, emit, perEvent, pollStarted + budgetMs * SAMPLES_BUDGET_SHARE);
		if (simplify) for (const item of emit ?? []) delete item.run;
		return emit;
	};
	if (context.getMode() === 'manual') return await withSamples(await reader.latestEvent());
	if (hasAlertControl(settings.event) && options.repeat === 'firstPerFlow') {
		reader.repeat = { mode: 'firstPerFlow', reminderHours };
	}

	let state: CursorState | undefined;
	if (staticData.event === settings.event) {
		const repaired = repairState(staticData.cursor, { notAfter: Date.now() + CLOCK_SKEW_MS });
		const memory = reader.keepsMemory() ? loadFlowMemory(staticData.flowMemory) : { memory: emptyFlowMemory(), warnings: [] };
		for (const warning of [...repaired.warnings, ...memory.warnings]) context.logger.warn(`AEP Flow Service Trigger: ${warning}`);
		state = repaired.state;
		// Memory goes with the position: a trigger that starts afresh learns it afresh.
		if (state) reader.memory = memory.memory;
	}
	if (!state) {
		const lookbackMs = Math.max(0, options.lookbackHours ?? 0) * 3_600_000;
		state = await reader.anchor(lookbackMs);
		if (lookbackMs === 0) {
			save(staticData, settings.event, state, reader);
			return null;
		}
	}
	const { state: next, emit } = await reader.readSince(state, Math.max(1, options.maxRunsPerPoll ?? 100));
	save(staticData, settings.event, next, reader);
	return asOutput(await withSamples(emit));
}

/** Below this much of the poll's budget left, a due renewal waits for the next poll. */
const MIN_RENEWAL_MS = 2_000;
const MAX_RENEWAL_MS = 10_000;

/**
 * Renews the IMS token when due (see renewTokenIfDue), after the poll's events are settled and saved:
 * a renewal that fails or finds no time left costs nothing, the old token is still good, and the
 * next poll tries again.
 */
async function renewTokenAfterPoll(context: IPollFunctions, adobeNowMs: number, budgetEndsAt: number): Promise<void> {
	const remaining = budgetEndsAt - Date.now();
	if (remaining < MIN_RENEWAL_MS) return;
	try {
		if (await renewTokenIfDue(context, adobeNowMs, Math.min(MAX_RENEWAL_MS, remaining))) {
			context.logger.info('AEP Flow Service Trigger: renewed the IMS access token ahead of its expiry, for every n8n process');
		}
	} catch (error) {
		context.logger.warn(`AEP Flow Service Trigger: the IMS access token could not be renewed ahead of its expiry (the next poll tries again): ${(error as Error).message}`);
	}
}

const usesFlowMemory = (event: TriggerEvent) => memoryJudge(event) !== undefined;

/**
 * Missed Run: the flows are watched rather than the runs. Each poll reads the runs created since
 * the last one (to know each flow's last run) and, at most every 10 minutes, the enabled flows
 * (their schedules and last runs); then reports each flow silent past its cadence, once per
 * silence. Fetch Test Event reports the silences as they are now and changes nothing.
 */
async function pollFlowWatch(context: IPollFunctions, staticData: IDataObject, settings: EventSettings, reader: RunReader): Promise<IDataObject[] | null> {
	const manual = context.getMode() === 'manual';
	const loaded = staticData.event === settings.event ? loadFlowWatch(staticData.flowWatch) : { state: undefined, warnings: [] };
	for (const warning of loaded.warnings) context.logger.warn(`AEP Flow Service Trigger: ${warning}`);
	// loadFlowWatch builds its own objects, so the watch can change them without touching static data.
	const { state, emit } = await reader.watchFlows(loaded.state, manual);
	if (manual) return emit.length ? emit : null;
	staticData.event = settings.event;
	staticData.flowWatch = state as unknown as IDataObject;
	delete staticData.cursor;
	delete staticData.flowMemory;
	return emit;
}

/** Static data is only assigned after a poll succeeded, so a failed poll keeps the previous cursor. */
function save(staticData: IDataObject, event: TriggerEvent, state: CursorState, reader: RunReader): void {
	const newest = Object.entries(reader.flows)
		.sort((a, b) => b[1].fetchedAt - a[1].fetchedAt)
		.slice(0, FLOW_CACHE_SIZE);
	staticData.event = event;
	staticData.cursor = prune(state) as unknown as IDataObject;
	staticData.flows = Object.fromEntries(newest) as unknown as IDataObject;
	if (reader.keepsMemory()) staticData.flowMemory = pruneFlowMemory(reader.memory) as unknown as IDataObject;
	else delete staticData.flowMemory;
}

class RunReader {
	private readonly field: RunTimeField;

	private readonly deadline: number;

	constructor(
		private readonly context: IPollFunctions,
		private readonly settings: EventSettings,
		budgetMs: number,
		readonly flows: FlowCache,
	) {
		this.field = timeField(settings.event);
		// Stop fetching with a margin left, so the items read so far are returned within the budget.
		this.deadline = Date.now() + budgetMs * 0.6;
	}

	/** What the trigger remembers per flow (failing flows), a working copy saved only when the poll succeeds. */
	memory: FlowMemory = emptyFlowMemory();

	/** Repeat "first per flow until it recovers", when chosen: alerts held back per flow. */
	repeat: RepeatSettings | undefined;
	/** Missed Run: a flow still silent this long after its last alert alerts again; 0 never reminds. */
	silenceReminderMs = 0;

	/** Whether this poll reads and saves per-flow memory. */
	keepsMemory(): boolean {
		return usesFlowMemory(this.settings.event) || this.repeat !== undefined;
	}

	/** Details an event with flow memory found for the runs it fires on, by run ID. */
	private readonly memoryDetails = new Map<string, IDataObject>();

	/** Adobe's clock, from the Date header of its last answer; n8n's until one arrived. */
	private adobeNow: number | undefined;

	/** Adobe's now, as far as this poll knows it. */
	now(): number {
		return this.adobeNow ?? Date.now();
	}

	/** The latest time a run may be stamped with and be handled now: the poll's clock plus a skew allowance. */
	private notAfter(): number {
		return this.now() + CLOCK_SKEW_MS;
	}

	/** The latest time-field value a run may have to be judged now: the clock, or earlier for an event that needs runs to age. */
	private horizon(): number {
		return eventHorizon(this.settings, this.now(), CLOCK_SKEW_MS);
	}

	private warn(message: string): void {
		this.context.logger.warn(`AEP Flow Service Trigger: ${message}`);
	}

	/**
	 * A run's time on the cursor's field, as epoch ms. Seconds and ISO text are normalised; a run
	 * without a usable time is judged where the cursor stands (it cannot move the cursor), with a warning.
	 */
	private timeOf(run: IDataObject): number | undefined {
		const at = epochMsOf(run[this.field]);
		if (at === undefined) this.warn(`run ${String(run.id)} has no usable ${this.field} (${JSON.stringify(run[this.field]) ?? 'missing'}); it is judged at the cursor.`);
		return at;
	}

	/** Whether a run is an event; a run of an unexpected shape is set aside with a warning instead of failing the poll. */
	private judged(run: IDataObject): { key: string; matches: boolean } | undefined {
		if (typeof run?.id !== 'string' || run.id === '') {
			this.warn(`a run without an ID was set aside: ${JSON.stringify(run)?.slice(0, 200)}`);
			return undefined;
		}
		try {
			return { key: eventKey(run, this.settings.event), matches: isEvent(run, this.kindOf(run), this.settings, this.now()) };
		} catch (error) {
			this.warn(`run ${run.id} could not be judged and was set aside: ${(error as Error).message}`);
			return undefined;
		}
	}

	/** Every call of a poll (runs and flow lookups) keeps within the poll's time budget. */
	private withinBudget(request: AepRequest): AepRequest {
		const remaining = Math.max(1_000, this.deadline - Date.now());
		return {
			...request,
			// A hung request must leave room for a retry within the poll's budget.
			timeoutMs: Math.min(30_000, remaining / 3),
			retryPolicy: { ...DEFAULT_RETRY_POLICY, maxTotalMs: Math.min(DEFAULT_RETRY_POLICY.maxTotalMs, (remaining * 2) / 3) },
		};
	}

	/** The pages of a run or flow list; `list` names it in errors. Reading stops between pages once the budget is spent. */
	private pages(list: string, path: '/runs' | '/flows', query: AepRequest['query'], pageSize = MAX_PAGE_SIZE): AsyncGenerator<IDataObject[]> {
		return entityPages(this.context, path === '/runs' ? 'runs' : 'flows', query, {
			listName: list,
			pageSize,
			prepareRequest: (request) => this.withinBudget(request),
			stopWhen: () => Date.now() >= this.deadline,
			onHeaders: (headers) => {
				this.adobeNow = serverDateMs(headers) ?? this.adobeNow;
			},
		});
	}

	/** The first page of a list, for reads that never follow it further: leaving the loop ends the list. */
	private async firstPage(list: string, path: '/runs' | '/flows', query: AepRequest['query'], pageSize?: number): Promise<IDataObject[]> {
		for await (const items of this.pages(list, path, query, pageSize)) return items;
		// Not reached: a list yields its first page or throws.
		return [];
	}

	/** Flow names and kinds for the given runs, fetched in bulk and cached across polls. */
	private async ensureFlows(runs: IDataObject[]): Promise<void> {
		const now = Date.now();
		const missing = [...new Set(runs.map((run) => String(run.flowId)))].filter(
			(id) => id && !(this.flows[id] && now - this.flows[id].fetchedAt < FLOW_CACHE_TTL_MS),
		);
		for (let start = 0; start < missing.length; start += FLOW_LOOKUP_CHUNK) {
			const ids = missing.slice(start, start + FLOW_LOOKUP_CHUNK);
			const flows = await this.firstPage('the flows of new runs', '/flows', { property: [`id==${ids.join(',')}`] });
			for (const flow of flows) this.flows[String(flow.id)] = { ...flowInfo(flow), fetchedAt: now };
		}
	}

	private kindOf(run: IDataObject) {
		return this.flows[String(run.flowId)]?.kind ?? 'unknown';
	}

	private shape(run: IDataObject): IDataObject {
		const flow = this.flows[String(run.flowId)];
		return {
			...eventItem(run, flow && { name: flow.name, kind: flow.kind, flowSpecId: flow.flowSpecId }, this.settings.event),
			...eventDetails(run, this.settings, this.now()),
			...this.memoryDetails.get(String(run.id)),
		};
	}

	/**
	 * Adds each item's flow's usual run duration: the median of its last successful runs, one request
	 * per flow, only while the poll's budget lasts (null when unknown or out of time).
	 */
	async withUsualDurations(items: IDataObject[]): Promise<IDataObject[]> {
		if (!withUsualDuration(this.settings.event) || items.length === 0) return items;
		const medians = new Map<string, number | null>();
		for (const flowId of new Set(items.map((item) => String(item.flowId)))) {
			if (Date.now() >= this.deadline) break;
			const recent = await this.firstPage(
				'the recent runs of a flow',
				'/runs',
				{ property: runPropertyFilters([{ flowIds: [flowId] }, { statuses: ['success'] }]), orderby: '-createdAt' },
				USUAL_DURATION_SAMPLE,
			);
			medians.set(flowId, medianMinutes(recent));
		}
		return items.map((item) => ({ ...item, usualDurationMinutes: medians.get(String(item.flowId)) ?? null }));
	}

	/** Runs that could be events before the flow is known: they need the flow looked up. */
	private maybeEvents(runs: IDataObject[], state?: CursorState): IDataObject[] {
		return runs.filter((run) => {
			try {
				return isEvent(run, 'unknown', { ...this.settings, flowKind: 'all' }, this.now()) && state?.emitted[eventKey(run, this.settings.event)] === undefined;
			} catch {
				// Judged (and reported) again once the flows are known; an odd run needs no flow lookup.
				return false;
			}
		});
	}

	async latestEvent(): Promise<IDataObject[] | null> {
		if (memoryJudge(this.settings.event)) return await this.latestEventWithMemory();
		const page = await this.firstPage('the latest runs', '/runs', { property: runFilters(this.settings), orderby: `-${this.field}` }, 50);
		const runs = this.maybeEvents(page);
		await this.ensureFlows(runs);
		const latest = runs.find((run) => isEvent(run, this.kindOf(run), this.settings, this.now()));
		return latest ? await this.withUsualDurations([this.shape(latest)]) : null;
	}

	/**
	 * Repeat "first per flow until it recovers": an event of a flow that already alerted is held back
	 * (or fires as a reminder after the reminder hours), and a good run of the flow ends its streak.
	 * Decided when the walk reaches the run, after the runs before it; applied once it is handled.
	 */
	private holdBackRepeats(candidate: Candidate<IDataObject>, run: IDataObject, at: number): void {
		const repeat = this.repeat as RepeatSettings;
		const base = candidate.matches;
		const baseHandled = candidate.onHandled;
		const flowId = String(run.flowId);
		let commit: (() => void) | undefined;
		candidate.matches = () => {
			commit = undefined;
			const matched = typeof base === 'function' ? base() : base;
			if (matched === 'remembered') return matched;
			if (matched) {
				const verdict = repeatVerdict(this.memory, flowId, at, repeat);
				commit = verdict.commit;
				if (verdict.fire) this.memoryDetails.set(String(run.id), { ...this.memoryDetails.get(String(run.id)), ...verdict.details });
				return verdict.fire ? true : 'remembered';
			}
			if (['success', 'partialSuccess'].includes(runStatus(run))) commit = () => clearAlerting(this.memory, flowId);
			return false;
		};
		candidate.onHandled = () => {
			baseHandled?.();
			commit?.();
		};
	}

	/** Watches the flows for Missed Run (see pollFlowWatch); `previous` undefined is the activation. */
	async watchFlows(previous: FlowWatchState | undefined, manual: boolean): Promise<{ state: FlowWatchState; emit: IDataObject[] }> {
		const settings = this.settings as EventSettings & MissedRunSettings;
		const silence: SilenceSettings = {
			graceRatio: Math.max(0, settings.gracePercent) / 100,
			windowMs: Math.max(0, settings.windowHours) * 3_600_000,
			reminderMs: this.silenceReminderMs,
		};
		let state = previous;
		if (state) {
			const seen = state;
			const query = { property: runPropertyFilters([{ since: { field: 'createdAt', from: Math.max(0, seen.cursor - DEFAULT_CURSOR_OPTIONS.overlapMs) } }, { flowIds: settings.flowIds }]), orderby: 'createdAt' };
			for await (const runs of this.pages('the runs since the last poll', '/runs', query)) {
				for (const run of runs) {
					const at = run && epochMsOf(run.createdAt);
					if (at === undefined) continue;
					seen.cursor = Math.max(seen.cursor, Math.min(at, this.notAfter()));
					const watched = seen.watched[String(run.flowId)];
					if (!watched) continue;
					if (settings.onlyIngesting && !((runRecordCounts(run).output ?? 0) > 0)) continue;
					watched.lastRunAt = Math.max(watched.lastRunAt, at);
				}
			}
		}
		if (!state || this.now() - state.refreshedAt >= FLOW_REFRESH_MS) state = await this.refreshWatchedFlows(state);
		const silences = newSilences(state, this.now(), silence);
		// Silences found at activation are where things stand, not events: they fire after the flow runs and falls silent again.
		const activation = previous === undefined && !manual;
		markReported(state, silences, this.now());
		return { state, emit: activation ? [] : silences.map((found) => silenceItem(found, silence)) };
	}

	/** Reads the enabled flows to watch (schedule, last run), keeping what was known of them. */
	private async refreshWatchedFlows(previous: FlowWatchState | undefined): Promise<FlowWatchState> {
		const { flowIds, flowKind } = this.settings;
		const property = ['state==enabled', ...(flowIds.length ? [`id==${flowIds.join(',')}`] : []), ...(flowKind === 'all' ? [] : [FLOW_KIND_FILTERS[flowKind]])];
		const watched: Record<string, WatchedFlow> = {};
		let count = 0;
		for await (const flows of this.pages('the flows to watch', '/flows', { property })) {
			for (const flow of flows) {
				if (!flow || typeof flow.id !== 'string' || count >= MAX_WATCHED_FLOWS) continue;
				count++;
				const known = previous?.watched[flow.id];
				const details = (flow.lastRunDetails as IDataObject | undefined) ?? {};
				const lastRun = epochMsOf(details.startedAtUTC) ?? epochMsOf(flow.createdAt) ?? this.now();
				const everyMs = scheduledEveryMs(flow);
				watched[flow.id] = {
					name: String(flow.name ?? ''),
					kind: flowKindOf(flow),
					...(everyMs ? { everyMs } : {}),
					lastRunAt: Math.max(known?.lastRunAt ?? 0, lastRun),
					...(known?.alertedFor !== undefined ? { alertedFor: known.alertedFor } : {}),
					...(known?.alertedAt !== undefined ? { alertedAt: known.alertedAt } : {}),
				};
			}
			if (count >= MAX_WATCHED_FLOWS) {
				this.warn(`more than ${MAX_WATCHED_FLOWS} enabled flows: Missed Run watches the first ${MAX_WATCHED_FLOWS}; pick flows to watch the ones that matter.`);
				break;
			}
		}
		return { version: 1, cursor: previous?.cursor ?? this.now(), refreshedAt: this.now(), watched };
	}

	/** Fetch Test Event for an event that depends on earlier runs: the latest runs replayed oldest first, the last event found. */
	private async latestEventWithMemory(): Promise<IDataObject[] | null> {
		const judge = memoryJudge(this.settings.event);
		const page = await this.firstPage('the latest runs', '/runs', { property: runFilters(this.settings), orderby: `-${this.field}` }, MAX_PAGE_SIZE);
		await this.ensureFlows(page);
		const replay = emptyFlowMemory();
		let latest: IDataObject | undefined;
		const timed = timedRuns(page, this.field).sort((a, b) => a.at - b.at);
		for (const { run, at } of timed) {
			if (!judge || !this.judged(run)?.matches) continue;
			const judgement = judge(run, replay, at);
			judgement.commit();
			if (judgement.matches === true) {
				latest = run;
				if (judgement.details) this.memoryDetails.set(String(run.id), judgement.details);
			}
		}
		return latest ? [this.shape(latest)] : null;
	}

	/**
	 * First activation: the newest run's time becomes the cursor, and every run already in the overlap
	 * window is remembered as seen, so nothing from before the activation fires.
	 */
	async anchor(lookbackMs: number): Promise<CursorState> {
		let state: CursorState | undefined;
		// An event with flow memory reads further back, to know which flows are failing already.
		const learn = learnsHistory(this.settings.event);
		const decided = new Set<string>();
		let historyPages = 0;
		for await (const runs of this.pages('the runs before activation', '/runs', { property: runPropertyFilters([{ flowIds: this.settings.flowIds }]), orderby: `-${this.field}` })) {
			const timed = timedRuns(runs, this.field);
			if (learn) learnFromHistory(this.memory, decided, finishedRunsOf(timed));
			if (!state) {
				if (timed.length === 0) return startState(0);
				// A run stamped in the future must not set the cursor past the runs still to come.
				const newest = Math.min(Math.max(...timed.map((entry) => entry.at)), this.horizon());
				state = startState(newest - lookbackMs);
				if (lookbackMs > 0) return state;
			}
			const windowStart = readFrom(state, DEFAULT_CURSOR_OPTIONS);
			// Runs after the cursor (too young to be judged yet, for an event that needs runs to age) are left to later polls.
			const inWindow = timed.filter((entry) => entry.at >= windowStart && entry.at <= (state as CursorState).cursor);
			for (const { run, at } of inWindow) if (typeof run.id === 'string') state.emitted[eventKey(run, this.settings.event)] = at;
			// Newest first: once a page reaches past the window, the pages after it hold nothing to
			// remember, only history to learn, as far as HISTORY_PAGES goes.
			if (timed.some((entry) => entry.at < windowStart) && (!learn || ++historyPages >= HISTORY_PAGES)) break;
		}
		return state ?? startState(0);
	}

	/** Reads forward from the cursor (with overlap), emitting at most `cap` events; stops early near the budget. */
	async readSince(start: CursorState, cap: number): Promise<{ state: CursorState; emit: IDataObject[] }> {
		const result = await this.readForward(start, cap);
		// Adobe's clock is known once it answered: a cursor beyond it (damaged data, or n8n's clock far
		// ahead) would hide every run to come, so it moves back to Adobe's now and that window is read.
		const notAfter = this.notAfter();
		if (start.cursor <= notAfter) return { ...result, emit: await this.withUsualDurations(result.emit) };
		const back = newestRemembered(start.emitted, notAfter);
		const moved: CursorState = back === undefined ? { ...start, cursor: notAfter, handledThrough: notAfter } : { ...start, cursor: back };
		this.warn(`the stored cursor (${new Date(start.cursor).toISOString()}) was ahead of Adobe's clock; it was moved back to ${new Date(moved.cursor).toISOString()}.`);
		const again = await this.readForward(moved, cap);
		return { ...again, emit: await this.withUsualDurations(again.emit) };
	}

	private async readForward(start: CursorState, cap: number): Promise<{ state: CursorState; emit: IDataObject[] }> {
		let state = start;
		const emit: IDataObject[] = [];
		const judge = memoryJudge(this.settings.event);
		const query = { property: runFilters(this.settings, readFrom(start, DEFAULT_CURSOR_OPTIONS), this.repeat !== undefined), orderby: this.field };
		for await (const pageRuns of this.pages('the runs since the last poll', '/runs', query)) {
			const cursorNow = state.cursor;
			const runs = pageRuns
				.filter((run) => run !== null && typeof run === 'object')
				.map((run) => {
					const at = this.timeOf(run);
					return { run, at: at ?? cursorNow, timed: at !== undefined };
				})
				.sort((a, b) => a.at - b.at);
			await this.ensureFlows(this.maybeEvents(runs.map((entry) => entry.run), state));
			const candidates = [];
			for (const { run, at, timed } of runs) {
				const verdict = this.judged(run);
				if (!verdict) continue;
				const candidate: Candidate<IDataObject> = { ...verdict, at, value: run, movesCursor: timed, rememberAt: timed ? at : this.notAfter() };
				if (judge && verdict.matches) {
					// Judged when the walk reaches it, after the runs before it updated the memory.
					let commit = () => undefined as void;
					candidate.matches = () => {
						const judgement = judge(run, this.memory, at);
						commit = judgement.commit;
						if (judgement.details) this.memoryDetails.set(String(run.id), judgement.details);
						return judgement.matches;
					};
					candidate.onHandled = () => commit();
				}
				if (this.repeat) this.holdBackRepeats(candidate, run, at);
				candidates.push(candidate);
			}
			const result = step(state, candidates, cap - emit.length, this.horizon());
			state = result.state;
			for (const run of result.emit) {
				try {
					emit.push(this.shape(run));
				} catch (error) {
					this.warn(`run ${String(run.id)} fired but its item could not be shaped; the raw run is sent: ${(error as Error).message}`);
					emit.push({ event: this.settings.event, runId: run.id, flowId: run.flowId ?? null, run });
				}
			}
			// The cursor stands on the last run handled: the next poll goes on from there. Runs stamped
			// after the poll's clock wait for their time (they sort last, so nothing after them is skipped).
			if (result.capped || result.deferred) break;
		}
		return { state, emit };
	}
}
