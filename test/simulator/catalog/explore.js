'use strict';

// Answers for /connections/{id}/explore and /connectionSpecs/{id}/explore:
// a small file tree for cloud-storage sources, tables for CRM and database
// sources, and previews of files and tables. Files uploaded to the Data
// Landing Zone (see ../blob.js) join its tree and preview their own content.

const zlib = require('node:zlib');
const { badRequest, flowError } = require('../errors');
const { first, isTrue } = require('../http');
const specs = require('./specs');

const SAMPLE = {
  columns: [
    ['id', 'string'], ['firstName', 'string'], ['lastName', 'string'], ['email', 'string'],
    ['loyaltyTier', 'string'], ['lifetimeValue', 'double'], ['updatedAt', 'string'],
  ],
  rows: [
    ['C-10001', 'Ava', 'Martin', 'ava.martin@example.com', 'gold', '1820.5', '2026-01-04T22:10:00Z'],
    ['C-10002', 'Noah', 'Bernard', 'noah.bernard@example.com', 'silver', '640.0', '2026-01-04T22:11:30Z'],
    ['C-10003', 'Mia', 'Dubois', 'mia.dubois@example.com', 'bronze', '95.25', '2026-01-04T22:13:02Z'],
  ],
};

const TREES = {
  [specs.SPEC_IDS.dlzSource]: { root: 'dlz-user-container', files: ['account.csv', 'receipts/2026-01-04.csv', 'receipts/2026-01-05.csv', 'callcenter/calls.json'] },
  default: { root: 'acme-exports', files: ['customers.csv', 'orders/orders_2026-01-04.csv', 'orders/orders_2026-01-05.csv', 'loyalty/points.json'] },
};

const TABLES = {
  [specs.SPEC_IDS.salesforce]: ['Account', 'Contact', 'Lead', 'Opportunity', 'Case', 'CampaignMember'],
  [specs.SPEC_IDS.bigQuery]: ['analytics_301.events', 'finance.transactions', 'billing.subscriptions'],
};

const entry = (type, name, path) => ({ type, name, path, canPreview: type !== 'folder', canFetchSchema: type !== 'folder' });

// uploads: Map of "<root>/<path>" to uploaded blobs, listed next to the fixed files.
function listFolder(tree, folder, uploads = new Map()) {
  const prefix = folder ? `${folder.replace(/^\/+|\/+$/g, '')}/` : `${tree.root}/`;
  const seen = new Map();
  const files = new Set([...tree.files.map((f) => `${tree.root}/${f}`), ...uploads.keys()]);
  for (const file of files) {
    if (!file.startsWith(prefix)) continue;
    const [name, ...rest] = file.slice(prefix.length).split('/');
    const path = `${prefix}${name}`;
    if (!seen.has(path)) seen.set(path, entry(rest.length ? 'folder' : 'file', name, path));
  }
  return [...seen.values()];
}

function preview(properties) {
  return {
    format: 'flat',
    schema: { columns: SAMPLE.columns.map(([name, type]) => ({ name, type, xdm: { type: type === 'double' ? 'number' : 'string' } })) },
    data: SAMPLE.rows.map((row) => Object.fromEntries(row.map((v, i) => [SAMPLE.columns[i][0], v]))),
    ...(properties ? { properties: { fileType: 'delimited', compressionType: 'None', columnDelimiter: ',' } } : {}),
  };
}

const PREVIEW_ROWS = 100;
const DELIMITERS = [',', ';', '\t', '|'];

// One delimited line, with double-quoted fields ("" escapes a quote).
function splitLine(line, delimiter) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

const columnType = (values) => {
  const present = values.filter((v) => v !== '' && v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === 'boolean' || /^(true|false)$/i.test(String(v)))) return ['boolean', 'boolean'];
  if (present.length && present.every((v) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))))) {
    return present.every((v) => Number.isInteger(Number(v))) ? ['integer', 'integer'] : ['double', 'number'];
  }
  if (present.length && present.every((v) => Array.isArray(v))) return ['array', 'array'];
  if (present.length && present.every((v) => typeof v === 'object')) return ['object', 'object'];
  return ['string', 'string'];
};

const schemaOf = (names, rows) => ({
  columns: names.map((name) => {
    const [type, xdmType] = columnType(rows.map((row) => row[name]));
    return { name, type, xdm: { type: xdmType } };
  }),
});

function unreadable(path, fileType) {
  return badRequest(1452, `The file ${path} could not be read as ${fileType}. Check the file type and the file properties and try again.`);
}

