import { type DateInterval, defined, type EventSort, PAGE_SIZE } from "@parley/schema";
import type { RoaringBitmap32 } from "./bitmap.ts";
import { type Cursor, decodeCursor, encodeCursor } from "./cursor.ts";
import { type EventQuery, type Selection, select } from "./event-query.ts";
import type { FacetIndex } from "./facet-index.ts";
import { countFacets, type FacetCounts } from "./facets.ts";
import type { FatalityTotals } from "./fatalities.ts";
import { type DateBucket, histogram } from "./histogram.ts";
import { type Facet, labelIds, labelled } from "./labels.ts";
import { type PageEntry, pageByDate, pageByGroups, pageByRank } from "./paging.ts";
import { fatalitiesOf, type PlaceCount, placesOf } from "./pictures.ts";
import { type EventView, reaches } from "./reach.ts";
import { type RankGroup, rankGroups, relevance } from "./relevance.ts";
import type { Names, PlaceRow } from "./rows.ts";
import { nearestLexemes, type Suggested } from "./suggestions.ts";
import type { EventRow, EventRows, Ranked, TextMatch } from "./text.ts";

export type { EventQuery } from "./event-query.ts";
export type { PlaceCount } from "./pictures.ts";

/** Up to this many results are ranked by ID; more, and PostgreSQL ranks every text match. */
const RANK_BY_ID = 5000;

export interface SearchEdge {
  cursor: string;
  node: EventRow;
  highlights: string[];
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
  eventRowsAndNames(
    ids: number[],
    query: string | null,
    actorIds: number[],
    placeIds: number[],
  ): Promise<{ rows: EventRows; names: Names }>;
  /** Each lexeme as a word written in its event's text (see loadSurfaceWords). */
  surfaceWords(wanted: Suggested[]): Promise<Map<string, string>>;
  /** Place rows by ID (the ones that still exist). */
  places(ids: number[]): Promise<Map<number, PlaceRow>>;
}

/** The value kept under `key`, made and kept on first ask: a search answered again from the cache reuses it. */
function remembered<K, V>(kept: Map<K, V>, key: K, make: () => V): V {
  let value = kept.get(key);
  if (value === undefined) {
    value = make();
    kept.set(key, value);
  }
  return value;
}

/** A text search's order: groups of equal rank, or each result's rank (from the index or from PostgreSQL). */
type Ranking = { groups: RankGroup[] } | { ranked: Ranked; byId: boolean };

/**
 * One search: the result set as a bitmap, and the page, facets, histogram, places and fatalities
 * drawn from it. Pages go forward (`first` after `after`) or backward (`last` before `before`).
 */
