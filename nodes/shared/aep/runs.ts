import type { IDataObject } from 'n8n-workflow';

/** Run statuses, compared case-insensitively: Adobe's docs, specs and payloads disagree on case and spelling. */
export type RunStatus = 'scheduled' | 'inProgress' | 'success' | 'failed' | 'partialSuccess' | 'unknown';

const STATUS_ALIASES: Record<string, RunStatus> = {
	scheduled: 'scheduled',
	queued: 'scheduled',
	waiting: 'scheduled',
	inprogress: 'inProgress',
	in_progress: 'inProgress',
	processing: 'inProgress',
	success: 'success',
	completed: 'success',
	failed: 'failed',
	failure: 'failed',
	partial_failure: 'failed',
	partialsuccess: 'partialSuccess',
	partial_success: 'partialSuccess',
};

export const TERMINAL_STATUSES: RunStatus[] = ['success', 'failed', 'partialSuccess'];

export function runStatus(run: IDataObject): RunStatus {
	const raw = String(path(run, 'metrics.statusSummary.status') ?? '').trim().toLowerCase();
	return STATUS_ALIASES[raw] ?? 'unknown';
}

export function isTerminal(status: RunStatus): boolean {
	return TERMINAL_STATUSES.includes(status);
}

function path(value: unknown, dotted: string): unknown {
	return dotted.split('.').reduce<unknown>((node, key) => (node as IDataObject | undefined)?.[key], value);
}

function count(value: unknown): number | undefined {
	const number = Number(value);
	return value === undefined || value === null || Number.isNaN(number) || number < 0 ? undefined : number;
}

/** Epoch ms as ISO text; undefined for a missing, zero or unreadable time. */
export function toIso(ms: unknown): string | undefined {
	const number = Number(ms);
	return ms === undefined || ms === null || !Number.isFinite(number) || number <= 0 ? undefined : new Date(number).toISOString();
}

export interface RunError {
	code: string;
	message: string;
	/** Where the error was reported: the run, or an activity by name. */
	source: string;
}

/** Errors of a run from its status summary, failed-record info and every activity, without duplicates. */
export function runErrors(run: IDataObject): RunError[] {
	const errors: RunError[] = [];
	const seen = new Set<string>();
	const add = (list: unknown, source: string) => {
		if (!Array.isArray(list)) return;
		for (const entry of list as IDataObject[]) {
			const code = String(entry?.code ?? '').trim();
			const message = String(entry?.message ?? '').trim();
			const key = `${code}|${message}`;
			if ((code || message) && !seen.has(key)) {
				seen.add(key);
				errors.push({ code, message, source });
			}
		}
	};
	add(path(run, 'metrics.statusSummary.errors'), 'run');
	add(path(run, 'metrics.recordSummary.failedInfo'), 'run');
	for (const activity of (run.activities as IDataObject[] | undefined) ?? []) {
		const name = `activity ${String(activity.name ?? activity.id ?? '')}`.trim();
		add(path(activity, 'statusSummary.errors'), name);
		add(path(activity, 'statusSummary.extensions.errors'), name);
		add(path(activity, 'recordSummary.failedInfo'), name);
	}
	return errors;
}

/** Batch ids the run wrote, from its activities' target references. */
export function runBatchIds(run: IDataObject): string[] {
	const ids = new Set<string>();
	for (const activity of (run.activities as IDataObject[] | undefined) ?? []) {
		for (const target of (activity.targetInfo as IDataObject[] | undefined) ?? []) {
			const reference = target.reference as IDataObject | undefined;
			if (String(reference?.type ?? '').toLowerCase() === 'batch') {
				for (const id of (reference?.ids as string[] | undefined) ?? []) ids.add(String(id));
			}
		}
		const batchId = path(activity, 'statusSummary.extensions.batchId');
		if (batchId) ids.add(String(batchId));
	}
	return [...ids];
}

export interface RunRecordCounts {
	input?: number;
	output?: number;
	failed?: number;
	skipped?: number;
}

export function runRecordCounts(run: IDataObject): RunRecordCounts {
	const summary = (path(run, 'metrics.recordSummary') as IDataObject | undefined) ?? {};
	return {
		input: count(summary.inputRecordCount),
		output: count(summary.outputRecordCount),
		failed: count(summary.failedRecordCount),
		skipped: count(summary.skippedRecordCount),
	};
}

/** A run that ended with failed records, whatever its status says. */
export function failedRecordRatio(run: IDataObject): number {
	const { input, failed } = runRecordCounts(run);
	if (!failed) return 0;
	return input ? failed / input : 1;
}

export interface SimplifiedRun {
	runId: string;
	flowId: string;
	status: RunStatus;
	startedAt?: string;
	completedAt?: string;
	durationSeconds?: number;
	records: RunRecordCounts;
	errors: RunError[];
	batchIds: string[];
	sandboxName?: string;
}

/** The fields people act on, flattened: status, timing, record counts, errors. */
export function simplifyRun(run: IDataObject): SimplifiedRun {
	const started = Number(path(run, 'metrics.durationSummary.startedAtUTC'));
	const completed = Number(path(run, 'metrics.durationSummary.completedAtUTC'));
	return {
		runId: String(run.id ?? ''),
		flowId: String(run.flowId ?? ''),
		status: runStatus(run),
		startedAt: toIso(started),
		completedAt: toIso(completed),
		durationSeconds: started > 0 && completed >= started ? Math.round((completed - started) / 1000) : undefined,
		records: runRecordCounts(run),
		errors: runErrors(run),
		batchIds: runBatchIds(run),
		sandboxName: run.sandboxName as string | undefined,
	};
}

/** The status as Adobe reported it (not normalised), for messages. */
export function reportedStatus(run: IDataObject): string {
	const summary = (run.metrics as IDataObject | undefined)?.statusSummary as IDataObject | undefined;
	return String(summary?.status ?? 'unknown');
}

/**
 * Statuses chosen by a user (Run → Get Many, Finished Run) read as Adobe reports them: a partially
 * ingested run is often reported as `success` with failed records, so a choice of Partial Success
 * asks the server for `success` too, and a success with failed records counts as either choice.
 */
export function serverStatusesFor(chosen: readonly string[]): string[] {
	const wanted = new Set(chosen);
	if (wanted.has('partialSuccess')) wanted.add('success');
	return [...wanted];
}

/** Whether a run has one of the chosen statuses, deciding partial success on failed-record counts. */
export function hasChosenStatus(run: IDataObject, chosen: readonly string[]): boolean {
	const status = runStatus(run);
	if (status === 'success' && (runRecordCounts(run).failed ?? 0) > 0) return chosen.includes('partialSuccess') || chosen.includes('success');
	return chosen.includes(status);
}
