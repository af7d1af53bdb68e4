// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search
import { RoaringBitmap32 } from "./bitmap.ts";
import { dayFromIso, monthOfDay } from "./days.ts";

/** What a date range is worked out from: events by start and end month, and each event's days. */
export interface DatedEvents {
  readonly startMonths: Map<number, RoaringBitmap32>;
  readonly endMonths: Map<number, RoaringBitmap32>;
  readonly startDay: Int32Array;
  readonly endDay: Int32Array;
}

interface Range {
  from: number | null;
  to: number | null;
  events: RoaringBitmap32;
}

/** How many ranges are kept (the most recently added). */
const KEPT = 64;

/**
 * The events of a date range (`from`/`to` of a search), kept for the ranges searched recently and
 * brought up to date by each write (an event in or out of each kept range) rather than worked out
 * again after it: a range costs a union of month bitmaps and a look at every event of its edge months.
 */
export class DateRanges {
  private readonly kept = new Map<string, Range>();

  constructor(private readonly index: DatedEvents) {}

  /**
   * Events that start on or before `to` and end on or after `from` (as the `events` query reads
   * them); null when neither is given. The index's own bitmap, changed by later writes: a caller
   * that keeps it beyond the moment clones it.
   */
  get(from: string | undefined, to: string | undefined): RoaringBitmap32 | null {
    if (!from && !to) return null;
    const key = `${from ?? ""}/${to ?? ""}`;
    let range = this.kept.get(key);
    if (!range) {
      const days = { from: from ? dayFromIso(from) : null, to: to ? dayFromIso(to) : null };
      range = { ...days, events: this.compute(days) };
      if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(key, range);
    }
    return range.events;
  }

  /** An event left the index (or is about to be added again). */
  removed(id: number) {
    for (const range of this.kept.values()) range.events.remove(id);
  }

  /** An event joined the index with these days. */
  added(id: number, startDay: number, endDay: number) {
    for (const range of this.kept.values()) {
      if ((range.from === null || endDay >= range.from) && (range.to === null || startDay <= range.to))
        range.events.add(id);
    }
  }

  private compute({ from, to }: Pick<Range, "from" | "to">): RoaringBitmap32 {
    const { startMonths, endMonths, startDay, endDay } = this.index;
    const parts: RoaringBitmap32[] = [];
    if (from !== null) parts.push(monthRange(endMonths, endDay, from, 1));
    if (to !== null) parts.push(monthRange(startMonths, startDay, to, -1));
    return parts.length === 1 ? parts[0]! : RoaringBitmap32.and(parts[0]!, parts[1]!);
  }
}

/** Events whose day (in `days`) is >= bound (direction 1) or <= bound (direction -1). */
function monthRange(
  months: Map<number, RoaringBitmap32>,
  days: Int32Array,
  bound: number,
  direction: 1 | -1,
): RoaringBitmap32 {
  const boundary = monthOfDay(bound);
  const whole: RoaringBitmap32[] = [];
  for (const [month, bitmap] of months) if (direction * (month - boundary) > 0) whole.push(bitmap);
  const result = RoaringBitmap32.orMany(whole);
  const edge = months.get(boundary);
  if (edge) for (const id of edge.toUint32Array()) if (direction * (days[id]! - bound) >= 0) result.add(id);
  return result;
}
