'use strict';

// Runs a list query against a Collection. Picks the cheapest access path:
// an id/hash lookup, a binary-searched range of a sorted index, or a walk of
// the index that already matches the requested order (stopping after one page).

const { comparator } = require('./filters');

const DEFAULT_SORT = [{ path: 'createdAt', desc: true, segments: ['createdAt'] }];
const BOUND_OPS = new Set(['>', '>=', '<', '<=', '==']);

function rangeOf(index, filters) {
  let lo = 0;
  let hi = index.size;
  for (const f of filters) {
    const v = f.values[0].num;
    if (f.op === '>') lo = Math.max(lo, index.upperBound(v));
    else if (f.op === '>=') lo = Math.max(lo, index.lowerBound(v));
    else if (f.op === '<') hi = Math.min(hi, index.lowerBound(v));
    else if (f.op === '<=') hi = Math.min(hi, index.upperBound(v));
    else {
      lo = Math.max(lo, index.lowerBound(v));
      hi = Math.min(hi, index.upperBound(v));
    }
  }
  return { lo, hi: Math.max(lo, hi), size: Math.max(0, hi - lo) };
}

function* chain(iterables) {
  for (const iterable of iterables) yield* iterable;
}

function candidatesFor(coll, filters) {
  const sets = [];
  const ranges = new Map();
  for (const f of filters) {
    if (f.op !== '==') continue;
    if (f.path === 'id') {
      const recs = new Set();
      for (const v of f.values) {
        const rec = coll.record(v.raw) || coll.record(v.lower);
        if (rec) recs.add(rec);
      }
      sets.push({ kind: 'set', records: recs, size: recs.size });
    } else if (coll.hashed.has(f.path)) {
      // Buckets are disjoint (one value per record), so they are chained, not copied.
      const buckets = [...new Set(f.values.map((v) => v.lower))].map((value) => coll.bucket(f.path, value));
      const records = buckets.length === 1 ? buckets[0] : chain(buckets);
      sets.push({ kind: 'set', records, size: buckets.reduce((n, b) => n + b.size, 0) });
    }
  }
  for (const [path, { index }] of coll.sorted) {
    const bounded = filters.filter((f) => f.path === path && BOUND_OPS.has(f.op) && f.values.length === 1);
    if (bounded.length) ranges.set(path, { kind: 'range', path, index, bounded, ...rangeOf(index, bounded) });
  }
  return { sets, ranges };
}

function smallest(candidates) {
  return candidates.reduce((best, c) => (!best || c.size < best.size ? c : best), null);
}

function count(coll, filters, maxSeq) {
  const { sets, ranges } = candidatesFor(coll, filters);
  const best = smallest([...sets, ...ranges.values()]);
  if (best && best.kind === 'range' && maxSeq >= coll.lastSeq && filters.every((f) => best.bounded.includes(f))) {
    return best.size;
  }
  let n = 0;
  const test = (rec) => rec.seq <= maxSeq && filters.every((f) => f.test(rec.item));
  if (!best) for (const rec of coll.records.values()) n += test(rec) ? 1 : 0;
  else if (best.kind === 'set') for (const rec of best.records) n += test(rec) ? 1 : 0;
  else for (let i = best.lo; i < best.hi; i++) n += test(best.index.recs[i]) ? 1 : 0;
  return n;
}

// page: { offset, after: { path, desc, k, seq } | null, limit, maxSeq }
function list(coll, filters, sort, page) {
  const effectiveSort = sort.length ? sort : DEFAULT_SORT;
  const { offset = 0, after = null, limit, maxSeq = Infinity } = page;
  const { sets, ranges } = candidatesFor(coll, filters);
  const best = smallest([...sets, ...ranges.values()]);
  const matches = (rec) => rec.seq <= maxSeq && filters.every((f) => f.test(rec.item));

  const orderPath = effectiveSort.length === 1 ? effectiveSort[0].path : null;
  const ordered = orderPath && coll.sorted.get(orderPath);
  if (ordered) {
    // Records without the key sort last; a range filter on the field excludes them anyway.
    const bounded = ranges.get(orderPath);
    const range = bounded || rangeOf(ordered.index, []);
    const tail = bounded ? null : ordered.missing;
    const size = range.size + (tail ? tail.size : 0);
    // Expected scan to fill a page, assuming matches are spread evenly.
    const need = offset + limit + 1;
    const expected = best ? Math.min(size, (need * coll.size) / Math.max(1, best.size)) : need;
    if (!best || best === bounded || expected <= best.size * 2) {
      return walk(ordered.index, range, tail, effectiveSort[0].desc, orderPath, { offset, after, limit, matches });
    }
  }

  const source = !best ? coll.records.values() : best.kind === 'set' ? best.records : rangeRecords(best);
  const found = [];
  for (const rec of source) if (matches(rec)) found.push(rec);
  found.sort(comparator(effectiveSort));
  const pageRecs = found.slice(offset, offset + limit);
  return {
    items: pageRecs.map((rec) => rec.item),
    hasMore: found.length > offset + limit,
    next: { offset: offset + pageRecs.length, after: null },
  };
}

function* rangeRecords(range) {
  for (let i = range.lo; i < range.hi; i++) yield range.index.recs[i];
}

// Index entries of the range in sort order, resuming after a keyset cursor,
// then the records lacking the key (k: null), by insertion order.
function* inOrder(index, range, tail, desc, cursor) {
  const { keys, recs } = index;
  const inTail = cursor && cursor.k === null;
  if (!inTail) {
    let i;
    if (desc) i = cursor ? Math.min(range.hi, index.lowerBound(cursor.k, cursor.seq)) - 1 : range.hi - 1;
    else i = cursor ? Math.max(range.lo, index.upperBound(cursor.k, cursor.seq)) : range.lo;
    const step = desc ? -1 : 1;
    for (; i >= range.lo && i < range.hi; i += step) yield [keys[i], recs[i]];
  }
  if (!tail || tail.size === 0) return;
  const rest = [...tail].sort((a, b) => (desc ? b.seq - a.seq : a.seq - b.seq));
  for (const rec of rest) {
    if (inTail && (desc ? rec.seq >= cursor.seq : rec.seq <= cursor.seq)) continue;
    yield [null, rec];
  }
}

function walk(index, range, tail, desc, path, { offset, after, limit, matches }) {
  const cursor = after && after.path === path && after.desc === desc ? after : null;
  let skip = cursor ? 0 : offset;
  const items = [];
  let last = null;
  let hasMore = false;
  for (const [k, rec] of inOrder(index, range, tail, desc, cursor)) {
    if (!matches(rec)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    if (items.length === limit) {
      hasMore = true;
      break;
    }
    items.push(rec.item);
    last = { path, desc, k, seq: rec.seq };
  }
  return { items, hasMore, next: { offset: offset + items.length, after: last || after } };
}

module.exports = { list, count };
