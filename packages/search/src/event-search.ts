import { RoaringBitmap32 } from "./bitmap.ts";
import type { DateInterval, EventSort, FacetField } from "@parley/schema";
import { WEIGHTS, type FacetIndex, type FacetKey, type Weight } from "./facet-index.ts";
import { countFacets, staticLabel, type FacetCounts, type FacetFilters, type KeptCounts, type MonthTally } from "./facets.ts";
import { histogram, type DateBucket } from "./histogram.ts";
import { pageByDate, pageByGroups, pageByRank, type PageEntry } from "./paging.ts";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor.ts";
import type { RowSet } from "./cross-counts.ts";
import type { EventRow, EventRows, Ranked, TextMatch } from "./text.ts";
import type { Names } from "./rows.ts";

/** Up to this many results are ranked by ID; more, and PostgreSQL ranks every text match. */
const RANK_BY_ID = 5000;

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
  } | null;
  first: number;
  after?: string | null;
  sort: EventSort;
}

const FILTER_OF: Record<FacetField, keyof NonNullable<EventQuery["filter"]>> = {
  TYPE: "types",
  ACTOR: "actorIds",
  ROLE: "roles",
  COUNTRY: "countries",
  PLACE: "placeIds",
  OUTLET: "outletIds",
};

export interface SearchEdge {
  cursor: string;
  node: EventRow;
  highlights: string[];
}

export interface FacetValue {
  field: FacetField;
  key: FacetKey;
  label: string;
  count: number;
  selected: boolean;
}

export interface Facet {
  field: FacetField;
  values: FacetValue[];
}

