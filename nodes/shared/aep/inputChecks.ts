/**
 * Pure checks of user input that ends up in a request path, a query filter or an HTTP header. They
 * say what is wrong (or return undefined), so the action readers and the transport can share them and
 * word their own errors.
 */

/** A pure check failed: the message names the field, `hint` says how to fix it. */
export class InvalidInput extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'InvalidInput';
	}
}

/**
 * Longest ID accepted. Adobe's IDs have at most 36 characters (UUIDs; dataset IDs have 24, mapping
 * IDs 32); 128 leaves room for other formats, yet stops a pasted document, token or URL before it
 * becomes part of a request path or filter.
 */
export const MAX_ID_LENGTH = 128;

/** How much of a bad value a message repeats, so that a pasted payload cannot flood the error. */
export const ECHO_LENGTH = 64;

/** A UUID or a similar token: no slashes, dots, `?`, `&`, `%` or spaces that could reshape a URL or filter. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{7,}$/;

/** What is wrong with an Adobe ID, as a sentence for the error's description; undefined when it is fine. */
export function idProblem(id: string): string | undefined {
	if (id.length > MAX_ID_LENGTH) return `It has ${id.length} characters; an ID has at most ${MAX_ID_LENGTH}.`;
	if (!ID_PATTERN.test(id)) return 'An Adobe ID holds only letters, digits and dashes (at least 8), e.g. 2edc08ac-4df5-4fe6-936f-81a19ce92f5c.';
	return undefined;
}

export const isAdobeId = (id: string): boolean => idProblem(id) === undefined;

/**
 * A value as a message may repeat it: quoted, with line breaks and control characters escaped, and
 * cut to ECHO_LENGTH characters. Only for values that are never secrets, such as IDs.
 */
export function echoed(value: string): string {
	return JSON.stringify(value.length > ECHO_LENGTH ? `${value.slice(0, ECHO_LENGTH)}…` : value);
}

const isPrintableAscii = (code: number) => code >= 0x21 && code <= 0x7e;

/**
 * What keeps an etag out of an If-Match header, as words that follow its name ("holds a line break");
 * undefined when it can be sent. An etag is one token of printable ASCII (0x21-0x7E), optionally
 * wrapped in double quotes, with no quote inside: anything else could split the header, add another
 * one (a line break), or be mangled on the way.
 */
export function etagProblem(etag: string): string | undefined {
	const quoted = etag.length >= 2 && etag.startsWith('"') && etag.endsWith('"');
	const token = quoted ? etag.slice(1, -1) : etag;
	if (token === '') return 'holds nothing between its quotes';
	if (/[\r\n]/.test(token)) return 'holds a line break';
	if (token.includes(' ')) return 'holds a space';
	if (token.includes('"')) return quoted ? 'holds a double quote inside its quotes' : 'holds a double quote that is not one of a pair around it';
	if (![...token].every((character) => isPrintableAscii(character.charCodeAt(0)))) return 'holds a character that is not printable ASCII';
	return undefined;
}

