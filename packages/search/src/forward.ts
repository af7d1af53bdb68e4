/**
 * Each event's values of one facet (its actors, its places…), as codes: the other way round from the
 * bitmaps. Counting a facet over a small result set is cheaper this way (touch each result's few
 * values) than intersecting every value's bitmap with it. Built once in compact arrays; events that
 * changed since live in an overlay.
 */
export class ForwardIndex {
  private offsets = new Int32Array(1);
  private values = new Int32Array(0);
  private readonly overlay = new Map<number, Int32Array>();
  /** 1 for each event ID in the overlay: a typed-array read per event instead of a map lookup. */
  private inOverlay = new Uint8Array(0);
  /** String values (types, roles, countries) get small codes; numeric ones are their own codes. */
  private readonly codes = new Map<string | number, number>();
  readonly keys: (string | number)[] = [];
  /** The largest code given out: the size of the tally arrays. */
  private maxCode = 0;
  /** Tallies reused by every count (counting is synchronous, so one set serves). */
  private tally: { counts: Int32Array; lastSeen: Int32Array } | null = null;

  constructor(private readonly numeric: boolean) {}

  code(key: string | number): number {
    if (this.numeric) {
      if ((key as number) > this.maxCode) this.maxCode = key as number;
      return key as number;
    }
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.keys.length;
      this.codes.set(key, code);
      this.keys.push(key);
      this.maxCode = code;
    }
    return code;
  }

  key(code: number): string | number {
    return this.numeric ? code : this.keys[code]!;
  }

  /** Builds the arrays from (event, value) pairs in any order. */
  build(events: number[], keys: (string | number)[], maxId: number) {
    const counts = new Int32Array(maxId + 2);
    for (const id of events) counts[id + 1]!++;
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    const offsets = counts.slice();
    const values = new Int32Array(events.length);
    const cursor = counts;
    for (let i = 0; i < events.length; i++) values[cursor[events[i]!]!++] = this.code(keys[i]!);
    this.offsets = offsets;
    this.values = values;
    this.overlay.clear();
    this.inOverlay = new Uint8Array(0);
  }

  set(id: number, keys: (string | number)[]) {
    this.overlay.set(id, Int32Array.from(keys, (k) => this.code(k)));
    if (id >= this.inOverlay.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.inOverlay.length * 2, 1024));
      grown.set(this.inOverlay);
      this.inOverlay = grown;
    }
    this.inOverlay[id] = 1;
  }

  /**
   * Counts, for every value, the events of `ids` that hold it (each event once per value), and
   * calls `each(code, count)` for every value held by at least one of them.
   */
  count(ids: Uint32Array, each: (code: number, count: number) => void): void {
    const { offsets, values, overlay, inOverlay } = this;
    // Tallies by code in reused arrays: typed-array writes, not a map update per value.
    const { counts, lastSeen } = this.scratch(this.maxCode + 1);
    const touched: number[] = [];
    const last = offsets.length - 1;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      // An event changed since the build reads its values from the overlay, the others from the arrays.
      const changed = id < inOverlay.length && inOverlay[id] === 1 ? overlay.get(id)! : null;
      if (!changed && id >= last) continue;
      const from = changed ? changed : values;
      const start = changed ? 0 : offsets[id]!;
      const end = changed ? changed.length : offsets[id + 1]!;
      const mark = id + 1; // lastSeen holds the event a value was last counted for, plus one
      for (let j = start; j < end; j++) {
        const code = from[j]!;
        if (lastSeen[code] === mark) continue;
        lastSeen[code] = mark;
        if (counts[code]!++ === 0) touched.push(code);
      }
    }
    try {
      for (const code of touched) each(code, counts[code]!);
    } finally {
      for (const code of touched) counts[code] = lastSeen[code] = 0;
    }
  }

  private scratch(size: number) {
    if (!this.tally || this.tally.counts.length < size) this.tally = { counts: new Int32Array(size), lastSeen: new Int32Array(size) };
    return this.tally;
  }
}
