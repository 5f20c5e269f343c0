import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { resolveEndpoints } from '../aep/environments';
import { parseAdobeError, redirectTarget, httpStatusText } from './errors';
import { headerValue, headerValueProblem, quotedEtag } from './headers';
import { withQuery, type QueryParams } from './query';
import { bearerToken, secretRedactor, secretValuesIn } from './redaction';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
import { rememberSecrets, requestTimeoutOf } from './executionState';

export const CREDENTIAL_TYPE = 'adobeAepApi';

export type AepContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** The API families the package calls, relative to the platform base URL. */
const SERVICE_ROOTS = {
	flowservice: '/data/foundation/flowservice',
	connectors: '/data/foundation/connectors',
	catalog: '/data/foundation/catalog',
	/** Data Access: batch files and their error diagnostics. */
	dataAccess: '/data/foundation/export',
} as const;

export type AepService = keyof typeof SERVICE_ROOTS;

export interface AepRequest {
	method: IHttpRequestMethods;
	/** Path below the service root, e.g. `/flows/{id}`; may carry a query string of its own. */
	path: string;
	service?: AepService;
	query?: QueryParams;
	body?: IDataObject | IDataObject[];
	/** The entity's etag, sent quoted as Adobe expects. */
	ifMatch?: string;
	/** The field the etag came from, named when it cannot be sent. */
	ifMatchField?: string;
	headers?: IDataObject;
	itemIndex?: number;
	/** The most one attempt may take, from sending to the last byte of the answer. */
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
	/** Secrets this request carries besides those found by key in its body; never shown if echoed back. */
	secrets?: string[];
	/** `bytes`: the answer is a file (e.g. JSON Lines), returned as a Buffer, never parsed as JSON. */
	answer?: 'json' | 'bytes';
	/**
	 * Sends the first attempt as if the credential held no token, so that n8n mints a new one and
	 * stores it for every process (see tokenRenewal), if the credential still holds the token to
	 * replace: when another call stored a new one meanwhile, that one is used. The request itself is an
	 * ordinary one.
	 */
	renewToken?: { replacing: string };
}

/** A 2xx answer: the parsed body (undefined when empty), its headers (lower-case names) and status. */
export interface AepResponse<T> {
	body: T | undefined;
	headers: IDataObject;
	statusCode: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

const TRANSPORT_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNABORTED: 'the request timed out',
	ETIMEDOUT: 'the request timed out',
	EPIPE: 'the connection broke',
	ECONNREFUSED: 'the connection was refused',
	UND_ERR_SOCKET: 'the connection broke',
	ERR_BAD_RESPONSE: 'the answer broke off',
};
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
const TRANSPORT_FAILURES = new Set(Object.keys(TRANSPORT_WORDS));

/** What went wrong with one attempt, whatever threw it. */
type Failure =
	| { kind: 'status'; status: number; body?: unknown; headers?: IDataObject }
	| { kind: 'redirect'; status: number; location?: string }
	| { kind: 'transport'; code: string }
	| { kind: 'timeout'; afterMs: number }
	| { kind: 'cancelled' }
	| { kind: 'badBody'; status: number; contentType: string; problem: string; preview: string }
	| { kind: 'other'; message: string };

const isRedirect = (status: number) => status >= 300 && status < 400;

/** Finds the HTTP response or socket error inside what n8n's request helper threw. */
function failureOf(error: unknown): Failure {
	let current: unknown = error;
	const seen = new Set<unknown>();
	let transportCode: string | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as { response?: { status?: number; data?: unknown; headers?: IDataObject }; code?: unknown; cause?: unknown };
		if (candidate.response && typeof candidate.response.status === 'number') {
			const { status, data, headers } = candidate.response;
			if (isRedirect(status)) return { kind: 'redirect', status, location: headerValue(headers, 'location') };
			return { kind: 'status', status, body: decodedErrorBody(data), headers };
		}
		if (typeof candidate.code === 'string' && TRANSPORT_FAILURES.has(candidate.code)) transportCode ??= candidate.code;
		current = candidate.cause;
	}
	const message = error instanceof Error ? error.message : String(error);
	if (!transportCode && /timeout of \d+ms exceeded/i.test(message)) transportCode = 'ETIMEDOUT';
	if (!transportCode && /socket hang up|aborted/i.test(message)) transportCode = 'ECONNRESET';
	return transportCode ? { kind: 'transport', code: transportCode } : { kind: 'other', message };
}

