// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search
import { RoaringBitmap32 } from "./bitmap.ts";
import type { Cursor } from "./cursor.ts";
import { monthOfDay } from "./days.ts";
import type { FacetIndex } from "./facet-index.ts";
import type { RankGroup } from "./relevance.ts";
import type { Ranked } from "./text.ts";
import { TopK } from "./top-k.ts";

export interface PageEntry {
  id: number;
  day: number;
  rank: number;
}

/**
 * The first `count` results after the cursor in date order, walking the start-month bitmaps from the
 * cursor's month on, so a page costs a few intersections however large the result.
 */
export function pageByDate(
  index: FacetIndex,
  results: RoaringBitmap32,
  isAll: boolean,
  count: number,
  descending: boolean,
  after: Cursor | null,
): PageEntry[] {
  const months = index.months();
  if (!isAll && results.size <= months.length * FEW_PER_MONTH)
    return firstByDate(index, results.toUint32Array(), count, descending, after);
  const out: PageEntry[] = [];
  const afterMonth = after ? monthOfDay(after.day) : null;
  const sign = descending ? -1 : 1;
  for (let i = 0; i < months.length && out.length < count; i++) {
    const month = months[descending ? months.length - 1 - i : i]!;
    if (afterMonth !== null && sign * (month - afterMonth) < 0) continue;
    if (isAll) {
      walkInDateOrder(index, month, null, count, descending, after, out);
      continue;
    }
    const inMonth = index.startMonths.get(month)!;
    const found = inMonth.andCardinality(results);
    if (found === 0) continue;
    if (found * DENSE_MONTH >= inMonth.size) {
      walkInDateOrder(index, month, results, count, descending, after, out);
      continue;
    }
    const ids = RoaringBitmap32.and(inMonth, results).toUint32Array();
    out.push(...firstByDate(index, ids, count - out.length, descending, after));
  }
  return out;
}

/**
 * A month where at least one event in this many is a result is walked in date order, asking the
 * results about each event until the page is full (about 20 × this many questions when the results
 * are spread through the month; the whole month, at worst; 50 ns each): cheaper than reading the
 * start day of each of the month's results, thousands for a broad filter.
 */
const DENSE_MONTH = 16;

/**
 * Adds to `out`, up to `count` in all, the month's events in `results` (every one when null) after
 * the cursor, in date order: from the cursor's place in the month's kept order, found by halving.
 */
function walkInDateOrder(
  index: FacetIndex,
  month: number,
  results: RoaringBitmap32 | null,
  count: number,
  descending: boolean,
  after: Cursor | null,
  out: PageEntry[],
) {
  const sorted = index.monthInDateOrder(month);
  const sign = descending ? -1 : 1;
  const days = index.startDay;
  let from = 0; // steps from the month's first event in the walk's direction
  if (after && monthOfDay(after.day) === month) {
    const at = index.positionInDateOrder(sorted, after.day, after.id);
    from = descending ? sorted.length - at : at;
  }
  for (let j = from; j < sorted.length && out.length < count; j++) {
    const id = sorted[descending ? sorted.length - 1 - j : j]!;
    if (results && !results.has(id)) continue;
    const day = days[id]!;
    if (after && sign * (day - after.day || id - after.id) <= 0) continue;
    out.push({ id, day, rank: 0 });
  }
}

/** Below this many results per month on average, a page reads each result's day instead of walking the months. */
const FEW_PER_MONTH = 8;

/** The first `count` of these IDs after the cursor in date order, by each one's start day. */
function firstByDate(
  index: FacetIndex,
  ids: Uint32Array,
  count: number,
  descending: boolean,
  after: Cursor | null,
): PageEntry[] {
  const sign = descending ? -1 : 1;
  // a before b in the page's order
  const best = new TopK<PageEntry>(count, (a, b) => sign * (a.day - b.day || a.id - b.id) < 0);
  const days = index.startDay;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    const day = days[id]!;
    if (after && sign * (day - after.day || id - after.id) <= 0) continue;
    // most IDs lose to the worst kept entry: refuse them before making an object
    const worst = best.worst;
    if (worst && sign * (day - worst.day || id - worst.id) >= 0) continue;
    best.offer({ id, day, rank: 0 });
  }
  return best.entries;
}

/** Relevance first, then the newer event, then the higher ID: a total order, so cursors are stable. */
function rankedBefore(a: PageEntry, b: PageEntry): boolean {
  return a.rank > b.rank || (a.rank === b.rank && (a.day > b.day || (a.day === b.day && a.id > b.id)));
}

/** The best `count` text matches among the results after the cursor (`reverse`: the worst, before it). */
export function pageByRank(
  index: FacetIndex,
  text: Ranked,
  results: RoaringBitmap32,
  allInResults: boolean,
  count: number,
  after: Cursor | null,
  reverse = false,
): PageEntry[] {
  const cursor = after && after.order === "RELEVANCE" ? { id: after.id, day: after.day, rank: after.rank } : null;
  const before = reverse ? (a: PageEntry, b: PageEntry) => rankedBefore(b, a) : rankedBefore;
  const sign = reverse ? -1 : 1;
  const best = new TopK<PageEntry>(count, before);
  for (let i = 0; i < text.ids.length; i++) {
    const id = text.ids[i]!;
    const rank = text.ranks[i]!;
    const worst = best.entries.length === count ? best.entries[count - 1]! : null;
    if (worst && sign * (rank - worst.rank) < 0) continue;
    if (!allInResults && !results.has(id)) continue;
    const entry = { id, day: index.startDay[id]!, rank };
    if (cursor && !before(cursor, entry)) continue;
    best.offer(entry);
  }
  return best.entries;
}

/**
 * The first `count` results after the cursor by relevance, from groups of equal rank (best first):
 * groups above the cursor's rank are done, its own group continues after the cursor's date and ID,
 * the ones below start from their newest event. `reverse`: the same order read from its end, worst
 * group and oldest event first.
 */
export function pageByGroups(
  index: FacetIndex,
  groups: RankGroup[],
  count: number,
  after: Cursor | null,
  reverse = false,
): PageEntry[] {
  const cursor = after && after.order === "RELEVANCE" ? after : null;
  const sign = reverse ? -1 : 1;
  const out: PageEntry[] = [];
  for (const { rank, events } of reverse ? [...groups].reverse() : groups) {
    if (out.length >= count) break;
    if (cursor && sign * (rank - cursor.rank) > 0) continue;
    const within: Cursor | null =
      cursor && rank === cursor.rank
        ? { order: reverse ? "DATE_ASC" : "DATE_DESC", day: cursor.day, id: cursor.id }
        : null;
    for (const entry of pageByDate(index, events, false, count - out.length, !reverse, within))
      out.push({ ...entry, rank });
  }
  return out;
}