export interface SearchPage {
  edges: SearchEdge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** What the search needs from the engine after the bitmaps are done: rows and names from PostgreSQL. */
export interface RowSource {
  rank(query: string, ids: number[] | null): Promise<Ranked>;
  eventRows(ids: number[], query: string | null): Promise<EventRows>;
  names(actorIds: number[], placeIds: number[]): Promise<Names>;
  /** Both at once, in one round trip. */
  eventRowsAndNames(ids: number[], query: string | null, actorIds: number[], placeIds: number[]): Promise<{ rows: EventRows; names: Names }>;
}

function union(map: Map<FacetKey, RoaringBitmap32>, keys: FacetKey[]): RoaringBitmap32 {
  const bitmaps = keys.map((k) => map.get(k)).filter((b): b is RoaringBitmap32 => b !== undefined);
  return bitmaps.length === 1 ? bitmaps[0]!.clone() : RoaringBitmap32.orMany(bitmaps);
}

/** Weights of the document's fields as ts_rank's defaults give them: title, names and places, summary. */
const FIELD_WEIGHTS: Record<Weight, number> = { A: 1, B: 0.4, C: 0.2 };

/** Ranks by event ID while a search adds them up, zeroed again after: reused, so not allocated per search. */
let rankById = new Float64Array(0);

/**
 * The results that hold the word, split by the best field holding it (title, then names and places
 * not in the title, then the summary), with that field's weight. Results without it are in none.
 */
function byBestField(index: FacetIndex, results: RoaringBitmap32, term: string): { weight: number; events: RoaringBitmap32 }[] {
  const out: { weight: number; events: RoaringBitmap32 }[] = [];
  let counted: RoaringBitmap32 | null = null;
  for (const w of WEIGHTS) {
    const bitmap = index.lexemes.get(w, term);
    if (!bitmap) continue;
    let hits = RoaringBitmap32.and(bitmap, results);
    if (counted) hits = RoaringBitmap32.andNot(hits, counted);
    if (hits.isEmpty) continue;
    out.push({ weight: FIELD_WEIGHTS[w], events: hits });
    counted = counted ? RoaringBitmap32.or(counted, hits) : hits;
  }
  return out;
}

/**
 * Relevance from the lexeme bitmaps: for each query word, the weight of the best field that holds
 * it, summed. Like ts_rank with its default weights, without term frequency or proximity. Each
 * word's results are found field by field with bitmap operations (title, then names and places not
 * in the title, then the summary), so the work is in bitmaps, not one lookup per result and field.
 */
export function relevance(index: FacetIndex, results: RoaringBitmap32, terms: string[]): Ranked {
  const ids = results.toUint32Array();
  const ranks = new Float64Array(ids.length);
  const maxId = ids.length > 0 ? ids[ids.length - 1]! : 0;
  if (rankById.length <= maxId) rankById = new Float64Array(Math.max(maxId + 1, rankById.length * 2));
  const byId = rankById;
  for (const term of terms) {
    for (const { weight, events } of byBestField(index, results, term)) {
      const hitIds = events.toUint32Array();
      for (let i = 0; i < hitIds.length; i++) byId[hitIds[i]!]! += weight;
    }
  }
  for (let i = 0; i < ids.length; i++) {
    ranks[i] = byId[ids[i]!]!;
    byId[ids[i]!] = 0;
  }
  return { ids: new Int32Array(ids.buffer, ids.byteOffset, ids.length), ranks };
}

/** `make`'s value, worked out at the first call. */
function once<T>(make: () => T): () => T {
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

/** Results of one relevance: every event in `events` has rank `rank`. */
export interface RankGroup {
  rank: number;
  events: RoaringBitmap32;
}

/** More groups than this (a long query whose words fall in many field combinations): ranked per result instead. */
const MAX_RANK_GROUPS = 64;

/**
 * The same relevance as `relevance`, as groups of equal rank, best first: the results are split
 * word by word by the best field that holds the word (title, names and places, summary, neither),
 * adding the word's weight in the same order as `relevance` adds it, so the ranks are the very same
 * numbers. A page is then read from the best groups in date order (a few month bitmaps), and no
 * result is visited one by one. Null when the words split the results into too many groups.
 */
export function rankGroups(index: FacetIndex, results: RoaringBitmap32, terms: string[]): RankGroup[] | null {
  let groups: RankGroup[] = [{ rank: 0, events: results }];
  for (const term of terms) {
    const fields = byBestField(index, results, term);
    const next: RankGroup[] = [];
    for (const group of groups) {
      let rest = group.events;
      for (const { weight, events } of fields) {
        const hits = RoaringBitmap32.and(rest, events);
        if (hits.isEmpty) continue;
        next.push({ rank: group.rank + weight, events: hits });
        rest = RoaringBitmap32.andNot(rest, hits);
      }
      if (!rest.isEmpty) next.push({ rank: group.rank, events: rest });
    }
    if (next.length > MAX_RANK_GROUPS) return null;
    groups = next;
  }
  const byRank = new Map<number, RoaringBitmap32[]>();
  for (const { rank, events } of groups) byRank.set(rank, [...(byRank.get(rank) ?? []), events]);
  return [...byRank]
    .sort(([a], [b]) => b - a)
    .map(([rank, parts]) => ({ rank, events: parts.length === 1 ? parts[0]! : RoaringBitmap32.orMany(parts) }));
}

/** A text search's order: groups of equal rank, or each result's rank (from the index or from PostgreSQL). */
type Ranking = { groups: RankGroup[] } | { ranked: Ranked; byId: boolean };

/** One search: the result set as a bitmap, and the page, facets and histogram drawn from it. */
export class EventSearch {
  readonly totalCount: number;
  private readonly results: RoaringBitmap32;
  private readonly isAll: boolean;
  private readonly base: RoaringBitmap32 | null;
  /** The results without the date range (null: every event), which the histogram counts. */
  private readonly undated: RoaringBitmap32 | null;
  private readonly filters: FacetFilters = {};
  /** The base (text, contested, dates) by the index's kept counts, where it is a single choice. */
  private readonly baseRows: RowSet | null;
  /** Kept counts of the facets' scopes, where the search can name its base (no text, or one word). */
  private readonly kept: KeptCounts | undefined;
  /** The same for the events the histogram counts. */
  private readonly undatedRows: () => RowSet | null;
  /**
   * Without dates chosen, the facets without a filter of their own are counted over the events the
   * histogram counts: when that is one pass over their values, it tallies their months as well.
   */
  private readonly monthTally: MonthTally | undefined;
  private readonly cursor: Cursor | null;
  private readonly order: EventSort;
  private facetsMemo: Promise<Facet[]> | null = null;
  private pageMemo: Promise<SearchPage> | null = null;
  private rankingMemo: Promise<Ranking> | null = null;

  constructor(
    private readonly index: FacetIndex,
    private readonly rows: RowSource,
    private readonly input: EventQuery,
    private readonly text: TextMatch | null,
  ) {
    this.order = input.sort === "RELEVANCE" && !text ? "DATE_DESC" : input.sort;
    this.cursor = input.after ? decodeCursor(input.after, this.order) : null;
    const filter = input.filter ?? {};
    // Everything but the date range first: the histogram is counted over that (it is disjunctive
    // on its own filter, as the facets are on theirs), the results and facets over it AND the dates.
    let undatedBase: RoaringBitmap32 | null = text ? RoaringBitmap32.and(text.bitmap, index.all) : null;
    const and = (b: RoaringBitmap32) => (undatedBase = undatedBase ? RoaringBitmap32.and(undatedBase, b) : b);
    if (filter.contested === true) and(index.contested.clone());
    if (filter.contested === false) and(RoaringBitmap32.andNot(index.all, index.contested));
    for (const field of Object.keys(FILTER_OF) as FacetField[]) {
      const keys = filter[FILTER_OF[field]] as FacetKey[] | undefined;
      if (keys?.length) this.filters[field] = { keys, bitmap: union(index.fields[field], keys) };
    }
    let undated: RoaringBitmap32 | null = undatedBase;
    for (const f of Object.values(this.filters)) undated = undated ? RoaringBitmap32.and(undated, f.bitmap) : f.bitmap;
    // The index keeps the range up to date through writes: where it would serve as this search's
    // results or facet scope as it is, the search takes its own copy.
    const range = index.dateRanges.get(filter.from, filter.to);
    const { cross } = index;
    const contested = typeof filter.contested === "boolean" ? filter.contested : undefined;
    // The base by the index's counts kept from the start, where it is every event or contested alone.
    const undatedBaseRows = text ? null : contested !== undefined ? cross.contestedRows(contested) : cross.every;
    this.baseRows = range ? null : undatedBaseRows;
    this.monthTally = range ? undefined : { months: null };
    // Otherwise the scopes are named to KeptScopes, which keeps the counts of those searched before:
    // possible without text or with a text query of one word.
    const named = !text || text.word !== undefined ? { word: text?.word, contested } : null;
    this.kept = named ? (filters) => index.scopes.rows({ ...named, from: filter.from, to: filter.to, filters }) : undefined;
    const undatedKept: KeptCounts | undefined = named ? (filters) => index.scopes.rows({ ...named, filters }) : undefined;
    const filtered = Object.entries(this.filters).map(([field, f]) => ({ field: field as FacetField, keys: f.keys }));
    // Asked for only when the histogram needs it: a scope's counts are kept from its second search on.
    this.undatedRows = once(() => cross.scope(undatedBaseRows, filtered) ?? undatedKept?.(filtered) ?? null);
    const dates = range && !undatedBase ? range.clone() : range;
    const withDates = (b: RoaringBitmap32 | null) => (dates && b ? RoaringBitmap32.and(b, dates) : (b ?? dates));
    this.base = withDates(undatedBase);
    const results = withDates(undated);
    this.undated = undated;
    this.isAll = results === null;
    this.results = results ?? index.all;
    this.totalCount = this.results.size;
  }

  page(): Promise<SearchPage> {
    this.pageMemo ??= this.loadPage();
    return this.pageMemo;
  }

  /**
   * For a caller that will want both the page and the facets: reads the page's rows and the facets'
   * labels from PostgreSQL in one round trip instead of two.
   */
  prefetch(): void {
    if (this.pageMemo || this.facetsMemo) return;
    const both = this.loadBoth();
    this.pageMemo = both.then(([page]) => page);
    this.facetsMemo = both.then(([, facets]) => facets);
    // A caller that stops before awaiting one of them (another field failed) leaves no unhandled rejection.
    this.pageMemo.catch(() => {});
    this.facetsMemo.catch(() => {});
  }

  private async loadBoth(): Promise<[SearchPage, Facet[]]> {
    const counts = countFacets(this.index, this.base, this.filters, undefined, this.baseRows, this.monthTally, this.kept);
    const { shown, hasNextPage } = await this.pageEntries();
    const labels = labelIds(counts);
    const { rows, names } = await this.rows.eventRowsAndNames(shown.map((e) => e.id), this.queryText(), labels.actors, labels.places);
    return [this.pageOf(shown, hasNextPage, rows), labelled(counts, names)];
  }

  private async loadPage(): Promise<SearchPage> {
    const { shown, hasNextPage } = await this.pageEntries();
    return this.pageOf(shown, hasNextPage, await this.rows.eventRows(shown.map((e) => e.id), this.queryText()));
  }

  private queryText(): string | null {
    return this.text ? this.input.query!.trim() : null;
  }

  /** The page's results (one more is looked for, to know whether there is a next page). */
  private async pageEntries(): Promise<{ shown: PageEntry[]; hasNextPage: boolean }> {
    const { first } = this.input;
    const entries = await this.entriesAfter(first + 1, this.cursor, this.results, this.isAll);
    return { shown: entries.slice(0, first), hasNextPage: entries.length > first };
  }

  private pageOf(shown: PageEntry[], hasNextPage: boolean, found: EventRows): SearchPage {
    const edges: SearchEdge[] = [];
    for (const entry of shown) {
      const hit = found.get(entry.id);
      if (!hit) continue; // deleted since the index last heard of it
      edges.push({ cursor: encodeCursor(this.cursorOf(entry)), node: hit.row, highlights: hit.highlights });
    }
    return {
      edges,
      pageInfo: { hasNextPage, hasPreviousPage: this.cursor !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** The next `count` results after the cursor, in this search's order. */
  private async entriesAfter(count: number, cursor: Cursor | null, results: RoaringBitmap32, isAll: boolean): Promise<PageEntry[]> {
    if (this.order !== "RELEVANCE") return pageByDate(this.index, results, isAll, count, this.order === "DATE_DESC", cursor);
    const ranking = await this.ranking();
    if ("groups" in ranking) return pageByGroups(this.index, ranking.groups, count, cursor);
    return pageByRank(this.index, ranking.ranked, results, ranking.byId, count, cursor);
  }

  private ranking(): Promise<Ranking> {
    this.rankingMemo ??= (async () => {
      const terms = this.text!.terms;
      if (terms) {
        const groups = rankGroups(this.index, this.results, terms);
        return groups ? { groups } : { ranked: relevance(this.index, this.results, terms), byId: true };
      }
      const byId = this.results.size <= RANK_BY_ID;
      return { ranked: await this.rows.rank(this.input.query!.trim(), byId ? this.results.toArray() : null), byId };
    })();
    return this.rankingMemo;
  }

  private cursorOf(entry: PageEntry): Cursor {
    return this.order === "RELEVANCE" ? { order: "RELEVANCE", rank: entry.rank, day: entry.day, id: entry.id } : { order: this.order, day: entry.day, id: entry.id };
  }

  /**
   * Every result, from the first (whatever `after` says), in this search's order, `size` IDs at a
   * time: the pages searchEvents would give, without the page-size limit. The set is the one this
   * search found; events written meanwhile do not join it.
   */
  async *idBatches(size: number): AsyncGenerator<number[]> {
    const results = this.isAll ? this.index.all.clone() : this.results;
    let cursor: Cursor | null = null;
    for (;;) {
      const entries = await this.entriesAfter(size, cursor, results, false);
      if (entries.length > 0) yield entries.map((e) => e.id);
      if (entries.length < size) return;
      cursor = this.cursorOf(entries.at(-1)!);
    }
  }

  facets(): Promise<Facet[]> {
    this.facetsMemo ??= this.labelFacets(countFacets(this.index, this.base, this.filters, undefined, this.baseRows, this.monthTally, this.kept));
    return this.facetsMemo;
  }

  /** The results by start date, counted with every filter but the date range (`from`/`to`). */
  histogram(interval: DateInterval): DateBucket[] {
    let months: Map<number, number> | null = null;
    if (this.undated !== null) {
      // Months tallied by the facets' pass first: asking for kept counts would count this search twice.
      months = this.monthTally?.months ?? null;
      const rows = months ? null : this.undatedRows();
      if (rows) months = this.index.cross.months(rows);
    }
    return histogram(this.index, this.undated ?? this.index.all, this.undated === null, interval, months);
  }

  private async labelFacets(counts: FacetCounts[]): Promise<Facet[]> {
    const ids = labelIds(counts);
    return labelled(counts, await this.rows.names(ids.actors, ids.places));
  }
}

/** The actors (and outlets) and places whose names label the counted values. */
function labelIds(counts: FacetCounts[]): { actors: number[]; places: number[] } {
  const ids = (fields: FacetField[]) => counts.filter((c) => fields.includes(c.field)).flatMap((c) => c.values.map((v) => v.key as number));
  return { actors: ids(["ACTOR", "OUTLET"]), places: ids(["PLACE"]) };
}

function labelled(counts: FacetCounts[], names: Names): Facet[] {
  return counts.map(({ field, values }) => ({
    field,
    values: values.map((v) => ({
      field,
      key: v.key,
      count: v.count,
      selected: v.selected,
      label: staticLabel(field, v.key) ?? (field === "PLACE" ? names.places : names.actors).get(v.key as number) ?? String(v.key),
    })),
  }));
}
