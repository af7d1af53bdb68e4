import { defined, type EventSort, FACET_FIELDS, FACET_FILTERS } from "@parley/schema";
import { RoaringBitmap32 } from "./bitmap.ts";
import type { FacetFilters } from "./bound-facets.ts";
import { filterBitmaps, namedFilters } from "./bound-facets.ts";
import type { RowSet } from "./cross-counts.ts";
import type { FacetIndex } from "./facet-index.ts";
import type { FacetKey } from "./facet-key.ts";
import type { KeptCounts, MonthTally } from "./facets.ts";
import type { TextMatch } from "./text.ts";

/** A search as the engine takes it: validated, with database IDs. */
export interface EventQuery {
  query?: string | null;
  filter?: {
    types?: string[];
    actorIds?: number[];
    roles?: string[];
    countries?: string[];
    placeIds?: number[];
    outletIds?: number[];
    from?: string;
    to?: string;
    contested?: boolean;
    /** Each entry: the actor took part, in one of the roles (any role when none); entries AND. */
    participants?: { actorId: number; roles?: string[] }[];
  } | null;
  /** Page forward: this many results after `after` (PAGE_SIZE.default when neither `first` nor `last` is given). */
  first?: number;
  /** Page backward: this many results before `before`, or the last ones. */
  last?: number;
  after?: string | null;
  before?: string | null;
  sort: EventSort;
}

/** The events a query selects and the scopes its facets and histogram are counted over. */
export interface Selection {
  filters: FacetFilters;
  /** Every filter but the facets' own: text, contested, participants, dates (null: every event). */
  base: RoaringBitmap32 | null;
  /** The results without the date range (null: every event), which the histogram counts. */
  undated: RoaringBitmap32 | null;
  results: RoaringBitmap32;
  isAll: boolean;
  /** The base by the index's kept counts, where it is every event or contested alone (no text, participants or dates). */
  baseRows: RowSet | null;
  /** Kept counts of the facets' scopes, where the search can name its base; counts a use. */
  kept: KeptCounts | undefined;
  /** Kept counts of the events the histogram counts, asked for only when the histogram needs them. */
  undatedRows: () => RowSet | null;
  /**
   * Without dates chosen, the facets without a filter of their own are counted over the events the
   * histogram counts: when that is one pass over their values, it tallies their months as well.
   */
  monthTally: MonthTally | undefined;
}

function union(map: Map<FacetKey, RoaringBitmap32>, keys: FacetKey[]): RoaringBitmap32 {
  const bitmaps = keys.map((k) => map.get(k)).filter((b): b is RoaringBitmap32 => b !== undefined);
  return bitmaps.length === 1 ? defined(bitmaps[0]).clone() : RoaringBitmap32.orMany(bitmaps);
}

/** `make`'s value, worked out at the first call. */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

export function select(index: FacetIndex, input: EventQuery, text: TextMatch | null): Selection {
  const filter = input.filter ?? {};
  // Everything but the date range first: the histogram is counted over that (it is disjunctive
  // on its own filter, as the facets are on theirs), the results and facets over it AND the dates.
  let undatedBase: RoaringBitmap32 | null = text ? RoaringBitmap32.and(text.bitmap, index.all) : null;
  const and = (b: RoaringBitmap32) => (undatedBase = undatedBase ? RoaringBitmap32.and(undatedBase, b) : b);
  if (filter.contested === true) and(index.contested.clone());
  if (filter.contested === false) and(RoaringBitmap32.andNot(index.all, index.contested));
  const participants = filter.participants ?? [];
  for (const { actorId, roles } of participants) {
    and(
      roles?.length
        ? index.actorRoles.events([actorId], roles)
        : (index.fields.ACTOR.get(actorId)?.clone() ?? new RoaringBitmap32()),
    );
  }
  const filters: FacetFilters = {};
  for (const field of FACET_FIELDS.codes) {
    const keys = filter[FACET_FILTERS[field].filter] as FacetKey[] | undefined;
    if (keys?.length) filters[field] = { keys, bitmap: union(index.fields[field], keys) };
  }
  let undated: RoaringBitmap32 | null = undatedBase;
  for (const b of filterBitmaps(index, filters)) undated = undated ? RoaringBitmap32.and(undated, b) : b;
  // The index keeps the range up to date through writes: where it would serve as this search's
  // results or facet scope as it is, the search takes its own copy.
  const range = index.dateRanges.get(filter.from, filter.to);
  const { cross } = index;
  const contested = typeof filter.contested === "boolean" ? filter.contested : undefined;
  // Kept counts describe choices of facet values, contested, dates and one word, not participants.
  const nameable = participants.length === 0;
  const undatedBaseRows =
    text || !nameable ? null : contested !== undefined ? cross.contestedRows(contested) : cross.every;
  // Otherwise the scopes are named to KeptScopes, which keeps the counts of those searched before:
  // possible without text or with a text query of one word.
  const named = nameable && (!text || text.word !== undefined) ? { word: text?.word, contested } : null;
  const undatedKept: KeptCounts | undefined = named ? (filters) => index.scopes.rows({ ...named, filters }) : undefined;
  const filtered = namedFilters(filters);
  const dates = range && !undatedBase ? range.clone() : range;
  const withDates = (b: RoaringBitmap32 | null) => (dates && b ? RoaringBitmap32.and(b, dates) : (b ?? dates));
  const results = withDates(undated);
  return {
    filters,
    base: withDates(undatedBase),
    undated,
    results: results ?? index.all,
    isAll: results === null,
    baseRows: range ? null : undatedBaseRows,
    kept: named ? (filters) => index.scopes.rows({ ...named, from: filter.from, to: filter.to, filters }) : undefined,
    // Asked for only when the histogram needs it: a scope's counts are kept from its second search on.
    undatedRows: once(() =>
      filtered ? (cross.scope(undatedBaseRows, filtered) ?? undatedKept?.(filtered) ?? null) : null,
    ),
    monthTally: range ? undefined : { months: null },
  };
}
