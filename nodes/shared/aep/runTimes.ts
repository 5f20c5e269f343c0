/**
 * Run times as epoch milliseconds. Adobe stamps runs in epoch milliseconds, but payloads have been
 * seen with epoch seconds and ISO text; anything else has no time.
 */

/** Below this, a number is epoch seconds: 1e11 ms is in 1973, 1e11 s in the year 5138. */
const SECONDS_BELOW = 1e11;

/** A run time as epoch ms, or undefined when the value holds no usable time. */
export function epochMsOf(value: unknown): number | undefined {
	let number: number;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		number = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Date.parse(text);
	} else return undefined;
	if (!Number.isFinite(number) || number <= 0) return undefined;
	return Math.round(number < SECONDS_BELOW ? number * 1000 : number);
}
