// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search
import type { DateInterval } from "@parley/schema";
import type { RoaringBitmap32 } from "./bitmap.ts";
import { bucketStart, firstDayOfMonth, isoFromDay, nextBucket } from "./days.ts";
import type { FacetIndex } from "./facet-index.ts";

export interface DateBucket {
  start: string;
  count: number;
}

/**
 * Month and year buckets come from the start-month bitmaps (one intersection count a month) unless
 * the results are fewer than this many per month, when reading each result's start day is cheaper.
 */
const BITMAP_ABOVE_PER_MONTH = 400;

/**
 * Results by start date, every bucket from the first to the last non-empty one (zeros included).
 * `months`: the results' counts by start month where the index keeps them (a single choice).
 */
export function histogram(
  index: FacetIndex,
  results: RoaringBitmap32,
  isAll: boolean,
  interval: DateInterval,
  months: ReadonlyMap<number, number> | null = null,
): DateBucket[] {
  const counts = new Map<number, number>();
  const byMonthBitmap = isAll || results.size > index.months().length * BITMAP_ABOVE_PER_MONTH;
  if ((interval === "MONTH" || interval === "YEAR") && months) {
    months.forEach((count, month) => {
      const start = firstDayOfMonth(interval === "MONTH" ? month : month - (month % 12));
      counts.set(start, (counts.get(start) ?? 0) + count);
    });
  } else if ((interval === "MONTH" || interval === "YEAR") && byMonthBitmap) {
    for (const month of index.months()) {
      const bitmap = index.startMonths.get(month)!;
      const count = isAll ? bitmap.size : bitmap.andCardinality(results);
      if (count === 0) continue;
      const start = firstDayOfMonth(interval === "MONTH" ? month : month - (month % 12));
      counts.set(start, (counts.get(start) ?? 0) + count);
    }
  } else {
    // Days arrive in order: a bucket's bounds are worked out once, at its first day.
    let bucket = 0;
    let next = -Infinity;
    tallyByDay(index, results, (day, count) => {
      if (day >= next) {
        bucket = bucketStart(day, interval);
        next = nextBucket(bucket, interval);
      }
      counts.set(bucket, (counts.get(bucket) ?? 0) + count);
    });
  }
  if (counts.size === 0) return [];
  const starts = [...counts.keys()];
  const last = Math.max(...starts);
  const buckets: DateBucket[] = [];
  for (let day = Math.min(...starts); day <= last; day = nextBucket(day, interval))
    buckets.push({ start: bucketIso(day), count: counts.get(day) ?? 0 });
  return buckets;
}

/**
 * The ISO text of a bucket's first day, remembered: every search draws a timeline of a few hundred
 * months, and making each text anew (a Date and its toISOString) was 1.5 % of the API's CPU under
 * load (pnpm bench load, 2026-12-07). Bounded, so day buckets over millennia cannot grow it for ever.
 */
const isoTexts = new Map<number, string>();
function bucketIso(day: number): string {
  let text = isoTexts.get(day);
  if (text === undefined) {
    if (isoTexts.size >= 50_000) isoTexts.clear();
    text = isoFromDay(day);
    isoTexts.set(day, text);
  }
  return text;
}

/** The span of start days a tally array may cover; beyond it (millennia of dates) a map is used. */
const MAX_TALLY_DAYS = 400_000;

/**
 * Counts the results by start day in a typed array over the days the index spans, then calls
 * `each(day, count)` for every day with results, in order.
 */
function tallyByDay(index: FacetIndex, results: RoaringBitmap32, each: (day: number, count: number) => void) {
  const months = index.months();
  if (months.length === 0) return;
  const ids = results.toUint32Array();
  const { startDay } = index;
  const first = firstDayOfMonth(months[0]!);
  const span = firstDayOfMonth(months.at(-1)! + 1) - first;
  if (span > MAX_TALLY_DAYS) {
    const byDay = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) {
      const day = startDay[ids[i]!]!;
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
    for (const day of [...byDay.keys()].sort((a, b) => a - b)) each(day, byDay.get(day)!);
    return;
  }
  const tally = new Int32Array(span);
  for (let i = 0; i < ids.length; i++) tally[startDay[ids[i]!]! - first]!++;
  for (let d = 0; d < span; d++) if (tally[d]! > 0) each(first + d, tally[d]!);
}
