'use strict';

// The failed rows of a source batch, made up on request: a batch keeps only its
// numbers (batches.js) and every row is rebuilt from a PRNG seeded by a hash of
// the batch id, the row's kind and its position. So the same batch always gives
// the same bytes, any file can be built alone, and the seeded run history
// (store.rng) is never drawn from.

const { createRandom } = require('./random');

// Row kinds in file order: parsing rows first, then conversion, then mapper rows.
const KINDS = ['parsing', 'conversion', 'mapper'];
const KIND_SALT = { parsing: 0x1b873593, conversion: 0x68e31da4, mapper: 0x3c6ef372 };
const PARSING_CODE = 'INGEST-1401-400';
const CONVERSION_CODE = 'INGEST-1555-400';
const SUMMARY_CODE = 'INGEST-1212-400';
const NO_DIAGNOSTICS_CODE = 'INGEST-1211-400';
const SAMPLE_ROWS = 10;

// The source columns every simulated row carries, with the XDM field each one maps to.
const COLUMNS = [
  { name: 'customerId', path: '/_acme/customerId', type: 'string' },
  { name: 'email', path: '/personalEmail/address', type: 'string', required: true },
  { name: 'firstName', path: '/person/name/firstName', type: 'string' },
  { name: 'lastName', path: '/person/name/lastName', type: 'string', required: true },
  { name: 'birthDate', path: '/person/birthDate', type: 'date' },
  { name: 'loyaltyPoints', path: '/_acme/loyalty/points', type: 'integer' },
  { name: 'country', path: '/homeAddress/countryCode', type: 'string' },
  { name: 'lastModified', path: '/_acme/lastModified', type: 'date-time' },
];
const COLUMN = Object.fromEntries(COLUMNS.map((c) => [c.name, c]));
const REQUIRED = COLUMNS.filter((c) => c.required);
const TYPED = COLUMNS.filter((c) => c.type !== 'string');
const BAD_VALUES = {
  date: ['14/03/1987', '1987-02-31', 'unknown', '03-14-87'],
  integer: ['n/a', '12.5', 'twelve', '1,200'],
  'date-time': ['yesterday', '2026-13-01T00:00:00Z', '1704067200x'],
};
const FIRST_NAMES = ['Jane', 'John', 'Maria', 'Wei', 'Aisha', 'Lukas', 'Sofia', 'Kenji', 'Olga', 'Pedro'];
const LAST_NAMES = ['Doe', 'Smith', 'Garcia', 'Chen', 'Khan', 'Müller', 'Rossi', 'Tanaka', 'Ivanova', 'Silva'];
const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'JP', 'BR', 'IN', 'ES'];

