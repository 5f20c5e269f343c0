'use strict';

// Demo data: a busy `prod` sandbox (about 40 dataflows across sources and
// destinations, 7 days of run history with failures) and a small `dev` sandbox.

const { DEMO_DATASET_NAMES } = require('./catalog/datasets');
const { FOLDER_TEMPLATE } = require('./catalog/templates');

const DAY = 86400000;
const hourly = (interval = 1) => ({ frequency: 'hour', interval });
const daily = { frequency: 'day', interval: 1 };
const every15 = { frequency: 'minute', interval: 15 };
const exportEvery = (timeUnit, interval) => ({ timeUnit, interval });
const FLAKY = { failureFactor: 4 };
const BROKEN = { failureFactor: 12, partialFactor: 0.5 };

// [template, name, dataset, object, options]
const PROD_FLOWS = [
  ['salesforce', 'Salesforce Contacts → CRM Profiles', 'CRM Profiles', 'Contact', { schedule: hourly() }],
  ['salesforce', 'Salesforce Accounts → B2B Accounts', 'B2B Accounts', 'Account', { schedule: daily }],
  ['salesforce', 'Salesforce Leads → Lead Profiles', 'Lead Profiles', 'Lead', { schedule: hourly(3) }],
  ['salesforce', 'Salesforce Opportunities → Opportunities', 'Opportunities', 'Opportunity', { schedule: hourly(6) }],
  ['salesforce', 'Salesforce Campaign Members → Campaign Events', 'Campaign Events', 'CampaignMember', { schedule: daily, state: 'disabled' }],
  ['salesforce', 'Salesforce Cases → Support Interactions', 'Support Interactions', 'Case', { schedule: hourly(2) }],
  ['s3', 'S3 Orders Export → Orders', 'Orders', 'orders', { schedule: every15 }],
  ['s3', 'S3 Web Logs → Web Events', 'Web Events', 'weblogs', { schedule: hourly() }],
  ['s3', 'S3 Product Catalog → Products', 'Products', 'catalog', { schedule: daily }],
  ['s3', 'S3 Loyalty Points → Loyalty Profiles', 'Loyalty Profiles', 'loyalty', { schedule: hourly(4), profile: FLAKY }],
  ['s3', 'S3 Store Inventory → Products', 'Products', 'inventory', { schedule: hourly(12) }],
  ['bigQuery', 'BigQuery GA4 Events → Web Events', 'Web Events', 'analytics_301.events', { schedule: hourly() }],
  ['bigQuery', 'BigQuery Transactions → Purchase Events', 'Purchase Events', 'finance.transactions', { schedule: daily, profile: FLAKY }],
  ['bigQuery', 'BigQuery Subscriptions → Subscriber Profiles', 'Subscriber Profiles', 'billing.subscriptions', { schedule: hourly(6) }],
  ['dlz', 'DLZ Store Receipts → Offline Purchases', 'Offline Purchases', 'receipts', { schedule: hourly(6) }],
  ['dlz', 'DLZ Call Center Logs → Support Interactions', 'Support Interactions', 'callcenter', { schedule: daily }],
  ['dlz', 'DLZ Partner Audience Feed → Partner Segments', 'Partner Segments', 'partner-feed', { schedule: daily, profile: FLAKY }],
  ['streaming', 'HTTP API Mobile App Events', 'Mobile App Events', 'mobile', {}],
  ['streaming', 'HTTP API POS Streaming', 'POS Transactions', 'pos', {}],
  ['streaming', 'HTTP API Consent Updates', 'Consent Records', 'consent', {}],
  ['sftp', 'SFTP Legacy CRM Nightly → Customer Profiles', 'Customer Profiles', 'legacy-crm', { schedule: daily, profile: BROKEN }],
  ['sftp', 'SFTP Email Engagement → Email Events', 'Email Events', 'email', { schedule: hourly(2) }],
  ['sftp', 'SFTP Returns Feed → Returns', 'Returns', 'returns', { schedule: daily }],
  ['activationS3', 'Amazon S3 – High-Value Customers Daily', 'Customer Profiles', 'high-value', { audience: 'High-Value Customers' }],
  ['activationSftp', 'SFTP – Churn Risk Audience', 'Customer Profiles', 'churn', { audience: 'Churn Risk (90 days)' }],
  ['activationBlob', 'Azure Blob – Newsletter Subscribers', 'Subscriber Profiles', 'newsletter', { audience: 'Newsletter Subscribers' }],
  ['activationS3', 'Amazon S3 – Cart Abandoners', 'Customer Profiles', 'cart', { audience: 'Cart Abandoners (24h)', selectorFrequency: 'EVERY_6_HOURS' }],
  ['activationSftp', 'SFTP – Loyalty Gold Tier', 'Loyalty Profiles', 'gold', { audience: 'Loyalty Gold Tier' }],
  ['activationBlob', 'Azure Blob – Lapsed Buyers 90d', 'Customer Profiles', 'lapsed', { audience: 'Lapsed Buyers (90 days)', state: 'disabled' }],
  ['activationS3', 'Amazon S3 – Product Recommendations Feed', 'Customer Profiles', 'recs', { audience: 'Recommendation Eligible', selectorFrequency: 'EVERY_12_HOURS' }],
  ['activationSftp', 'SFTP – Direct Mail Prospects', 'Customer Profiles', 'direct-mail', { audience: 'Direct Mail Prospects', profile: FLAKY }],
  ['exportDlz', 'DLZ Export – Web Events Daily', 'Web Events', null, {}],
  ['exportDlz', 'DLZ Export – Profile Snapshot', 'Profile Snapshot Export', null, {}],
  ['exportDlz', 'DLZ Export – Consent Records', 'Consent Records', null, { schedule: exportEvery('hour', 6) }],
  ['exportS3', 'Amazon S3 Export – Purchase Events Hourly', 'Purchase Events', null, { schedule: exportEvery('hour', 3) }],
  ['exportS3', 'Amazon S3 Export – Orders Daily', 'Orders', null, {}],
  ['exportBlob', 'Azure Blob Export – Email Events', 'Email Events', null, {}],
  ['exportBlob', 'Azure Blob Export – Product Reviews', 'Product Reviews', null, { state: 'disabled' }],
  ['exportSftp', 'SFTP Export – Returns', 'Returns', null, { profile: FLAKY }],
  ['exportSftp', 'SFTP Export – Support Interactions', 'Support Interactions', null, { schedule: exportEvery('hour', 12) }],
];

