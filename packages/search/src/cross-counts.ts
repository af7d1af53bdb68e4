// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search
import { FACET_FIELDS, type FacetField } from "@parley/schema";
import type { RoaringBitmap32 } from "./bitmap.ts";
import type { FacetKey } from "./facet-key.ts";
import { type ForwardField, type ForwardIndex, START_MONTH } from "./forward.ts";

/**
 * A field with at most this many values at the build gets a row for every value (and for each new
 * one, up to this many). Types, roles and countries are few; actors and places are thousands.
 */
export const FEW_VALUES = 200;
/** A value of a many-valued field gets a row when it holds at least this many events at the build. */
const ROW_MIN_EVENTS = 10_000;
/** An event has exactly one value of these fields, so the rows of several values add up. */
const SINGLE_VALUED: readonly FacetField[] = ["TYPE"];

/** One set of events: how many of them hold each facet value and start in each month, by forward code. */
export class Row {
  counts: Int32Array;

  constructor(codes: number) {
    this.counts = new Int32Array(Math.max(64, codes));
  }

  /** Makes room for codes below `codes`. */
  reserve(codes: number) {
    if (codes <= this.counts.length) return;
    const grown = new Int32Array(codes);
    grown.set(this.counts);
    this.counts = grown;
  }

  count(code: number): number {
    return code < this.counts.length ? this.counts[code]! : 0;
  }

  change(codes: ArrayLike<number>, delta: number) {
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (code >= this.counts.length) this.reserve(Math.max(code + 1, this.counts.length * 2));
      this.counts[code]! += delta;
    }
  }
}

/** Events described by rows: those of every `plus` row (disjoint from each other) less those of the `minus` rows (each within them). */
export interface RowSet {
  plus: Row[];
  minus: Row[];
}

/** What the rows are counted from: the facet index as built. */
export interface BuiltIndex {
  readonly all: RoaringBitmap32;
  readonly contested: RoaringBitmap32;
  readonly startDay: Int32Array;
  readonly fields: Record<FacetField, Map<FacetKey, RoaringBitmap32>>;
}

/**
 * Facet counts kept in advance for the sets of events a single choice gives: every event, the
 * contested ones, and the events of each value of a few-valued facet (a type, a role, a country, an
 * outlet) or of a large value of a many-valued one (an actor or place in 10,000 events or more).
 * Each row holds, for every value of every facet, how many of its events hold it, and how many
 * start in each month. A search whose facet scope is one such set (one ticked type, or contested
 * alone) reads its counts here instead of intersecting thousands of bitmaps with the scope. Writes
 * keep the rows exact: a changed event is taken out of its rows and put back with its new values.
 */
export class CrossCounts {
  private readonly rows: Row[] = [];
  readonly all: Row;
  readonly contested: Row;
  /** The row of each value that has one, by forward code. */
  private byCode: (Row | undefined)[] = [];
  /** Fields in which each new value gets a row (while they have few): every field until a build says otherwise. */
  private readonly everyValue = new Set<ForwardField>(FACET_FIELDS.codes);
  private readonly rowsOfField = new Map<ForwardField, number>();
  /** Every event, as rows: the scope of a search without filters. */
  readonly every: RowSet;

  constructor(private readonly forward: ForwardIndex<ForwardField>) {
    this.all = this.newRow();
    this.contested = this.newRow();
    this.every = { plus: [this.all], minus: [] };
  }

  private newRow(): Row {
    const row = new Row(this.forward.codeCount);
    this.rows.push(row);
    return row;
  }

  private rowForCode(code: number): Row {
    let row = this.byCode[code];
    if (!row) {
      row = this.byCode[code] = this.newRow();
      const field = this.forward.fieldOfCode(code);
      this.rowsOfField.set(field, (this.rowsOfField.get(field) ?? 0) + 1);
    }
    return row;
  }

  /** How many rows are kept, and their memory. */
  stats() {
    return { rows: this.rows.length, bytes: this.rows.reduce((sum, r) => sum + r.counts.byteLength, 0) };
  }

  /**
   * Counts every row from the index as built: rows for every value of the fields with few values
   * and for the large values of the others.
   */
  build(index: BuiltIndex) {
    const { forward } = this;
    this.all.reserve(forward.codeCount);
    this.contested.reserve(forward.codeCount);
    for (const field of FACET_FIELDS.codes) {
      const values = index.fields[field];
      const every = values.size <= FEW_VALUES;
      if (!every) this.everyValue.delete(field);
      for (const [key, bitmap] of values) {
        const code = forward.codesOfField(field).get(key);
        if (code !== undefined && (every || bitmap.size >= ROW_MIN_EVENTS)) this.rowForCode(code);
      }
    }
    // Row by row, each over its own events: one row's counts stay in the cache while its events'
    // values stream past, where going event by event touched a dozen rows scattered in memory each
    // time (two thirds of a snapshot's load at a million events).
    forward.tallyInto(index.all.toUint32Array(), this.all.counts);
    forward.tallyInto(index.contested.toUint32Array(), this.contested.counts);
    for (const field of FACET_FIELDS.codes) {
      const codes = forward.codesOfField(field);
      for (const [key, bitmap] of index.fields[field]) {
        const code = codes.get(key);
        const row = code === undefined ? undefined : this.byCode[code];
        if (row) forward.tallyInto(bitmap.toUint32Array(), row.counts);
      }
    }
  }

