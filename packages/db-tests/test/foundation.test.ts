import {
  applyMigrations,
  DataFileError,
  ensureDatabaseExists,
  loadDataFiles,
  mergeActors,
  readMigrations,
  resolveActorId,
  withDatabase,
} from "@parley/db";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { dataFiles, smallDataset } from "@parley/testkit/data-files";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("migrations", () => {
  it("apply from zero to an empty database, then find nothing left to apply", async () => {
    const url = withDatabase(inject("parleyServerUrl"), `parley_test_${inject("parleyTemplate").split("_")[2]}_fresh`);
    await ensureDatabaseExists(url);
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    await client.end();
    expect(rows[0].n).toBe(migrations.length);
    expect(tables.rows.map((r) => r.tablename)).toEqual(
      expect.arrayContaining(["actor", "actor_alias", "event", "participant", "claim", "source", "revision"]),
    );
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const [first, ...rest] = readMigrations();
    const edited = { ...defined(first, "first"), checksum: "0".repeat(64) };
    await expect(applyMigrations(t.url, [edited, ...rest])).rejects.toThrow(/was changed after it was applied/);
  });
});

describe("loading data files", () => {
  it("marks an event contested when one claim asserts and another denies", async () => {
    await loadDataFiles(t.db, dataFiles({ "small.yaml": smallDataset() }));
    const event = await t.db.event.findUniqueOrThrow({ where: { key: "release" }, include: { claims: true } });
    expect(event.contested).toBe(true);
    expect(event.datePrecision).toBe("MONTH");
    expect(event.endDate).toBeNull();
    expect(event.claims.map((c) => c.stance).sort()).toEqual(["ASSERTS", "DENIES"]);
  });

  it("changes nothing when the same files are loaded again", async () => {
    const files = dataFiles({ "small.yaml": smallDataset() });
    const revisionsBefore = await t.db.revision.count();
    const summary = await loadDataFiles(t.db, files);
    expect(summary.created).toBe(0);
    expect(summary.updated).toBe(0);
    expect(summary.unchanged).toBeGreaterThan(0);
    expect(await t.db.revision.count()).toBe(revisionsBefore);
  });

  it("records a change in the revision history with the fields before and after", async () => {
    const data = smallDataset();
    defined(data.events[0], "data.events[0]").title = "Release of TTP prisoners";
    const summary = await loadDataFiles(t.db, dataFiles({ "small.yaml": data }), { author: "analyst@example.org" });
    expect(summary.byKind.event.updated).toBe(1);
    const event = await t.db.event.findUniqueOrThrow({ where: { key: "release" } });
    expect(event.version).toBe(2);
    const revision = await t.db.revision.findFirstOrThrow({
      where: { entityType: "Event", entityId: event.id, action: "UPDATE" },
    });
    expect(revision.author).toBe("analyst@example.org");
    expect(revision.changes).toEqual({ title: ["Release of prisoners", "Release of TTP prisoners"] });
  });

  it("rejects a bad file naming the file and the field, and leaves the database unchanged", async () => {
    const counts = async () => [await t.db.event.count(), await t.db.actor.count(), await t.db.revision.count()];
    const before = await counts();
    const bad = smallDataset();
    (bad.events[0] as Record<string, unknown>).type = "PICNIC";
    bad.events.push({
      ...defined(bad.events[0], "bad.events[0]"),
      key: "second",
      type: "ATTACK",
      title: "x",
      claims: [],
    });
    const [good, broken] = dataFiles({
      "good.yaml": { events: [{ key: "new-one", type: "ATTACK", title: "New", start: "2023" }] },
      "broken.yaml": bad,
    });
    const error = await loadDataFiles(t.db, [defined(good, "good"), defined(broken, "broken")]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).message).toMatch(/broken\.yaml: events\[0\] \(key release\)\.type: /);
    expect(await counts()).toEqual(before);
  });

  it("rejects a reference to a key no record has, before writing anything", async () => {
    const before = await t.db.event.count();
    const data = {
      events: [
        {
          key: "orphan",
          type: "ATTACK",
          title: "Orphan",
          start: "2023-01-02",
          participants: [{ actor: "nobody", role: "PERPETRATOR" }],
        },
      ],
    };
    await expect(loadDataFiles(t.db, dataFiles({ "orphan.yaml": data }))).rejects.toThrow(
      /orphan\.yaml: events\[0\] \(key orphan\)\.participants\[0\]\.actor: no actor has the key "nobody"/,
    );
    expect(await t.db.event.count()).toBe(before);
  });
});

describe("merging actors", () => {
  it("keeps both names as aliases and resolves the old ID to the survivor", async () => {
    await loadDataFiles(
      t.db,
      dataFiles({
        "dup.yaml": {
          actors: [
            {
              key: "pakistani-taliban",
              name: "Pakistani Taliban",
              kind: "ARMED_GROUP",
              aliases: [{ name: "Tahreek-e-Taliban Pakistan", kind: "TRANSLITERATION" }],
            },
          ],
          events: [
            {
              key: "attack",
              type: "ATTACK",
              title: "Attack",
              start: "2022-05-14",
              participants: [{ actor: "pakistani-taliban", role: "PERPETRATOR" }],
            },
          ],
        },
      }),
    );
    const survivor = await t.db.actor.findUniqueOrThrow({ where: { key: "ttp" } });
    const merged = await t.db.actor.findUniqueOrThrow({ where: { key: "pakistani-taliban" } });
    await t.db.$transaction((tx) => mergeActors(tx, { survivorId: survivor.id, mergedId: merged.id, author: "test" }));

    expect(await resolveActorId(t.db, merged.id)).toBe(survivor.id);
    const aliases = (await t.db.actorAlias.findMany({ where: { actorId: survivor.id } })).map((a) => a.name);
    expect(aliases).toEqual(
      expect.arrayContaining(["TTP", "Tehreek-e-Taliban Pakistan", "Pakistani Taliban", "Tahreek-e-Taliban Pakistan"]),
    );
    const attack = await t.db.event.findUniqueOrThrow({ where: { key: "attack" }, include: { participants: true } });
    expect(attack.participants.map((p) => p.actorId)).toEqual([survivor.id]);
    const history = await t.db.revision.findMany({
      where: { entityType: "Actor", entityId: survivor.id, action: "MERGE" },
    });
    expect(history).toHaveLength(1);
  });
});
