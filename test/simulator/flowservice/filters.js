'use strict';

// `property=` filters and `orderby`, as Flow Service documents them:
// path{op}value with ==, >, <, >=, <=; a comma in the value is an OR (== only);
// repeated filters are ANDed; dotted paths and [] array paths; strings compare
// case-insensitively, numbers numerically, booleans as true/false.

const { badRequest } = require('../engine/errors');
const { isTimeField, EQUALITY_ONLY } = require('./resources');

const OPERATORS = new Set(['==', '>=', '<=', '>', '<']);
const NOT_IMPLEMENTED = new Set(['~', '!=', '=', '=~', '!~', '*=', '^=', '$=']);
const PATH_CHARS = /^[A-Za-z0-9_.$@[\]-]*/;
const OPERATOR_CHARS = /^[=<>!~*^$%|&]*/;

const splitPath = (path) => path.split('.').map((segment) => segment.replace(/\[\]$/, ''));

// All leaf values at a path; arrays anywhere along the way are walked (with or without []).
function valuesAt(obj, segments) {
  const out = [];
  (function walk(value, i) {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const element of value) walk(element, i);
      return;
    }
    if (i === segments.length) {
      out.push(value);
      return;
    }
    if (typeof value === 'object') walk(value[segments[i]], i + 1);
  })(obj, 0);
  return out;
}

// First value at a path without walking arrays; used for sort keys and index keys.
function valueAt(obj, segments) {
  let value = obj;
  for (const segment of segments) {
    if (value === undefined || value === null) return undefined;
    value = value[segment];
  }
  return value;
}

function compileValue(raw) {
  const trimmed = raw.trim();
  const num = trimmed === '' ? NaN : Number(trimmed);
  return { raw: trimmed, lower: trimmed.toLowerCase(), num };
}

function compare(op, leaf, value) {
  let diff;
  if (typeof leaf === 'number') {
    if (Number.isNaN(value.num)) return false;
    diff = leaf - value.num;
  } else if (typeof leaf === 'boolean') {
    if (op !== '==') return false;
    return String(leaf) === value.lower;
  } else if (typeof leaf === 'string') {
    if (op === '==') return leaf.toLowerCase() === value.lower;
    const leafNum = Number(leaf);
    if (leaf.trim() !== '' && !Number.isNaN(leafNum) && !Number.isNaN(value.num)) diff = leafNum - value.num;
    else diff = leaf.toLowerCase().localeCompare(value.lower);
  } else {
    return false;
  }
  switch (op) {
    case '==': return diff === 0;
    case '>': return diff > 0;
    case '<': return diff < 0;
    case '>=': return diff >= 0;
    default: return diff <= 0;
  }
}

function parseFilter(raw, def) {
  const text = String(raw);
  const rawPath = PATH_CHARS.exec(text)[0];
  const rest = text.slice(rawPath.length);
  const op = OPERATOR_CHARS.exec(rest)[0];
  const valueText = rest.slice(op.length);

  if (!rawPath || !op) throw badRequest(1453, `Invalid query value ${text} provided in query param.`);
  if (!OPERATORS.has(op)) {
    if (NOT_IMPLEMENTED.has(op)) throw badRequest(1440, `Operator '${op}' not implemented.`);
    throw badRequest(1450, `Invalid operator ${op} in filter params.`);
  }
  if (valueText.trim() === '') throw badRequest(1453, `Invalid query value ${text} provided in query param.`);

  const topField = rawPath.split('.')[0].replace(/\[\]$/, '');
  if (!def.fieldSet.has(topField)) throw badRequest(1449, `Invalid field ${topField} in filter params.`);
  const path = def.aliases[rawPath] || rawPath.replace(/\[\]/g, '');

  const parts = valueText.split(',');
  if (parts.some((part) => part.trim() === '')) throw badRequest(1452, `Invalid value ${valueText} for field ${rawPath}.`);
  if (parts.length > 1 && op !== '==') throw badRequest(1443, `Operator '${op}' is not allowed for multiple values.`);
  if (op !== '==' && EQUALITY_ONLY.has(path)) throw badRequest(1448, `Operator ${op} not supported for field ${path}.`);
  const values = parts.map(compileValue);
  if (isTimeField(path) && values.some((value) => Number.isNaN(value.num))) {
    throw badRequest(1452, `Invalid value ${valueText} for field ${rawPath}.`);
  }

  const segments = splitPath(path);
  return {
    raw: text,
    path,
    op,
    values,
    test(item) {
      const leaves = valuesAt(item, segments);
      for (const leaf of leaves) {
        for (const value of values) if (compare(op, leaf, value)) return true;
      }
      return false;
    },
  };
}

// orderby=name | +name | -name, comma-separated. A '+' arrives decoded as a space.
function parseOrderBy(raw, def) {
  if (raw === undefined) return [];
  const text = Array.isArray(raw) ? raw.join(',') : String(raw);
  return text.split(',').map((token) => {
    let field = token;
    let desc = false;
    if (/^[+ ]/.test(field)) field = field.slice(1);
    else if (field.startsWith('-')) {
      desc = true;
      field = field.slice(1);
    }
    field = field.trim();
    if (/^[+-]|[+-]$/.test(field)) {
      throw badRequest(1432, 'Sort order specified is not correct, prepend + for ascending order and - for descending order in the fieldName.');
    }
    const top = field.split('.')[0].replace(/\[\]$/, '');
    if (!/^[A-Za-z_][\w.[\]]*$/.test(field) || !def.fieldSet.has(top)) {
      throw badRequest(1433, `Incorrect field= ${field} passed in orderBy, example are +name, -name, name.`);
    }
    const path = def.aliases[field] || field.replace(/\[\]/g, '');
    return { path, desc, segments: splitPath(path) };
  });
}

// Comparator for an orderby list; missing values sort last; ties by insertion sequence.
function comparator(sort) {
  const firstDesc = sort.length > 0 && sort[0].desc;
  return (ra, rb) => {
    for (const { segments, desc } of sort) {
      const a = valueAt(ra.item, segments);
      const b = valueAt(rb.item, segments);
      if (a === b) continue;
      if (a === undefined || a === null) return 1;
      if (b === undefined || b === null) return -1;
      let diff;
      if (typeof a === 'number' && typeof b === 'number') diff = a - b;
      else diff = String(a).toLowerCase().localeCompare(String(b).toLowerCase());
      if (diff !== 0) return desc ? -diff : diff;
    }
    return firstDesc ? rb.seq - ra.seq : ra.seq - rb.seq;
  };
}

module.exports = { parseFilter, parseOrderBy, comparator, valueAt, splitPath };
