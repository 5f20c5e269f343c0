'use strict';

// Minimal method + path-pattern router ('/flows/:id/action').

function compile(pattern) {
  const names = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), names };
}

function createRouter() {
  const routes = [];

  function add(method, pattern, handler) {
    routes.push({ method, handler, ...compile(pattern) });
  }

  // Returns { handler, params }, { methodNotAllowed: true } or null.
  function match(method, path) {
    const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
    let pathMatched = false;
    for (const route of routes) {
      const m = route.regex.exec(normalized);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]);
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? { methodNotAllowed: true } : null;
  }

  const on = (method) => (pattern, handler) => add(method, pattern, handler);
  return { add, match, get: on('GET'), post: on('POST'), patch: on('PATCH'), put: on('PUT'), delete: on('DELETE') };
}

module.exports = { createRouter };
