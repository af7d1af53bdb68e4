import { readFileSync } from "node:fs";
import path from "node:path";
import { importDataset } from "@parley/datasets";
import {
  claimSnapshot,
  commitWrite,
  eventSnapshot,
  type PrismaClient,
  paths,
  placeSnapshot,
  positionSnapshot,
  sourceSnapshot,
} from "@parley/db";
import { ingestReport } from "@parley/ingest";
import { acceptCandidate } from "@parley/ingest/review";
import { encodeGlobalId } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { csvFile, UCDP_COLUMNS, ucdpRow } from "@parley/testkit/datasets";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
});
afterAll(async () => {
  await t.drop();
});

const loadEvent = (db: PrismaClient, id: number) =>
  db.event.findUniqueOrThrow({ where: { id }, include: { places: true, participants: true, linksOut: true } });
const createdOf = async (entityType: string, entityId: number) =>
  (await t.db.revision.findFirstOrThrow({ where: { entityType, entityId, action: "CREATE" }, orderBy: { id: "asc" } }))
    .changes;

describe("a revision's shape", () => {
  it("is the record's snapshot whoever wrote it: the loader, an import, a review", async () => {
    // The data-file loader wrote the demo dataset.
    for (const event of await t.db.event.findMany({ select: { id: true } }))
      expect(await createdOf("Event", event.id)).toEqual(eventSnapshot(await loadEvent(t.db, event.id)));
    for (const position of await t.db.position.findMany())
      expect(await createdOf("Position", position.id)).toEqual(positionSnapshot(position));

    await importDataset(t.db, { dataset: "ucdp", file: csvFile(UCDP_COLUMNS, [ucdpRow(71)]) });
    const imported = await t.db.event.findFirstOrThrow({ where: { key: "ucdp:71" }, include: { claims: true } });
    expect(await createdOf("Event", imported.id)).toEqual(eventSnapshot(await loadEvent(t.db, imported.id)));
    for (const claim of imported.claims) expect(await createdOf("Claim", claim.id)).toEqual(claimSnapshot(claim));
    const source = await t.db.source.findUniqueOrThrow({
      where: { id: imported.claims[0]?.sourceId },
      include: { cites: true },
    });
    expect(await createdOf("Source", source.id)).toEqual(sourceSnapshot(source));

    const report =
      "Talks in Kabul\n\nThe Afghan Taliban hosted talks between Islamabad and the TTP in Kabul on 18 May 2022, officials said.";
    const { candidateIds, sourceId } = await ingestReport(t.db, {
      file: "talks.txt",
      content: report,
      date: "2022-05-19",
    });
    const ingested = await t.db.source.findUniqueOrThrow({ where: { id: sourceId ?? 0 }, include: { cites: true } });
    expect(await createdOf("Source", ingested.id)).toEqual(sourceSnapshot(ingested));
    const candidate = await t.db.candidate.findFirstOrThrow({ where: { id: { in: candidateIds }, kind: "EVENT" } });
    const accepted = await commitWrite(t.db, (tx) => acceptCandidate(tx, candidate.id, "a reviewer"));
    const reviewed = await loadEvent(t.db, accepted.recordId ?? 0);
    expect(await createdOf("Event", reviewed.id)).toEqual(eventSnapshot(reviewed));
  });
});

