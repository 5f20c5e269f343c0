/**
 * Header values a request may carry. Pure: the callers turn a returned problem into an error that
 * names the field, before anything is sent. A line break in a header value would let user text add
 * headers of its own (header injection); non-ASCII is refused by Node's HTTP client with an
 * unhelpful message.
 */

import type { IDataObject } from 'n8n-workflow';

import { etagProblem } from '../aep/inputChecks';

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** A response header's value as text (the first one when repeated), whatever the case of its name. */
export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return typeof value === 'string' ? value : undefined;
}

/** Adobe's clock from an answer's `Date` header (epoch ms), or undefined without a readable one. */
export function serverDateMs(headers: IDataObject | undefined): number | undefined {
	const date = Date.parse(headerValue(headers, 'date') ?? '');
	return Number.isFinite(date) ? date : undefined;
}

/** Why a header value cannot be sent, or undefined when it can. */
export function headerValueProblem(value: string): string | undefined {
	if (!PRINTABLE_ASCII.test(value)) return 'it holds a line break, a control character or a non-ASCII character';
	return undefined;
}

/**
 * The etag as Adobe expects it in `If-Match`: quoted. Returns the problem instead when the value
 * is not one token (the rule the Etag field's reader applies too).
 */
export function quotedEtag(etag: string): { value: string } | { problem: string } {
	const trimmed = etag.trim();
	const problem = etagProblem(trimmed);
	if (problem) return { problem: `the etag ${problem}; an etag is one token of printable ASCII, e.g. "0c003dbf-0000-0200-0000-5f36e92d0000"` };
	return { value: trimmed.startsWith('"') ? trimmed : `"${trimmed}"` };
}
