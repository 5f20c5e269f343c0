'use strict';

// Platform routes (everything under /data/): gateway checks, then the Flow
// Service, Connectors (Data Landing Zone), Catalog or Data Access route.

const { createRouter } = require('./router');
const { ApiError, badRequest, flowError, gatewayError } = require('./errors');
const { authenticate, resolveSandbox, requireJsonBody } = require('./gateway');
const { actorFor } = require('../flowservice/entities');

const FLOW_ROUTES = [
  require('../flowservice/routes/connections'),
  require('../flowservice/routes/connectionSpecs'),
  require('../flowservice/routes/sourceConnections'),
  require('../flowservice/routes/targetConnections'),
  require('../flowservice/routes/flows'),
  require('../flowservice/routes/flowSpecs'),
  require('../flowservice/routes/runs'),
];

function serviceRouter(modules) {
  const router = createRouter();
  for (const routes of modules) routes.register(router);
  return router;
}

const SERVICES = [
  { prefix: '/data/foundation/flowservice', router: serviceRouter(FLOW_ROUTES) },
  { prefix: '/data/foundation/connectors', router: serviceRouter([require('../connectors/landingZone')]) },
  { prefix: '/data/foundation/catalog', router: serviceRouter([require('../catalog/routes')]) },
  { prefix: '/data/foundation/export', router: serviceRouter([require('../dataaccess/routes')]) },
];

function parseJson(text) {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(1405, `The request body is not valid JSON: ${err.message}`);
  }
}

// request: { method, path, query, headers, bodyText, requestId }
function createPlatform({ store, runEngine, clock, ims, batches }) {
  return function handle(request) {
    const service = SERVICES.find((s) => request.path === s.prefix || request.path.startsWith(`${s.prefix}/`));
    if (!service) throw gatewayError(404, '404010', 'Not Found');
    const session = authenticate(request.headers, ims);
    const sandbox = resolveSandbox(request.headers, store);
    requireJsonBody(request.method, request.headers, request.bodyText);
    const body = parseJson(request.bodyText);

    const match = service.router.match(request.method, request.path.slice(service.prefix.length) || '/');
    if (!match) throw flowError(1101, 404, 'The requested resource is not found.');
    if (match.methodNotAllowed) {
      throw new ApiError(405, { type: '/placeholder/type/uri', status: 405, title: 'MethodNotAllowed', detail: `Method ${request.method} is not supported on ${request.path}` }, { contentType: 'application/problem+json' });
    }
    return match.handler({
      ...request,
      body,
      params: match.params,
      sandbox,
      session,
      actor: actorFor(session.clientId),
      now: clock.now(),
      store,
      runEngine,
      batches,
      serviceRoot: service.prefix,
      // Links to this simulator (Data Access hrefs) use the address the client called.
      origin: `http://${request.headers.host || 'localhost'}`,
    });
  };
}

module.exports = { createPlatform };
