'use strict';

// Connection specs and flow specs served by /connectionSpecs and /flowSpecs.
// Ids are Adobe's real, documented ones so clients that hard-code them work.

const { auditFields } = require('../audit');

const ADOBE_PROVIDER = '0ed90a81-07f4-4586-8190-b40eccef1c5a';
const STREAMING_PROVIDER = '521eee4d-8cbe-4906-bb48-fb6bd4450033';
const SPEC_CREATED_AT = Date.UTC(2021, 5, 21, 18, 10, 37);
const SPEC_AUDIT = auditFields(SPEC_CREATED_AT, 'acp_foundation_connectors@AdobeID', 'acp_foundation_connectors');

const SPEC_IDS = {
  s3Source: 'ecadc60c-7455-4d87-84dc-2a0e293d997b',
  sftpSource: 'b7bf2577-4520-42c9-bae9-cad01560f7bc',
  dlzSource: '26f526f2-58f4-4712-961d-e41bf1ccc0e8',
  salesforce: 'cfc0fee1-7dc0-40ef-b73e-d8b134c436f5',
  bigQuery: '3c9b37f8-13a6-43d8-bad3-b863b941fedd',
  streaming: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb',
  dataLakeSource: '23598e46-f560-407b-88d5-ea6207e49db0',
  profileStore: '8a9c3494-9708-43d7-ae3f-cda01e5030e1',
  dataLakeTarget: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c',
  s3Destination: '4fce964d-3f37-408f-9778-e597338a21ee',
  sftpDestination: '36965a81-b1c6-401b-99f8-22508f1e6a26',
  blobDestination: '6d6b59bf-fb58-4107-9064-4d246c0e5bb2',
  dlzDestination: '10440537-2a7b-4583-ac39-ed38d4b848e8',
  adlsDestination: 'be2c3209-53bc-47e7-ab25-145db8b873e1',
  gcsDestination: 'c5d93acb-ea8b-4b14-8f53-02138444ae99',
  legacyS3Destination: '4890fc95-5a1f-4983-94bb-e060c08e3f81',
  legacySftpDestination: '64ef4b8b-a6e0-41b5-9677-3805d1ee5dd0',
};

const FLOW_SPEC_IDS = {
  cloudStorage: '9753525b-82c7-4dce-8a9b-5ccfce2b9876',
  crm: '14518937-270c-4525-bdec-c2ba7cce3860',
  streaming: 'd8a6f005-7eaf-4153-983e-e8574508b877',
  streamingWithTransformation: 'c1a19761-d2c7-4702-b9fa-fe91f0613e81',
  datasetExport: 'cd2fc47e-e838-4f38-a581-8fff2f99b63a',
  activation: '71471eba-b620-49e4-90fd-23f1fa0174d8',
};

// Field names ending in '?' are optional.
const stringProps = (names, secret = []) =>
  Object.fromEntries(
    names.map((n) => n.replace(/\?$/, '')).map((n) => [n, secret.includes(n) ? { type: 'string', format: 'password' } : { type: 'string' }]),
  );

function authSpec(name, type, fields, secret = []) {
  return {
    name,
    type,
    spec: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: stringProps(fields, secret),
      required: fields.filter((f) => !f.endsWith('?')),
    },
  };
}

const permissions = (name) => ({
  view: [{ '@type': 'lowLevel', name, permissions: ['read'] }],
  manage: [{ '@type': 'lowLevel', name, permissions: ['write'] }],
});

function connectionSpec({ id, name, category, role, auth = [], providerId = ADOBE_PROVIDER, description }) {
  const isSource = role === 'source';
  const isDestination = role === 'destination';
  return {
    id,
    ...SPEC_AUDIT,
    name,
    providerId,
    version: '1.0',
    description: description || `${name} connector`,
    authSpec: auth,
    attributes: {
      category,
      isSource,
      isDestination,
      ...(isSource ? { uiAttributes: { isSource: true, category: { key: category.toLowerCase() }, frequency: { key: category === 'Streaming' ? 'streaming' : 'batch' } } } : {}),
    },
    permissionsInfo: permissions(isDestination ? 'EnterpriseDestination' : 'EnterpriseSource'),
  };
}

