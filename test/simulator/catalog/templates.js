'use strict';

// Request bodies for realistic dataflows: the base, source and target
// connections and the flow, as the AEP UI or API would create them. Used by
// seedFlows and the demo data.

const { SPEC_IDS, FLOW_SPEC_IDS } = require('./specs');

const XDM_VERSION = 'application/vnd.adobe.xed-full+json;version=1.0';
const FOLDER_TEMPLATE = '%DESTINATION%_%DATASET_ID%_%DATETIME(YYYYMMdd_HHmmss)%';
const spec = (id) => ({ id, version: '1.0' });
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

function dataLakeTarget(dataset, format = 'parquet_xdm') {
  return {
    name: `${dataset.name} Data Lake Target`,
    connectionSpec: spec(SPEC_IDS.dataLakeTarget),
    data: { format, schema: { id: dataset.schemaRef.id, version: XDM_VERSION } },
    params: { dataSetId: dataset.id },
  };
}

const mapping = (rng) => ({ name: 'Mapping', params: { mappingId: rng.hex(16), mappingVersion: '0' } });

function sourceFlow(p, name, flowSpecId, base, source, scheduleParams, transformations) {
  return {
    direction: 'source',
    sourceBase: base,
    source: { name: `${name} Source`, ...source },
    target: dataLakeTarget(p.dataset, flowSpecId === FLOW_SPEC_IDS.streaming ? 'json' : 'parquet_xdm'),
    flow: {
      description: `${name} (simulated)`,
      flowSpec: spec(flowSpecId),
      ...(scheduleParams ? { scheduleParams } : {}),
      transformations,
    },
  };
}

const batchSchedule = (p, frequency = 'hour', interval = 1) => ({ startTime: String(p.startSec), frequency, interval: String(interval), backfill: 'true' });

// p: { rng, name, dataset, startSec, schedule?, object? }
const SOURCE_TEMPLATES = {
  s3: (p) => sourceFlow(p, p.name, FLOW_SPEC_IDS.cloudStorage,
    { name: `Amazon S3 ${p.rng.pick(['acme-exports', 'acme-data-drop', 'acme-analytics'])}`, connectionSpec: spec(SPEC_IDS.s3Source), auth: { specName: 'Basic Authentication for S3', params: { s3AccessKey: `AKIA${p.rng.hex(8).toUpperCase()}`, s3SecretKey: p.rng.hex(20) } } },
    { connectionSpec: spec(SPEC_IDS.s3Source), data: { format: 'delimited', properties: { columnDelimiter: ',' } }, params: { path: `acme-exports/${p.object || 'orders'}/`, type: 'folder', recursive: 'true' } },
    p.schedule || batchSchedule(p, 'hour', 1), [mapping(p.rng)]),

  salesforce: (p) => sourceFlow(p, p.name, FLOW_SPEC_IDS.crm,
    { name: 'Salesforce Production Org', connectionSpec: spec(SPEC_IDS.salesforce), auth: { specName: 'Basic Authentication', params: { environmentUrl: 'https://acme.my.salesforce.com', username: 'aep.integration@acme.com', password: p.rng.hex(10), securityToken: p.rng.hex(12) } } },
    { connectionSpec: spec(SPEC_IDS.salesforce), data: { format: 'tabular' }, params: { tableName: p.object || 'Contact', columns: [{ name: 'Id', type: 'string' }, { name: 'Email', type: 'string' }, { name: 'LastModifiedDate', type: 'string' }] } },
    p.schedule || batchSchedule(p, 'hour', 1),
    [{ name: 'Copy', params: { deltaColumn: { name: 'LastModifiedDate', dateFormat: 'YYYY-MM-DD', timezone: 'UTC' } } }, mapping(p.rng)]),

  bigQuery: (p) => sourceFlow(p, p.name, FLOW_SPEC_IDS.crm,
    { name: 'Google BigQuery acme-analytics', connectionSpec: spec(SPEC_IDS.bigQuery), auth: { specName: 'Basic Authentication for Google BigQuery', params: { project: 'acme-analytics', clientId: `${p.rng.hex(6)}.apps.googleusercontent.com`, clientSecret: p.rng.hex(12), refreshToken: p.rng.hex(24) } } },
    { connectionSpec: spec(SPEC_IDS.bigQuery), data: { format: 'tabular' }, params: { tableName: p.object || 'analytics_301.events', columns: [{ name: 'event_id', type: 'string' }, { name: 'event_timestamp', type: 'long' }] } },
    p.schedule || batchSchedule(p, 'day', 1),
    [{ name: 'Copy', params: { deltaColumn: { name: 'event_timestamp', dateFormat: 'YYYY-MM-DD', timezone: 'UTC' } } }, mapping(p.rng)]),

  dlz: (p) => sourceFlow(p, p.name, FLOW_SPEC_IDS.cloudStorage,
    { name: 'Data Landing Zone', connectionSpec: spec(SPEC_IDS.dlzSource) },
    { connectionSpec: spec(SPEC_IDS.dlzSource), data: { format: 'delimited' }, params: { path: `dlz-user-container/${p.object || 'receipts'}`, type: 'folder', recursive: 'false' } },
    p.schedule || batchSchedule(p, 'hour', 6), [mapping(p.rng)]),

  sftp: (p) => sourceFlow(p, p.name, FLOW_SPEC_IDS.cloudStorage,
    { name: 'SFTP sftp.acme-corp.com', connectionSpec: spec(SPEC_IDS.sftpSource), auth: { specName: 'Basic Authentication for SFTP', params: { host: 'sftp.acme-corp.com', port: 22, userName: 'aep_ingest', password: p.rng.hex(10) } } },
    { connectionSpec: spec(SPEC_IDS.sftpSource), data: { format: 'delimited' }, params: { path: `/exports/${p.object || 'crm'}/`, type: 'folder', recursive: 'false' } },
    p.schedule || batchSchedule(p, 'day', 1), [mapping(p.rng)]),

  streaming: (p) => sourceFlow(p, p.name, p.rng.chance(0.5) ? FLOW_SPEC_IDS.streaming : FLOW_SPEC_IDS.streamingWithTransformation,
    { name: `${p.name} Account`, connectionSpec: spec(SPEC_IDS.streaming), auth: { specName: 'Streaming Connection', params: { sourceId: `${p.object || 'app'}_${p.rng.hex(4)}`, dataType: 'xdm', name: `${p.name} Account` } } },
    { connectionSpec: spec(SPEC_IDS.streaming), data: { format: 'json' } },
    null, []),
};

