import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { headerValue } from './headers';

/** What an Adobe error response says, whichever of its documented shapes it uses. */
export interface AdobeErrorDetails {
	/** Adobe's code, e.g. FLOW-1439-404 from a Flow Service body or 401013 from the I/O gateway. */
	code?: string;
	title?: string;
	detail?: string;
	requestId?: string;
}

const STATUS_TEXT: Record<number, string> = {
	200: 'OK',
	201: 'Created',
	202: 'Accepted',
	204: 'No Content',
	301: 'Moved Permanently',
	302: 'Found',
	303: 'See Other',
	307: 'Temporary Redirect',
	308: 'Permanent Redirect',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	412: 'Precondition Failed',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/** Whether an error is Adobe's 404 as the transport reports it (a NodeApiError with httpCode 404). */
export function isNotFoundError(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

export function httpStatusText(status: number): string {
	return STATUS_TEXT[status] ?? 'Error';
}

function asObject(body: unknown): IDataObject | undefined {
	if (typeof body === 'string') {
		try {
			return asObject(JSON.parse(body));
		} catch {
			return undefined;
		}
	}
	if (Array.isArray(body)) return asObject(body[0]);
	return body !== null && typeof body === 'object' ? (body as IDataObject) : undefined;
}

function firstText(...values: unknown[]): string | undefined {
	for (const value of values) {
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/**
 * Reads the documented Adobe error shapes: Flow Service problem bodies (type/title/report),
 * older errorMessage/errorDetails bodies, gateway error_code/message bodies and IMS OAuth bodies.
 */
export function parseAdobeError(body: unknown, headers?: IDataObject): AdobeErrorDetails {
	const error = asObject(body);
	if (!error) return { requestId: headerValue(headers, 'x-request-id') };
	const report = asObject(error.report);
	const typeCode = typeof error.type === 'string' ? /([A-Z]+-\d+-\d{3})\/?$/.exec(error.type)?.[1] : undefined;
	return {
		code: firstText(typeCode, error.error_code, error.code, error.error),
		title: firstText(error.title),
		detail: firstText(
			error.detail,
			report?.['detailed-message'],
			error.errorMessage,
			error.message,
			error.error_description,
			error.errorDetails,
		),
		requestId: firstText(report?.['request-id'], error.requestId, headerValue(headers, 'x-request-id')),
	};
}

/** The message shown when Adobe IMS refuses to issue a token: IMS's own reason, never the request. */
export function describeImsFailure(status: number, body: unknown): string {
	const { code, detail } = parseAdobeError(body);
	const reason = detail ?? 'no reason given';
	const codeText = code ? ` (${code})` : '';
	const hint =
		code === 'invalid_scope'
			? ' Copy the scopes from the credential page in Adobe Developer Console.'
			: status === 400 || status === 401
				? ' Check the Client ID and Client Secret of the OAuth Server-to-Server credential.'
				: '';
	return `Adobe IMS refused to issue an access token: ${status} ${httpStatusText(status)}: ${reason}${codeText}.${hint}`;
}

/** The message shown when the token request was answered with a redirect, which is never followed. */
export function describeImsRedirect(status: number, location: unknown, requestUrl: string): string {
	const where = redirectTarget(location, requestUrl);
	return `Adobe IMS answered ${status} ${httpStatusText(status)}, a redirect to ${where}, which is not followed: the token request (with the client secret) was not sent there. Check the IMS URL of the credential and any proxy between n8n and Adobe.`;
}

/** Where a redirect pointed, without its query string (it may hold a signature or a token). */
export function redirectTarget(location: unknown, requestUrl: string): string {
	if (typeof location !== 'string' || location === '') return 'no Location given';
	try {
		const target = new URL(location, requestUrl);
		return `${target.origin}${target.pathname}`;
	} catch {
		return 'an unreadable Location';
	}
}
