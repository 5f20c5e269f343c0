'use strict';

// Continuation tokens: opaque text that carries the position of the next page and a hash of the
// query that produced it. A token sent with different filters/orderby/limit is rejected, which
// forces clients to re-send the original parameters on every page.
//
// Paging styles: 'adobe' (the default) is Adobe's documented shape, an unpadded URL-safe token and
// `_links.next.href: /<resource>?continuationToken=<token>`; 'stress' pads the token with '=' (and
// may hold '+' and '/') and adds `&limit=` to the href, for the tests of clients' token handling.

const crypto = require('node:crypto');
const { badRequest } = require('../engine/errors');

function queryHash(resource, filters, orderby, limit) {
  const canonical = JSON.stringify([resource, [...filters].map((f) => f.trim()).sort(), orderby || '', limit]);
  return crypto.createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

const PAGING_STYLES = ['adobe', 'stress'];

function encodeToken(state, style = 'adobe') {
  let json = JSON.stringify(state);
  if (style === 'adobe') return Buffer.from(json, 'utf8').toString('base64url');
  // base64 has no padding when the length is a multiple of 3.
  if (json.length % 3 === 0) json += ' ';
  return Buffer.from(json, 'utf8').toString('base64');
}

function decodeToken(token, expectedHash) {
  let state;
  try {
    // A raw '+' in a query string arrives as a space.
    state = JSON.parse(Buffer.from(String(token).replace(/ /g, '+'), 'base64').toString('utf8'));
  } catch {
    state = null;
  }
  if (!state || typeof state !== 'object' || !Number.isInteger(state.o) || !Number.isInteger(state.s) || typeof state.h !== 'string') {
    throw badRequest(1452, `Invalid value ${token} for field continuationToken.`);
  }
  if (state.h !== expectedHash) {
    throw badRequest(
      1452,
      'Invalid value for field continuationToken: it was issued for different query parameters. ' +
        'Send the same property, orderby and limit parameters as the first request.',
    );
  }
  return state;
}

// The keyset cursor (position after the last item of an index walk), kept compact in the token.
const cursorTo = (after) => (after ? { a: [after.path, after.desc ? 1 : 0, after.k, after.seq] } : {});

function cursorFrom(state) {
  if (!Array.isArray(state.a) || state.a.length !== 4) return null;
  const [path, desc, k, seq] = state.a;
  return { path, desc: desc === 1, k, seq };
}

function nextLink(resourcePath, token, limit, style = 'adobe') {
  const href = `/${resourcePath}?continuationToken=${encodeURIComponent(token)}`;
  return { next: { href: style === 'stress' ? `${href}&limit=${limit}` : href } };
}

module.exports = { PAGING_STYLES, queryHash, encodeToken, decodeToken, cursorTo, cursorFrom, nextLink };