function destinationFlow(p, { base, targetSpec, targetParams, flowSpecId, scheduleParams, transformations, sourceSpec, sourceParams }) {
  return {
    direction: 'destination',
    sourceBase: { name: sourceSpec === SPEC_IDS.profileStore ? 'Profile Store' : 'Data Lake', connectionSpec: spec(sourceSpec) },
    source: { name: `${p.name} Source`, connectionSpec: spec(sourceSpec), ...(sourceParams ? { params: sourceParams } : {}) },
    targetBase: base,
    target: { name: `${p.name} Target`, connectionSpec: spec(targetSpec), params: { mode: 'Server-to-server', ...targetParams } },
    flow: {
      description: `${p.name} (simulated)`,
      flowSpec: spec(flowSpecId),
      ...(scheduleParams ? { scheduleParams } : {}),
      transformations,
    },
  };
}

const DESTINATIONS = {
  s3: (p) => ({
    base: { name: 'Amazon S3 acme-activation', connectionSpec: spec(SPEC_IDS.s3Destination), auth: { specName: 'Access Key', params: { s3AccessKey: `AKIA${p.rng.hex(8).toUpperCase()}`, s3SecretKey: p.rng.hex(20) } } },
    targetSpec: SPEC_IDS.s3Destination,
    targetParams: { bucketName: 'acme-activation', path: p.object || 'audiences', fileType: 'CSV', compression: 'GZIP' },
  }),
  sftp: (p) => ({
    base: { name: 'SFTP partner.acme-corp.com', connectionSpec: spec(SPEC_IDS.sftpDestination), auth: { specName: 'SFTP with Password', params: { domain: 'partner.acme-corp.com', port: 22, username: 'aep_export', password: p.rng.hex(10) } } },
    targetSpec: SPEC_IDS.sftpDestination,
    targetParams: { remotePath: `/outbound/${p.object || 'audiences'}`, fileType: 'CSV', compression: 'NONE' },
  }),
  blob: (p) => ({
    base: { name: 'Azure Blob acmeexports', connectionSpec: spec(SPEC_IDS.blobDestination), auth: { specName: 'ConnectionString', params: { connectionString: `DefaultEndpointsProtocol=https;AccountName=acmeexports;AccountKey=${p.rng.hex(16)}` } } },
    targetSpec: SPEC_IDS.blobDestination,
    targetParams: { container: 'aep-exports', path: p.object || 'audiences', fileType: 'PARQUET', compression: 'GZIP' },
  }),
  dlz: (p) => ({
    base: { name: 'Data Landing Zone (destination)', connectionSpec: spec(SPEC_IDS.dlzDestination) },
    targetSpec: SPEC_IDS.dlzDestination,
    targetParams: { path: `/${p.object || 'exports'}`, compression: 'GZIP', datasetFileType: 'JSON' },
  }),
};

