/**
 * Each event's values of one facet (its actors, its places…), as codes: the other way round from the
 * bitmaps. Counting a facet over a small result set is cheaper this way (touch each result's few
 * values) than intersecting every value's bitmap with it. Built once in compact arrays; events that
 * changed since live in an overlay.
 */
export class ForwardIndex {
  private offsets = new Int32Array(1);
  private values = new Int32Array(0);
  private readonly overlay = new Map<number, number[]>();
  /** String values (types, roles, countries) get small codes; numeric ones are their own codes. */
  private readonly codes = new Map<string | number, number>();
  readonly keys: (string | number)[] = [];

  constructor(private readonly numeric: boolean) {}

  code(key: string | number): number {
    if (this.numeric) return key as number;
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.keys.length;
      this.codes.set(key, code);
      this.keys.push(key);
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
  }

  set(id: number, keys: (string | number)[]) {
    this.overlay.set(id, keys.map((k) => this.code(k)));
  }

  /**
   * Counts, for every value, the events of `ids` that hold it (each event once per value).
   * Returns the codes with their counts.
   */
  count(ids: Uint32Array): Map<number, number> {
    const counts = new Map<number, number>();
    const seen = new Map<number, number>();
    const { offsets, values, overlay } = this;
    const add = (code: number, id: number) => {
      if (seen.get(code) === id) return;
      seen.set(code, id);
      counts.set(code, (counts.get(code) ?? 0) + 1);
    };
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const changed = overlay.size > 0 ? overlay.get(id) : undefined;
      if (changed) for (const code of changed) add(code, id);
      else if (id + 1 < offsets.length) for (let j = offsets[id]!; j < offsets[id + 1]!; j++) add(values[j]!, id);
    }
    return counts;
  }
}
