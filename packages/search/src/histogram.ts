import type { RoaringBitmap32 } from "./bitmap.ts";
import type { DateInterval } from "@parley/schema";
import type { FacetIndex } from "./facet-index.ts";
import { bucketStart, firstDayOfMonth, isoFromDay, nextBucket } from "./days.ts";

export interface DateBucket {
  start: string;
  count: number;
}

/** Results by start date, every bucket from the first to the last non-empty one (zeros included). */
export function histogram(index: FacetIndex, results: RoaringBitmap32, isAll: boolean, interval: DateInterval): DateBucket[] {
  const counts = new Map<number, number>();
  if (interval === "MONTH" || interval === "YEAR") {
    for (const month of index.months()) {
      const bitmap = index.startMonths.get(month)!;
      const count = isAll ? bitmap.size : bitmap.andCardinality(results);
      if (count === 0) continue;
      const start = firstDayOfMonth(interval === "MONTH" ? month : month - (month % 12));
      counts.set(start, (counts.get(start) ?? 0) + count);
    }
  } else {
    for (const id of results.toUint32Array()) {
      const start = bucketStart(index.startDay[id]!, interval);
      counts.set(start, (counts.get(start) ?? 0) + 1);
    }
  }
  if (counts.size === 0) return [];
  const starts = [...counts.keys()];
  const last = Math.max(...starts);
  const buckets: DateBucket[] = [];
  for (let day = Math.min(...starts); day <= last; day = nextBucket(day, interval)) buckets.push({ start: isoFromDay(day), count: counts.get(day) ?? 0 });
  return buckets;
}
