'use strict';

// Error bodies in the shapes Adobe actually returns: Flow Service problem bodies
// (type/title/status/report/errorMessage/errorDetails), I/O gateway bodies
// ({error_code, message}) and the gateway's problem+json content-type error.

const FLOW_TITLES = {
  1101: 'Resource not found',
  1102: 'Internal Error',
  1103: 'Service Unavailable',
  1104: 'Gateway Timeout',
  1403: 'Header is missing',
  1404: 'Version not matching',
  1439: 'Resource not found',
  2000: 'Invalid authorization token',
  2100: 'Sandbox not found',
  2105: 'Header is missing',
  2119: 'Query parameter missing',
  2120: 'Forbidden',
};

class ApiError extends Error {
  // body may be a function of the request id, so error bodies can carry it.
  constructor(status, body, { headers = {}, contentType = 'application/json' } = {}) {
    super(typeof body === 'object' && body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.contentType = contentType;
  }

  render(requestId) {
    return typeof this.body === 'function' ? this.body(requestId) : this.body;
  }
}

function flowBody(code, status, message, { title, report = {}, errorMessage, requestId } = {}) {
  return {
    type: `https://ns.adobe.com/aep/errors/FLOW-${code}-${status}`,
    title: title || FLOW_TITLES[code] || 'Invalid request',
    status,
    report: { 'detailed-message': message, ...report, 'request-id': requestId },
    errorMessage: errorMessage || message,
    errorDetails: message,
  };
}

function flowError(code, status, message, options = {}) {
  return new ApiError(status, (requestId) => flowBody(code, status, message, { ...options, requestId }));
}

const badRequest = (code, message, options) => flowError(code, 400, message, options);

// Payload validation problems; report.field names the offending field.
const invalidField = (field, message) =>
  badRequest(1455, `An error has occurred while validating the request: ${message}`, { report: { field } });

function notFound(resourceType, id) {
  const message = `The requested ${resourceType} resource ${id} is not found. Verify the resource ID before trying again.`;
  return flowError(1439, 404, message, { report: { id, type: resourceType } });
}

function gatewayError(status, errorCode, message) {
  return new ApiError(status, { error_code: errorCode, message });
}

function contentTypeError() {
  return new ApiError(
    400,
    { type: '/placeholder/type/uri', status: 400, title: 'BadRequestError', detail: 'A valid content-type must be specified' },
    { contentType: 'application/problem+json' },
  );
}

// Default bodies for injected faults.
function faultBody(status) {
  if (status === 429) return { error_code: '429050', message: 'Too many requests' };
  if (status === 401) return { error_code: '401013', message: 'Oauth token is not valid' };
  const byStatus = {
    500: [1102, 'An internal error has occurred. Please try again. If the problem persists, please contact customer support.'],
    502: [1102, 'An internal error has occurred. Please try again. If the problem persists, please contact customer support.'],
    503: [1103, 'The service is temporarily unavailable. Please try again. If the problem persists, please contact customer support.'],
    504: [1104, 'A gateway timeout has occurred. Please try again. If the problem persists, please contact customer support.'],
    403: [2120, 'You do not have sufficient permissions to perform the operation. Please contact your administrator to resolve permissions and try again.'],
  };
  const [code, message] = byStatus[status] || [1102, `Injected failure with status ${status}.`];
  return (requestId) => flowBody(code, status, message, { requestId });
}

module.exports = {
  ApiError,
  flowError,
  badRequest,
  invalidField,
  notFound,
  gatewayError,
  contentTypeError,
  faultBody,
};
