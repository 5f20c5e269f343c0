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

/** Cheap pre-check: most texts (IDs, names, timestamps) hold none of the shapes, and skip the patterns. */
const MAY_HOLD_SHAPE = /bearer|eyj|accountkey=|sharedaccesssignature=|sig=/i;
const AWS_KEY_LENGTH = 40;

/** Removes secrets by shape only. */
export function redactShapes(text: string): string {
	let result = text;
	if (MAY_HOLD_SHAPE.test(result)) for (const [pattern, replacement] of SHAPES) result = result.replace(pattern, replacement);
	return result.length >= AWS_KEY_LENGTH ? redactAwsSecretKeys(result) : result;
}

/**
 * A function that removes every occurrence of the given secrets (also URL-encoded, as servers echo
 * form and query values), and anything shaped like a secret, from a text. Built once per list, so
 * cleaning many texts (every field of every output item) stays cheap.
 */
export function secretRedactor(secrets: Iterable<string | undefined>): (text: string) => string {
	const values = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
		values.add(secret);
		values.add(encodeURIComponent(secret));
	}
	// Longest first, so a secret that contains another is removed whole.
	const ordered = [...values].sort((a, b) => b.length - a.length);
	return (text) => {
		let result = text;
		for (const secret of ordered) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
		return redactShapes(result);
	};
}

/** Removes every occurrence of the given secrets, and anything shaped like a secret, from a text. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
	return secretRedactor(secrets)(text);
}

/**
 * A JSON value with every string redacted; keys are kept. Objects and arrays are copied only where
 * something was redacted, so a clean output of thousands of items costs no second copy in memory.
 */
export function redactDeep<T>(value: T, secrets: Iterable<string | undefined>): T {
	const redact = secretRedactor(secrets);
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return redact(node);
		// Plain loops: this walks every field of every output item, so it allocates nothing it keeps.
		if (Array.isArray(node)) {
			let copy: unknown[] | undefined;
			for (let index = 0; index < node.length; index++) {
				const cleaned = walk(node[index]);
				if (cleaned !== node[index]) (copy ??= [...node])[index] = cleaned;
			}
			return copy ?? node;
		}
		if (node !== null && typeof node === 'object') {
			const record = node as Record<string, unknown>;
			let copy: Record<string, unknown> | undefined;
			for (const key in record) {
				if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
				const cleaned = walk(record[key]);
				if (cleaned !== record[key]) (copy ??= { ...record })[key] = cleaned;
			}
			return copy ?? node;
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