/** Bytes as n8n's helper hands them over (a Buffer or an ArrayBuffer), else undefined. */
const bufferOf = (data: unknown): Buffer | undefined => (Buffer.isBuffer(data) ? data : data instanceof ArrayBuffer ? Buffer.from(data) : undefined);

/** An error answer to a request for bytes arrives as bytes too: read as JSON when it is, else as text. */
function decodedErrorBody(data: unknown): unknown {
	const bytes = bufferOf(data);
	if (!bytes) return data;
	const text = bytes.toString('utf8');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

async function credentialsOf(context: AepContext): Promise<ICredentialDataDecryptedObject> {
	return await context.getCredentials(CREDENTIAL_TYPE);
}

/**
 * The node's credential as n8n would hand it over, but without its token: n8n then runs the
 * credential's preAuthentication (a mint) and stores the new token, as for a credential without one.
 */
function withoutToken(context: AepContext, credentials: ICredentialDataDecryptedObject): IAdditionalCredentialOptions | undefined {
	const selected = context.getNode().credentials?.[CREDENTIAL_TYPE];
	if (!selected?.id) return undefined;
	return { credentialsDecrypted: { id: selected.id, name: selected.name, type: CREDENTIAL_TYPE, data: { ...credentials, accessToken: '' } } };
}

function cancelSignalOf(context: AepContext): AbortSignal | undefined {
	const candidate = context as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return typeof candidate.getExecutionCancelSignal === 'function' ? candidate.getExecutionCancelSignal() : undefined;
}

/**
 * Waits between attempts; resolves false at once when the execution is cancelled meanwhile. The
 * timer goes with the cancel and the listener with the wait: the execution's signal lives on.
 */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
	if (signal?.aborted) return false;
	try {
		await sleep(ms, signal);
		return true;
	} catch {
		// n8n's sleep ends early only when the signal aborts.
		return false;
	}
}

/** Refuses header values that cannot be sent as they are, naming the field, before anything is sent. */
function checkedHeaders(context: AepContext, request: AepRequest): IDataObject {
	const headers: IDataObject = { Accept: 'application/json', ...request.headers };
	if (request.body !== undefined) headers['Content-Type'] = 'application/json';
	if (request.ifMatch !== undefined && request.ifMatch.trim() !== '') {
		const etag = quotedEtag(request.ifMatch);
		if ('problem' in etag) {
			const field = request.ifMatchField ?? 'Etag';
			throw new NodeOperationError(context.getNode(), `"${field}" cannot be sent: ${etag.problem}`, {
				itemIndex: request.itemIndex,
				description: `Fix "${field}" or leave it empty to use the entity's current etag. Nothing was sent.`,
			});
		}
		headers['If-Match'] = etag.value;
	}
	for (const [name, value] of Object.entries(headers)) {
		const problem = headerValueProblem(String(value));
		if (problem) {
			throw new NodeOperationError(context.getNode(), `The "${name}" header cannot be sent: ${problem}`, {
				itemIndex: request.itemIndex,
				description: 'Remove line breaks and non-ASCII characters from the value. Nothing was sent.',
			});
		}
	}
	return headers;
}

/** The credential's values that n8n puts in headers, checked so a stray line break fails clearly. */
const CREDENTIAL_HEADER_FIELDS: Array<[string, string]> = [
	['clientId', 'Client ID'],
	['orgId', 'Organization ID'],
	['sandboxName', 'Sandbox Name'],
];

function checkCredentialHeaders(context: AepContext, credentials: ICredentialDataDecryptedObject): void {
	for (const [key, label] of CREDENTIAL_HEADER_FIELDS) {
		const problem = headerValueProblem(String(credentials[key] ?? ''));
		if (problem) {
			throw new NodeOperationError(context.getNode(), `The credential's "${label}" cannot be sent in a header: ${problem}`, {
				description: `Open the credential and retype "${label}". Nothing was sent.`,
			});
		}
	}
}

/** The first characters of a body for an error message; secrets are redacted later with the rest of it. */
function previewOf(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
}

/**
 * Reads a 2xx answer as Adobe documents it: JSON, an object or array, with `items` an array when
 * present. GETs must have a body; other methods may answer empty (201 with Location, 204).
 */
