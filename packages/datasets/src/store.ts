import { copyRows, placeSnapshot, sourceSnapshot } from "@parley/db";
import { dateOfDay, defined, uniqueBy } from "@parley/schema";
import type pg from "pg";
import type { ActorMatcher } from "./actors.ts";
import { DEFER_DOCUMENTS } from "./documents.ts";
import { type Resolved, writeEvents } from "./events.ts";
import { RevisionLog } from "./revision-log.ts";
import type { BatchResult, DatasetActor, EventInput, PlaceInput, RecordTally, SourceInput, Staging } from "./types.ts";

/** A row whose dataset ID is on an earlier line of the file. */
export interface Duplicate {
  line: number;
  first: number;
}

/** Thrown inside a batch's transaction on purpose, by tests that check what a crash leaves behind. */
export class ImportInterrupted extends Error {}

const tally = (): RecordTally => ({ created: 0, updated: 0, deleted: 0 });

/**
 * Inserts the staged records that are new and returns the ID of every staged key; existing rows are
 * left as they are. The staging table holds each key once.
 */
async function insertOnly(
  client: pg.ClientBase,
  table: "place" | "source",
  columns: string,
  select: string,
  count: number,
) {
  const { rows } = await client.query<{ id: number; key: string; inserted: boolean }>(
    `WITH added AS (INSERT INTO ${table} (${columns}) SELECT ${select} FROM import_${table} ON CONFLICT (key) DO NOTHING RETURNING id, key)
     SELECT id, key, true AS inserted FROM added
     UNION ALL SELECT r.id, r.key, false FROM ${table} r JOIN import_${table} USING (key)`,
  );
  if (rows.length !== count) throw new Error(`internal: ${table} rows for ${count} keys came back as ${rows.length}`);
  return rows;
}

/**
 * Writes batches of mapped rows, one transaction each: actors (matched or created), places,
 * sources, then events with their participants and claims, and the revisions of all of them.
 */
export class BatchWriter implements Staging {
  readonly records = { event: tally(), place: tally(), source: tally(), claim: tally() };
  /** Milliseconds spent copying rows into the staging tables and merging them into the real ones. */
  readonly time = { copy: 0, merge: 0 };

  constructor(
    private readonly client: pg.ClientBase,
    private readonly matcher: ActorMatcher,
    private readonly author: string,
  ) {}

  /** Copies rows into a staging table, counting the time as copying. */
  readonly stage = async (table: string, rows: Iterable<(string | number | boolean | null)[]>) => {
    const started = performance.now();
    await copyRows(this.client, table, rows);
    this.time.copy += performance.now() - started;
  };

  /** Runs a merge statement, counting the time as merging. */
  readonly sql = async <R extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<R[]> => {
    const started = performance.now();
    const { rows } = await this.client.query<R>(text, params);
    this.time.merge += performance.now() - started;
    return rows;
  };

