'use strict';

// Per-resource knowledge used by filters, ordering and indexes: which top-level
// fields exist (an unknown one is FLOW-1449 / FLOW-1433) and which fields are
// kept in sorted or hashed indexes.

const META_FIELDS = [
  'id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'createdClient', 'updatedClient',
  'sandboxId', 'sandboxName', 'imsOrgId', 'etag', 'version',
];

const CONNECTION_FIELDS = [
  ...META_FIELDS, 'name', 'description', 'connectionSpec', 'state', 'auth', 'providerId', 'params', 'data',
  'baseConnectionId', 'typeInfo', 'inheritedAttributes', 'labels',
];

const RESOURCES = {
  connections: { type: 'connections', fields: CONNECTION_FIELDS },
  sourceConnections: { type: 'sourceConnections', fields: CONNECTION_FIELDS },
  targetConnections: { type: 'targetConnections', fields: CONNECTION_FIELDS },
  flows: {
    type: 'flows',
    fields: [
      ...META_FIELDS, 'name', 'description', 'flowSpec', 'state', 'sourceConnectionIds', 'targetConnectionIds',
      'inheritedAttributes', 'scheduleParams', 'transformations', 'runs', 'labels', 'options', 'lastOperation',
      'lastRunDetails', 'providerRefId',
    ],
    sorted: ['createdAt', 'updatedAt'],
  },
  runs: {
    type: 'runs',
    fields: [...META_FIELDS, 'flowId', 'flowSpec', 'providerRefId', 'params', 'metrics', 'activities', 'state'],
    // The docs filter runs by state==inProgress although runs carry no top-level state.
    aliases: { state: 'metrics.statusSummary.status' },
    sorted: [
      'createdAt', 'updatedAt', 'metrics.durationSummary.startedAtUTC', 'metrics.durationSummary.completedAtUTC',
    ],
    hashed: ['flowId'],
  },
  connectionSpecs: {
    type: 'connectionSpecs',
    fields: [
      ...META_FIELDS, 'name', 'providerId', 'type', 'description', 'attributes', 'authSpec', 'sourceSpec', 'targetSpec',
      'exploreSpec', 'permissionsInfo',
    ],
  },
  flowSpecs: {
    type: 'flowSpecs',
    fields: [
      ...META_FIELDS, 'name', 'providerId', 'attributes', 'sourceConnectionSpecIds', 'targetConnectionSpecIds',
      'transformationSpecs', 'scheduleSpec', 'optionSpec', 'permissionsInfo',
    ],
  },
};

for (const def of Object.values(RESOURCES)) {
  def.fieldSet = new Set(def.fields);
  def.sorted = def.sorted || ['createdAt', 'updatedAt'];
  def.hashed = def.hashed || [];
  def.aliases = def.aliases || {};
}

// Epoch-ms fields: values must be numeric (FLOW-1452 otherwise).
const isTimeField = (path) => /^(createdAt|updatedAt)$|AtUTC$|^lastOperation\.(started|updated)$/.test(path);

// Fields on which only equality makes sense (FLOW-1448 for a range operator).
const EQUALITY_ONLY = new Set(['id', 'flowId']);

module.exports = { RESOURCES, isTimeField, EQUALITY_ONLY };
