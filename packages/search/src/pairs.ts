// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the building loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every pair of a build
import { RoaringBitmap32 } from "./bitmap.ts";

/** Entries a chunk: 4 MB of Int32, so a list grows without copying what it holds. */
const CHUNK = 1 << 20;

/** A list of 32-bit integers in fixed-size chunks: 4 bytes an entry, and growing copies nothing. */
export class IntList {
  private readonly chunks: Int32Array[] = [];
  private last = new Int32Array(0);
  private used = CHUNK;
  length = 0;

  push(value: number) {
    if (this.used === CHUNK) {
      this.last = new Int32Array(CHUNK);
      this.chunks.push(this.last);
      this.used = 0;
    }
    this.last[this.used++] = value;
    this.length++;
  }

  /** The entries, chunk by chunk: each chunk's first `length` entries. */
  *parts(): Iterable<{ values: Int32Array; length: number }> {
    for (let i = 0; i < this.chunks.length; i++)
      yield { values: this.chunks[i]!, length: i === this.chunks.length - 1 ? this.used : CHUNK };
  }

  /** All entries in one array (as unsigned: event IDs). */
  toUint32Array(): Uint32Array {
    const out = new Uint32Array(this.length);
    let at = 0;
    for (const { values, length } of this.parts()) {
      out.set(values.subarray(0, length), at);
      at += length;
    }
    return out;
  }

  clear() {
    this.chunks.length = 0;
    this.last = new Int32Array(0);
    this.used = CHUNK;
    this.length = 0;
  }
}

/**
 * (event, value) pairs as the index loader reads them from PostgreSQL, with each distinct value
 * held once and the pairs as two integer lists: 8 bytes a pair, where arrays of numbers and a string
 * a pair took over 40. At ten million events there are about a hundred million pairs, and this is
 * what keeps the build's memory near that of the index it builds. Codes follow the order in which
 * values first arrived.
 */
export class Pairs<K extends string | number = string | number> {
  readonly keys: K[] = [];
  private readonly codeOf = new Map<K, number>();
  readonly events = new IntList();
  readonly codes = new IntList();

  get length(): number {
    return this.events.length;
  }

  push(key: K, event: number) {
    let code = this.codeOf.get(key);
    if (code === undefined) {
      code = this.keys.length;
      this.codeOf.set(key, code);
      this.keys.push(key);
    }
    this.events.push(event);
    this.codes.push(code);
  }

  /** Adds each value's events to its bitmap in `target` (made when missing). */
  into(target: Map<K, RoaringBitmap32>) {
    const { offsets, events } = groupByCode(this.codes, this.events, this.keys.length);
    for (let code = 0; code < this.keys.length; code++) {
      const ids = events.subarray(offsets[code]!, offsets[code + 1]!);
      if (ids.length === 0) continue;
      const key = this.keys[code]!;
      const existing = target.get(key);
      if (existing) existing.addMany(ids);
      else target.set(key, new RoaringBitmap32(ids));
    }
  }

  clear() {
    this.keys.length = 0;
    this.codeOf.clear();
    this.events.clear();
    this.codes.clear();
  }
}

/**
 * The events grouped by code (a counting sort): code c's events are `events[offsets[c]]` up to
 * `events[offsets[c + 1]]`, in arrival order. `codes` and `events` run side by side.
 */
export function groupByCode(
  codes: IntList,
  events: IntList,
  codeCount: number,
): { offsets: Int32Array; events: Uint32Array } {
  const offsets = new Int32Array(codeCount + 1);
  for (const { values, length } of codes.parts()) for (let i = 0; i < length; i++) offsets[values[i]! + 1]!++;
  for (let c = 1; c <= codeCount; c++) offsets[c]! += offsets[c - 1]!;
  const cursor = offsets.slice(0, codeCount);
  const grouped = new Uint32Array(codes.length);
  const codeParts = [...codes.parts()];
  let part = 0;
  for (const { values, length } of events.parts()) {
    const ofPart = codeParts[part++]!.values;
    for (let i = 0; i < length; i++) grouped[cursor[ofPart[i]!]!++] = values[i]!;
  }
  return { offsets, events: grouped };
}