const DEV_FLOWS = [
  ['salesforce', 'Salesforce Sandbox Contacts → CRM Profiles (dev)', 'CRM Profiles', 'Contact', { schedule: hourly(6) }],
  ['s3', 'S3 Orders Test Feed → Orders (dev)', 'Orders', 'orders-test', { schedule: daily, profile: FLAKY }],
  ['streaming', 'HTTP API Web SDK Test', 'Web Events', 'websdk', {}],
  ['exportDlz', 'DLZ Export – QA Snapshot', 'Profile Snapshot Export', null, { state: 'disabled' }],
  ['activationS3', 'Amazon S3 – QA Audience', 'Customer Profiles', 'qa', { audience: 'QA Test Audience' }],
];

// Schedule params a template understands, with the flow's own start time.
function scheduleFor(template, schedule, startSec) {
  if (!schedule) return undefined;
  if (schedule.timeUnit) return { exportMode: 'DAILY_FULL_EXPORT', ...schedule, startTime: startSec, foldernameTemplate: FOLDER_TEMPLATE };
  return { startTime: String(startSec), frequency: schedule.frequency, interval: String(schedule.interval), backfill: 'true' };
}

function seedSandbox({ store, seeder, runEngine, clock }, sandbox, flows, historyDays) {
  const now = clock.now();
  const baseCache = new Map();
  for (const name of DEMO_DATASET_NAMES) store.ensureDataset(sandbox, name);
  flows.forEach(([template, name, datasetName, object, options], i) => {
    // Created weeks ago at scattered minutes; schedules start at creation.
    const at = now - 60 * DAY + i * 3600000 + ((17 + i * 11) % 60) * 60000;
    const flow = seeder.createFlow(sandbox, template, {
      ...options,
      name,
      datasetName,
      object,
      at,
      schedule: scheduleFor(template, options.schedule, Math.floor(at / 1000)),
      baseCache,
    });
    // Disabled flows were switched off three days ago.
    const historyEnd = flow.state === 'disabled' ? now - 3 * DAY : now;
    runEngine.backfill(sandbox, flow, now - historyDays * DAY, historyEnd);
    runEngine.scheduleFlow(sandbox, flow);
  });
  return baseCache;
}

function loadDemo(deps) {
  const prodBases = seedSandbox(deps, 'prod', PROD_FLOWS, 7);
  seedSandbox(deps, 'dev', DEV_FLOWS, 3);
  // The legacy SFTP account's password was rotated: its connection test fails.
  const sftp = prodBases.get('SFTP sftp.acme-corp.com');
  if (sftp) deps.store.sandbox('prod').failingConnectionTests.add(sftp.id);
  return deps.store.counts('prod');
}

module.exports = { loadDemo };
