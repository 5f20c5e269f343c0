'use strict';

// One resource type of one sandbox: entities by id plus sorted indexes on time
// fields and hash indexes on equality fields (runs by flowId).

const { SortedIndex } = require('../engine/sortedIndex');
const { valueAt, splitPath } = require('./filters');

class Collection {
  constructor({ sorted = ['createdAt', 'updatedAt'], hashed = [] } = {}) {
    this.records = new Map(); // id -> { item, seq, keys }
    this.nextSeq = 1;
    // `missing`: records without a numeric key for that field (e.g. runs still in progress have no completedAtUTC).
    this.sorted = new Map(sorted.map((path) => [path, { segments: splitPath(path), index: new SortedIndex(), missing: new Set() }]));
    this.hashed = new Map(hashed.map((path) => [path, { segments: splitPath(path), buckets: new Map() }]));
  }

  get size() {
    return this.records.size;
  }

  get lastSeq() {
    return this.nextSeq - 1;
  }

  get(id) {
    const record = this.records.get(id);
    return record ? record.item : undefined;
  }

  record(id) {
    return this.records.get(id);
  }

  // Newest first, like the default list order.
  values() {
    const { recs } = this.sorted.get('createdAt').index;
    const out = new Array(recs.length);
    for (let i = 0; i < recs.length; i++) out[i] = recs[recs.length - 1 - i].item;
    return out;
  }

  insert(item) {
    const record = this.newRecord(item);
    for (const [path, { index, missing }] of this.sorted) {
      const k = record.keys[path];
      if (typeof k === 'number') index.insert(k, record);
      else missing.add(record);
    }
    this.addToBuckets(record);
    return item;
  }

  insertMany(items) {
    const records = items.map((item) => this.newRecord(item));
    for (const [path, { index, missing }] of this.sorted) {
      const keys = [];
      const recs = [];
      for (const record of records) {
        const k = record.keys[path];
        if (typeof k === 'number') {
          keys.push(k);
          recs.push(record);
        } else {
          missing.add(record);
        }
      }
      index.insertMany(keys, recs);
    }
    for (const record of records) this.addToBuckets(record);
    return items;
  }

  // Mutates the stored item in place, then moves it in every index whose key changed.
  update(id, mutate) {
    const record = this.records.get(id);
    if (!record) return undefined;
    mutate(record.item);
    for (const [path, { segments, index, missing }] of this.sorted) {
      const oldKey = record.keys[path];
      const newKey = valueAt(record.item, segments);
      if (oldKey === newKey) continue;
      if (typeof oldKey === 'number') index.remove(oldKey, record);
      else missing.delete(record);
      if (typeof newKey === 'number') index.insert(newKey, record);
      else missing.add(record);
      record.keys[path] = newKey;
    }
    for (const [path, { segments, buckets }] of this.hashed) {
      const oldKey = record.keys[path];
      const newKey = valueAt(record.item, segments);
      if (oldKey === newKey) continue;
      removeFromBucket(buckets, oldKey, record);
      addToBucket(buckets, newKey, record);
      record.keys[path] = newKey;
    }
    return record.item;
  }

  remove(id) {
    const record = this.records.get(id);
    if (!record) return undefined;
    this.records.delete(id);
    for (const [path, { index, missing }] of this.sorted) {
      const k = record.keys[path];
      if (typeof k === 'number') index.remove(k, record);
      else missing.delete(record);
    }
    for (const [path, { buckets }] of this.hashed) removeFromBucket(buckets, record.keys[path], record);
    return record.item;
  }

  bucket(path, value) {
    const hashed = this.hashed.get(path);
    if (!hashed) return undefined;
    return hashed.buckets.get(String(value).toLowerCase()) || new Set();
  }

  newRecord(item) {
    if (this.records.has(item.id)) throw new Error(`duplicate id ${item.id}`);
    const keys = {};
    for (const [path, { segments }] of this.sorted) keys[path] = valueAt(item, segments);
    for (const [path, { segments }] of this.hashed) keys[path] = valueAt(item, segments);
    const record = { item, seq: this.nextSeq++, keys };
    this.records.set(item.id, record);
    return record;
  }

  addToBuckets(record) {
    for (const [path, { buckets }] of this.hashed) addToBucket(buckets, record.keys[path], record);
  }
}

function addToBucket(buckets, key, record) {
  if (key === undefined || key === null) return;
  const k = String(key).toLowerCase();
  let set = buckets.get(k);
  if (!set) buckets.set(k, (set = new Set()));
  set.add(record);
}

function removeFromBucket(buckets, key, record) {
  if (key === undefined || key === null) return;
  const k = String(key).toLowerCase();
  const set = buckets.get(k);
  if (!set) return;
  set.delete(record);
  if (set.size === 0) buckets.delete(k);
}

module.exports = { Collection };