  /**
   * Writes one batch of rows with distinct dataset IDs, each with its line in the file. Rows whose
   * ID an earlier batch had already are left out and come back as duplicates, with the first line.
   */
  async write(
    rows: { event: EventInput; line: number }[],
    failBeforeCommit = false,
  ): Promise<BatchResult & { duplicates: Duplicate[] }> {
    await this.client.query("BEGIN");
    await this.client.query(DEFER_DOCUMENTS);
    try {
      const duplicates = await this.seenBefore(rows);
      const repeated = new Set(duplicates.map((d) => d.line));
      const events = rows.filter((r) => !repeated.has(r.line)).map((r) => r.event);
      const log = new RevisionLog(this.author);
      const sources = uniqueBy(
        events.flatMap((e) => e.claims.map((c) => c.source)),
        (s) => s.key,
      );
      const actors: DatasetActor[] = [
        ...events.flatMap((e) => e.participants.map((p) => p.actor)),
        ...sources.flatMap((s) => (s.outlet ? [s.outlet] : [])),
      ];
      let started = performance.now();
      const actorIds = await this.matcher.resolve(this.client, actors, log);
      this.time.merge += performance.now() - started;
      const resolved: Resolved = {
        actors: actorIds,
        places: await this.places(
          uniqueBy(
            events.flatMap((e) => e.places),
            (p) => p.key,
          ),
          log,
        ),
        sources: await this.sources(sources, actorIds, log),
      };
      const result = await writeEvents(this, events, resolved, log, this.records);
      started = performance.now();
      await log.flush(this.client);
      this.time.copy += performance.now() - started;
      if (failBeforeCommit) throw new ImportInterrupted("failing on purpose before the batch commits");
      started = performance.now();
      await this.client.query("COMMIT");
      this.time.merge += performance.now() - started;
      return { ...result, duplicates };
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }

  /** Remembers the batch's dataset IDs with their lines, and returns the rows whose ID came earlier in the file. */
  private async seenBefore(rows: { event: EventInput; line: number }[]): Promise<Duplicate[]> {
    const found = await this.sql<{ line: number; first: number }>(
      // The CTE's inserts are not visible to the outer query: it finds only the IDs of earlier batches.
      `WITH incoming AS (SELECT * FROM unnest($1::text[], $2::int[]) AS i(key, line)),
            added AS (INSERT INTO import_seen (key, line) SELECT key, line FROM incoming ON CONFLICT (key) DO NOTHING)
       SELECT i.line, s.line AS first FROM incoming i JOIN import_seen s USING (key)`,
      [rows.map((r) => r.event.key), rows.map((r) => r.line)],
    );
    return found;
  }

  private async places(places: PlaceInput[], log: RevisionLog): Promise<Map<string, number>> {
    if (places.length === 0) return new Map();
    await this.stage(
      "import_place (key, name, kind, country, lat, lon)",
      places.map((p) => [p.key, p.name, p.kind, p.country, p.lat, p.lon]),
    );
    const started = performance.now();
    const rows = await insertOnly(
      this.client,
      "place",
      "key, name, kind, country, lat, lon",
      `key, name, kind::"PlaceKind", country, lat, lon`,
      places.length,
    );
    this.time.merge += performance.now() - started;
    const byKey = new Map(places.map((p) => [p.key, p]));
    for (const row of rows) {
      if (!row.inserted) continue;
      const { name, kind, country, lat, lon } = defined(byKey.get(row.key));
      log.add("Place", row.id, "CREATE", null, placeSnapshot({ name, kind, country, lat, lon, parentId: null }));
      this.records.place.created++;
    }
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  private async sources(
    sources: SourceInput[],
    actors: Resolved["actors"],
    log: RevisionLog,
  ): Promise<Map<string, number>> {
    if (sources.length === 0) return new Map();
    const outlet = (s: SourceInput) => (s.outlet ? defined(actors.get(s.outlet.key)) : null);
    await this.stage(
      "import_source (key, title, published_at, outlet_id)",
      sources.map((s) => [s.key, s.title, s.publishedAt, outlet(s)?.id ?? null]),
    );
    const started = performance.now();
    const rows = await insertOnly(
      this.client,
      "source",
      "key, title, published_at, published_precision, outlet_id, updated_at",
      `key, title, published_at, CASE WHEN published_at IS NULL THEN NULL ELSE 'DAY'::"DatePrecision" END, outlet_id, now()`,
      sources.length,
    );
    this.time.merge += performance.now() - started;
    const byKey = new Map(sources.map((s) => [s.key, s]));
    for (const row of rows) {
      if (!row.inserted) continue;
      const s = defined(byKey.get(row.key));
      log.add(
        "Source",
        row.id,
        "CREATE",
        1,
        sourceSnapshot({
          title: s.title,
          url: null,
          publishedAt: dateOfDay(s.publishedAt),
          publishedPrecision: s.publishedAt ? "DAY" : null,
          language: null,
          author: null,
          document: null,
          outletId: outlet(s)?.id ?? null,
          cites: [],
        }),
      );
      this.records.source.created++;
    }
    return new Map(rows.map((r) => [r.key, r.id]));
  }
}