const s3Auth = [authSpec('Basic Authentication for S3', 'KeyBased', ['s3AccessKey', 's3SecretKey', 'serviceUrl?'], ['s3SecretKey'])];
const sftpAuth = [
  authSpec('Basic Authentication for SFTP', 'BasicAuthentication', ['host', 'port', 'userName', 'password'], ['password']),
  authSpec('SSH PublicKey Authentication for SFTP', 'SSH', ['host', 'port', 'userName', 'privateKeyContent'], ['privateKeyContent']),
];

const CONNECTION_SPECS = [
  connectionSpec({ id: SPEC_IDS.s3Source, name: 'amazon-s3', category: 'CloudStorage', role: 'source', auth: s3Auth }),
  connectionSpec({ id: SPEC_IDS.sftpSource, name: 'sftp', category: 'CloudStorage', role: 'source', auth: sftpAuth }),
  connectionSpec({ id: SPEC_IDS.dlzSource, name: 'landing-zone', category: 'CloudStorage', role: 'source', description: 'Data Landing Zone source' }),
  connectionSpec({
    id: SPEC_IDS.salesforce, name: 'salesforce', category: 'CRM', role: 'source',
    auth: [authSpec('Basic Authentication', 'BasicAuthentication', ['environmentUrl', 'username', 'password', 'securityToken'], ['password', 'securityToken'])],
  }),
  connectionSpec({
    id: SPEC_IDS.bigQuery, name: 'google-big-query', category: 'Database', role: 'source',
    auth: [authSpec('Basic Authentication for Google BigQuery', 'OAuth2RefreshCode', ['project', 'clientId', 'clientSecret', 'refreshToken'], ['clientSecret', 'refreshToken'])],
  }),
  connectionSpec({
    id: SPEC_IDS.streaming, name: 'Streaming Connection', category: 'Streaming', role: 'source', providerId: STREAMING_PROVIDER,
    auth: [authSpec('Streaming Connection', 'Streaming', ['sourceId', 'dataType', 'name'])],
    description: 'HTTP API streaming source',
  }),
  connectionSpec({ id: SPEC_IDS.dataLakeSource, name: 'activation-datalake', category: 'Adobe Experience Platform', role: 'source', description: 'Experience Platform data lake (dataset export source)' }),
  connectionSpec({ id: SPEC_IDS.profileStore, name: 'Profile Store', category: 'Adobe Experience Platform', role: 'source', description: 'Real-Time Customer Profile store (audience activation source)' }),
  connectionSpec({ id: SPEC_IDS.dataLakeTarget, name: 'datalake', category: 'Adobe Experience Platform', role: 'target', description: 'Experience Platform data lake target' }),
  connectionSpec({ id: SPEC_IDS.s3Destination, name: 'Amazon S3', category: 'cloudStorage', role: 'destination', auth: [authSpec('Access Key', 'KeyBased', ['s3AccessKey', 's3SecretKey'], ['s3SecretKey'])] }),
  connectionSpec({
    id: SPEC_IDS.sftpDestination, name: 'SFTP', category: 'cloudStorage', role: 'destination',
    auth: [authSpec('SFTP with Password', 'BasicAuthentication', ['domain', 'port', 'username', 'password'], ['password']), authSpec('SFTP with SSH Key', 'SSH', ['domain', 'port', 'username', 'sshKey'], ['sshKey'])],
  }),
  connectionSpec({ id: SPEC_IDS.blobDestination, name: 'Azure Blob Storage', category: 'cloudStorage', role: 'destination', auth: [authSpec('ConnectionString', 'ConnectionString', ['connectionString'], ['connectionString'])] }),
  connectionSpec({ id: SPEC_IDS.dlzDestination, name: 'Data Landing Zone', category: 'cloudStorage', role: 'destination' }),
  connectionSpec({ id: SPEC_IDS.adlsDestination, name: 'Azure Data Lake Storage Gen2', category: 'cloudStorage', role: 'destination', auth: [authSpec('Service Principal', 'ServicePrincipal', ['url', 'servicePrincipalId', 'servicePrincipalKey', 'tenant'], ['servicePrincipalKey'])] }),
  connectionSpec({ id: SPEC_IDS.gcsDestination, name: 'Google Cloud Storage', category: 'cloudStorage', role: 'destination', auth: [authSpec('Google Cloud Storage HMAC', 'KeyBased', ['accessKeyId', 'secretAccessKey'], ['secretAccessKey'])] }),
  connectionSpec({ id: SPEC_IDS.legacyS3Destination, name: 'amazon-s3', category: 'cloudStorage', role: 'destination', auth: [authSpec('Access Key', 'KeyBased', ['s3AccessKey', 's3SecretKey'], ['s3SecretKey'])], description: 'Amazon S3 (legacy audience destination)' }),
  connectionSpec({ id: SPEC_IDS.legacySftpDestination, name: 'sftp', category: 'cloudStorage', role: 'destination', auth: [authSpec('Basic Authentication for sftp', 'BasicAuthentication', ['host', 'userName', 'password'], ['password'])], description: 'SFTP (legacy audience destination)' }),
];

