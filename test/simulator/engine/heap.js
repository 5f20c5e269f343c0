'use strict';

// Binary min-heap of events ordered by (t, seq), so events due at the same
// simulated time run in the order they were scheduled.

class EventHeap {
  constructor() {
    this.items = [];
    this.seq = 0;
  }

  get size() {
    return this.items.length;
  }

  peek() {
    return this.items[0];
  }

  push(event) {
    event.seq = this.seq++;
    const a = this.items;
    a.push(event);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(a[i], a[parent])) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }

  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l], a[m])) m = l;
        if (r < a.length && less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }

  clear() {
    this.items = [];
  }
}

const less = (a, b) => a.t < b.t || (a.t === b.t && a.seq < b.seq);

module.exports = { EventHeap };
