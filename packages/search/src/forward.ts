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
  /** The tally reused by every count (counting is synchronous, so one array serves). */
  private tally: Int32Array | null = null;

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

  /** Builds the arrays from (event, value) pairs in any order; an event holds each value once. */
  build(events: number[], keys: (string | number)[], maxId: number) {
    const counts = new Int32Array(maxId + 2);
    for (const id of events) counts[id + 1]!++;
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    const offsets = counts.slice();
    const values = new Int32Array(events.length);
    const cursor = counts;
    for (let i = 0; i < events.length; i++) values[cursor[events[i]!]!++] = this.code(keys[i]!);
    // Drop repeats within an event (an actor in two roles, two places in one country), moving the
    // lists down over the gaps, so that counting needs no per-event bookkeeping.
    let kept = 0;
    for (let id = 0; id < offsets.length - 1; id++) {
      const start = offsets[id]!;
      const end = offsets[id + 1]!;
      offsets[id] = kept;
      const first = kept;
      for (let j = start; j < end; j++) {
        const code = values[j]!;
        let k = first;
        while (k < kept && values[k] !== code) k++;
        if (k === kept) values[kept++] = code;
      }
    }
    offsets[offsets.length - 1] = kept;
    this.offsets = offsets;
    this.values = kept === values.length ? values : values.slice(0, kept);
    this.overlay.clear();
    this.inOverlay = new Uint8Array(0);
  }

  set(id: number, keys: (string | number)[]) {
    this.overlay.set(id, Int32Array.from(new Set(keys), (k) => this.code(k)));
    if (id >= this.inOverlay.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.inOverlay.length * 2, 1024));
      grown.set(this.inOverlay);
      this.inOverlay = grown;
    }
    this.inOverlay[id] = 1;
  }

  /** The values of one event. */
  keysOf(id: number): (string | number)[] {
    const changed = id < this.inOverlay.length && this.inOverlay[id] === 1 ? this.overlay.get(id)! : null;
    if (changed) return Array.from(changed, (code) => this.key(code));
    if (id >= this.offsets.length - 1) return [];
    return Array.from(this.values.subarray(this.offsets[id]!, this.offsets[id + 1]!), (code) => this.key(code));
  }

  /**
   * Counts, for every value, the events of `ids` that hold it, and calls `each(code, count)` for
   * every value held by at least one of them.
   */
  count(ids: Uint32Array, each: (code: number, count: number) => void): void {
    const { offsets, values, overlay, inOverlay } = this;
    // Tallies by code in a reused array: typed-array writes, not a map update per value.
    const counts = this.scratch(this.maxCode + 1);
    const touched: number[] = [];
    const last = offsets.length - 1;
    const overlaid = inOverlay.length;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      // An event changed since the build reads its values from the overlay, the others from the arrays.
      if (id < overlaid && inOverlay[id] === 1) {
        for (const code of overlay.get(id)!) if (counts[code]!++ === 0) touched.push(code);
      } else if (id < last) {
        for (let j = offsets[id]!, end = offsets[id + 1]!; j < end; j++) if (counts[values[j]!]!++ === 0) touched.push(values[j]!);
      }
    }
    try {
      for (const code of touched) each(code, counts[code]!);
    } finally {
      for (const code of touched) counts[code] = 0;
    }
  }

  private scratch(size: number): Int32Array {
    if (!this.tally || this.tally.length < size) this.tally = new Int32Array(size);
    return this.tally;
  }
}