const periodicSchedule = {
  name: 'PeriodicSchedule',
  type: 'Periodic',
  spec: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      startTime: { description: 'epoch time', type: 'integer' },
      frequency: { type: 'string', enum: ['once', 'minute', 'hour', 'day', 'week'] },
      interval: { type: 'integer' },
      backfill: { type: 'boolean', default: true },
    },
    required: ['startTime', 'frequency'],
  },
};

const exportSchedule = {
  name: 'PeriodicSchedule',
  type: 'Periodic',
  spec: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      startTime: { type: 'integer' },
      endTime: { type: 'integer' },
      timeUnit: { type: 'string', enum: ['hour', 'day'] },
      interval: { type: 'integer', enum: [0, 1, 3, 6, 9, 12] },
      exportMode: { type: 'string', enum: ['DAILY_FULL_EXPORT', 'FIRST_FULL_THEN_INCREMENTAL'] },
      foldernameTemplate: { type: 'string' },
    },
  },
};

const transformation = (name, properties) => ({
  name,
  spec: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties },
});
const copyAndMapping = [
  transformation('Copy', { deltaColumn: { type: 'object', properties: { name: { type: 'string' }, dateFormat: { type: 'string' }, timezone: { type: 'string' } } } }),
  transformation('Mapping', { mappingId: { type: 'string' }, mappingVersion: { type: 'string' } }),
];

const ALL_FILE_DESTINATIONS = [
  SPEC_IDS.s3Destination, SPEC_IDS.sftpDestination, SPEC_IDS.blobDestination, SPEC_IDS.dlzDestination,
  SPEC_IDS.adlsDestination, SPEC_IDS.gcsDestination,
];

function flowSpec({ id, name, providerId = ADOBE_PROVIDER, role, sources, targets, transformations = [], schedule, frequency }) {
  const isSource = role === 'source';
  return {
    id,
    ...SPEC_AUDIT,
    name,
    providerId,
    version: '1.0',
    attributes: {
      ...(isSource ? { isSourceFlow: true } : { isDestinationFlow: true }),
      frequency,
      notification: { category: isSource ? 'sources' : 'destinations', flowRun: { enabled: true } },
    },
    sourceConnectionSpecIds: sources,
    targetConnectionSpecIds: targets,
    transformationSpecs: transformations,
    ...(schedule ? { scheduleSpec: schedule } : {}),
    permissionsInfo: permissions(isSource ? 'EnterpriseSource' : 'EnterpriseDestination'),
  };
}

