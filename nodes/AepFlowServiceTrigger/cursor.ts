/**
 * The trigger's position in the run history. Pure: no n8n, no HTTP.
 *
 * Runs are read in ascending order of a time field (`updatedAt`: a run that changes status is
 * updated) starting `overlapMs` before the cursor, so a window is always read twice at its edge.
 * Re-reading is harmless because every emitted run is remembered (bounded) until it is far behind
 * the cursor. The cursor only moves over runs that were fully handled, so a poll that stops early
 * (cap, time budget, error) loses nothing.
 */
export interface CursorState {
	/** Format version of this object in workflow static data. */
	version: 1;
	/** Highest time-field value (epoch ms) of the runs handled so far. */
	cursor: number;
	/** Emitted event keys with the time-field value they had, pruned by age and size. */
	emitted: Record<string, number>;
}

export interface CursorOptions {
	overlapMs: number;
	/** Emitted keys younger than cursor - retentionMs are kept even beyond the overlap. */
	retentionMs: number;
	maxRemembered: number;
}

export const DEFAULT_CURSOR_OPTIONS: CursorOptions = {
	overlapMs: 10 * 60_000,
	retentionMs: 48 * 3_600_000,
	maxRemembered: 5_000,
};

export function startState(cursor: number): CursorState {
	return { version: 1, cursor, emitted: {} };
}

/** Reads a stored state, or undefined when there is none (first activation) or it is not ours. */
export function loadState(stored: unknown): CursorState | undefined {
	const value = stored as Partial<CursorState> | undefined;
	if (!value || value.version !== 1 || typeof value.cursor !== 'number' || !Number.isFinite(value.cursor)) return undefined;
	return { version: 1, cursor: value.cursor, emitted: { ...(value.emitted ?? {}) } };
}

/** The lower bound (inclusive) of the next read. */
export function readFrom(state: CursorState, options: CursorOptions = DEFAULT_CURSOR_OPTIONS): number {
	return Math.max(0, state.cursor - options.overlapMs);
}

export interface Candidate<T> {
	key: string;
	/** The run's time-field value, epoch ms. */
	at: number;
	/** Whether the run is an event the user asked for (already filtered server-side where possible). */
	matches: boolean;
	value: T;
}

export interface StepResult<T> {
	state: CursorState;
	emit: T[];
	/** True when the cap stopped the walk before the end of the candidates. */
	capped: boolean;
}

/**
 * Walks candidates (ascending by `at`) and decides what to emit, stopping once `cap` events are
 * emitted. The cursor moves to the last handled candidate only.
 */
export function step<T>(state: CursorState, candidates: Array<Candidate<T>>, cap: number): StepResult<T> {
	const next: CursorState = { version: 1, cursor: state.cursor, emitted: { ...state.emitted } };
	const emit: T[] = [];
	for (const candidate of candidates) {
		if (candidate.matches && next.emitted[candidate.key] === undefined) {
			if (emit.length >= cap) return { state: next, emit, capped: true };
			emit.push(candidate.value);
			next.emitted[candidate.key] = candidate.at;
		}
		next.cursor = Math.max(next.cursor, candidate.at);
	}
	return { state: next, emit, capped: false };
}

/** Forgets emitted keys that can no longer be read again, and bounds how many are kept. */
export function prune(state: CursorState, options: CursorOptions = DEFAULT_CURSOR_OPTIONS): CursorState {
	const horizon = readFrom(state, options) - options.retentionMs;
	const kept = Object.entries(state.emitted)
		.filter(([, at]) => at >= horizon)
		.sort((a, b) => b[1] - a[1])
		.slice(0, options.maxRemembered);
	return { version: 1, cursor: state.cursor, emitted: Object.fromEntries(kept) };
}
