import { dateOfDay, defined, normalizeName, transliterationKey } from "@parley/schema";
import pg from "pg";
import { type ActorMatch, type ActorQuery, rankActors } from "./actors.ts";
import { type LogPosition, pruneChanges, readChanges, readLogState } from "./change-log.ts";
import { type EventQuery, EventSearch, type RowSource } from "./event-search.ts";
import type { FacetIndex } from "./facet-index.ts";
import { countFacet } from "./facets.ts";
import { loadFacts, loadIndex } from "./index-loader.ts";
import { type PositionQuery, type PositionSearch, searchPositions } from "./positions.ts";
import { type EventView, factsView, indexedView } from "./reach.ts";
import { loadEventRowsAndNames, loadNames, loadPlaces, loadSurfaceWords } from "./rows.ts";
import { loadSnapshot, saveSnapshot } from "./snapshot.ts";
import { loadEventRows, matchText, parseQuery, rankText, type TextMatch } from "./text.ts";
import { evaluateTsquery } from "./text-query.ts";

export interface SearchEngineOptions {
  url: string;
  /**
   * When `url` is a streaming replica: its primary, where the change log is pruned (a replica is
   * read-only). The index follows the replica, so a search sees what the replica has replayed.
   */
  primaryUrl?: string;
  /** Connections to PostgreSQL (default 8: searches under concurrent load need several statements each). */
  max?: number;
  log?: (line: string) => void;
  /** Change-log rows older than this are pruned (default one hour); 0 turns pruning off. */
  pruneAfterMs?: number;
  /**
   * Where to save the index (a snapshot per database state) and look for one at start: a start that
   * finds the snapshot of the database's current state loads it and catches up from the change log
   * instead of rebuilding. Unset: no snapshots.
   */
  snapshotDir?: string;
  /** While the index changes, it is saved again at most this often (default 30 minutes). */
  snapshotEveryMs?: number;
  /** How many recent searches to keep and answer again until the index changes (default 64; 0: none). */
  recentSearches?: number;
}

const DATE_OID = 1082;
/**
 * How many recent searches the cache holds. Each keeps its result bitmaps and one page of rows:
 * at a million events about half a megabyte for a broad search, so at most some 32 MB in all.
 */
const RECENT_SEARCHES = 64;

/**
 * A search's input as a key: all of it, objects' fields in one order, so that a field added to
 * EventQuery one day is part of the key without anyone remembering to add it.
 */
