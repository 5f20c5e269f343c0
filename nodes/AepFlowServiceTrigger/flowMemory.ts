/**
 * What the trigger remembers per flow, beyond the cursor: the flows that are failing right now, so
 * that a flow's first good run after failures can be told from any good run. Pure: no n8n, no HTTP.
 *
 * Kept only for flows that need it (a failing flow's slot goes when it recovers), and bounded:
 * MAX_FAILING_FLOWS slots of at most ~250 bytes, within 1 MB of workflow static data.
 */
export interface FailingFlow {
	/** When the failing streak began: the first failed run's time (epoch ms). */
	since: number;
	failedRuns: number;
	lastErrorCode: string | null;
	lastErrorMessage: string | null;
	/** The latest failure counted, so a run read twice (the cursor's overlap) is counted once. */
	lastFailureAt: number;
}

/** A flow that alerted while Repeat is "first per flow until it recovers". */
export interface AlertingFlow {
	alertedAt: number;
	/** Events held back since that alert. */
	heldBack: number;
	/** When the flow first alerted, kept across reminders. */
	firstAlertAt?: number;
}

export interface FlowMemory {
	/** Format version of this object in workflow static data. */
	version: 1;
	failing: Record<string, FailingFlow>;
	alerting: Record<string, AlertingFlow>;
}

export const MAX_FAILING_FLOWS = 4_000;
/** Long messages are cut: the whole text stays in Adobe's run, the slot only needs to name it. */
const MESSAGE_LENGTH = 80;

export function emptyFlowMemory(): FlowMemory {
	return { version: 1, failing: {}, alerting: {} };
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Reads stored flow memory whatever it holds: a slot that is not one is dropped, with a warning. */
export function loadFlowMemory(stored: unknown): { memory: FlowMemory; warnings: string[] } {
	const warnings: string[] = [];
	const memory = emptyFlowMemory();
	if (stored === undefined) return { memory, warnings };
	const value = stored as { version?: unknown; failing?: unknown };
	if (value === null || typeof value !== 'object' || value.version !== 1 || value.failing === null || typeof value.failing !== 'object' || Array.isArray(value.failing)) {
		warnings.push('The stored flow memory is not one this version knows; failing flows are learnt again from new runs.');
		return { memory, warnings };
	}
	let dropped = 0;
	for (const [flowId, slot] of Object.entries(value.failing as Record<string, Partial<FailingFlow> | null>)) {
		if (slot && finite(slot.since) && finite(slot.lastFailureAt) && finite(slot.failedRuns)) {
			memory.failing[flowId] = {
				since: slot.since,
				failedRuns: Math.max(1, Math.round(slot.failedRuns)),
				lastErrorCode: typeof slot.lastErrorCode === 'string' ? slot.lastErrorCode : null,
				lastErrorMessage: typeof slot.lastErrorMessage === 'string' ? slot.lastErrorMessage : null,
				lastFailureAt: slot.lastFailureAt,
			};
		} else dropped++;
	}
	const alerting = (value as { alerting?: unknown }).alerting;
	if (alerting !== null && typeof alerting === 'object' && !Array.isArray(alerting)) {
		for (const [flowId, slot] of Object.entries(alerting as Record<string, Partial<AlertingFlow> | null>)) {
			if (slot && finite(slot.alertedAt) && finite(slot.heldBack)) {
				memory.alerting[flowId] = { alertedAt: slot.alertedAt, heldBack: slot.heldBack, ...(finite(slot.firstAlertAt) ? { firstAlertAt: slot.firstAlertAt } : {}) };
			} else dropped++;
		}
	}
	if (dropped) warnings.push(`Dropped ${dropped} flow memory slot${dropped === 1 ? '' : 's'} that were not readable.`);
	return { memory: pruneFlowMemory(memory), warnings };
}

export interface RunError {
	code: string;
	message: string;
}

/** Counts a failed run of a flow (once, whatever how often it is read). */
export function recordFailure(memory: FlowMemory, flowId: string, at: number, error: RunError | undefined): void {
	const slot = memory.failing[flowId];
	const code = error?.code || null;
	const message = error?.message ? error.message.slice(0, MESSAGE_LENGTH) : null;
	if (!slot) {
		memory.failing[flowId] = { since: at, failedRuns: 1, lastErrorCode: code, lastErrorMessage: message, lastFailureAt: at };
		return;
	}
	if (at <= slot.lastFailureAt) return;
	slot.failedRuns++;
	slot.lastFailureAt = at;
	slot.lastErrorCode = code;
	slot.lastErrorMessage = message;
}

/** Whether a good run at `at` ends a failing streak of the flow (a good run older than its last failure does not). */
export function recovers(memory: FlowMemory, flowId: string, at: number): FailingFlow | undefined {
	const slot = memory.failing[flowId];
	return slot && at > slot.lastFailureAt ? slot : undefined;
}

/** Ends the flow's failing streak. */
export function recordRecovery(memory: FlowMemory, flowId: string): void {
	delete memory.failing[flowId];
}

/**
 * Learns which flows are failing from finished runs read newest first (at activation): a flow whose
 * newest finished run failed is failing, since its oldest failure in the unbroken streak read.
 * `decided` holds the flows whose streak is complete; pass the same set for every page.
 */
export function learnFromHistory(
	memory: FlowMemory,
	decided: Set<string>,
	runs: Array<{ flowId: string; at: number; failed: boolean; error?: RunError }>,
): void {
	for (const run of runs) {
		if (decided.has(run.flowId)) continue;
		const slot = memory.failing[run.flowId];
		if (!run.failed) {
			decided.add(run.flowId);
			continue;
		}
		if (!slot) recordFailure(memory, run.flowId, run.at, run.error);
		else {
			// Older failures extend the streak backwards; the newest failure stays the last one.
			slot.since = Math.min(slot.since, run.at);
			slot.failedRuns++;
		}
	}
}

/** Keeps at most MAX_FAILING_FLOWS slots: the most recently failing. */
export function pruneFlowMemory(memory: FlowMemory, max = MAX_FAILING_FLOWS): FlowMemory {
	const failing = Object.entries(memory.failing);
	const alerting = Object.entries(memory.alerting);
	if (failing.length <= max && alerting.length <= max) return memory;
	return {
		version: 1,
		failing: Object.fromEntries(failing.sort((a, b) => b[1].lastFailureAt - a[1].lastFailureAt).slice(0, max)),
		alerting: Object.fromEntries(alerting.sort((a, b) => b[1].alertedAt - a[1].alertedAt).slice(0, max)),
	};
}
