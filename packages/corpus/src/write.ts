import { copyRows, countryNamesText } from "@parley/db";
import { defined } from "@parley/schema";
import pg from "pg";
import { eventGenerator, type GenEvent, generateWorld, keysOf, type World } from "./corpus.ts";

export interface GenerateOptions {
  url: string;
  events: number;
  seed: number;
  /** Empty the event, actor, place and source tables first; without it the database must hold no events. */
  replace?: boolean;
  onProgress?: (done: number, total: number) => void;
  log?: (line: string) => void;
}

const BATCH = 20_000;
const TABLES = [
  "event",
  "participant",
  "event_place",
  "event_link",
  "claim",
  "source",
  "source_citation",
  "actor",
  "actor_alias",
  "actor_redirect",
  "affiliation",
  "place",
  "process",
  "revision",
  "search_change",
];

function* map<T, U>(items: Iterable<T>, f: (item: T) => Iterable<U>): Iterable<U> {
  for (const item of items) yield* f(item);
}

async function writeWorld(client: pg.Client, world: World) {
  await copyRows(
    client,
    "actor (id, name, kind, country, normalized, translit_key, updated_at)",
    map(world.actors, (a) => [
      [a.id, a.name, a.kind, a.country, keysOf(a.name).normalized, keysOf(a.name).translitKey, "now"],
    ]),
  );
  await copyRows(
    client,
    "actor_alias (id, actor_id, name, kind, normalized, translit_key)",
    map(world.actors, (a) =>
      a.aliases.map((x) => [x.id, a.id, x.name, x.kind, keysOf(x.name).normalized, keysOf(x.name).translitKey]),
    ),
  );
  await copyRows(
    client,
    "place (id, name, kind, country, lat, lon)",
    map(world.places, (p) => [
      [p.id, p.name, "SETTLEMENT", p.country, p.lat?.toFixed(4) ?? null, p.lon?.toFixed(4) ?? null],
    ]),
  );
  await copyRows(
    client,
    "source (id, title, published_at, published_precision, outlet_id, updated_at)",
    map(world.sources, (s) => [[s.id, s.title, s.publishedAt, "DAY", s.outletId, "now"]]),
  );
}

/** Each event's document text as the triggers would build it: names by actor then alias ID, places by ID, then their countries' names by code. */
function documentNames(world: World, e: GenEvent): [string, string] {
  const actorIds = [...new Set(e.participants.map((p) => p.actorId))].sort((a, b) => a - b);
  const names = actorIds.flatMap((id) => {
    const a = defined(world.actors[id - 1]);
    return [a.name, ...a.aliases.map((x) => x.name)];
  });
  const places = [...e.placeIds].sort((a, b) => a - b).map((id) => defined(world.places[id - 1]));
  const countries = [...new Set(places.map((p) => p.country))].sort().flatMap((code) => countryNamesText(code) ?? []);
  return [names.join(" | "), [...places.map((p) => p.name), ...countries].join(" | ")];
}

async function writeEvents(client: pg.Client, world: World, events: GenEvent[], meanwhile: () => void) {
  await copyRows(
    client,
    "gen_event (id, type, title, summary, start_date, end_date, contested, fatalities_low, fatalities_best, fatalities_high, actor_names, place_names)",
    map(events, (e) => [
      [
        e.id,
        e.type,
        e.title,
        e.summary,
        e.start,
        e.end,
        e.contested,
        e.fatalities?.low ?? null,
        e.fatalities?.best ?? null,
        e.fatalities?.high ?? null,
        ...documentNames(world, e),
      ],
    ]),
  );
  const inserting =
    client.query(`INSERT INTO event (id, type, title, summary, start_date, end_date, contested, fatalities_low, fatalities_best, fatalities_high, document, updated_at)
    SELECT id, type::"EventType", title, summary, start_date, end_date, contested, fatalities_low, fatalities_best, fatalities_high,
           parley_event_document(title, summary, actor_names, place_names), now() FROM gen_event`);
  meanwhile(); // PostgreSQL builds the documents while this thread makes the next batch
  await inserting;
  await client.query("TRUNCATE gen_event");
  // Triggers are off: the event's date is written beside each participation here, as the trigger would.
  await copyRows(
    client,
    "participant (event_id, actor_id, role, event_start_date)",
    map(events, (e) => e.participants.map((p) => [e.id, p.actorId, p.role, e.start])),
  );
  await copyRows(
    client,
    "event_place (event_id, place_id)",
    map(events, (e) => e.placeIds.map((p) => [e.id, p])),
  );
  await copyRows(
    client,
    "claim (event_id, source_id, quote, stance, updated_at)",
    map(events, (e) => e.claims.map((c, i) => [e.id, c.sourceId, `claim ${i + 1} on event ${e.id}`, c.stance, "now"])),
  );
}

