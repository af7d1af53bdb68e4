import { type PrismaClient, placeSnapshot, sourceSnapshot, type Tx } from "@parley/db";
import { dateOfDay, defined, uniqueBy } from "@parley/schema";
import type { ActorMatcher } from "./actors.ts";
import { type Resolved, writeEvents } from "./events.ts";
import { RevisionLog } from "./revision-log.ts";
import type { BatchResult, DatasetActor, EventInput, PlaceInput, RecordTally, SourceInput } from "./types.ts";

/** Thrown inside a batch's transaction on purpose, by tests that check what a crash leaves behind. */
export class ImportInterrupted extends Error {}

const tally = (): RecordTally => ({ created: 0, updated: 0, deleted: 0 });

/** Inserts the records that are new and returns the ID of every key; existing rows are left as they are. */
async function insertOnly(
  tx: Tx,
  table: "place" | "source",
  columns: string,
  types: string[],
  values: unknown[][],
  keys: string[],
) {
  const names = columns.split(", ");
  const rows = await tx.$queryRawUnsafe<{ id: number; key: string; inserted: boolean }[]>(
    `WITH input AS (SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")}) AS t(${columns})),
     added AS (INSERT INTO ${table} (${columns}${table === "source" ? ", updated_at" : ""})
               SELECT ${names.map((n) => (n === "kind" ? `${n}::"PlaceKind"` : n === "published_precision" ? `${n}::"DatePrecision"` : n)).join(", ")}${table === "source" ? ", now()" : ""} FROM input
               ON CONFLICT (key) DO NOTHING RETURNING id, key)
     SELECT id, key, true AS inserted FROM added
     UNION ALL SELECT r.id, r.key, false FROM ${table} r JOIN input USING (key)`,
    ...values,
  );
  if (rows.length !== keys.length)
    throw new Error(`internal: ${table} rows for ${keys.length} keys came back as ${rows.length}`);
  return rows;
}

/**
 * Writes batches of mapped rows, one transaction each: actors (matched or created), places,
 * sources, then events with their participants and claims, and the revisions of all of them.
 */
export class BatchWriter {
  readonly records = { event: tally(), place: tally(), source: tally(), claim: tally() };

  constructor(
    private readonly db: PrismaClient,
    private readonly matcher: ActorMatcher,
    private readonly author: string,
  ) {}

  async write(events: EventInput[], failBeforeCommit = false): Promise<BatchResult> {
    return this.db.$transaction(
      async (tx) => {
        const log = new RevisionLog(this.author);
        const sources = uniqueBy(
          events.flatMap((e) => e.claims.map((c) => c.source)),
          (s) => s.key,
        );
        const actors: DatasetActor[] = [
          ...events.flatMap((e) => e.participants.map((p) => p.actor)),
          ...sources.flatMap((s) => (s.outlet ? [s.outlet] : [])),
        ];
        const actorIds = await this.matcher.resolve(tx, actors, log);
        const resolved: Resolved = {
          actors: actorIds,
          places: await this.places(
            tx,
            uniqueBy(
              events.flatMap((e) => e.places),
              (p) => p.key,
            ),
            log,
          ),
          sources: await this.sources(tx, sources, actorIds, log),
        };
        const result = await writeEvents(tx, events, resolved, log, this.records);
        await log.flush(tx);
        if (failBeforeCommit) throw new ImportInterrupted("failing on purpose before the batch commits");
        return result;
      },
      { timeout: 300_000, maxWait: 60_000 },
    );
  }

  private async places(tx: Tx, places: PlaceInput[], log: RevisionLog): Promise<Map<string, number>> {
    if (places.length === 0) return new Map();
    const rows = await insertOnly(
      tx,
      "place",
      "key, name, kind, country, lat, lon",
      ["text", "text", "text", "text", "float8", "float8"],
      [
        places.map((p) => p.key),
        places.map((p) => p.name),
        places.map((p) => p.kind),
        places.map((p) => p.country),
        places.map((p) => p.lat),
        places.map((p) => p.lon),
      ],
      places.map((p) => p.key),
    );
    const byKey = new Map(places.map((p) => [p.key, p]));
    for (const row of rows.filter((r) => r.inserted)) {
      const { name, kind, country, lat, lon } = defined(byKey.get(row.key));
      log.add("Place", row.id, "CREATE", null, placeSnapshot({ name, kind, country, lat, lon, parentId: null }));
      this.records.place.created++;
    }
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  private async sources(
    tx: Tx,
    sources: SourceInput[],
    actors: Resolved["actors"],
    log: RevisionLog,
  ): Promise<Map<string, number>> {
    if (sources.length === 0) return new Map();
    const outlet = (s: SourceInput) => (s.outlet ? defined(actors.get(s.outlet.key)) : null);
    const rows = await insertOnly(
      tx,
      "source",
      "key, title, published_at, published_precision, outlet_id",
      ["text", "text", "date", "text", "int"],
      [
        sources.map((s) => s.key),
        sources.map((s) => s.title),
        sources.map((s) => s.publishedAt),
        sources.map((s) => (s.publishedAt ? "DAY" : null)),
        sources.map((s) => outlet(s)?.id ?? null),
      ],
      sources.map((s) => s.key),
    );
    const byKey = new Map(sources.map((s) => [s.key, s]));
    for (const row of rows.filter((r) => r.inserted)) {
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
