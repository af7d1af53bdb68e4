import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { ACLED_CURRENT_COLUMNS, acledRow, csvFile, fingerprint } from "@parley/testkit/datasets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportInterrupted, importDataset } from "../src/index.ts";

/**
 * What the staged, set-wise path could get wrong: batches that split rows sharing actors, places and
 * outlets; documents and contested flags written by the import instead of the row triggers; a rerun
 * after a crash; revisions and change-log entries for every record written.
 */

const ACTORS = ["Tehreek-e-Azadi Swat", "Lashkar-e-Haq", "Jaish-e-Nusrat Khyber"];
const PLACES = ["Mir Ali", "Miranshah", "Razmak"];

/** 11 rows that share three armed groups, three places and two outlets, in every combination. */
const rows = Array.from({ length: 11 }, (_, i) =>
  acledRow(`PAK${2000 + i}`, {
    event_date: `2024-04-${String(i + 1).padStart(2, "0")}`,
    actor2: defined(ACTORS[i % 3], "an actor"),
    assoc_actor_2: i % 4 === 0 ? defined(ACTORS[(i + 1) % 3], "an actor") : "",
    location: defined(PLACES[i % 3], "a place"),
    latitude: String(32.9 + (i % 3) / 10),
    source: i % 2 ? "Dawn" : "Dawn; Express Tribune",
    notes: `On ${i + 1} April 2024, fighting near ${PLACES[i % 3]}.`,
  }),
);

let whole: TestDatabase;
let split: TestDatabase;
beforeAll(async () => {
  [whole, split] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([whole?.drop(), split?.drop()]);
});

/** Events whose stored document differs from what the row triggers build from the stored rows. */
const wrongDocuments = (t: TestDatabase) =>
  t.db.$queryRawUnsafe<{ key: string }[]>(
    `SELECT e.key FROM event e, LATERAL parley_event_names(e.id) n
      WHERE e.document IS DISTINCT FROM parley_event_document(e.title, e.summary, n.actor_names, n.place_names)`,
  );