export class EventSearch {
  readonly totalCount: number;
  private readonly selection: Selection;
  private readonly cursor: Cursor | null;
  private readonly order: EventSort;
  private readonly backward: boolean;
  private readonly size: number;
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
    this.backward = input.last !== undefined || Boolean(input.before);
    this.size = (this.backward ? input.last : input.first) ?? PAGE_SIZE.default;
    this.cursor = input.after
      ? decodeCursor(input.after, this.order, "after")
      : input.before
        ? decodeCursor(input.before, this.order, "before")
        : null;
    this.selection = select(index, input, text);
    this.totalCount = this.selection.results.size;
  }

  /**
   * Whether a write that made these events look as shown (before or after it; null: not there) may
   * change anything this search answers. See `reaches`.
   */
  reachedBy(views: readonly (EventView | null)[]): boolean {
    return views.some((view) => view !== null && reaches(this.input, this.text, view));
  }

  private get results(): RoaringBitmap32 {
    return this.selection.results;
  }

  /** Every facet's counts, unlabelled. */
  facetCounts(): FacetCounts[] {
    const { base, filters, baseRows, monthTally, kept } = this.selection;
    return countFacets(this.index, base, filters, undefined, baseRows, monthTally, kept);
  }

  page(): Promise<SearchPage> {
    this.pageMemo ??= this.forgetOnFailure(this.loadPage(), () => (this.pageMemo = null));
    return this.pageMemo;
  }

  /**
   * A search may be answered again from the engine's cache, so a read that failed (PostgreSQL
   * unreachable) is not remembered: the next ask runs it again.
   */
  private forgetOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
    promise.catch(forget);
    return promise;
  }

  /**
   * For a caller that will want both the page and the facets: reads the page's rows and the facets'
   * labels from PostgreSQL in one round trip instead of two.
   */
  prefetch(): void {
    if (this.pageMemo || this.facetsMemo) return;
    const both = this.forgetOnFailure(this.loadBoth(), () => {
      this.pageMemo = null;
      this.facetsMemo = null;
    });
    this.pageMemo = both.then(([page]) => page);
    this.facetsMemo = both.then(([, facets]) => facets);
    // A caller that stops before awaiting one of them (another field failed) leaves no unhandled rejection.
    this.pageMemo.catch(() => {});
    this.facetsMemo.catch(() => {});
  }

  private async loadBoth(): Promise<[SearchPage, Facet[]]> {
    const counts = this.facetCounts();
    const { shown, more } = await this.pageEntries();
    const labels = labelIds(counts);
    const { rows, names } = await this.rows.eventRowsAndNames(
      shown.map((e) => e.id),
      this.queryText(),
      labels.actors,
      labels.places,
    );
    return [this.pageOf(shown, more, rows), labelled(counts, names)];
  }

  private async loadPage(): Promise<SearchPage> {
    const { shown, more } = await this.pageEntries();
    return this.pageOf(
      shown,
      more,
      await this.rows.eventRows(
        shown.map((e) => e.id),
        this.queryText(),
      ),
    );
  }

  private queryText(): string | null {
    return this.text ? defined(this.input.query).trim() : null;
  }

  /**
   * The page's results in this search's order, and whether there are more beyond them in the
   * direction of paging (one more is looked for). Backward, they are read from the end and turned round.
   */
  private async pageEntries(): Promise<{ shown: PageEntry[]; more: boolean }> {
    const { size } = this;
    const entries = await this.entriesAfter(size + 1, this.cursor, this.results, this.selection.isAll, this.backward);
    const shown = entries.slice(0, size);
    return { shown: this.backward ? shown.reverse() : shown, more: entries.length > size };
  }

  private pageOf(shown: PageEntry[], more: boolean, found: EventRows): SearchPage {
    const edges: SearchEdge[] = [];
    for (const entry of shown) {
      const hit = found.get(entry.id);
      if (!hit) continue; // deleted since the index last heard of it
      edges.push({ cursor: encodeCursor(this.cursorOf(entry)), node: hit.row, highlights: hit.highlights });
    }
    return {
      edges,
      pageInfo: {
        hasNextPage: this.backward ? this.cursor !== null : more,
        hasPreviousPage: this.backward ? more : this.cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /** The next `count` results after the cursor, in this search's order or (`reverse`) the opposite one. */
  private async entriesAfter(
    count: number,
    cursor: Cursor | null,
    results: RoaringBitmap32,
    isAll: boolean,
    reverse = false,
  ): Promise<PageEntry[]> {
    if (this.order !== "RELEVANCE")
      return pageByDate(this.index, results, isAll, count, (this.order === "DATE_DESC") !== reverse, cursor);
    const ranking = await this.ranking();
    if ("groups" in ranking) return pageByGroups(this.index, ranking.groups, count, cursor, reverse);
    return pageByRank(this.index, ranking.ranked, results, ranking.byId, count, cursor, reverse);
  }

  private ranking(): Promise<Ranking> {
    this.rankingMemo ??= this.forgetOnFailure(this.rank(), () => (this.rankingMemo = null));
    return this.rankingMemo;
  }

  private async rank(): Promise<Ranking> {
    const terms = defined(this.text).terms;
    if (terms) {
      const groups = rankGroups(this.index, this.results, terms);
      return groups ? { groups } : { ranked: relevance(this.index, this.results, terms), byId: true };
    }
    const byId = this.results.size <= RANK_BY_ID;
    return {
      ranked: await this.rows.rank(defined(this.input.query).trim(), byId ? this.results.toArray() : null),
      byId,
    };
  }

  private cursorOf(entry: PageEntry): Cursor {
    return this.order === "RELEVANCE"
      ? { order: "RELEVANCE", rank: entry.rank, day: entry.day, id: entry.id }
      : { order: this.order, day: entry.day, id: entry.id };
  }

  /**
   * Every result, from the first (whatever `after` says), in this search's order, `size` IDs at a
   * time: the pages searchEvents would give, without the page-size limit. The set is the one this
   * search found; events written meanwhile do not join it.
   */
  async *idBatches(size: number): AsyncGenerator<number[]> {
    const results = this.selection.isAll ? this.index.all.clone() : this.results;
    let cursor: Cursor | null = null;
    for (;;) {
      const entries = await this.entriesAfter(size, cursor, results, false);
      if (entries.length > 0) yield entries.map((e) => e.id);
      if (entries.length < size) return;
      cursor = this.cursorOf(defined(entries.at(-1)));
    }
  }

  facets(): Promise<Facet[]> {
    this.facetsMemo ??= this.forgetOnFailure(this.labelFacets(this.facetCounts()), () => (this.facetsMemo = null));
    return this.facetsMemo;
  }

  /** The results by start date, counted with every filter but the date range (`from`/`to`). */
  histogram(interval: DateInterval): DateBucket[] {
    return remembered(this.histograms, interval, () => this.countHistogram(interval));
  }

  private readonly histograms = new Map<DateInterval, DateBucket[]>();

  private countHistogram(interval: DateInterval): DateBucket[] {
    const { undated, monthTally, undatedRows } = this.selection;
    let months: Map<number, number> | null = null;
    if (undated !== null) {
      // Months tallied by the facets' pass first: asking for kept counts would count this search twice.
      months = monthTally?.months ?? null;
      const rows = months ? null : undatedRows();
      if (rows) months = this.index.cross.months(rows);
    }
    return histogram(this.index, undated ?? this.index.all, undated === null, interval, months);
  }

  /**
   * The places of every result that have coordinates, with how many results are at each, the most
   * first (ties by place ID), at most `first`.
   */
  places(first: number): PlaceCount[] {
    return remembered(this.placeCounts, first, () => placesOf(this.index, this.selection, first));
  }

  private readonly placeCounts = new Map<number, PlaceCount[]>();

  /**
   * For the words of the query that match little or nothing, the corpus's nearest words as written
   * ("ceasefire" for "ceasfire"); none when every word matches enough, or without a text query the
   * index evaluated.
   */
  async suggestions(): Promise<string[]> {
    const wanted = this.text?.terms ? nearestLexemes(this.index, this.text.terms) : [];
    if (wanted.length === 0) return [];
    const words = await this.rows.surfaceWords(wanted);
    return [...new Set(wanted.flatMap((w) => words.get(w.lexeme) ?? []))];
  }

  /**
   * `places(first)` with each place's row, read in one statement; a place deleted since the index
   * last heard of it is left out.
   */
  placesWithRows(first: number): Promise<{ place: PlaceRow; count: number }[]> {
    return remembered(this.placeRows, first, () =>
      this.forgetOnFailure(this.readPlaces(first), () => this.placeRows.delete(first)),
    );
  }

  private readonly placeRows = new Map<number, Promise<{ place: PlaceRow; count: number }[]>>();

  private async readPlaces(first: number): Promise<{ place: PlaceRow; count: number }[]> {
    const counted = this.places(first);
    if (counted.length === 0) return [];
    const rows = await this.rows.places(counted.map((c) => c.placeId));
    return counted.flatMap((c) => {
      const place = rows.get(c.placeId);
      return place ? [{ place, count: c.count }] : [];
    });
  }

  /** The reported deaths of every result, summed (see FatalityTotals). */
  fatalities(): FatalityTotals {
    this.fatalityTotals ??= fatalitiesOf(this.index, this.selection);
    return this.fatalityTotals;
  }

  private fatalityTotals: FatalityTotals | null = null;

  private async labelFacets(counts: FacetCounts[]): Promise<Facet[]> {
    const ids = labelIds(counts);
    return labelled(counts, await this.rows.names(ids.actors, ids.places));
  }
}
