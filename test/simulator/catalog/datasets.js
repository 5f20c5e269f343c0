'use strict';

// Catalog datasets (GET /data/foundation/catalog/dataSets/{id}) and the
// exportable-dataset list (GET /connectionSpecs/{id}/configs).

const TENANT = 'simorg';

const DEMO_DATASET_NAMES = [
  'CRM Profiles', 'Web Events', 'Orders', 'Products', 'Loyalty Profiles', 'B2B Accounts', 'Lead Profiles',
  'Opportunities', 'Campaign Events', 'Purchase Events', 'Subscriber Profiles', 'Offline Purchases',
  'Support Interactions', 'Partner Segments', 'Mobile App Events', 'POS Transactions', 'Consent Records',
  'Email Events', 'Returns', 'Customer Profiles', 'Profile Snapshot Export', 'Product Reviews',
];

function buildDataset({ rng, name, sandbox, at }) {
  const id = rng.hex(12);
  const viewId = rng.hex(12);
  const isProfile = /profile|account|lead|subscriber|consent/i.test(name);
  const batchId = rng.ulid();
  return {
    id,
    name,
    description: `${name} (${isProfile ? 'XDM Individual Profile' : 'XDM ExperienceEvent'})`,
    schemaRef: {
      id: `https://ns.adobe.com/${TENANT}/schemas/${rng.hex(20)}`,
      contentType: 'application/vnd.adobe.xed-full+json;version=1',
    },
    tags: { adobe_lakeHouse: ['enabled:false'], unifiedProfile: [`enabled:${isProfile}`], unifiedIdentity: ['enabled:true'] },
    fileDescription: { persisted: true, containerFormat: 'parquet', format: 'parquet' },
    aspect: 'production',
    state: 'DRAFT',
    imsOrg: sandbox.orgId,
    sandboxId: sandbox.id,
    version: '1.0.3',
    created: at,
    updated: at,
    createdClient: 'exc_app',
    createdUser: `${rng.hex(12).toUpperCase()}@AdobeID`,
    updatedUser: 'acp_foundation_dataTracker@AdobeID',
    viewId,
    basePath: `abfss://gen1@sndbx${rng.base36(8)}.dfs.core.windows.net/platform/${id}/datasetViewId=${viewId}`,
    files: `@/dataSetFiles?dataSetId=${id}`,
    enableErrorDiagnostics: false,
    lastBatchStatus: 'success',
    lastBatchId: batchId,
    lastSuccessfulBatch: batchId,
  };
}

module.exports = { DEMO_DATASET_NAMES, buildDataset };
