'use strict';

// Answers for /connections/{id}/explore and /connectionSpecs/{id}/explore:
// a small file tree for cloud-storage sources, tables for CRM and database
// sources, and previews of files and tables.

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

function listFolder(tree, folder) {
  const prefix = folder ? `${folder.replace(/^\/+|\/+$/g, '')}/` : `${tree.root}/`;
  const seen = new Map();
  for (const file of tree.files.map((f) => `${tree.root}/${f}`)) {
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

// query: the request's query parameters (docs use lower camel case, the spec FileType/CompressionType).
function explore(specId, query) {
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
    if (category === 'CloudStorage') return listFolder(TREES[specId] || TREES.default);
    return [];
  }
  if (!['folder', 'file', 'table', 'rest'].includes(objectType)) {
    throw badRequest(1452, `Invalid value ${first(query.objectType)} for field objectType.`);
  }
  if (!object) {
    throw flowError(2119, 400, 'The request context does not contain the required query parameter object. Please provide the missing query parameter and try again.');
  }
  if (objectType === 'folder') return listFolder(TREES[specId] || TREES.default, object);
  if (objectType === 'file') {
    if (determineProperties && fileType) {
      throw badRequest(1451, 'Invalid params fileType provided in query params: determineProperties=true and explicit file properties cannot be combined.');
    }
    if (!determineProperties && !fileType) {
      throw badRequest(1451, 'Invalid params provided in query params: send either fileType or determineProperties=true.');
    }
  }
  return preview(objectType === 'file' && determineProperties);
}

module.exports = { explore };