function parseBody(method: string, status: number, answer: unknown, headers: IDataObject): { body: unknown } | { failure: Failure } {
	const contentType = headerValue(headers, 'content-type') ?? 'no content type';
	// n8n's helper parses JSON itself and hands over the text of anything else.
	const unexpected = (problem: string) => {
		const raw = typeof answer === 'string' ? answer : (JSON.stringify(answer) ?? '');
		return { failure: { kind: 'badBody', status, contentType, problem, preview: raw === '' ? '(empty)' : previewOf(raw) } as const };
	};
	let parsed: unknown = answer;
	if (answer === undefined || (typeof answer === 'string' && answer.trim() === '')) {
		return method === 'GET' ? unexpected('an empty body') : { body: undefined };
	}
	if (typeof answer === 'string') {
		try {
			parsed = JSON.parse(answer);
		} catch {
			return unexpected('a body that is not JSON');
		}
	}
	if (parsed === null && method !== 'GET') return { body: undefined };
	if (parsed === null || typeof parsed !== 'object') return unexpected(`a JSON ${parsed === null ? 'null' : typeof parsed} where an object was expected`);
	const items = (parsed as IDataObject).items;
	if (items !== undefined && !Array.isArray(items)) return unexpected('a body whose "items" is not a list');
	return { body: parsed };
}

/** A file's bytes, whatever form n8n's helper handed them over in. */
function bytesOf(answer: unknown): { body: Buffer } {
	const bytes = bufferOf(answer);
	if (bytes) return { body: bytes };
	if (answer === undefined || answer === null) return { body: Buffer.alloc(0) };
	return { body: Buffer.from(typeof answer === 'string' ? answer : JSON.stringify(answer), 'utf8') };
}

interface RawResponse {
	body: unknown;
	headers?: IDataObject;
	statusCode: number;
}

type AttemptOutcome = { kind: 'answered'; response: RawResponse } | { kind: 'failed'; error: unknown } | { kind: 'timedOut' };

/**
 * One attempt with a total deadline. n8n's helper replaces the request's abort signal with the
 * execution's cancel signal, so the deadline joins that signal when n8n sets it (rather than being
 * overwritten) and aborts the socket; the race returns on time even if a helper ignored the signal.
 */
async function attempt(context: AepContext, options: IHttpRequestOptions, timeoutMs: number, credentialOptions?: IAdditionalCredentialOptions): Promise<AttemptOutcome> {
	const deadline = AbortSignal.timeout(timeoutMs);
	let executionSignal: AbortSignal | undefined;
	Object.defineProperty(options, 'abortSignal', {
		configurable: true,
		enumerable: true,
		get: () => (executionSignal ? AbortSignal.any([executionSignal, deadline]) : deadline),
		set: (signal: AbortSignal | undefined) => {
			executionSignal = signal ?? executionSignal;
		},
	});
	// The listener goes when the attempt ends: the deadline's timer lives on, and through the race the
	// listener would keep the whole answer in memory until it fires.
	const settled = new AbortController();
	const timedOut = new Promise<AttemptOutcome>((resolve) =>
		deadline.addEventListener('abort', () => resolve({ kind: 'timedOut' }), { once: true, signal: settled.signal }),
	);
	const sent = (context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options, credentialOptions) as Promise<RawResponse>).then(
		(response): AttemptOutcome => ({ kind: 'answered', response }),
		(error: unknown): AttemptOutcome => (deadline.aborted ? { kind: 'timedOut' } : { kind: 'failed', error }),
	);
	try {
		return await Promise.race([sent, timedOut]);
	} finally {
		settled.abort();
	}
}

/**
 * Sends one request to Experience Platform through n8n's authenticated helper, with retries and
 * Adobe-aware errors, and returns the whole answer. n8n itself refreshes the IMS token once when a
 * call answers 401. Redirects are never followed: Adobe's APIs do not redirect, and following one
 * would carry the credential's headers and the body to another host.
 */
