import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { resolveEndpoints } from '../aep/environments';
import { parseAdobeError, redactSecrets, statusText } from './errors';
import { withQuery, type QueryParams } from './query';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';

export const CREDENTIAL_TYPE = 'adobeAepApi';

export type AepContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** The API families the package calls, relative to the platform base URL. */
const SERVICE_ROOTS = {
	flowservice: '/data/foundation/flowservice',
	connectors: '/data/foundation/connectors',
	catalog: '/data/foundation/catalog',
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
	headers?: IDataObject;
	itemIndex?: number;
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
}

const TRANSPORT_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNABORTED: 'the request timed out',
	ETIMEDOUT: 'the request timed out',
	EPIPE: 'the connection broke',
	ECONNREFUSED: 'the connection was refused',
	UND_ERR_SOCKET: 'the connection broke',
};
const TRANSPORT_FAILURES = new Set(Object.keys(TRANSPORT_WORDS));

interface FailureFacts {
	status?: number;
	body?: unknown;
	headers?: IDataObject;
	transportCode?: string;
	message: string;
}

/** Finds the HTTP response or socket error inside what n8n's request helper threw. */
function failureFacts(error: unknown): FailureFacts {
	let current: unknown = error;
	const seen = new Set<unknown>();
	let transportCode: string | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as { response?: { status?: number; data?: unknown; headers?: IDataObject }; code?: unknown; cause?: unknown };
		if (candidate.response && typeof candidate.response.status === 'number') {
			return {
				status: candidate.response.status,
				body: candidate.response.data,
				headers: candidate.response.headers,
				message: (error as Error).message,
			};
		}
		if (typeof candidate.code === 'string' && TRANSPORT_FAILURES.has(candidate.code)) transportCode ??= candidate.code;
		current = candidate.cause;
	}
	const message = error instanceof Error ? error.message : String(error);
	if (!transportCode && /socket hang up|timeout of \d+ms exceeded|aborted/i.test(message)) transportCode = 'ECONNRESET';
	return { transportCode, message };
}

function quoteEtag(etag: string): string {
	const trimmed = etag.trim();
	return trimmed.startsWith('"') ? trimmed : `"${trimmed}"`;
}

async function credentialsOf(context: AepContext): Promise<ICredentialDataDecryptedObject> {
	return await context.getCredentials(CREDENTIAL_TYPE);
}

/**
 * Sends one request to Experience Platform through n8n's authenticated helper, with retries and
 * Adobe-aware errors. n8n itself refreshes the IMS token once when a call answers 401.
 */
export async function aepRequest<T = IDataObject>(context: AepContext, request: AepRequest): Promise<T> {
	const credentials = await credentialsOf(context);
	const { platformUrl } = resolveEndpoints(credentials);
	const root = SERVICE_ROOTS[request.service ?? 'flowservice'];
	const headers: IDataObject = { Accept: 'application/json', ...request.headers };
	if (request.body !== undefined) headers['Content-Type'] = 'application/json';
	if (request.ifMatch) headers['If-Match'] = quoteEtag(request.ifMatch);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${platformUrl}${root}${withQuery(request.path, request.query)}`,
		headers,
		body: request.body,
		json: true,
		timeout: request.timeoutMs ?? 60_000,
	};
	const policy = request.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const started = Date.now();
	for (let attempt = 1; ; attempt++) {
		try {
			return (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options)) as T;
		} catch (error) {
			const facts = failureFacts(error);
			const decision = decideRetry({
				attempt,
				method: request.method,
				status: facts.status,
				retryAfter: facts.headers?.['retry-after'] as string | undefined,
				elapsedMs: Date.now() - started,
			}, policy);
			const retryable = facts.status !== undefined || facts.transportCode !== undefined;
			if (retryable && decision.retry) {
				await sleep(decision.delayMs);
				continue;
			}
			throw adobeApiError(context, request, facts, attempt, credentials);
		}
	}
}


function adobeApiError(
	context: AepContext,
	request: AepRequest,
	facts: FailureFacts,
	attempts: number,
	credentials: ICredentialDataDecryptedObject,
): NodeApiError {
	const secrets = [credentials.clientSecret, credentials.accessToken].map((s) => (s ? String(s) : undefined));
	const clean = (text: string) => redactSecrets(text, secrets);
	const afterAttempts = attempts > 1 ? ` after ${attempts} attempts` : '';
	const target = `${request.method} ${SERVICE_ROOTS[request.service ?? 'flowservice']}${request.path.split('?')[0]}`;
	let message: string;
	let description: string | undefined;
	let errorCode: string | undefined;
	if (facts.status !== undefined) {
		const adobe = parseAdobeError(facts.body, facts.headers);
		errorCode = adobe.code;
		const codeText = adobe.code ? ` (${adobe.code})` : '';
		const title = adobe.title && adobe.title !== statusText(facts.status) ? `: ${adobe.title}` : '';
		message = `Adobe Experience Platform answered ${facts.status} ${statusText(facts.status)}${codeText}${title}${afterAttempts}`;
		description = [adobe.detail, hintFor(facts.status, adobe.code), `Request: ${target}`, adobe.requestId && `Request ID: ${adobe.requestId}`]
			.filter(Boolean)
			.join('\n');
	} else if (facts.transportCode !== undefined) {
		// The code goes in the description only: n8n swaps a message that names a socket error code for a generic one.
		errorCode = facts.transportCode;
		message = `Could not reach Adobe Experience Platform: ${TRANSPORT_WORDS[facts.transportCode] ?? 'connection failed'}${afterAttempts}`;
		description = `Request: ${target}\nCause: ${facts.transportCode}`;
	} else {
		message = facts.message;
		description = `Request: ${target}`;
	}
	// No `code` key: n8n would replace the message with a generic one for socket error codes.
	const sanitized: JsonObject = {
		message: clean(message),
		description: description ? clean(description) : null,
		httpCode: facts.status !== undefined ? String(facts.status) : null,
		adobeCode: errorCode ?? null,
	};
	return new NodeApiError(context.getNode(), sanitized, {
		message: sanitized.message as string,
		description: sanitized.description as string | undefined,
		httpCode: facts.status !== undefined ? String(facts.status) : undefined,
		itemIndex: request.itemIndex,
	});
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