describe("the migration to one revision shape", () => {
  const migration = readFileSync(
    path.join(paths.migrations, "20261207033000_one_revision_shape", "migration.sql"),
    "utf8",
  );
  const gid = encodeGlobalId;

  /** Stores revisions as the writers before the migration did, runs it again, and returns what it made of them. */
  async function migrated(
    revisions: { entityType: string; entityId: number; action: "CREATE" | "UPDATE" | "DELETE"; changes: object }[],
  ) {
    const created = [];
    for (const r of revisions)
      created.push(await t.db.revision.create({ data: { ...r, author: "before the migration", changes: r.changes } }));
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query(migration);
    } finally {
      await client.end();
    }
    const rows = await t.db.revision.findMany({
      where: { id: { in: created.map((r) => r.id) } },
      orderBy: { id: "asc" },
    });
    return rows.map((r) => r.changes);
  }

  it("turns keys, database IDs and '#<id>' into global IDs, and strings of participants and links into their objects", async () => {
    const event = await t.db.event.findFirstOrThrow({
      where: { processId: { not: null }, linksOut: { some: {} } },
      include: {
        process: true,
        places: { include: { place: true } },
        participants: { include: { actor: true } },
        linksOut: { include: { to: true } },
      },
    });
    const canonical = eventSnapshot(await loadEvent(t.db, event.id));
    const byLoader = {
      ...canonical,
      process: event.process?.key,
      places: event.places.map((p) => p.place.key),
      participants: event.participants.map((p) => `${p.actor.key}|${p.role}|${p.note ?? ""}`),
      links: event.linksOut.map((l) => `${l.kind}|${l.to.key}`),
    };
    const { outcome: _outcome, process: _process, links: _links, ...owned } = canonical;
    const byImport = {
      ...owned,
      places: byLoader.places,
      participants: event.participants.map((p) => `#${p.actorId}|${p.role}`),
    };
    const [loaded, updated, importedEvent] = await migrated([
      { entityType: "Event", entityId: event.id, action: "CREATE", changes: byLoader },
      {
        entityType: "Event",
        entityId: event.id,
        action: "UPDATE",
        changes: {
          process: [null, byLoader.process],
          participants: [[], byLoader.participants.slice(0, 1)],
          title: ["Old", "New"],
        },
      },
      { entityType: "Event", entityId: event.id, action: "CREATE", changes: byImport },
    ]);
    expect(loaded).toEqual(canonical);
    expect(updated).toEqual({
      process: [null, canonical.process],
      participants: [[], [expect.objectContaining({ role: event.participants[0]?.role })]],
      title: ["Old", "New"],
    });
    expect(importedEvent).toEqual({
      ...canonical,
      outcome: null,
      process: null,
      links: [],
      participants: (canonical.participants as object[]).map((p) => ({ ...p, note: null })),
    });
  });

  it("makes whole records of what a review recorded as { field: [null, value] }, and of a loader's deleted claim row", async () => {
    const event = await t.db.event.findFirstOrThrow({
      where: { places: { some: {} } },
      include: { places: true, participants: true },
    });
    const [placeId] = event.places.map((p) => p.placeId);
    const claim = await t.db.claim.findFirstOrThrow({ where: { eventId: { not: null } } });
    const place = await t.db.place.findUniqueOrThrow({ where: { id: placeId ?? 0 } });
    const [reviewedEvent, reviewedPlace, deletedClaim] = await migrated([
      {
        entityType: "Event",
        entityId: event.id,
        action: "CREATE",
        changes: {
          type: [null, event.type],
          title: [null, "Talks"],
          startDate: [null, "2022-05-18"],
          datePrecision: [null, "DAY"],
          placeId: [null, placeId],
          participants: [null, event.participants.map((p) => p.actorId)],
          candidate: [null, 0],
        },
      },
      {
        entityType: "Place",
        entityId: place.id,
        action: "CREATE",
        changes: { name: [null, place.name], country: [null, place.country] },
      },
      { entityType: "Claim", entityId: claim.id, action: "DELETE", changes: JSON.parse(JSON.stringify(claim)) },
    ]);
    expect(reviewedEvent).toMatchObject({
      type: event.type,
      title: "Talks",
      summary: "",
      startDate: "2022-05-18",
      endDate: null,
      process: null,
      places: [gid("Place", placeId ?? 0)],
      links: [],
    });
    expect((reviewedEvent as { participants: unknown[] }).participants).toHaveLength(
      new Set(event.participants.map((p) => p.actorId)).size,
    );
    expect(reviewedPlace).toEqual(placeSnapshot({ ...place, parentId: null }));
    expect(deletedClaim).toEqual(claimSnapshot(claim));
  });

  it("leaves revisions already in the shape as they are", async () => {
    const before = await t.db.revision.findMany({ where: { author: "demo dataset" }, orderBy: { id: "asc" } });
    await migrated([]);
    const after = await t.db.revision.findMany({ where: { author: "demo dataset" }, orderBy: { id: "asc" } });
    expect(after.map((r) => r.changes)).toEqual(before.map((r) => r.changes));
  });
});
