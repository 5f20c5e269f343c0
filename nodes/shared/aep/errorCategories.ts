import type { FlowKind } from './flows';
import type { RunError } from './runs';

/*
 * One category for what went wrong in a run, from its error codes and messages, so a workflow can
 * route a failure to whoever can fix it (expired credentials to the account owner, a broken mapping
 * to the data engineer). Pure: the rules are data, matched in a fixed order.
 *
 * Adobe reports a failed source run as a generic wrapper (CONNECTOR-1001-500 "error while copying
 * from the source", CONNECTOR-2001-500 "error in processing the copied data") and puts the cause in
 * an activity's extension errors, often under the same wrapper code with a specific message. So a
 * code decides first, a message next, and a wrapper code only when nothing in the run names a cause.
 */

/** The values are a contract: workflows compare against them, so none is ever renamed. */
export type ErrorCategory = 'credentials' | 'sourceUnreachable' | 'mapping' | 'schemaValidation' | 'destination' | 'platform' | 'unknown';

/**
 * A run whose errors fall into several categories gets the first of them in this order. Broken
 * credentials and an unreachable source stop every later run and need a person outside the data
 * team, so they lead; mapping and schema errors are about the data; destination failures follow;
 * platform failures come last because Adobe's side usually recovers on its own and they are often a
 * consequence of one of the causes above.
 */
export const ERROR_CATEGORY_PRIORITY: readonly ErrorCategory[] = [
	'credentials',
	'sourceUnreachable',
	'mapping',
	'schemaValidation',
	'destination',
	'platform',
	'unknown',
];

export interface ErrorCategoryRule {
	category: Exclude<ErrorCategory, 'unknown'>;
	/** Matched against the error's code. */
	codePatterns: RegExp[];
	/** Matched against the error's message when no rule but a wrapper knows its code. */
	messagePatterns: RegExp[];
	/** A wrapper Adobe reports for many causes: it decides only when no error of the run names one. */
	generic?: boolean;
}

/**
 * The rules, most specific first within each kind of match. Adobe's run error codes read
 * `<FAMILY>-<number>-<HTTP status>` (the run metrics' `failedInfo` code pattern), so the status part
 * says a good deal where the number is undocumented. Message patterns are the fallback: the usual
 * wording of HTTP, network and provider errors, written so that the wrappers' own boilerplate
 * ("parsing, validation or transformation") matches none of them.
 */