export async function aepRequestFull<T = IDataObject>(context: AepContext, request: AepRequest): Promise<AepResponse<T>> {
	const credentials = await credentialsOf(context);
	checkCredentialHeaders(context, credentials);
	const { platformUrl } = resolveEndpoints(credentials);
	const root = SERVICE_ROOTS[request.service ?? 'flowservice'];
	const headers = checkedHeaders(context, request);
	const url = `${platformUrl}${root}${withQuery(request.path, request.query)}`;
	const timeoutMs = Math.max(1, Math.round(request.timeoutMs ?? requestTimeoutOf(context) ?? DEFAULT_TIMEOUT_MS));
	const secrets = new Set<string | undefined>([
		credentials.clientSecret as string | undefined,
		credentials.accessToken as string | undefined,
		...(request.secrets ?? []),
		...secretValuesIn(request.body),
	]);
	const policy = request.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const renewing = request.renewToken !== undefined && String(credentials.accessToken ?? '') === request.renewToken.replacing;
	const cancelSignal = cancelSignalOf(context);
	const started = Date.now();
	for (let attemptNumber = 1; ; attemptNumber++) {
		const bytes = request.answer === 'bytes';
		const options: IHttpRequestOptions = {
			method: request.method,
			url,
			headers: bytes ? { ...headers, Accept: '*/*' } : { ...headers },
			body: request.body,
			// JSON is parsed by n8n's helper; anything else arrives as text and is reported (parseBody).
			// A file is asked for as bytes: a JSON Lines file of one line would otherwise be parsed as JSON.
			...(bytes ? { json: false, encoding: 'arraybuffer' as const } : { json: true }),
			returnFullResponse: true,
			disableFollowRedirect: true,
			timeout: timeoutMs,
		};
		const outcome = await attempt(context, options, timeoutMs, attemptNumber === 1 && renewing ? withoutToken(context, credentials) : undefined);
		// The token n8n actually sent: it may have minted a new one during this call (after a 401).
		secrets.add(bearerToken((options.headers as IDataObject | undefined)?.Authorization));
		let failure: Failure;
		if (outcome.kind === 'answered') {
			const headersIn = outcome.response.headers ?? {};
			const parsed = bytes ? bytesOf(outcome.response.body) : parseBody(request.method, outcome.response.statusCode, outcome.response.body, headersIn);
			if ('body' in parsed) {
				rememberSecrets(context, secrets);
				return { body: parsed.body as T | undefined, headers: lowerCaseKeys(headersIn), statusCode: outcome.response.statusCode };
			}
			failure = parsed.failure;
		} else if (outcome.kind === 'timedOut') {
			failure = { kind: 'timeout', afterMs: timeoutMs };
		} else {
			failure = cancelSignal?.aborted ? { kind: 'cancelled' } : failureOf(outcome.error);
		}
		const retryable = failure.kind === 'status' || failure.kind === 'transport' || failure.kind === 'timeout';
		if (retryable) {
			const decision = decideRetry(
				{
					attempt: attemptNumber,
					method: request.method,
					status: failure.kind === 'status' ? failure.status : undefined,
					retryAfter: failure.kind === 'status' ? headerValue(failure.headers, 'retry-after') : undefined,
					elapsedMs: Date.now() - started,
				},
				policy,
			);
			if (decision.retry) {
				if (await pause(decision.delayMs, cancelSignal)) continue;
				failure = { kind: 'cancelled' };
			}
		}
		// Read once, for the error only: the stored token, in case n8n refreshed it on a copy of the request.
		secrets.add(await currentAccessToken(context));
		rememberSecrets(context, secrets);
		throw adobeApiError(context, request, url, failure, attemptNumber, secrets);
	}
}

/** Sends one request (see aepRequestFull) and returns its body; an empty answer to a write is `{}`. */
export async function aepRequest<T = IDataObject>(context: AepContext, request: AepRequest): Promise<T> {
	const { body } = await aepRequestFull<T>(context, request);
	return body ?? ({} as T);
}