const FLOW_SPECS = [
  flowSpec({
    id: FLOW_SPEC_IDS.cloudStorage, name: 'CloudStorageToAEP', role: 'source', frequency: 'batch',
    sources: [SPEC_IDS.s3Source, SPEC_IDS.sftpSource, SPEC_IDS.dlzSource, 'b3ba5556-48be-44b7-8b85-ff2b69b46dc4', 'fb2e94c9-c031-467d-8103-6bd6e0a432f2', '32e8f412-cdf7-464c-9885-78184cb113fd'],
    targets: [SPEC_IDS.dataLakeTarget], transformations: copyAndMapping, schedule: periodicSchedule,
  }),
  flowSpec({
    id: FLOW_SPEC_IDS.crm, name: 'CRMToAEP', role: 'source', frequency: 'batch',
    sources: [SPEC_IDS.salesforce, SPEC_IDS.bigQuery, '3416976c-a9ca-4bba-901a-1f08f66978ff', '1f372ff9-38a4-4492-96f5-b9a4e4bd00ec', '26d738e0-8963-47ea-aadf-c60de735468a', '74a1c565-4e59-48d7-9d67-7c03b8a13137'],
    targets: [SPEC_IDS.dataLakeTarget], transformations: copyAndMapping, schedule: periodicSchedule,
  }),
  flowSpec({
    id: FLOW_SPEC_IDS.streaming, name: 'Stream data without transformation', role: 'source', frequency: 'streaming', providerId: STREAMING_PROVIDER,
    sources: [SPEC_IDS.streaming], targets: [SPEC_IDS.dataLakeTarget],
  }),
  flowSpec({
    id: FLOW_SPEC_IDS.streamingWithTransformation, name: 'Steam data with transformation', role: 'source', frequency: 'streaming', providerId: STREAMING_PROVIDER,
    sources: [SPEC_IDS.streaming], targets: [SPEC_IDS.dataLakeTarget], transformations: [copyAndMapping[1]],
  }),
  flowSpec({
    id: FLOW_SPEC_IDS.datasetExport, name: 'Data Landing Zone', role: 'destination', frequency: 'batch',
    sources: [SPEC_IDS.dataLakeSource], targets: ALL_FILE_DESTINATIONS, schedule: exportSchedule,
  }),
  flowSpec({
    id: FLOW_SPEC_IDS.activation, name: 'Batch Audience Activation', role: 'destination', frequency: 'batch',
    sources: [SPEC_IDS.profileStore], targets: [...ALL_FILE_DESTINATIONS, SPEC_IDS.legacyS3Destination, SPEC_IDS.legacySftpDestination],
    transformations: [transformation('GeneralTransform', { profileSelectors: { type: 'object' }, segmentSelectors: { type: 'object' } })],
  }),
];

// How the run engine shapes runs of each flow spec (not part of any API payload).
const FLOW_KINDS = {
  [FLOW_SPEC_IDS.cloudStorage]: 'source',
  [FLOW_SPEC_IDS.crm]: 'source',
  [FLOW_SPEC_IDS.streaming]: 'streaming',
  [FLOW_SPEC_IDS.streamingWithTransformation]: 'streaming',
  [FLOW_SPEC_IDS.datasetExport]: 'export',
  [FLOW_SPEC_IDS.activation]: 'activation',
};

const connectionSpecById = new Map(CONNECTION_SPECS.map((s) => [s.id, s]));
const flowSpecById = new Map(FLOW_SPECS.map((s) => [s.id, s]));

module.exports = {
  SPEC_IDS,
  FLOW_SPEC_IDS,
  CONNECTION_SPECS,
  FLOW_SPECS,
  connectionSpec: (id) => connectionSpecById.get(id),
  flowSpec: (id) => flowSpecById.get(id),
  flowKind: (flowSpecId) => FLOW_KINDS[flowSpecId] || 'source',
  isDestinationFlowSpec: (id) => Boolean(flowSpecById.get(id)?.attributes.isDestinationFlow),
};