// FNV-1a over the batch id, then an integer mix per (kind, row).
function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(a, b) {
  let h = Math.imul(a ^ Math.imul(b + 0x7f4a7c15, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const pad2 = (n) => String(n).padStart(2, '0');

// How many rows of each kind a batch has: a MAPPER-* cause fails only in the mapper (an
// INGEST-1401-400 or INGEST-1555-400 cause only in parsing or conversion); anything else
// (INGEST-1212-400, partial success) is a seeded mix of parsing and conversion rows.
function kindCounts(entry) {
  const failed = entry.failedRecordCount;
  const counts = { parsing: 0, conversion: 0, mapper: 0 };
  if (failed <= 0) return counts;
  const only = /^MAPPER-/.test(entry.code || '') ? 'mapper'
    : entry.code === PARSING_CODE ? 'parsing'
    : entry.code === CONVERSION_CODE ? 'conversion'
    : null;
  if (only) {
    counts[only] = failed;
    return counts;
  }
  const rng = createRandom(hashString(entry.id));
  let parsing = Math.floor(failed * (0.1 + 0.5 * rng.float()));
  if (failed >= 2) parsing = Math.min(failed - 1, Math.max(1, parsing));
  counts.parsing = parsing;
  counts.conversion = failed - parsing;
  return counts;
}

// The batch's error files, in order: { name, kind, start (row of that kind), count }.
function fileLayout(entry, rowsPerFile) {
  const counts = kindCounts(entry);
  const files = [];
  for (const kind of KINDS) {
    for (let start = 0, j = 0; start < counts[kind]; start += rowsPerFile, j++) {
      files.push({ name: `${kind}_errors_${j}.json`, kind, start, count: Math.min(rowsPerFile, counts[kind] - start) });
    }
  }
  return files;
}

// Input file names: the source folder's (or table's) last name, numbered.
function inputBase(entry) {
  const ref = entry.sourceRef || {};
  const raw = String((ref.ids && ref.ids[0]) || '').replace(/\/+$/, '');
  const last = raw.split(/[/.]/).filter(Boolean).pop();
  const base = last ? last.toLowerCase().replace(/[^a-z0-9_-]+/g, '_') : entry.kind === 'streaming' ? 'stream' : 'data';
  return base;
}

function inputFiles(entry) {
  const ext = entry.kind === 'streaming' ? 'json' : 'csv';
  const base = inputBase(entry);
  const ref = entry.sourceRef || {};
  const folder = ref.type === 'Folder' ? String((ref.ids && ref.ids[0]) || '/').replace(/\/*$/, '/') : `${base}/`;
  return Array.from({ length: entry.inputFileCount }, (_, i) => {
    const name = `${base}_${pad2(i)}.${ext}`;
    return { name, body: `${JSON.stringify({ path: `${folder === '/' ? '' : folder}${name}` })}\n` };
  });
}

function fileName(entry, rng) {
  const files = Math.max(1, entry.inputFileCount);
  return `${inputBase(entry)}_${pad2(rng.int(0, files - 1))}.${entry.kind === 'streaming' ? 'json' : 'csv'}`;
}

// One good source record; `override` replaces some values (bad or missing ones).
function sourceValues(rng, override = {}) {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const values = {
    customerId: `C-${rng.int(100000, 999999)}`,
    email: `${first.toLowerCase()}.${last.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}${rng.int(1, 99)}@example.com`,
    firstName: first,
    lastName: last,
    birthDate: `19${rng.int(50, 99)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`,
    loyaltyPoints: String(rng.int(0, 25000)),
    country: rng.pick(COUNTRIES),
    lastModified: new Date(Date.UTC(2025, rng.int(0, 11), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59))).toISOString().replace('.000', ''),
  };
  return { ...values, ...override };
}

const csvValue = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function recordText(entry, values) {
  if (entry.kind === 'streaming') return JSON.stringify(values);
  return COLUMNS.map((c) => csvValue(values[c.name] ?? '')).join(',');
}

function parsingRow(entry, rng) {
  const values = sourceValues(rng);
  let text = recordText(entry, values);
  let problem;
  const variant = rng.int(0, 2);
  if (entry.kind === 'streaming') {
    text = text.slice(0, rng.int(10, text.length - 2));
    problem = 'the JSON record ends unexpectedly';
  } else if (variant === 0) {
    const cut = Math.max(0, text.indexOf(',', rng.int(0, 20)));
    text = `${text.slice(0, cut + 1)}"${text.slice(cut + 1)}`;
    problem = 'a quoted value is never closed';
  } else if (variant === 1) {
    text = `${text},${rng.int(1, 999)}`;
    problem = `the row has ${COLUMNS.length + 1} columns where the header has ${COLUMNS.length}`;
  } else {
    const parts = text.split(',');
    const keep = rng.int(3, COLUMNS.length - 2);
    text = parts.slice(0, keep).join(',');
    problem = `the row has ${keep} columns where the header has ${COLUMNS.length}`;
  }
  return {
    _corrupt_record: text,
    _errors: [{ code: PARSING_CODE, message: `Corrupted row: it could not be parsed because ${problem}.` }],
    _filename: fileName(entry, rng),
  };
}

function conversionRow(entry, rng) {
  let column;
  let value;
  let message;
  if (rng.chance(0.5)) {
    column = rng.pick(REQUIRED);
    value = '';
    message = `The required field ${column.path} (column ${column.name}) is missing or null.`;
  } else {
    column = rng.pick(TYPED);
    value = rng.pick(BAD_VALUES[column.type]);
    message = `The value '${value}' of column ${column.name} could not be converted to the type ${column.type} of ${column.path}.`;
  }
  const text = recordText(entry, sourceValues(rng, { [column.name]: value }));
  return {
    _corrupt_record: text,
    _errors: [{ code: CONVERSION_CODE, message, column: column.name, path: column.path }],
    _filename: fileName(entry, rng),
  };
}

// Mapper rows fail on the column the cause's expression names (birthDate for to_date(birthDate, ...)).
function mapperRow(entry, rng) {
  const named = /\(\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(entry.message || '');
  const column = (named && COLUMN[named[1]]) || COLUMN.birthDate;
  const value = rng.pick(BAD_VALUES[column.type] || BAD_VALUES.date);
  const cause = String(entry.message || 'Mapper Transform Error.').replace(/\.\s*$/, '');
  return {
    _corrupt_record: recordText(entry, sourceValues(rng, { [column.name]: value })),
    _errors: [{ code: entry.code, message: `${cause} for the value '${value}'.`, column: column.name, path: column.path }],
    _filename: fileName(entry, rng),
  };
}

const BUILDERS = { parsing: parsingRow, conversion: conversionRow, mapper: mapperRow };

// Row `index` (0-based) of the given kind.
function row(entry, kind, index) {
  const rng = createRandom(mix(hashString(entry.id) ^ KIND_SALT[kind], index));
  return BUILDERS[kind](entry, rng);
}

function fileRows(entry, file) {
  const rows = new Array(file.count);
  for (let i = 0; i < file.count; i++) rows[i] = row(entry, file.kind, file.start + i);
  return rows;
}

const jsonLines = (rows) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

// The first `limit` rows in file order (without building the rest).
function firstRows(entry, limit = SAMPLE_ROWS) {
  const counts = kindCounts(entry);
  const out = [];
  for (const kind of KINDS) {
    for (let i = 0; i < counts[kind] && out.length < limit; i++) out.push(row(entry, kind, i));
  }
  return out;
}

// Catalog `errors[]` of the batch.
function catalogErrors(entry) {
  const failed = entry.failedRecordCount;
  if (failed <= 0) return [];
  const ingested = Math.max(0, entry.inputRecordCount - failed);
  if (!entry.diagnostics) {
    return [{
      code: NO_DIAGNOSTICS_CODE,
      description: `Row errors were found in the data (${failed} rows failed), but error diagnostics were not enabled for this batch. Resend the data with error diagnostics enabled to see which rows failed and why.`,
    }];
  }
  const counts = kindCounts(entry);
  const errors = [{
    code: SUMMARY_CODE,
    description: `Encountered ${failed} errors in the data. Successfully ingested ${ingested} rows. Review the associated diagnostics for details.`,
  }];
  if (counts.parsing) errors.push({ code: PARSING_CODE, description: 'Corrupted rows: the rows could not be parsed.', recordCount: counts.parsing });
  if (counts.conversion) errors.push({ code: CONVERSION_CODE, description: 'A required field is missing or null, or a value could not be converted to the type of its field.', recordCount: counts.conversion });
  if (counts.mapper) errors.push({ code: entry.code, description: entry.message || 'Mapper Transform Error.', recordCount: counts.mapper });
  return errors;
}

module.exports = { KINDS, SAMPLE_ROWS, kindCounts, fileLayout, fileRows, firstRows, jsonLines, inputFiles, catalogErrors, hashString };