export const ERROR_CATEGORY_RULES: readonly ErrorCategoryRule[] = [
	{
		category: 'credentials',
		codePatterns: [
			// Any Adobe code whose status part is 401 (token invalid or expired) or 403 (forbidden).
			/^[A-Z][A-Z_]*-\d+-40[13]$/i,
			// Flow Service error catalogue: empty or invalid token (2114, 2115), permissions (2118, 2120, 2121).
			/^FLOW-21(14|15|18|20|21)(-\d{3})?$/i,
			// Adobe I/O gateway: 401013 token not valid, 403010 token missing, 403000/403003 API key, 403025 profile.
			/^40(1013|3010|3000|3003|3025)$/,
		],
		messagePatterns: [
			/\bunauthori[sz]ed\b|\bforbidden\b|\bnot authori[sz]ed\b/i,
			/\((40[13])\)|\b(http|status|status code|error)\W{0,3}40[13]\b/i,
			/\b(token|credentials?|password|secret|api key|access key|session|signature|grant|certificate)\b[^.]{0,40}\b(expired|invalid|revoked|not valid|incorrect|rejected|missing|required)\b/i,
			/\b(expired|invalid|revoked)\b[^.]{0,20}\b(token|credentials?|password|secret|api key|access key|session|signature|grant)\b/i,
			/\baccess (is )?denied\b|\bpermission denied\b|\binsufficient (permissions?|privileges)\b|\bdoes not have (the )?(required )?permissions?\b/i,
			/\b(authentication|authori[sz]ation|login|log-?in|sign-?in)( has)? failed\b|\bfailed to (authenticate|log ?in|sign ?in)\b/i,
			// Words providers answer with: Azure Storage, OAuth, Salesforce, Amazon S3.
			/\b(AuthenticationFailed|AuthorizationFailure|invalid_grant|invalid_client|INVALID_SESSION_ID|ExpiredToken|InvalidAccessKeyId|SignatureDoesNotMatch)\b/,
		],
	},
	{
		category: 'sourceUnreachable',
		codePatterns: [
			// The batch received no files: the connector found nothing to read at the source
			// (the failed source run example in Adobe's run notifications).
			/^133$/,
		],
		messagePatterns: [
			/\bconnection (was |has been )?(refused|reset|timed out|closed by (the )?(remote )?host)\b/i,
			/\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b|\bgetaddrinfo\b/i,
			/\b(unknown|unresolved) host\b|\bUnknownHostException\b|\bhost not found\b|\bcould not resolve (the )?host\b|\bname or service not known\b|\bno such host\b/i,
			/\bno route to host\b|\b(network|host) is unreachable\b|\b(source|server|host) (is )?(not reachable|unreachable)\b/i,
			/\b(unable|failed|could not|cannot|can't) (to )?(connect|reach|establish (a )?connection)\b/i,
			/\b(connect|connection|read|socket) ?time-?d? ?out\b|\bSocketTimeoutException\b|\bConnectException\b|\btimed out (while )?connecting\b/i,
			/\bunable to locate any files\b|\bno (files|data) (was |were )?(found|available)\b/i,
		],
	},
	{
		category: 'mapping',
		codePatterns: [
			// Data Prep mapper errors, e.g. MAPPER-3700-400 (a mapping expression failed).
			/^MAPPER-/i,
		],
		messagePatterns: [
			/\bmapper\b|\bmappings?\b/i,
			/\btransform(ation)? (error|failed|failure)\b|\bfailed to (evaluate|apply) (the )?(expression|transformation|calculated field)\b/i,
		],
	},
	{
		category: 'schemaValidation',
		codePatterns: [
			// Row validation: INGEST-1555-400 required field missing or null, INGEST-1401-400 corrupted
			// row, and the other 4xx ingestion codes; 1211 and 1212 are summaries (see below).
			/^INGEST-(?!121[12]-)\d+-4\d\d$/i,
		],
		messagePatterns: [
			/\bxdm\b|\bschema\b/i,
			/\brequired (field|attribute|property|column)\b|\bmissing required\b|\b(must|cannot|can't) (not )?be (null|empty)\b/i,
			/\btype mismatch\b|\bexpected type\b|\b(cannot|could not|unable to|failed to) (be )?(convert|cast|coerce)(ed)?\b|\bconversion (error|failed|failure)\b/i,
			/\binvalid (date|datetime|timestamp|number|integer|boolean|format|enum)\b/i,
			/\bcorrupt(ed)? (row|record|file|data)\b|\bmalformed\b|\bpars(e|ing) (error|failed|failure)\b|\bfailed to parse\b/i,
			/\bvalidation (error|failed|failure)s?\b|\bfailed validation\b|\berrors? while validating\b/i,
		],
	},
	{
		category: 'destination',
		codePatterns: [],
		messagePatterns: [
			/\b(destination|activation|export)\b[^.]{0,60}\b(fail(ed|ure)?|error|rejected|aborted)\b/i,
			/\b(fail(ed)?|unable|could not|cannot) (to )?(write|upload|deliver|publish|push|export)\b[^.]{0,80}\b(destination|bucket|container|endpoint|partner)\b/i,
			/\bcould not be (exported|activated|delivered|uploaded)\b/i,
		],
	},
	{
		category: 'platform',
		codePatterns: [
			// Flow Service error catalogue: 1102/1400 internal error, 1103 unavailable, 1104 gateway timeout.
			/^FLOW-1(102|103|104|400)-5\d\d$/i,
			// Throttled: a 429 status part, or the I/O gateway's 429050.
			/^[A-Z][A-Z_]*-\d+-429$/i,
			/^429\d{3}$/,
		],
		messagePatterns: [
			/\binternal (server )?error\b|\bservice (is )?(temporarily )?unavailable\b|\bgateway time-?out\b/i,
			/\btoo many requests\b|\bthrottl(ed|ing)\b|\brate limit(ed)?\b/i,
			/\bcontact (adobe |customer )?support\b/i,
		],
	},
	// Wrappers, deciding only when no error of the run names a cause.
	{
		// CONNECTOR-1001-500: error while copying from the source.
		category: 'sourceUnreachable',
		codePatterns: [/^CONNECTOR-1001-\d{3}$/i],
		messagePatterns: [],
		generic: true,
	},
	{
		// CONNECTOR-2001-500: error processing (parsing, validation or transformation) the copied data;
		// INGEST-1212-400 (N errors, M rows ingested) and INGEST-1211-400 summarise row errors.
		category: 'schemaValidation',
		codePatterns: [/^CONNECTOR-2001-\d{3}$/i, /^INGEST-121[12]-\d{3}$/i],
		messagePatterns: [],
		generic: true,
	},
	{
		// ACTIVATION_BATCH-0000-FAILED ("Job aborted."): the failure of a destination run.
		category: 'destination',
		codePatterns: [/^ACTIVATION_/i],
		messagePatterns: [],
		generic: true,
	},
	{
		// Any other 5xx status part: something failed on Adobe's side.
		category: 'platform',
		codePatterns: [/^[A-Z][A-Z_]*-\d+-5\d\d$/i],
		messagePatterns: [],
		generic: true,
	},
];

interface ErrorMatch {
	category: Exclude<ErrorCategory, 'unknown'>;
	generic: boolean;
}

const CAUSE_RULES = ERROR_CATEGORY_RULES.filter((rule) => !rule.generic);
const WRAPPER_RULES = ERROR_CATEGORY_RULES.filter((rule) => rule.generic);

function byCode(rules: readonly ErrorCategoryRule[], code: string): ErrorCategoryRule | undefined {
	return code ? rules.find((rule) => rule.codePatterns.some((pattern) => pattern.test(code))) : undefined;
}

function byMessage(message: string): ErrorCategoryRule | undefined {
	return message ? ERROR_CATEGORY_RULES.find((rule) => rule.messagePatterns.some((pattern) => pattern.test(message))) : undefined;
}

/** A code names a cause first, then the message, and a wrapper code last. */
function matchError(code: string, message: string): ErrorMatch | undefined {
	const rule = byCode(CAUSE_RULES, code.trim()) ?? byMessage(message) ?? byCode(WRAPPER_RULES, code.trim());
	return rule && { category: rule.category, generic: rule.generic === true };
}

/**
 * On a destination flow the system that cannot be reached is the destination (its source is
 * Platform itself), so the person to tell is the destination's owner.
 */
function forFlowKind(category: ErrorCategory, kind: FlowKind | undefined): ErrorCategory {
	return kind === 'destination' && category === 'sourceUnreachable' ? 'destination' : category;
}

/** The category of one error, by its code and message; `unknown` when no rule knows it. */
export function errorCodeCategory(code: string, message = '', kind?: FlowKind): ErrorCategory {
	return forFlowKind(matchError(code, message)?.category ?? 'unknown', kind);
}

function byPriority(categories: ErrorCategory[]): ErrorCategory | undefined {
	return ERROR_CATEGORY_PRIORITY.find((category) => categories.includes(category));
}

/**
 * The category of a run, from all its errors: the highest-priority category a cause names, else the
 * highest-priority wrapper, else `unknown`. `null` when the run has no errors, so a successful run
 * is never taken for a failure of unknown kind.
 */
export function errorCategory(errors: ReadonlyArray<Pick<RunError, 'code' | 'message'>>, kind?: FlowKind): ErrorCategory | null {
	if (!errors.length) return null;
	const matches = errors
		.map((error) => matchError(String(error.code ?? ''), String(error.message ?? '')))
		.filter((match): match is ErrorMatch => match !== undefined);
	const causes = matches.filter((match) => !match.generic).map((match) => match.category);
	const wrappers = matches.filter((match) => match.generic).map((match) => match.category);
	return forFlowKind(byPriority(causes) ?? byPriority(wrappers) ?? 'unknown', kind);
}
