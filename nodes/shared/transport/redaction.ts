/**
 * Keeps secrets out of anything a user or a log can see: error messages and descriptions, output
 * items and trigger events. Two layers, because neither is enough alone:
 * - by value: the client secret, every access token used for a call (also one n8n minted during it)
 *   and every secret the node put in a request, found wherever a server echoes them back;
 * - by shape: IMS access tokens (JWTs), Azure `AccountKey=…`, SAS `sig=…` and AWS secret keys, which
 *   catch secrets the node never saw (another connection's, a server's own).
 */

const REDACTED = '[redacted]';

/** Values shorter than this are not redacted by value: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** Request-body keys whose string values are secrets the node itself sends (connection auth params). */
const SECRET_KEY = /secret|password|passphrase|token|connectionstring|sas(uri|token)?$|accountkey|privatekey|credential/i;

const SHAPES: Array<[RegExp, string]> = [
	[/Bearer\s+[A-Za-z0-9._~+/=-]{16,}/g, `Bearer ${REDACTED}`],
	// A JWT: three base64url parts, the first a JSON header (`eyJ` is `{"` encoded).
	[/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED],
	[/(AccountKey=)[^;"'\s&]+/gi, `$1${REDACTED}`],
	[/(SharedAccessSignature=)[^;"'\s]+/gi, `$1${REDACTED}`],
	[/(^|[?&;\s"'])(sig=)[^&;"'\s]+/gi, `$1$2${REDACTED}`],
];

/** A 40-character base64 run with upper, lower case and a digit: the shape of an AWS secret access key. */
function redactAwsSecretKeys(text: string): string {
	return text.replace(/(^|[^A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g, (match, before: string, candidate: string) =>
		/[A-Z]/.test(candidate) && /[a-z]/.test(candidate) && /\d/.test(candidate) ? `${before}${REDACTED}` : match,
	);
}

/** Removes secrets by shape only. */
export function redactShapes(text: string): string {
	let result = text;
	for (const [pattern, replacement] of SHAPES) result = result.replace(pattern, replacement);
	return redactAwsSecretKeys(result);
}

/** Removes every occurrence of the given secrets, and anything shaped like a secret, from a text. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
	let result = text;
	// Longest first, so a secret that contains another is removed whole.
	const values = [...new Set([...secrets].filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH))].sort(
		(a, b) => b.length - a.length,
	);
	for (const secret of values) {
		result = result.split(secret).join(REDACTED);
		// Servers echo form and query values URL-encoded.
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret) result = result.split(encoded).join(REDACTED);
	}
	return redactShapes(result);
}

/** A copy of a JSON value with every string redacted; keys are kept. */
export function redactDeep<T>(value: T, secrets: Iterable<string | undefined>): T {
	const list = [...secrets];
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return redactSecrets(node, list);
		if (Array.isArray(node)) return node.map(walk);
		if (node !== null && typeof node === 'object') {
			return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([key, inner]) => [key, walk(inner)]));
		}
		return node;
	};
	return walk(value) as T;
}

/** The secret values a request body carries: strings under keys such as `secretKey` or `connectionString`. */
export function secretValuesIn(body: unknown): string[] {
	const found: string[] = [];
	const walk = (node: unknown, key: string | undefined) => {
		if (typeof node === 'string') {
			if (key !== undefined && SECRET_KEY.test(key)) found.push(node);
			return;
		}
		if (Array.isArray(node)) {
			for (const inner of node) walk(inner, key);
			return;
		}
		if (node !== null && typeof node === 'object') {
			for (const [innerKey, inner] of Object.entries(node as Record<string, unknown>)) walk(inner, innerKey);
		}
	};
	walk(body, undefined);
	return found;
}

/** The token of an `Authorization: Bearer …` header value. */
export function bearerToken(authorization: unknown): string | undefined {
	if (typeof authorization !== 'string') return undefined;
	const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
	return match?.[1];
}