/**
 * Fills the database with a synthetic corpus, fast: bulk COPY in one transaction, triggers off (the
 * generator computes what they would: documents, name keys, contested flags), the text index built
 * once at the end, and every search index told to rebuild.
 */
export async function generateCorpus(
  options: GenerateOptions,
): Promise<{ events: number; actors: number; places: number; sources: number }> {
  const log = options.log ?? (() => {});
  const world = generateWorld(options.events, options.seed);
  const nextBatch = eventGenerator(world, options.seed);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM (SELECT 1 FROM event LIMIT 1) e",
    );
    if (defined(rows[0]).n > 0 && !options.replace)
      throw new Error("The database already holds events: pass --replace to empty it first.");
    await client.query(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
    const superuser = (
      await client.query<{ s: boolean }>("SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user")
    ).rows[0]?.s;
    if (superuser) await client.query("SET LOCAL session_replication_role = replica");
    else
      for (const t of ["event", "participant", "event_place", "claim", "source", "actor", "actor_alias", "place"])
        await client.query(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    await client.query("DROP INDEX IF EXISTS event_document_idx");
    await client.query(`CREATE TEMP TABLE gen_event (id int, type text, title text, summary text, start_date date, end_date date, contested boolean,
      fatalities_low int, fatalities_best int, fatalities_high int, actor_names text, place_names text) ON COMMIT DROP`);

    await writeWorld(client, world);
    log(
      `${world.actors.length} actors with ${world.actors.reduce((n, a) => n + a.aliases.length, 0)} aliases, ${world.places.length} places, ${world.sources.length} sources`,
    );
    let batch = nextBatch(Math.min(BATCH, options.events));
    for (let done = 0; batch.length > 0; ) {
      let next: GenEvent[] = [];
      const remaining = options.events - done - batch.length;
      await writeEvents(
        client,
        world,
        batch,
        () => (next = remaining > 0 ? nextBatch(Math.min(BATCH, remaining)) : []),
      );
      done += batch.length;
      options.onProgress?.(done, options.events);
      batch = next;
    }
    log("building the text index");
    await client.query(`CREATE INDEX event_document_idx ON event USING GIN (document)`);
    for (const t of ["actor", "actor_alias", "place", "source", "event", "participant", "claim"]) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), GREATEST((SELECT max(id) FROM "${t}"), 1))`,
      );
    }
    if (!superuser)
      for (const t of ["event", "participant", "event_place", "claim", "source", "actor", "actor_alias", "place"])
        await client.query(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
    await client.query(`UPDATE search_state SET generation = generation + 1 WHERE id = 1`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  const vacuum = new pg.Client({ connectionString: options.url });
  await vacuum.connect();
  try {
    log("vacuum and analyze");
    await vacuum.query("VACUUM (ANALYZE) event, participant, event_place, claim, source, actor, actor_alias, place");
  } finally {
    await vacuum.end();
  }
  return {
    events: options.events,
    actors: world.actors.length,
    places: world.places.length,
    sources: world.sources.length,
  };
}
