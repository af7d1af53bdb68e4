import { RoaringBitmap32 } from "./bitmap.ts";
import type { FacetIndex } from "./facet-index.ts";
import type { TextMatch } from "./text.ts";
import { monthOfDay } from "./days.ts";
import type { Cursor } from "./cursor.ts";

export interface PageEntry {
  id: number;
  day: number;
  rank: number;
}

/**
 * The first `count` results after the cursor in date order, walking the start-month bitmaps from the
 * cursor's month on, so a page costs a few intersections however large the result.
 */
export function pageByDate(index: FacetIndex, results: RoaringBitmap32, isAll: boolean, count: number, descending: boolean, after: Cursor | null): PageEntry[] {
  const months = index.months();
  const out: PageEntry[] = [];
  const afterMonth = after ? monthOfDay(after.day) : null;
  const sign = descending ? -1 : 1;
  for (let i = 0; i < months.length && out.length < count; i++) {
    const month = months[descending ? months.length - 1 - i : i]!;
    if (afterMonth !== null && sign * (month - afterMonth) < 0) continue;
    const bitmap = index.startMonths.get(month)!;
    const ids = isAll ? bitmap.toUint32Array() : RoaringBitmap32.and(bitmap, results).toUint32Array();
    const entries: PageEntry[] = [];
    for (const id of ids) {
      const day = index.startDay[id]!;
      if (after && sign * (day - after.day || id - after.id) <= 0) continue;
      entries.push({ id, day, rank: 0 });
    }
    entries.sort((a, b) => sign * (a.day - b.day || a.id - b.id));
    for (const e of entries) {
      if (out.length >= count) break;
      out.push(e);
    }
  }
  return out;
}

/** Relevance first, then the newer event, then the higher ID: a total order, so cursors are stable. */
function before(a: PageEntry, b: PageEntry): boolean {
  return a.rank > b.rank || (a.rank === b.rank && (a.day > b.day || (a.day === b.day && a.id > b.id)));
}

/** The best `count` text matches among the results after the cursor. */
export function pageByRank(index: FacetIndex, text: TextMatch, results: RoaringBitmap32, resultsAreText: boolean, count: number, after: Cursor | null): PageEntry[] {
  const cursor = after && after.order === "RELEVANCE" ? { id: after.id, day: after.day, rank: after.rank } : null;
  const best: PageEntry[] = [];
  for (let i = 0; i < text.ids.length; i++) {
    const id = text.ids[i]!;
    const rank = text.ranks[i]!;
    if (best.length === count) {
      const worst = best[count - 1]!;
      if (rank < worst.rank) continue;
    }
    if (!resultsAreText && !results.has(id)) continue;
    const entry = { id, day: index.startDay[id]!, rank };
    if (cursor && !before(cursor, entry)) continue;
    if (best.length === count && !before(entry, best[count - 1]!)) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && before(entry, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = entry;
  }
  return best;
}
