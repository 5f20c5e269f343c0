'use strict';

// In-memory state, isolated per sandbox and shared by every service:
// base/source/target connections, flows, runs, catalog datasets and
// landing-zone credentials. Connection and flow specs are global, as in AEP.

const { Collection } = require('../flowservice/collection');
const { createRandom } = require('./random');
const { RESOURCES } = require('../flowservice/resources');
const specs = require('../fixtures/specs');
const { buildDataset } = require('../fixtures/datasets');

const KNOWN_SANDBOXES = ['prod', 'dev', 'stage-test'];
const SANDBOX_RESOURCES = ['connections', 'sourceConnections', 'targetConnections', 'flows', 'runs'];
const hex8 = (n) => (n >>> 0).toString(16).padStart(8, '0');

function createStore({ clock, seed, orgId }) {
  let rng;
  let etagCounter;
  let sandboxes;

  const specCollections = {
    connectionSpecs: collectionFor('connectionSpecs', specs.CONNECTION_SPECS),
    flowSpecs: collectionFor('flowSpecs', specs.FLOW_SPECS),
  };

  function collectionFor(resource, items = []) {
    const { sorted, hashed } = RESOURCES[resource];
    const created = new Collection({ sorted, hashed });
    created.insertMany(items);
    return created;
  }

  function init() {
    rng = createRandom(seed);
    etagCounter = rng.int(0x01000000, 0x3fffffff);
    sandboxes = new Map();
    for (const name of KNOWN_SANDBOXES) createSandbox(name);
  }

  function createSandbox(name) {
    const sandbox = {
      name,
      id: rng.uuid(),
      orgId,
      collections: Object.fromEntries(SANDBOX_RESOURCES.map((r) => [r, collectionFor(r)])),
      datasets: new Map(),
      landingZones: new Map(),
      // Connections whose /test answers {result:false}, and per-flow run behaviour.
      failingConnectionTests: new Set(),
      flowProfiles: new Map(),
      // Batches finished source runs wrote: batch id -> a few numbers (engine/batches.js).
      batches: new Map(),
    };
    sandboxes.set(name, sandbox);
    return sandbox;
  }

  const sandbox = (name) => sandboxes.get(name);
  const ensureSandbox = (name = 'prod') => sandboxes.get(name) || createSandbox(name);

  function collection(sandboxName, resource) {
    if (specCollections[resource]) return specCollections[resource];
    const sb = typeof sandboxName === 'object' ? sandboxName : sandbox(sandboxName);
    if (!sb) throw new Error(`unknown sandbox ${sandboxName}`);
    const coll = sb.collections[resource];
    if (!coll) throw new Error(`unknown resource ${resource}`);
    return coll;
  }

  // Cosmos-DB-like etag: "<counter>-0000-0200-0000-<epoch seconds>0000", quotes included.
  // join() keeps the string flat (one etag per run, 100,000 runs).
  function newEtag() {
    etagCounter = (etagCounter + 1) >>> 0;
    return ['"', hex8(etagCounter), '-0000-0200-0000-', hex8(Math.floor(clock.now() / 1000)), '0000"'].join('');
  }

  // Bumps updatedAt/updatedBy/etag (and version where the entity has one) after a write.
  function touch(item, actor, at = clock.now()) {
    item.updatedAt = at;
    if (actor) {
      item.updatedBy = actor.userId;
      item.updatedClient = actor.clientId;
    }
    item.etag = newEtag();
    // Flows and connections mirror the etag in `version`; specs keep "1.0".
    if (typeof item.version === 'string' && item.version.startsWith('"')) item.version = item.etag;
  }

  function update(sandboxName, resource, id, mutate, { actor, at, bump = true } = {}) {
    return collection(sandboxName, resource).update(id, (item) => {
      mutate(item);
      if (bump) touch(item, actor, at);
    });
  }

  function ensureDataset(sandboxName, name) {
    const sb = ensureSandbox(sandboxName);
    for (const ds of sb.datasets.values()) if (ds.name === name) return ds;
    const ds = buildDataset({ rng, name, sandbox: sb, at: clock.now() - 30 * 86400000 });
    sb.datasets.set(ds.id, ds);
    return ds;
  }

  function counts(sandboxName) {
    const sb = sandbox(sandboxName);
    if (!sb) return null;
    const out = Object.fromEntries(SANDBOX_RESOURCES.map((r) => [r, sb.collections[r].size]));
    out.datasets = sb.datasets.size;
    return out;
  }

  init();

  return {
    get rng() {
      return rng;
    },
    sandbox,
    ensureSandbox,
    sandboxNames: () => [...sandboxes.keys()],
    collection,
    newEtag,
    touch,
    list: (sb, resource) => collection(sb, resource).values(),
    get: (sb, resource, id) => collection(sb, resource).get(id),
    insert: (sb, resource, item) => collection(sb, resource).insert(item),
    insertMany: (sb, resource, items) => collection(sb, resource).insertMany(items),
    update,
    remove: (sb, resource, id) => collection(sb, resource).remove(id),
    ensureDataset,
    counts,
    reset: init,
  };
}

module.exports = { createStore };
