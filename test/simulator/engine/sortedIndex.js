'use strict';

// Records kept sorted by (key, record.seq) in two parallel arrays (the keys
// stay unboxed numbers), so a time-bounded query finds its range by binary
// search instead of scanning every entity.

class SortedIndex {
  constructor() {
    this.keys = [];
    this.recs = [];
  }

  get size() {
    return this.keys.length;
  }

  // First position whose (key, seq) >= (k, seq).
  lowerBound(k, seq = -Infinity) {
    const { keys, recs } = this;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < k || (keys[mid] === k && recs[mid].seq < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // First position whose (key, seq) > (k, seq).
  upperBound(k, seq = Infinity) {
    const { keys, recs } = this;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < k || (keys[mid] === k && recs[mid].seq <= seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(k, record) {
    const n = this.keys.length;
    const lastKey = this.keys[n - 1];
    // Simulated time only moves forward, so most inserts append.
    if (n === 0 || lastKey < k || (lastKey === k && this.recs[n - 1].seq < record.seq)) {
      this.keys.push(k);
      this.recs.push(record);
      return;
    }
    const i = this.lowerBound(k, record.seq);
    this.keys.splice(i, 0, k);
    this.recs.splice(i, 0, record);
  }

  remove(k, record) {
    const i = this.lowerBound(k, record.seq);
    if (this.recs[i] === record) {
      this.keys.splice(i, 1);
      this.recs.splice(i, 1);
    }
  }

  // Bulk load (seeding 100,000 runs): one sort instead of many splices.
  insertMany(keys, records) {
    if (keys.length === 0) return;
    const allKeys = this.keys.concat(keys);
    const allRecs = this.recs.concat(records);
    const order = Array.from(allKeys, (_, i) => i);
    order.sort((a, b) => allKeys[a] - allKeys[b] || allRecs[a].seq - allRecs[b].seq);
    this.keys = order.map((i) => allKeys[i]);
    this.recs = order.map((i) => allRecs[i]);
  }
}

module.exports = { SortedIndex };