describe("an import in batches that split rows sharing actors, places and outlets", () => {
  it("ends with the records of a one-batch import: each actor, place and source once", async () => {
    const file = csvFile(ACLED_CURRENT_COLUMNS, rows, "shared.csv");
    const one = await importDataset(whole.db, { dataset: "acled", file });
    const many = await importDataset(split.db, { dataset: "acled", file, batchSize: 2 });
    expect(one).toMatchObject({ created: 11, batches: 1 });
    expect(many).toMatchObject({ created: 11, batches: 6 });
    expect(many.records).toEqual(one.records);
    expect(await fingerprint(split.db)).toEqual(await fingerprint(whole.db));
    expect(await split.db.actor.count({ where: { name: { in: ACTORS } } })).toBe(3);
    expect(await split.db.place.count()).toBe(3);
    expect(await split.db.source.count()).toBe(2);
  });

  it("writes each event's search document as the row triggers would, and the change log for every event", async () => {
    for (const t of [whole, split]) {
      expect(await wrongDocuments(t)).toEqual([]);
      const logged = await t.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM event e WHERE NOT EXISTS (SELECT FROM search_change c WHERE c.event_id = e.id)`,
      );
      expect(defined(logged[0], "the first batch logged").n).toBe(0);
    }
    const found = await split.db.$queryRawUnsafe<{ key: string }[]>(
      `SELECT key FROM event WHERE document @@ plainto_tsquery('parley', 'Nusrat Razmak') ORDER BY key`,
    );
    expect(found.map((e) => e.key)).toEqual(
      rows.filter((r) => r.location === "Razmak").map((r) => `acled:${r.event_id_cnty}`),
    );
  });

  it("gives each participant its event's date and logs each new event once, as the deferred triggers would", async () => {
    for (const t of [whole, split]) {
      const [found] = await t.db.$queryRawUnsafe<
        { wrong: number; participants: number; logs: number; names: number; events: number }[]
      >(
        `SELECT (SELECT count(*)::int FROM participant p JOIN event e ON e.id = p.event_id
                  WHERE p.event_start_date IS DISTINCT FROM e.start_date) AS wrong,
                (SELECT count(*)::int FROM participant) AS participants,
                (SELECT count(*)::int FROM search_change WHERE event_id IS NOT NULL) AS logs,
                (SELECT count(*)::int FROM search_change WHERE event_id IS NULL) AS names,
                (SELECT count(*)::int FROM event) AS events`,
      );
      const row = defined(found, "the counts of participants, change-log rows and events");
      expect(row).toMatchObject({ wrong: 0, logs: row.events });
      // The actors the import created are logged too, once per statement, not once per actor.
      expect(row.names).toBeGreaterThan(0);
      expect(row.names).toBeLessThan(row.events);
      expect(row.participants).toBeGreaterThan(row.events);
    }
  });

  it("records one CREATE revision per event, claim, place and source, and one per actor", async () => {
    const revisions = await split.db.revision.groupBy({ by: ["entityType", "action"], _count: true });
    const count = Object.fromEntries(revisions.map((r) => [`${r.entityType} ${r.action}`, r._count]));
    expect(count).toEqual({
      "Event CREATE": 11,
      "Claim CREATE": await split.db.claim.count(),
      "Place CREATE": 3,
      "Source CREATE": 2,
      "Actor CREATE": await split.db.actor.count(),
    });
    const event = await split.db.event.findUniqueOrThrow({ where: { key: "acled:PAK2004" } });
    const created = await split.db.revision.findFirstOrThrow({ where: { entityType: "Event", entityId: event.id } });
    expect(created.changes).toMatchObject({
      title: event.title,
      startDate: "2024-04-05",
      places: [expect.any(String)],
    });
    expect((created.changes as { participants: unknown[] }).participants).toHaveLength(3);
  });

  it("updates changed events with UPDATE revisions, new documents and change-log entries, in any batch size", async () => {
    const newer = rows.map((r, i) =>
      i === 3 ? { ...r, location: "Wana", latitude: "32.3" } : i === 8 ? { ...r, actor2: "Lashkar-e-Haq" } : r,
    );
    const file = csvFile(ACLED_CURRENT_COLUMNS, newer, "newer.csv");
    for (const [t, batchSize] of [
      [whole, undefined],
      [split, 3],
    ] as const) {
      const [last] = await t.db.$queryRawUnsafe<{ seq: bigint }[]>(
        `SELECT coalesce(max(seq), 0) AS seq FROM search_change`,
      );
      const seq = defined(last, "the last batch logged").seq;
      const summary = await importDataset(t.db, { dataset: "acled", file, batchSize });
      expect(summary).toMatchObject({ created: 0, updated: 2, unchanged: 9 });
      const changed = await t.db.event.findMany({
        where: { key: { in: ["acled:PAK2003", "acled:PAK2008"] } },
        orderBy: { key: "asc" },
      });
      expect(changed.map((e) => e.version)).toEqual([2, 2]);
      const updates = await t.db.revision.findMany({ where: { entityType: "Event", action: "UPDATE" } });
      expect(updates.map((r) => r.entityId).sort()).toEqual(changed.map((e) => e.id).sort());
      expect(
        Object.keys(
          defined(
            updates.find((r) => r.entityId === defined(changed[0], "the first changed event").id),
            "updates.find((r) => r.entityId === changed[0].id)",
          ).changes as object,
        ),
      ).toEqual(expect.arrayContaining(["places", "title"]));
      expect(
        Object.keys(
          defined(
            updates.find((r) => r.entityId === defined(changed[1], "the second changed event").id),
            "updates.find((r) => r.entityId === changed[1].id)",
          ).changes as object,
        ),
      ).toEqual(expect.arrayContaining(["participants", "title"]));
      const logged = await t.db.$queryRawUnsafe<{ event_id: number }[]>(
        `SELECT DISTINCT event_id FROM search_change WHERE seq > $1 ORDER BY event_id`,
        seq,
      );
      expect(logged.map((r) => r.event_id)).toEqual(changed.map((e) => e.id).sort((a, b) => a - b));
      expect(await wrongDocuments(t)).toEqual([]);
    }
    expect(await fingerprint(split.db)).toEqual(await fingerprint(whole.db));
  });
});

describe("a rerun after a crash in the middle of a batched import", () => {
  let clean: TestDatabase;
  let crashed: TestDatabase;
  beforeAll(async () => {
    [clean, crashed] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([clean?.drop(), crashed?.drop()]);
  });

  it("finishes with other batch sizes, and every event has exactly one CREATE revision and its document", async () => {
    const file = csvFile(ACLED_CURRENT_COLUMNS, rows, "crash.csv");
    await importDataset(clean.db, { dataset: "acled", file });
    await expect(
      importDataset(crashed.db, { dataset: "acled", file, batchSize: 4, failAfterBatches: 1 }),
    ).rejects.toThrow(ImportInterrupted);
    expect(await crashed.db.event.count()).toBe(4);
    // A sequence does not roll back: the IDs drawn by the failed batch are simply skipped.
    const rerun = await importDataset(crashed.db, { dataset: "acled", file, batchSize: 3 });
    expect(rerun).toMatchObject({ created: 7, unchanged: 4, rejected: 0 });
    expect(await fingerprint(crashed.db)).toEqual(await fingerprint(clean.db));
    const perEvent = await crashed.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(r.id)::int AS n FROM event e LEFT JOIN revision r ON r.entity_type = 'Event' AND r.entity_id = e.id AND r.action = 'CREATE' GROUP BY e.id`,
    );
    expect(perEvent.map((r) => r.n)).toEqual(Array(11).fill(1));
    expect(await wrongDocuments(crashed)).toEqual([]);
  });
});