function activation(destination) {
  return (p) => {
    const d = DESTINATIONS[destination](p);
    const audience = p.audience || p.name;
    return destinationFlow(p, {
      ...d,
      sourceSpec: SPEC_IDS.profileStore,
      flowSpecId: FLOW_SPEC_IDS.activation,
      transformations: [{
        name: 'GeneralTransform',
        params: {
          profileSelectors: {
            selectors: ['personalEmail.address', 'person.name.firstName', 'person.name.lastName'].map((path) => ({ type: 'JSON_PATH', value: { path, operator: 'EXISTS' } })),
          },
          segmentSelectors: {
            selectors: [{
              type: 'PLATFORM_SEGMENT',
              value: {
                id: p.rng.uuid(),
                name: audience,
                filenameTemplate: '%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%',
                exportMode: 'DAILY_FULL_EXPORT',
                schedule: { frequency: p.selectorFrequency || 'DAILY', triggerType: 'SCHEDULED', startDate: isoDate(p.startSec * 1000), startTime: p.selectorTime || '06:00' },
              },
            }],
          },
        },
      }],
    });
  };
}

function datasetExport(destination) {
  return (p) => {
    const d = DESTINATIONS[destination]({ ...p, object: p.object || 'dataset-exports' });
    if (destination !== 'dlz') d.targetParams = { ...d.targetParams, datasetFileType: 'PARQUET', compression: 'GZIP' };
    return destinationFlow(p, {
      ...d,
      sourceSpec: SPEC_IDS.dataLakeSource,
      sourceParams: { datasets: [{ dataSetId: p.dataset.id, name: p.dataset.name }] },
      flowSpecId: FLOW_SPEC_IDS.datasetExport,
      scheduleParams: p.schedule || { exportMode: 'DAILY_FULL_EXPORT', timeUnit: 'day', interval: 1, startTime: p.startSec, foldernameTemplate: FOLDER_TEMPLATE },
      transformations: [],
    });
  };
}

const DESTINATION_TEMPLATES = {
  activationS3: activation('s3'),
  activationSftp: activation('sftp'),
  activationBlob: activation('blob'),
  exportDlz: datasetExport('dlz'),
  exportS3: datasetExport('s3'),
  exportBlob: datasetExport('blob'),
  exportSftp: datasetExport('sftp'),
};

const TEMPLATES = { ...SOURCE_TEMPLATES, ...DESTINATION_TEMPLATES };

// Names and datasets that seedFlows cycles through.
const SEED_PLAN = {
  source: [
    ['salesforce', 'Salesforce Contacts → CRM Profiles', 'CRM Profiles', 'Contact'],
    ['s3', 'S3 Orders Export → Orders', 'Orders', 'orders'],
    ['bigQuery', 'BigQuery GA4 Events → Web Events', 'Web Events', 'analytics_301.events'],
    ['dlz', 'DLZ Store Receipts → Offline Purchases', 'Offline Purchases', 'receipts'],
    ['sftp', 'SFTP Email Engagement → Email Events', 'Email Events', 'email'],
    ['streaming', 'HTTP API Mobile App Events', 'Mobile App Events', 'mobile'],
  ],
  destination: [
    ['activationS3', 'Amazon S3 – High-Value Customers', 'Customer Profiles', 'audiences'],
    ['activationSftp', 'SFTP – Churn Risk Audience', 'Customer Profiles', 'churn'],
    ['activationBlob', 'Azure Blob – Newsletter Subscribers', 'Subscriber Profiles', 'newsletter'],
    ['exportDlz', 'DLZ Export – Web Events Daily', 'Web Events', 'web-events'],
    ['exportS3', 'Amazon S3 Export – Purchase Events', 'Purchase Events', 'purchases'],
  ],
};

module.exports = { TEMPLATES, SEED_PLAN, FOLDER_TEMPLATE };
