// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search
import type { FacetField } from "@parley/schema";
import type { Pairs } from "./pairs.ts";

/**
 * The index's forward lists hold each event's start month too, as one more code beside its facet
 * values: a pass that counts the facets of a set of events counts their months at no extra cost.
 */
export const START_MONTH = "START_MONTH";
export type ForwardField = FacetField | typeof START_MONTH;

export type FieldValues<F extends string = string> = Partial<Record<F, readonly (string | number)[]>>;

/**
 * Results sparser than one event in this many IDs are counted with reads ahead, so many places
 * ahead for the offsets and for the values. Measured at a million events with cold caches (as they
 * are between requests under load): 12,200 results 3.8 → 2.6 ms; 37,000 (one in 27) no change;
 * 78,000–87,000 (one in 12) ~20 % slower, hence the threshold.
 */
const SPARSE_BELOW_ONE_IN = 40;
const TOUCH_OFFSETS_AHEAD = 16;
const TOUCH_VALUES_AHEAD = 8;

/**
 * Each event's facet values, all fields together, as codes: the other way round from the bitmaps.
 * Counting facets over a small result set is cheaper this way (touch each result's few values) than
 * intersecting every value's bitmap with it. An event's values of every field lie side by side, so
 * one pass over the results counts all the facets that share a scope, and a result costs about one
 * cache miss for its list whatever the number of facets. Built once in compact arrays; events that
 * changed since live in an overlay.
 */
export class ForwardIndex<F extends string = string> {
  private offsets = new Int32Array(1);
  /** Each event's codes from offsets[id] to offsets[id + 1]; 16-bit while codes fit (half the memory to read). */
  private values: Uint16Array | Int32Array = new Uint16Array(0);
  private readonly overlay = new Map<number, Int32Array>();
  /** 1 for each event ID in the overlay: a typed-array read per event instead of a map lookup. */
  private inOverlay = new Uint8Array(0);
  /** Per field, each value's code; codes are dense over all fields. */
  private readonly codes = new Map<F, Map<string | number, number>>();
  private readonly keys: (string | number)[] = [];
  /** The field of each code, as its position in `fields`. */
  private fieldOf = new Uint8Array(64);
  /** The tally reused by every count (counting is synchronous, so one array serves). */
  private tally = new Int32Array(64);
  /** What the reads ahead in `count` saw (nothing uses it). */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: written so that the reads ahead are not optimised away
  private touched = 0;

  constructor(readonly fields: readonly F[]) {
    for (const field of fields) this.codes.set(field, new Map());
  }

  private code(field: F, key: string | number): number {
    const codes = this.codes.get(field)!;
    let code = codes.get(key);
    if (code === undefined) {
      code = this.keys.length;
      codes.set(key, code);
      this.keys.push(key);
      if (code >= this.fieldOf.length) {
        const grown = new Uint8Array(this.fieldOf.length * 2);
        grown.set(this.fieldOf);
        this.fieldOf = grown;
        this.tally = new Int32Array(grown.length);
      }
      this.fieldOf[code] = this.fields.indexOf(field);
    }
    return code;
  }

  /**
   * Builds the arrays from (event, value) pairs of each field, in any order; an event holds each
   * value once however often a pair repeats. Codes follow the fields' order, then each field's
   * values in the order they first arrived.
   */
  build(pairs: Partial<Record<F, Pairs>>, maxId: number) {
    const lists = this.fields.flatMap((field) => (pairs[field] ? [{ field, pairs: pairs[field]! }] : []));
    const counts = new Int32Array(maxId + 2);
    for (const { pairs } of lists)
      for (const { values: events, length } of pairs.events.parts())
        for (let i = 0; i < length; i++) counts[events[i]! + 1]!++;
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    const offsets = counts.slice();
    const values = new Int32Array(counts[counts.length - 1]!);
    const cursor = counts;
    for (const { field, pairs } of lists) {
      const global = Int32Array.from(pairs.keys, (key) => this.code(field, key));
      const codeParts = [...pairs.codes.parts()];
      let part = 0;
      for (const { values: events, length } of pairs.events.parts()) {
        const local = codeParts[part++]!.values;
        for (let i = 0; i < length; i++) values[cursor[events[i]!]!++] = global[local[i]!]!;
      }
    }
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
    const built = values.subarray(0, kept);
    this.values = this.keys.length <= 0x10000 ? Uint16Array.from(built) : built.slice();
    this.overlay.clear();
    this.inOverlay = new Uint8Array(0);
  }

  /**
   * The index in compact arrays, events changed since the build included, for a snapshot: each
   * code's key and field (as its position in `fields`), and each event's codes from offsets[id] to
   * offsets[id + 1].
   */
  dump(): { keys: (string | number)[]; fieldOf: Uint8Array; offsets: Int32Array; values: Uint16Array | Int32Array } {
    const keys = this.keys.slice();
    const fieldOf = this.fieldOf.slice(0, keys.length);
    if (this.overlay.size === 0) return { keys, fieldOf, offsets: this.offsets, values: this.values };
    const last = Math.max(this.offsets.length - 1, this.inOverlay.length);
    const offsets = new Int32Array(last + 1);
    let total = 0;
    for (let id = 0; id < last; id++) total += this.codesOf(id).length;
    const values = keys.length <= 0x10000 ? new Uint16Array(total) : new Int32Array(total);
    let at = 0;
    for (let id = 0; id < last; id++) {
      offsets[id] = at;
      const codes = this.codesOf(id);
      values.set(codes, at);
      at += codes.length;
    }
    offsets[last] = at;
    return { keys, fieldOf, offsets, values };
  }

