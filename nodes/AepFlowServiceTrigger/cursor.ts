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
	/**
	 * Set when the remembered keys were lost (damaged static data): every run stamped up to this time
	 * was handled before, so it counts as emitted. Dropped once the overlap window has passed it.
	 */
	handledThrough?: number;
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
	return repairState(stored).state;
}

export interface RepairedState {
	/** The state to go on from; undefined means start afresh (a first activation). */
	state: CursorState | undefined;
	/** What was wrong and what was done about it, for n8n's log. */
	warnings: string[];
}

/** The time of the newest remembered run not after `notAfter`, if any. */
export function newestRemembered(emitted: Record<string, number>, notAfter = Infinity): number | undefined {
	let newest: number | undefined;
	for (const at of Object.values(emitted)) if (at <= notAfter && (newest === undefined || at > newest)) newest = at;
	return newest;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A stored time as a finite, non-negative number, also from numeric text. */
function storedTime(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : undefined;
}

/**
 * Reads a stored state whatever it holds: wrong types, `null` entries, arrays where maps belong, a
 * negative or text cursor, a cursor beyond `notAfter` (the poll's clock plus skew), a huge remembered
 * map. What can be repaired is; what cannot starts afresh. Either way nothing remembered fires again
 * and nothing from before the activation fires, and each repair is reported.
 */
export function repairState(stored: unknown, { notAfter = Infinity, options = DEFAULT_CURSOR_OPTIONS }: { notAfter?: number; options?: CursorOptions } = {}): RepairedState {
	const warnings: string[] = [];
	let damaged = false;
	if (stored === undefined) return { state: undefined, warnings };
	if (!isPlainObject(stored) || stored.version !== 1) {
		warnings.push('The stored trigger state is not one this version knows; starting afresh from the newest run.');
		return { state: undefined, warnings };
	}
	const emitted: Record<string, number> = {};
	if (isPlainObject(stored.emitted)) {
		let dropped = 0;
		for (const [key, value] of Object.entries(stored.emitted)) {
			const at = storedTime(value);
			if (at === undefined) dropped++;
			else emitted[key] = at;
		}
		if (dropped) warnings.push(`Dropped ${dropped} remembered run${dropped === 1 ? '' : 's'} whose time was not a number; runs up to the cursor count as handled.`);
		damaged = dropped > 0;
	} else if (stored.emitted !== undefined) {
		warnings.push('The remembered runs were not a map; they were reset, and runs up to the cursor count as handled.');
		damaged = true;
	}
	let cursor = storedTime(stored.cursor);
	if (cursor === undefined) {
		// The newest remembered run is a safe place to go on from: everything before it was handled.
		const newest = newestRemembered(emitted, notAfter) ?? -1;
		if (newest < 0) {
			warnings.push('The stored cursor was not a time and nothing was remembered; starting afresh from the newest run.');
			return { state: undefined, warnings };
		}
		warnings.push('The stored cursor was not a time; going on from the newest remembered run.');
		cursor = newest;
	}
	if (cursor > notAfter) {
		const back = newestRemembered(emitted, notAfter);
		warnings.push(
			`The stored cursor (${new Date(cursor).toISOString()}) was in the future; it was moved back to ${back === undefined ? 'now' : 'the newest remembered run'}.`,
		);
		if (back === undefined) damaged = true;
		cursor = back ?? notAfter;
	}
	const state: CursorState = { version: 1, cursor, emitted };
	const handledThrough = storedTime(stored.handledThrough);
	if (damaged) state.handledThrough = Math.max(cursor, handledThrough ?? 0);
	else if (handledThrough !== undefined) state.handledThrough = Math.min(handledThrough, cursor);
	if (Object.keys(emitted).length > MAX_STORED_REMEMBERED) {
		warnings.push(`The trigger remembered ${Object.keys(emitted).length} runs, more than ${MAX_STORED_REMEMBERED}; the oldest were forgotten and count as handled.`);
		return { state: cutDamaged(state, { ...options, maxRemembered: MAX_STORED_REMEMBERED }), warnings };
	}
	if (Object.keys(emitted).length > options.maxRemembered) return { state: prune(state, options), warnings };
	return { state, warnings };
}

/**
 * A stored map larger than this was not written by this version for any plausible org (the runs of
 * 10 minutes beyond the usual 5,000): it is cut, never kept whole.
 */
export const MAX_STORED_REMEMBERED = 50_000;

/** The lower bound (inclusive) of the next read. */
export function readFrom(state: CursorState, options: CursorOptions = DEFAULT_CURSOR_OPTIONS): number {
	return Math.max(0, state.cursor - options.overlapMs);
}

export interface Candidate<T> {
	key: string;
	/** The run's time-field value, epoch ms. */
	at: number;
	/** False for a run without a usable time: it is judged where the cursor stands and cannot move it. */
	movesCursor?: boolean;
	/** When the run is remembered as emitted, if not at `at` (a run without a time is remembered at the poll's clock). */
	rememberAt?: number;
	/**
	 * Whether the run is an event the user asked for (already filtered server-side where possible); a
	 * function is asked when the walk reaches the run, for events that depend on the runs before it.
	 */
	matches: boolean | (() => boolean | 'remembered');
	/** Called once the run is handled (not when the walk stops before it), e.g. to update per-flow memory. */
	onHandled?: () => void;
	value: T;
}

export interface StepResult<T> {
	state: CursorState;
	emit: T[];
	/** True when the cap stopped the walk before the end of the candidates. */
	capped: boolean;
	/** True when the walk stopped at a candidate stamped after `notAfter`: it is handled when its time comes. */
	deferred: boolean;
}

/**
 * Walks candidates (ascending by `at`) and decides what to emit, stopping once `cap` events are
 * emitted, or at the first candidate stamped after `notAfter` (the poll's clock plus skew): a run
 * stamped in the future must not carry the cursor past the runs that come after it in real time.
 * The cursor moves to the last handled candidate only.
 */
export function step<T>(state: CursorState, candidates: Array<Candidate<T>>, cap: number, notAfter = Infinity): StepResult<T> {
	const next: CursorState = { ...state, emitted: { ...state.emitted } };
	const emit: T[] = [];
	const handledBefore = (candidate: Candidate<T>) =>
		next.emitted[candidate.key] !== undefined || (next.handledThrough !== undefined && candidate.movesCursor !== false && candidate.at <= next.handledThrough);
	for (const candidate of candidates) {
		if (candidate.at > notAfter) return { state: next, emit, capped: false, deferred: true };
		// A run handled by an earlier poll (read again in the overlap) is neither judged nor applied again.
		if (!handledBefore(candidate)) {
			const matches = typeof candidate.matches === 'function' ? candidate.matches() : candidate.matches;
			if (matches === true && emit.length >= cap) return { state: next, emit, capped: true, deferred: false };
			if (matches === true) emit.push(candidate.value);
			// A run that counted without firing (an event held back, a failure a later recovery refers
			// to) is remembered as handled too, so it is never judged or counted again.
			if (matches) next.emitted[candidate.key] = candidate.rememberAt ?? candidate.at;
			candidate.onHandled?.();
		}
		if (candidate.movesCursor !== false) next.cursor = Math.max(next.cursor, candidate.at);
	}
	return { state: next, emit, capped: false, deferred: false };
}

/**
 * Forgets emitted keys that can no longer be read again, and bounds how many are kept. A key the next
 * read can reach (at or after readFrom) is always kept: forgetting it would fire its run again when
 * more than maxRemembered runs share the overlap (a burst stamped within minutes). The bound applies
 * to the older keys, kept only as a margin.
 */
export function prune(state: CursorState, options: CursorOptions = DEFAULT_CURSOR_OPTIONS): CursorState {
	const from = readFrom(state, options);
	const horizon = from - options.retentionMs;
	const reachable: Array<[string, number]> = [];
	const older: Array<[string, number]> = [];
	for (const entry of Object.entries(state.emitted)) {
		if (entry[1] >= from) reachable.push(entry);
		else if (entry[1] >= horizon) older.push(entry);
	}
	const margin = older.sort((a, b) => b[1] - a[1]).slice(0, Math.max(0, options.maxRemembered - reachable.length));
	const pruned: CursorState = { version: 1, cursor: state.cursor, emitted: Object.fromEntries([...reachable, ...margin]) };
	// Kept while a read could still reach runs at or before it.
	if (state.handledThrough !== undefined && state.handledThrough >= from) pruned.handledThrough = state.handledThrough;
	return pruned;
}

/**
 * Cuts a stored map that is larger than any this version writes (damaged or foreign data) to the
 * newest maxRemembered keys. The runs of the keys it drops count as handled (handledThrough), so
 * none of them fires again: a damaged state may miss runs at that instant, never repeat them.
 */
function cutDamaged(state: CursorState, options: CursorOptions): CursorState {
	const entries = Object.entries(state.emitted).sort((a, b) => b[1] - a[1]);
	const dropped = entries.slice(options.maxRemembered);
	const droppedNewest = dropped.length ? Math.min(dropped[0][1], state.cursor) : undefined;
	const cut: CursorState = { ...state, emitted: Object.fromEntries(entries.slice(0, options.maxRemembered)) };
	if (droppedNewest !== undefined) cut.handledThrough = Math.max(cut.handledThrough ?? 0, droppedNewest);
	return prune(cut, options);
}