function parseDelimited(path, text, delimiter) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw unreadable(path, 'delimited');
  const names = splitLine(lines[0], delimiter).map((name) => name.trim());
  const rows = lines.slice(1, PREVIEW_ROWS + 1).map((line) => {
    const values = splitLine(line, delimiter);
    return Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
  });
  return { names, rows };
}

function parseJson(path, text) {
  let records;
  try {
    const parsed = JSON.parse(text);
    records = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    // JSON Lines: one object per line.
    try {
      records = text.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
    } catch {
      throw unreadable(path, 'json');
    }
  }
  if (records.length === 0 || records.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) throw unreadable(path, 'json');
  const names = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return { names, rows: records.slice(0, PREVIEW_ROWS) };
}

const detectDelimiter = (headerLine) =>
  DELIMITERS.reduce((best, d) => (headerLine.split(d).length > headerLine.split(best).length ? d : best), ',');

// The preview of an uploaded file, parsed with the given properties or detected ones.
function previewUpload(path, blob, query, determineProperties) {
  const gzipped = blob.content.length > 2 && blob.content[0] === 0x1f && blob.content[1] === 0x8b;
  const compressionType = String(first(query.compressionType) ?? first(query.CompressionType) ?? '').toLowerCase();
  let content = blob.content;
  if (gzipped && (determineProperties || compressionType === 'gzip')) content = zlib.gunzipSync(content);
  else if (gzipped || compressionType === 'gzip') throw unreadable(path, compressionType === 'gzip' ? 'gzip' : 'uncompressed data');
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const explicitType = String(first(query.fileType) ?? first(query.FileType) ?? '').toLowerCase();
  const fileType = determineProperties ? (/^\s*[[{]/.test(text) ? 'json' : 'delimited') : explicitType;
  if (fileType === 'parquet') throw unreadable(path, 'parquet');
  if (!['delimited', 'json'].includes(fileType)) throw badRequest(1452, `Invalid value ${explicitType} for field fileType. Allowed values are [delimited, json, parquet].`);
  const delimiter = fileType === 'delimited' ? (first(query.columnDelimiter) || detectDelimiter(text.split(/\r?\n/)[0])) : undefined;
  const { names, rows } = fileType === 'json' ? parseJson(path, text) : parseDelimited(path, text, delimiter);
  const preview = { format: fileType === 'json' ? 'hierarchical' : 'flat', schema: schemaOf(names, rows), data: rows };
  if (determineProperties) {
    preview.properties = { fileType, compressionType: gzipped ? 'gzip' : 'None', ...(delimiter ? { columnDelimiter: delimiter } : {}) };
  }
  return preview;
}

// query: the request's query parameters (docs use lower camel case, the spec FileType/CompressionType).
// uploads: files uploaded to this source's storage (Data Landing Zone), by full path.
function explore(specId, query, options = {}) {
  const uploads = specId === specs.SPEC_IDS.dlzSource && options.uploads ? options.uploads : new Map();
  const objectType = String(first(query.objectType) || '').toLowerCase();
  const object = first(query.object);
  const fileType = first(query.fileType) ?? first(query.FileType);
  const determineProperties = isTrue(query.determineProperties);
  if (!objectType) {
    throw flowError(2119, 400, 'The request context does not contain the required query parameter objectType. Please provide the missing query parameter and try again.');
  }
  const spec = specs.connectionSpec(specId);
  const category = spec ? spec.attributes.category : '';
  const tables = TABLES[specId];

  if (objectType === 'root') {
    if (tables) return tables.map((t) => entry('table', t, t));
    if (category === 'CloudStorage') return listFolder(TREES[specId] || TREES.default, undefined, uploads);
    return [];
  }
  if (!['folder', 'file', 'table', 'rest'].includes(objectType)) {
    throw badRequest(1452, `Invalid value ${first(query.objectType)} for field objectType.`);
  }
  if (!object) {
    throw flowError(2119, 400, 'The request context does not contain the required query parameter object. Please provide the missing query parameter and try again.');
  }
  if (objectType === 'folder') return listFolder(TREES[specId] || TREES.default, object, uploads);
  if (objectType === 'file') {
    if (determineProperties && fileType) {
      throw badRequest(1451, 'Invalid params fileType provided in query params: determineProperties=true and explicit file properties cannot be combined.');
    }
    if (!determineProperties && !fileType) {
      throw badRequest(1451, 'Invalid params provided in query params: send either fileType or determineProperties=true.');
    }
    const upload = uploads.get(String(object).replace(/^\/+/, ''));
    if (upload) return previewUpload(String(object).replace(/^\/+/, ''), upload, query, determineProperties);
  }
  return preview(objectType === 'file' && determineProperties);
}

module.exports = { explore };
