import { formatFilter, parseRawFilter } from '../../shared/transport/filters';

/** Checks and normalises the raw filters a user typed; throws (with the bad filter in the message) before any call. */
export function rawPropertyFilters(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : value ? [value] : [];
	return entries
		.map((entry) => String(entry).trim())
		.filter((entry) => entry !== '')
		.map((entry) => formatFilter(parseRawFilter(entry)));
}