function lowerCaseKeys(headers: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

async function currentAccessToken(context: AepContext): Promise<string | undefined> {
	try {
		const token = (await credentialsOf(context)).accessToken;
		return typeof token === 'string' ? token : undefined;
	} catch {
		return undefined;
	}
}

function adobeApiError(
	context: AepContext,
	request: AepRequest,
	url: string,
	failure: Failure,
	attempts: number,
	secrets: Set<string | undefined>,
): NodeApiError {
	const clean = secretRedactor(secrets);
	const afterAttempts = attempts > 1 ? ` after ${attempts} attempts` : '';
	const target = `${request.method} ${SERVICE_ROOTS[request.service ?? 'flowservice']}${request.path.split('?')[0]}`;
	let message: string;
	let description: string | undefined;
	let errorCode: string | undefined;
	let httpCode: string | undefined;
	switch (failure.kind) {
		case 'status': {
			const adobe = parseAdobeError(failure.body, failure.headers);
			errorCode = adobe.code;
			httpCode = String(failure.status);
			const codeText = adobe.code ? ` (${adobe.code})` : '';
			const title = adobe.title && adobe.title !== httpStatusText(failure.status) ? `: ${adobe.title}` : '';
			message = `Adobe Experience Platform answered ${failure.status} ${httpStatusText(failure.status)}${codeText}${title}${afterAttempts}`;
			description = [adobe.detail, hintFor(failure.status, adobe.code), `Request: ${target}`, adobe.requestId && `Request ID: ${adobe.requestId}`]
				.filter(Boolean)
				.join('\n');
			break;
		}
		case 'redirect': {
			httpCode = String(failure.status);
			const where = redirectTarget(failure.location, url);
			message = `Adobe Experience Platform answered ${failure.status} ${httpStatusText(failure.status)}, a redirect to ${where}; redirects are not followed`;
			description = [
				"Adobe's APIs do not redirect, so the redirect was refused and nothing (no credential, header or body) was sent to that address.",
				'Check the Platform URL of the credential, and any proxy between n8n and Adobe.',
				`Request: ${target}`,
			].join('\n');
			break;
		}
		case 'transport':
			// The code goes in the description only: n8n swaps a message that names a socket error code for a generic one.
			errorCode = failure.code;
			message = TIMEOUT_CODES.has(failure.code)
				? `${target} timed out: Adobe Experience Platform did not answer in time${afterAttempts}`
				: `Could not reach Adobe Experience Platform: ${TRANSPORT_WORDS[failure.code] ?? 'connection failed'}${afterAttempts}`;
			description = `Request: ${target}\nCause: ${failure.code}`;
			break;
		case 'timeout':
			errorCode = 'TIMEOUT';
			message = `${target} timed out: no complete answer within ${formatSeconds(failure.afterMs)}${afterAttempts}`;
			description = `Request: ${target}\nEach attempt may take at most ${formatSeconds(failure.afterMs)}, from sending the request to the last byte of the answer.`;
			break;
		case 'cancelled':
			message = `The execution was cancelled during ${target}`;
			description = `Request: ${target}`;
			break;
		case 'badBody':
			httpCode = String(failure.status);
			message = `Adobe Experience Platform answered ${failure.status} to ${target} with ${failure.problem}`;
			description = [`Content type: ${failure.contentType}`, `Body starts with: ${failure.preview}`, `Request: ${target}`, 'A proxy or gateway between n8n and Adobe may have answered instead of Adobe.'].join(
				'\n',
			);
			break;
		default:
			message = failure.message;
			description = `Request: ${target}`;
	}
	const mayHaveHappened =
		request.method === 'POST' &&
		(failure.kind === 'transport' || failure.kind === 'timeout' || (failure.kind === 'status' && failure.status >= 500));
	if (mayHaveHappened) {
		description = `${description ?? ''}\nThe request may have been carried out before it failed, so it was not sent again: check whether it took effect before trying again.`;
	}
	// No `code` key: n8n would replace the message with a generic one for socket error codes.
	const sanitized: JsonObject = {
		message: clean(message),
		description: description ? clean(description) : null,
		httpCode: httpCode ?? null,
		adobeCode: errorCode ?? null,
	};
	return new NodeApiError(context.getNode(), sanitized, {
		message: sanitized.message as string,
		description: sanitized.description as string | undefined,
		httpCode,
		itemIndex: request.itemIndex,
	});
}

function formatSeconds(ms: number): string {
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function hintFor(status: number, code: string | undefined): string | undefined {
	if (status === 412) return 'The etag is stale: the entity changed since it was read. Leave the etag empty to use the current one, or read the entity again.';
	if (status === 404) return 'Check the ID and that it belongs to the sandbox set in the credential.';
	if (status === 401 || status === 403) {
		return code?.startsWith('FLOW-21') || code?.startsWith('FLOW-20')
			? 'Check the organization ID, the sandbox name and the product profile permissions (Manage Sources / Manage Destinations) of the credential.'
			: 'Check the credential: client ID, organization ID and sandbox, and the API permissions of the Developer Console project.';
	}
	if (status === 429) return 'Adobe is throttling this client; try again later or lower the request rate.';
	return undefined;
}