  /** Takes the arrays of a snapshot (as `dump` gave them), in place of whatever was built. */
  restore(dumped: {
    keys: (string | number)[];
    fieldOf: Uint8Array;
    offsets: Int32Array<ArrayBuffer>;
    values: Uint16Array | Int32Array;
  }) {
    const { keys, fieldOf, offsets, values } = dumped;
    if (fieldOf.length !== keys.length) throw new Error("forward index: a field for every key is needed");
    for (const codes of this.codes.values()) codes.clear();
    this.keys.length = 0;
    const size = Math.max(64, keys.length);
    this.fieldOf = new Uint8Array(size);
    this.tally = new Int32Array(size);
    keys.forEach((key, code) => {
      const field = this.fields[fieldOf[code]!];
      if (field === undefined) throw new Error(`forward index: code ${code} has no field`);
      this.codes.get(field)!.set(key, code);
      this.keys.push(key);
      this.fieldOf[code] = fieldOf[code]!;
    });
    this.offsets = offsets;
    this.values = values;
    this.overlay.clear();
    this.inOverlay = new Uint8Array(0);
  }

  /** Replaces an event's values (every field; a field left out has none). */
  set(id: number, values: FieldValues<F>) {
    const codes = new Set<number>();
    for (const field of this.fields) for (const key of values[field] ?? []) codes.add(this.code(field, key));
    this.overlay.set(id, Int32Array.from(codes));
    if (id >= this.inOverlay.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.inOverlay.length * 2, 1024));
      grown.set(this.inOverlay);
      this.inOverlay = grown;
    }
    this.inOverlay[id] = 1;
  }

  /** The codes of one event's values, every field together. */
  codesOf(id: number): Uint16Array | Int32Array {
    if (id < this.inOverlay.length && this.inOverlay[id] === 1) return this.overlay.get(id)!;
    if (id >= this.offsets.length - 1) return new Int32Array(0);
    return this.values.subarray(this.offsets[id]!, this.offsets[id + 1]!);
  }

  /** How many codes there are: every code is below this. */
  get codeCount(): number {
    return this.keys.length;
  }

  /** Each value of a field with its code. */
  codesOfField(field: F): ReadonlyMap<string | number, number> {
    return this.codes.get(field)!;
  }

  /** The field of a code. */
  fieldOfCode(code: number): F {
    return this.fields[this.fieldOf[code]!]!;
  }

  /** The values of one event, by field (fields without values left out). */
  valuesOf(id: number): FieldValues<F> {
    const out: Partial<Record<F, (string | number)[]>> = {};
    for (const code of this.codesOf(id)) {
      const field = this.fields[this.fieldOf[code]!]!;
      out[field] ??= [];
      out[field].push(this.keys[code]!);
    }
    return out;
  }

  /**
   * Counts, for every value of the given fields, the events of `ids` that hold it, and calls
   * `each(field, key, count)` for every such value held by at least one of them.
   */
  count(ids: Uint32Array, fields: readonly F[], each: (field: F, key: string | number, count: number) => void): void {
    const { fieldOf, keys } = this;
    // Tallies by code in a reused array: typed-array writes, not a map update per value.
    const tally = this.tally;
    this.tallyInto(ids, tally);
    // Codes are few (one per actor, place, outlet, type, role and country), so every one is read.
    let wanted = 0;
    for (const field of fields) wanted |= 1 << this.fields.indexOf(field);
    const n = keys.length;
    try {
      for (let code = 0; code < n; code++) {
        const count = tally[code]!;
        if (count !== 0 && (wanted & (1 << fieldOf[code]!)) !== 0)
          each(this.fields[fieldOf[code]!]!, keys[code]!, count);
      }
    } finally {
      tally.fill(0, 0, n);
    }
  }

  /** Adds 1 to `counts[code]` for each value (every field) of each event of `ids`; `counts` covers every code. */
  tallyInto(ids: Uint32Array, counts: Int32Array): void {
    const { offsets, values, overlay, inOverlay } = this;
    const last = offsets.length - 1;
    const overlaid = inOverlay.length;
    const results = ids.length;
    // Sparse results are spread over the arrays, one cache miss for the offsets and one for the values
    // of each: those of the results a few places ahead are touched first, so that their misses overlap
    // with this result's counting. Dense results need no help (the hardware prefetches runs of them).
    const sparse = results * SPARSE_BELOW_ONE_IN < last;
    let touched = 0;
    for (let i = 0; i < results; i++) {
      if (sparse) {
        const far = i + TOUCH_OFFSETS_AHEAD;
        if (far < results && ids[far]! < last) touched ^= offsets[ids[far]!]!;
        const near = i + TOUCH_VALUES_AHEAD;
        if (near < results && ids[near]! < last) touched ^= values[offsets[ids[near]!]!]! | 0;
      }
      const id = ids[i]!;
      // An event changed since the build reads its values from the overlay, the others from the arrays.
      if (id < overlaid && inOverlay[id] === 1) {
        for (const code of overlay.get(id)!) counts[code]!++;
      } else if (id < last) {
        for (let j = offsets[id]!, end = offsets[id + 1]!; j < end; j++) counts[values[j]!]!++;
      }
    }
    this.touched = touched; // kept, so that the reads ahead are not optimised away
  }
}