  /** The rows as they stand, for a snapshot: every event's, the contested ones', and each value's by its code. */
  dump(): {
    all: Int32Array;
    contested: Int32Array;
    codes: Int32Array;
    rows: Int32Array[];
    everyValue: ForwardField[];
  } {
    const codes: number[] = [];
    const rows: Int32Array[] = [];
    this.byCode.forEach((row, code) => {
      if (!row) return;
      codes.push(code);
      rows.push(row.counts);
    });
    return {
      all: this.all.counts,
      contested: this.contested.counts,
      codes: Int32Array.from(codes),
      rows,
      everyValue: [...this.everyValue],
    };
  }

  /** Takes the rows of a snapshot (as `dump` gave them) in place of counting them: for an index restored from the same snapshot. */
  restore(dumped: {
    all: Int32Array<ArrayBuffer>;
    contested: Int32Array<ArrayBuffer>;
    codes: Int32Array;
    rows: Int32Array<ArrayBuffer>[];
    everyValue: ForwardField[];
  }) {
    if (dumped.codes.length !== dumped.rows.length) throw new Error("kept counts: a row for every code is needed");
    this.all.counts = dumped.all;
    this.contested.counts = dumped.contested;
    this.everyValue.clear();
    for (const field of dumped.everyValue) this.everyValue.add(field);
    dumped.codes.forEach((code, i) => {
      if (code >= this.forward.codeCount) throw new Error(`kept counts: code ${code} is not in the forward lists`);
      this.rowForCode(code).counts = dumped.rows[i]!;
    });
  }

  /** Takes an event out of its rows (delta -1) or puts it in (delta 1); its codes include its start month's. */
  change(codes: ArrayLike<number>, contested: boolean, delta: 1 | -1) {
    this.all.change(codes, delta);
    if (contested) this.contested.change(codes, delta);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      let row = this.byCode[code];
      // A value first seen since the build: it had no events before this one, so its row starts empty.
      if (!row && delta > 0) {
        const field = this.forward.fieldOfCode(code);
        if (this.everyValue.has(field) && (this.rowsOfField.get(field) ?? 0) < FEW_VALUES) row = this.rowForCode(code);
      }
      row?.change(codes, delta);
    }
  }

  /** The rows of the events holding any of `keys` in `field`, or null when there are none that add up to it. */
  rowsFor(field: FacetField, keys: readonly FacetKey[]): RowSet | null {
    if (keys.length !== 1 && !SINGLE_VALUED.includes(field)) return null;
    const plus: Row[] = [];
    for (const key of new Set(keys)) {
      const code = this.forward.codesOfField(field).get(key);
      const row = code === undefined ? undefined : this.byCode[code];
      if (!row) return null;
      plus.push(row);
    }
    return { plus, minus: [] };
  }

  /** The contested events (`true`) or the others (`false`). */
  contestedRows(contested: boolean): RowSet {
    return contested ? { plus: [this.contested], minus: [] } : { plus: [this.all], minus: [this.contested] };
  }

  /**
   * The rows of (base AND every filter), or null when none describe it: a base with no filter, or
   * every event with one filter. `base` null: the base has no rows (text, dates).
   */
  scope(base: RowSet | null, filters: { field: FacetField; keys: readonly FacetKey[] }[]): RowSet | null {
    if (base === null) return null;
    if (filters.length === 0) return base;
    if (filters.length > 1 || base !== this.every) return null;
    return this.rowsFor(filters[0]!.field, filters[0]!.keys);
  }

  /** How many events of the set hold the value with this code. */
  count(set: RowSet, code: number): number {
    let n = 0;
    for (const row of set.plus) n += row.count(code);
    for (const row of set.minus) n -= row.count(code);
    return n;
  }

  /** How many events of the set hold `key` in `field`. */
  countOf(set: RowSet, field: FacetField, key: FacetKey): number {
    const code = this.forward.codesOfField(field).get(key);
    return code === undefined ? 0 : this.count(set, code);
  }

  /** Calls `each(key, count)` for every value of `field` that some event of the set holds. */
  eachCount(set: RowSet, field: FacetField, each: (key: FacetKey, count: number) => void) {
    // forEach, not for…of: iterating a Map's entries allocates an array per value, and actors and
    // places have tens of thousands of values (half a megabyte of garbage a search).
    if (set.plus.length === 1 && set.minus.length === 0) {
      const counts = set.plus[0]!.counts;
      this.forward.codesOfField(field).forEach((code, key) => {
        const n = code < counts.length ? counts[code]! : 0;
        if (n > 0) each(key, n);
      });
      return;
    }
    this.forward.codesOfField(field).forEach((code, key) => {
      const n = this.count(set, code);
      if (n > 0) each(key, n);
    });
  }

  /** The set's events by start month (months without events left out). */
  months(set: RowSet): Map<number, number> {
    const out = new Map<number, number>();
    this.forward.codesOfField(START_MONTH).forEach((code, month) => {
      const n = this.count(set, code);
      if (n > 0) out.set(month as number, n);
    });
    return out;
  }
}
