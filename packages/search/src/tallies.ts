import type { FacetField } from "@parley/schema";
import { defined } from "@parley/schema";
import type { RoaringBitmap32 } from "./bitmap.ts";
import { bySize } from "./by-size.ts";
import type { CrossCounts, RowSet } from "./cross-counts.ts";
import type { FacetIndex } from "./facet-index.ts";
import type { FacetKey } from "./facet-key.ts";
import { type ForwardField, START_MONTH } from "./forward.ts";
import type { TopK } from "./top-k.ts";

/**
 * The three ways to count one facet's values over a scope, each into a Tally: from the kept counts
 * of the scope, in one pass over its events' values, or from the value bitmaps.
 */

export interface Tally {
  field: FacetField;
  selected: Set<FacetKey>;
  top: TopK<Counted>;
  /** Counts of the selected values. */
  counted: Map<FacetKey, number>;
  /** Only values it takes are listed (all when absent). */
  accept?: (key: FacetKey) => boolean;
}

export interface Counted {
  key: FacetKey;
  count: number;
}

/** The more frequent value first, then by key. */
export const countedBefore = (a: Counted, b: Counted) =>
  a.count > b.count || (a.count === b.count && compareKeys(a.key, b.key) < 0);

function compareKeys(a: FacetKey, b: FacetKey): number {
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

/** Offers a value to a facet's list: most values lose to the last one listed, refused before an object is made. */
function offer({ top, accept }: Tally, key: FacetKey, count: number) {
  if ((!top.worst || count >= top.worst.count) && (!accept || accept(key))) top.offer({ key, count });
}

/** A facet's counts read from the kept counts of its scope: no intersections. */
export function countFromRows(cross: CrossCounts, rows: RowSet, tally: Tally) {
  const { field, selected, counted } = tally;
  cross.eachCount(rows, field, (key, count) => offer(tally, key, count));
  for (const key of selected) counted.set(key, cross.countOf(rows, field, key));
}

/**
 * The scope's IDs in an array reused by every count (counting is synchronous): a text search's
 * 40,000 results would otherwise allocate 160 kB a search for the collector to clear.
 */
let ids = new Uint32Array(1024);
function idsOf(scope: RoaringBitmap32): Uint32Array {
  if (ids.length < scope.size) ids = new Uint32Array(Math.max(scope.size, ids.length * 2));
  return scope.toUint32Array(ids);
}

/** Where countFacets puts the months of the facets' shared scope, when it counts them by passing over its events. */
export interface MonthTally {
  months: Map<number, number> | null;
}

/**
 * One pass over the scope's events, counting every facet of the group from each event's values,
 * and their start months into `months` when given.
 */
export function countForward(index: FacetIndex, scope: RoaringBitmap32, group: Tally[], months?: MonthTally) {
  const byField = new Map<ForwardField, Tally>(group.map((t) => [t.field, t]));
  const byMonth = months ? new Map<number, number>() : null;
  const fields: ForwardField[] = byMonth ? [...byField.keys(), START_MONTH] : [...byField.keys()];
  index.forward.count(idsOf(scope), fields, (field, key, count) => {
    if (field === START_MONTH) {
      defined(byMonth).set(key as number, count);
      return;
    }
    const tally = defined(byField.get(field));
    if (tally.selected.has(key)) tally.counted.set(key, count);
    offer(tally, key, count);
  });
  if (months) months.months = byMonth;
}

export function countFromBitmaps(
  index: FacetIndex,
  scope: RoaringBitmap32 | null,
  { field, selected, top, counted, accept }: Tally,
) {
  // Values from the largest bitmap down: a value's count within the scope is at most its bitmap's
  // size, so once a bitmap is smaller than the last count listed, no value after it can be listed
  // and the rest are not counted. (The order is as of the last sort: no bitmap has grown by more
  // than the events added since, the slack.) Facets are skewed (a few actors and places take part
  // in most events), so this counts a few dozen values out of thousands.
  const { values, slack } = bySize(index, field);
  for (const { key, bitmap, size } of values) {
    if (top.worst && size + slack < top.worst.count) break;
    if (accept && !accept(key)) continue;
    const count = scope ? bitmap.andCardinality(scope) : bitmap.size;
    if (count > 0) top.offer({ key, count });
  }
  for (const key of selected) {
    const bitmap = index.fields[field].get(key);
    counted.set(key, bitmap ? (scope ? bitmap.andCardinality(scope) : bitmap.size) : 0);
  }
}