function searchKey(input: EventQuery): string {
  return JSON.stringify(input, (_key, value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/** Above this many candidates, a phrase query is matched by PostgreSQL alone rather than checked. */
const MAX_CHECKED = 50_000;

/**
 * Search over one database: PostgreSQL matches text and names; an in-process index of roaring
 * bitmaps counts facets. The index follows the database through the change log that triggers fill,
 * reading it before every search, so a write through any process shows in the next search of every
 * process. It is built at start (`ready`) and rebuilt when the log cannot be trusted.
 */
export class SearchEngine {
  readonly pool: pg.Pool;
  private index: FacetIndex | null = null;
  private position: LogPosition | null = null;
  private readonly applied = new Map<string, bigint>();
  private building: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private lastPrune = Date.now();
  /** When the index was last saved, and how many changes it had applied then. */
  private lastSave = { at: 0, changes: 0 };
  private saving: Promise<void> | null = null;
  private readonly log: (line: string) => void;
  readonly stats = {
    builds: 0,
    lastBuildMs: 0,
    changesApplied: 0,
    snapshotLoads: 0,
    lastLoadMs: 0,
    snapshotSaves: 0,
    /** Searches answered from the cache of recent searches, and searches run. */
    cacheHits: 0,
    cacheMisses: 0,
    /** Name searches (`searchActors`) answered from the cache of recent name searches, and those run. */
    nameHits: 0,
    nameMisses: 0,
  };
  /**
   * Recent searches of the index as it stands, by their input: exact, because the index changes
   * only by applying the change log (or by a build or load, which empty the cache), and a change of
   * some events forgets every search it can reach (`reaches`: the events are in one of its scopes,
   * before or after, or hold a value it chose). A search's page rows and labels come from
   * PostgreSQL, and every table they come from fills the change log with the events they touch.
   */
  private readonly recent = new Map<string, EventSearch>();
  /**
   * Recent name searches (the typeahead), by what they depend on: the query's normalized form and
   * transliteration key, the kinds and the number asked for. An answer depends on the actors' names
   * and rows, forgotten all at once when the log says actors or aliases changed (a row without an
   * event), and on the event counts of the actors in `tied` (they break ties), forgotten when a
   * change of events touches one of them.
   */
  private readonly names = new Map<string, { matches: ActorMatch[]; tied: ReadonlySet<number> }>();
  /** How many recent searches are kept: `recentSearches`, or what `keepRecentSearches` set since. */
  private keep: number;
  /** Bumped whenever the index changes; the cache holds searches of this version only. */
  private version = 0;

  constructor(private readonly options: SearchEngineOptions) {
    this.log = options.log ?? (() => {});
    this.keep = options.recentSearches ?? RECENT_SEARCHES;
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.max ?? 8,
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === DATE_OID
            ? (s: string) => dateOfDay(s)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    this.pool.on("error", (error) => this.log(`search: idle connection failed: ${error.message}`));
  }

  /** Loads the index from its snapshot and catches up, or builds it, if neither has been done yet. */
  ready(): Promise<void> {
    if (this.index) return Promise.resolve();
    this.starting ??= this.start().finally(() => (this.starting = null));
    return this.starting;
  }

  private starting: Promise<void> | null = null;

  private async start() {
    if (this.options.snapshotDir && (await this.loadSaved(this.options.snapshotDir))) return this.sync();
    return this.rebuild();
  }

  /** Takes the snapshot of the database's current state, if there is a sound one; false otherwise. */
  private async loadSaved(dir: string): Promise<boolean> {
    const started = performance.now();
    try {
      const client = await this.pool.connect();
      let position: LogPosition;
      try {
        position = await readLogState(client);
      } finally {
        client.release();
      }
      const loaded = await loadSnapshot(dir, position.epoch);
      if (!loaded) return false;
      if (loaded.position.generation !== position.generation) return false;
      this.index = loaded.index;
      this.position = loaded.position;
      this.applied.clear();
      this.changed();
      this.stats.snapshotLoads++;
      this.stats.lastLoadMs = performance.now() - started;
      this.lastSave = { at: Date.now(), changes: this.stats.changesApplied };
      collectBuildGarbage();
      this.log(
        `search index: ${loaded.index.all.size} events loaded from the snapshot in ${(this.stats.lastLoadMs / 1000).toFixed(1)} s; catching up from the change log`,
      );
      return true;
    } catch (error) {
      this.log(`search index: the snapshot could not be loaded (${(error as Error).message}); rebuilding`);
      return false;
    }
  }

  /**
   * Saves the index as it stands now (a snapshot of the current position), unless a save is under
   * way or snapshots are off. The bytes are taken synchronously, so no change slips in between.
   */
  save(): Promise<void> {
    const dir = this.options.snapshotDir;
    if (!dir || !this.index || !this.position) return Promise.resolve();
    if (this.saving) return this.saving;
    const started = performance.now();
    const changes = this.stats.changesApplied;
    this.saving = saveSnapshot(dir, this.index, this.position)
      .then((bytes) => {
        this.lastSave = { at: Date.now(), changes };
        this.stats.snapshotSaves++;
        this.log(
          `search index: saved (${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      })
      .catch((error: unknown) => this.log(`search index: could not save the snapshot: ${(error as Error).message}`))
      .finally(() => (this.saving = null));
    return this.saving;
  }

  /**
   * Saves again when the index has changed and the last save is older than `snapshotEveryMs`: after
   * the search that noticed it has been answered, not inside it (taking the bytes is synchronous).
   */
  private maybeSave() {
    if (this.stats.changesApplied === this.lastSave.changes) return;
    if (Date.now() - this.lastSave.at < (this.options.snapshotEveryMs ?? 1_800_000)) return;
    this.lastSave.at = Date.now(); // one save per interval, however many searches notice it meanwhile
    setImmediate(() => void this.save());
  }

  /** Builds the index anew from one consistent snapshot; searches keep the old one meanwhile. */
  rebuild(): Promise<void> {
    this.building ??= this.build().finally(() => (this.building = null));
    return this.building;
  }

  private async build() {
    const started = performance.now();
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const position = await readLogState(client);
      const index = await loadIndex(client);
      await client.query("COMMIT");
      this.index = index;
      this.position = position;
      this.applied.clear();
      this.changed();
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    this.stats.builds++;
    this.stats.lastBuildMs = performance.now() - started;
    collectBuildGarbage();
    void this.save();
    const { events, bitmaps, bytes, actorRoleBitmaps, actorRoleBytes } = defined(this.index).stats();
    const kept = defined(this.index).cross.stats();
    this.log(
      `search index: ${events} events, ${bitmaps} bitmaps, ${(bytes / 1e6).toFixed(1)} MB (of which ${actorRoleBitmaps} of actors in roles, ${(actorRoleBytes / 1e6).toFixed(1)} MB), ` +
        `counts kept for ${kept.rows} single choices (${(kept.bytes / 1e6).toFixed(1)} MB), built in ${(this.stats.lastBuildMs / 1000).toFixed(1)} s`,
    );
  }

  /**
   * Brings the index up to date with every write committed before the call. Calls that arrive
   * while a sync runs wait for one more sync, which starts after theirs arrived.
   */
  sync(): Promise<void> {
    if (!this.syncing) {
      this.syncing = this.runSync().finally(() => (this.syncing = null));
      return this.syncing;
    }
    this.queued ??= this.syncing.then(() => {
      this.queued = null;
      return this.sync();
    });
    return this.queued;
  }

  private async runSync() {
    if (this.building) await this.building;
    if (!this.index || !this.position) return this.rebuild();
    const read = await readChanges(this.pool, this.position.xmin);
    if (
      read.position.generation !== this.position.generation ||
      read.position.epoch !== this.position.epoch ||
      read.prunedBelowXid > this.position.xmin
    ) {
      this.log("search index: the change log was reset or pruned past this index; rebuilding");
      return this.rebuild();
    }
    const fresh = read.changes.filter((c) => !this.applied.has(c.seq));
    const ids = [...new Set(fresh.flatMap((c) => (c.eventId === null ? [] : [c.eventId])))];
    if (ids.length > 0) {
      const facts = await loadFacts(this.pool, ids);
      const index = this.index;
      // How the events looked and look: only what a kept search or name search is checked against.
      const views =
        this.recent.size > 0 || this.names.size > 0
          ? [...ids.flatMap((id) => indexedView(index, id) ?? []), ...facts.map(factsView)]
          : [];
      const unreached = this.searchesUnreached(views);
      this.index.apply(ids, facts);
      this.changed(unreached, new Set(views.flatMap((v) => v.actors)));
    }
    if (fresh.some((c) => c.eventId === null)) this.namesChanged();
    this.stats.changesApplied += fresh.length;
    for (const c of fresh) this.applied.set(c.seq, c.xid);
    for (const [seq, xid] of this.applied) if (xid < read.position.xmin) this.applied.delete(seq);
    this.position = read.position;
    this.maybeSave();
    await this.maybePrune();
  }

  private async maybePrune() {
    const after = this.options.pruneAfterMs ?? 3_600_000;
    if (after <= 0 || Date.now() - this.lastPrune < Math.min(after, 600_000)) return;
    this.lastPrune = Date.now();
    const deleted = await pruneChanges(this.primaryPool(), after);
    if (deleted) this.log(`search index: pruned ${deleted} old change-log rows`);
  }

  private primary: pg.Pool | null = null;

  /** The pool that may write: the search pool itself, or one small pool on the primary when the search reads a replica. */
  private primaryPool(): pg.Pool {
    if (!this.options.primaryUrl) return this.pool;
    if (!this.primary) {
      this.primary = new pg.Pool({ connectionString: this.options.primaryUrl, max: 1, connectionTimeoutMillis: 5_000 });
      this.primary.on("error", (error) => this.log(`search: idle primary connection failed: ${error.message}`));
    }
    return this.primary;
  }

  private readonly rowSource: RowSource = {
    rank: (query, ids) => rankText(this.pool, query, ids),
    eventRows: (ids, query) => loadEventRows(this.pool, ids, query),
    names: (actorIds, placeIds) => loadNames(this.pool, actorIds, placeIds),
    eventRowsAndNames: (ids, query, actorIds, placeIds) =>
      loadEventRowsAndNames(this.pool, ids, query, actorIds, placeIds),
    surfaceWords: (wanted) => loadSurfaceWords(this.pool, wanted),
    places: (ids) => loadPlaces(this.pool, ids),
  };

  /**
   * Records a change of the index: the recent searches are forgotten, but for those in `keep`
   * (searches the change did not reach), and the recent name searches, but for those whose ties no
   * actor in `actors` (the changed events' actors, before and after) takes part in.
   */
  private changed(keep?: ReadonlySet<string>, actors?: ReadonlySet<number>) {
    this.version++;
    if (!keep?.size) this.recent.clear();
    else for (const key of this.recent.keys()) if (!keep.has(key)) this.recent.delete(key);
    if (!actors) this.names.clear();
    else
      for (const [key, kept] of this.names)
        for (const actor of actors)
          if (kept.tied.has(actor)) {
            this.names.delete(key);
            break;
          }
  }

  /** Actors or aliases changed: every recent name search is forgotten. */
  private namesChanged() {
    this.version++;
    this.names.clear();
  }

  /**
   * The recent searches that a change of events, seen as the index holds them and as they are now
   * (`views`), cannot alter: the events are in none of their scopes. Read before the index applies
   * the change.
   */
  private searchesUnreached(views: readonly EventView[]): Set<string> {
    const kept = new Set<string>();
    for (const [key, search] of this.recent) if (!search.reachedBy(views)) kept.add(key);
    return kept;
  }

  /**
   * Forgets the recent searches and name searches, so that the next of each runs in full: for a
   * bench that records what a search costs when it is not in the cache.
   */
  forgetRecentSearches(): void {
    this.recent.clear();
    this.names.clear();
  }

  /**
   * Keeps up to `n` recent searches, and as many name searches, from now on (0: none), forgetting
   * those kept; returns the previous limit.
   */
  keepRecentSearches(n: number): number {
    const previous = this.keep;
    this.keep = n;
    this.forgetRecentSearches();
    return previous;
  }

  /**
   * Runs a search: up to date with the database, text matched by PostgreSQL, counted in bitmaps.
   * The same search asked again before the index changes is the same object, with what it has
   * already counted and read.
   */
  async searchEvents(input: EventQuery): Promise<EventSearch> {
    await this.sync();
    const key = searchKey(input);
    const cached = this.recent.get(key);
    if (cached) {
      this.stats.cacheHits++;
      // Most recently used last: the oldest is the first to go.
      this.recent.delete(key);
      this.recent.set(key, cached);
      return cached;
    }
    this.stats.cacheMisses++;
    const version = this.version;
    const query = input.query?.trim() || null;
    const text = query ? await this.matchText(query) : null;
    const search = new EventSearch(defined(this.index), this.rowSource, input, text);
    // Text matched while a sync applied changes belongs to neither version: not kept.
    if (version === this.version && this.keep > 0) {
      if (this.recent.size >= this.keep) this.recent.delete(defined(this.recent.keys().next().value));
      this.recent.set(key, search);
    }
    return search;
  }

  /**
   * PostgreSQL parses and stems the query; the lexeme bitmaps find the events. Phrases come out
   * as a superset that PostgreSQL checks; what the bitmaps cannot evaluate, PostgreSQL matches.
   */
  private async matchText(query: string): Promise<TextMatch> {
    const index = defined(this.index);
    const evaluated = evaluateTsquery(await parseQuery(this.pool, query), index);
    if (!evaluated || (evaluated.superset && evaluated.bitmap.size > MAX_CHECKED)) return matchText(this.pool, query);
    const { bitmap, size } = evaluated.superset
      ? await matchText(this.pool, query, evaluated.bitmap)
      : { bitmap: evaluated.bitmap, size: evaluated.bitmap.size };
    return { bitmap, size, terms: evaluated.terms, word: evaluated.word, required: evaluated.required };
  }

  /**
   * The actors that take part most often in the same events as this one, with how many events they
   * share with it, over every event: the actor facet counted over the actor's own events. The most
   * shared first, ties by actor ID.
   */
  async companions(actorId: number, limit: number): Promise<{ actorId: number; events: number }[]> {
    await this.sync();
    const own = defined(this.index).fields.ACTOR.get(actorId);
    if (!own || own.size === 0 || limit <= 0) return [];
    return countFacet(defined(this.index), own, "ACTOR", limit + 1)
      .filter((v) => v.key !== actorId)
      .slice(0, limit)
      .map((v) => ({ actorId: v.key as number, events: v.count }));
  }

  /**
   * Actors by any of their names (the typeahead), up to date with the database like a search: the
   * same name search asked again before actors, aliases or the tied actors' events change is
   * answered from the cache of recent name searches.
   */
  async searchActors(input: ActorQuery): Promise<ActorMatch[]> {
    const eventCount = (actorId: number) => this.index?.fields.ACTOR.get(actorId)?.size ?? 0;
    // While the index is being built (at start, or after a bulk load) the names are read straight
    // from PostgreSQL, as they were before the index existed: a typeahead does not wait for a build.
    if (!this.index || this.building) return (await rankActors(this.pool, input, eventCount)).matches;
    await this.sync();
    const key = JSON.stringify([
      normalizeName(input.query),
      transliterationKey(input.query),
      [...(input.kinds ?? [])].sort(),
      input.first,
    ]);
    const cached = this.names.get(key);
    if (cached) {
      this.stats.nameHits++;
      this.names.delete(key);
      this.names.set(key, cached);
      return cached.matches;
    }
    this.stats.nameMisses++;
    const version = this.version;
    const ranked = await rankActors(this.pool, input, eventCount);
    // Ranked while a sync changed the index or the names: belongs to neither state, not kept.
    if (version === this.version && this.keep > 0) {
      if (this.names.size >= this.keep) this.names.delete(defined(this.names.keys().next().value));
      this.names.set(key, { matches: ranked.matches, tied: new Set(ranked.tied) });
    }
    return ranked.matches;
  }

  /** Negotiating positions by text and facets, newest first: straight from PostgreSQL (a few hundred rows need no index). */
  searchPositions(input: PositionQuery): Promise<PositionSearch> {
    return searchPositions(this.pool, input);
  }

  indexStats() {
    return this.index?.stats() ?? null;
  }

  /** Saves the index if it changed since its last save (snapshots on), then closes the pool. */
  async close() {
    await this.building?.catch(() => {});
    await this.starting?.catch(() => {});
    if (this.stats.changesApplied !== this.lastSave.changes) await this.save();
    await this.saving;
    await this.primary?.end();
    await this.pool.end();
  }
}

/**
 * A build leaves hundreds of megabytes of temporary arrays and row strings in V8's old generation
 * (556 MB of heap at a million events, 30 MB once collected). With the heap that large V8 puts off a
 * full collection for a long time, and meanwhile every young-generation collection pauses the
 * process 1.2–2 ms instead of ~0.5 ms. Where the process runs with `--expose-gc` (the API's scripts
 * do), one full collection right after the build clears it.
 */
function collectBuildGarbage() {
  (globalThis as { gc?: () => void }).gc?.();
}

export function createSearchEngine(options: SearchEngineOptions): SearchEngine {
  return new SearchEngine(options);
}
