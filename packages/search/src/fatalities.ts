// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search
import type { RoaringBitmap32 } from "./bitmap.ts";

/** An event's reported deaths: low, best and high estimates, each null when not known. */
export interface EventFatalities {
  low: number | null;
  best: number | null;
  high: number | null;
}

/** Sums over a set of events: each estimate over the events that have it (null when none has), and how many have any. */
export interface FatalityTotals {
  low: number | null;
  best: number | null;
  high: number | null;
  /** Events with at least one known figure. */
  events: number;
}

const UNKNOWN = -0x80000000;

/**
 * Every event's fatality figures in typed arrays by event ID, summed over a result set in one pass:
 * a million results cost a few milliseconds, and the figures take 12 bytes an event.
 */
export class Fatalities {
  private low = new Int32Array(0);
  private best = new Int32Array(0);
  private high = new Int32Array(0);
  /** Reused by every sum (summing is synchronous). */
  private ids = new Uint32Array(1024);

  private reserve(id: number) {
    if (id < this.low.length) return;
    const size = Math.max(1024, id + 1, this.low.length * 2);
    const grow = (from: Int32Array) => {
      const to = new Int32Array(size).fill(UNKNOWN);
      to.set(from);
      return to;
    };
    this.low = grow(this.low);
    this.best = grow(this.best);
    this.high = grow(this.high);
  }

  set(id: number, figures: EventFatalities | null) {
    this.reserve(id);
    this.low[id] = figures?.low ?? UNKNOWN;
    this.best[id] = figures?.best ?? UNKNOWN;
    this.high[id] = figures?.high ?? UNKNOWN;
  }

  /** The figures as stored (unknown as the int32 minimum), for a snapshot of the index. */
  dump(): { low: Int32Array; best: Int32Array; high: Int32Array } {
    return { low: this.low, best: this.best, high: this.high };
  }

  /** Takes the figures of a snapshot (as `dump` gave them). */
  restore(figures: { low: Int32Array<ArrayBuffer>; best: Int32Array<ArrayBuffer>; high: Int32Array<ArrayBuffer> }) {
    if (figures.low.length !== figures.best.length || figures.low.length !== figures.high.length)
      throw new Error("fatality arrays of different lengths");
    ({ low: this.low, best: this.best, high: this.high } = figures);
  }

  forget(id: number) {
    if (id < this.low.length) this.set(id, null);
  }

  sum(events: RoaringBitmap32): FatalityTotals {
    if (this.ids.length < events.size) this.ids = new Uint32Array(Math.max(events.size, this.ids.length * 2));
    const ids = events.toUint32Array(this.ids);
    const n = ids.length;
    const { low, best, high } = this;
    const limit = low.length;
    let sumLow = 0,
      sumBest = 0,
      sumHigh = 0,
      withLow = 0,
      withBest = 0,
      withHigh = 0,
      known = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      if (id >= limit) continue;
      const l = low[id]!,
        b = best[id]!,
        h = high[id]!;
      if (l !== UNKNOWN) {
        sumLow += l;
        withLow++;
      }
      if (b !== UNKNOWN) {
        sumBest += b;
        withBest++;
      }
      if (h !== UNKNOWN) {
        sumHigh += h;
        withHigh++;
      }
      if (l !== UNKNOWN || b !== UNKNOWN || h !== UNKNOWN) known++;
    }
    return {
      low: withLow ? sumLow : null,
      best: withBest ? sumBest : null,
      high: withHigh ? sumHigh : null,
      events: known,
    };
  }
}
