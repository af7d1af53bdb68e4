import { readFileSync } from "node:fs";
import { demoFiles, loadDataFiles } from "@parley/db";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { csvFile, sharedDataFile, UCDP_COLUMNS } from "@parley/testkit/datasets";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ImportSummary, importDataset } from "../src/index.ts";

const file = sharedDataFile("ucdp_ged_pakistan_hdx.csv");

describe.skipIf(!file)("importing the UCDP GED sample (Pakistan, 6,416 events)", () => {
  let t: TestDatabase;
  let first: ImportSummary;
  let rows: Record<string, string>[];

  beforeAll(async () => {
    t = await createTestDatabase({ demo: true });
    // An independent reading of the file: the whole of it at once, the HXL tag row dropped.
    rows = (
      parse(readFileSync(defined(file, "the UCDP sample file")), { columns: true, bom: true }) as Record<
        string,
        string
      >[]
    ).filter((r) => !defined(r.year, "the row's year").startsWith("#"));
    const rssBefore = process.resourceUsage().maxRSS;
    first = await importDataset(t.db, { dataset: "ucdp", file: defined(file, "the UCDP sample file") });
    console.log(
      `UCDP sample: ${first.rows} rows imported in ${first.seconds.toFixed(1)} s (${Math.round(first.rows / first.seconds)} rows/s); ` +
        `peak RSS of the test process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (${Math.round(rssBefore / 1024)} MB before)`,
    );
  }, 180_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("creates one event per row, with the counts an independent parse of the file gives", async () => {
    expect(rows).toHaveLength(6416);
    expect(first).toMatchObject({
      rows: 6416,
      created: 6416,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      skipped: 1,
      rejectsFile: null,
    });
    const count = (f: (r: Record<string, string>) => boolean) => rows.filter(f).length;
    const events = await t.db.event.groupBy({ by: ["type"], where: { key: { startsWith: "ucdp:" } }, _count: true });
    expect(Object.fromEntries(events.map((e) => [e.type, e._count]))).toEqual({
      ARMED_CLASH: count((r) => r.type_of_violence !== "3"),
      VIOLENCE_AGAINST_CIVILIANS: count((r) => r.type_of_violence === "3"),
    });
    const precision = await t.db.event.groupBy({
      by: ["datePrecision"],
      where: { key: { startsWith: "ucdp:" } },
      _count: true,
    });
    expect(Object.fromEntries(precision.map((e) => [e.datePrecision, e._count]))).toEqual({
      DAY: count((r) => r.date_prec === "1"),
      WEEK: count((r) => r.date_prec === "2" || r.date_prec === "3"),
      MONTH: count((r) => r.date_prec === "4"),
      YEAR: count((r) => r.date_prec === "5"),
    });
    const sums = await t.db.event.aggregate({
      where: { key: { startsWith: "ucdp:" } },
      _sum: { fatalitiesBest: true, fatalitiesLow: true, fatalitiesHigh: true },
    });
    const total = (c: string) => rows.reduce((s, r) => s + Number(r[c]), 0);
    expect(sums._sum).toEqual({
      fatalitiesBest: total("best"),
      fatalitiesLow: total("low"),
      fatalitiesHigh: total("high"),
    });
    expect(await t.db.participant.count({ where: { event: { key: { startsWith: "ucdp:" } } } })).toBe(2 * rows.length);
    const actorIds = new Set(rows.flatMap((r) => [r.side_a_new_id, r.side_b_new_id]));
    const actors = await t.db.actor.findMany({
      where: { participations: { some: { event: { key: { startsWith: "ucdp:" } } } } },
    });
    expect(actors).toHaveLength(actorIds.size);
  });

  it("maps dates, places, deaths and roles of a one-sided event as the row states them", async () => {
    const row = defined(
      rows.find((r) => r.type_of_violence === "3" && r.date_prec === "4" && r.where_prec === "3"),
      'rows.find((r) => r.type_of_violence === "3" && r.date_prec === "4" …',
    );
    const event = await t.db.event.findUniqueOrThrow({
      where: { key: `ucdp:${row.id}` },
      include: {
        places: { include: { place: true } },
        participants: { include: { actor: true } },
        claims: { include: { source: true } },
      },
    });
    expect(event).toMatchObject({
      type: "VIOLENCE_AGAINST_CIVILIANS",
      datePrecision: "MONTH",
      fatalitiesLow: Number(row.low),
      fatalitiesBest: Number(row.best),
      fatalitiesHigh: Number(row.high),
    });
    expect(event.startDate.toISOString().slice(0, 10)).toBe(
      defined(row.date_start, "the row's date_start").slice(0, 10),
    );
    expect(event.endDate?.toISOString().slice(0, 10)).toBe(defined(row.date_end, "the row's date_end").slice(0, 10));
    expect(defined(event.places[0], "the event's place").place).toMatchObject({
      name: row.where_coordinates,
      kind: "DISTRICT",
      country: "PK",
    });
    const roles = Object.fromEntries(event.participants.map((p) => [p.role, p.actor.externalIds]));
    expect(roles).toEqual({
      PERPETRATOR: expect.objectContaining({ ucdp: row.side_a_new_id }),
      TARGET: { ucdp: row.side_b_new_id },
    });
    expect(event.claims.length).toBeGreaterThan(0);
  });

  it("finds UCDP's TTP in the demo actor ttp and the government in pakistan-government, without duplicates", async () => {
    const ttp = await t.db.actor.findUniqueOrThrow({
      where: { key: "ttp" },
      include: { _count: { select: { participations: true } } },
    });
    const government = await t.db.actor.findUniqueOrThrow({ where: { key: "pakistan-government" } });
    expect(ttp.externalIds).toEqual({ ucdp: "356" });
    expect(government.externalIds).toEqual({ ucdp: "142" });
    expect(ttp._count.participations).toBeGreaterThan(rows.filter((r) => r.side_b === "TTP").length);
    expect(
      await t.db.actor.count({
        where: { OR: [{ name: "TTP" }, { key: "ucdp-actor:356" }, { key: "ucdp-actor:142" }] },
      }),
    ).toBe(0);
    expect(first.matchedActors.map((m) => [m.datasetName, m.actorKey])).toEqual(
      expect.arrayContaining([
        ["TTP", "ttp"],
        ["Government of Pakistan", "pakistan-government"],
      ]),
    );
    const revision = await t.db.revision.findFirstOrThrow({
      where: { entityType: "Actor", entityId: ttp.id, action: "UPDATE" },
    });
    expect(revision.changes).toEqual({ externalIds: [{}, { ucdp: "356" }] });
  });

  it("changes nothing when the same file is imported again, and finds the actors by their UCDP IDs", async () => {
    const revisions = await t.db.revision.count();
    const again = await importDataset(t.db, { dataset: "ucdp", file: defined(file, "the UCDP sample file") });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6416, rejected: 0 });
    expect(again.records.actor).toEqual({ created: 0, updated: 0 });
    expect(again.matchedActors.filter((m) => m.datasetName === "TTP")).toEqual([]);
    expect(await t.db.revision.count()).toBe(revisions);
  }, 120_000);

  it("keeps the UCDP IDs and dataset names it attached to demo actors when the demo dataset is loaded again", async () => {
    const identity = async () =>
      (
        await t.db.actor.findMany({
          where: { key: { in: ["ttp", "pakistan-government"] } },
          orderBy: { key: "asc" },
          select: {
            key: true,
            externalIds: true,
            aliases: { where: { kind: "DATASET_NAME" }, select: { name: true }, orderBy: { name: "asc" } },
          },
        })
      ).map((a) => ({ ...a, aliases: a.aliases.map((x) => x.name) }));
    const before = await identity();
    expect(before.map((a) => a.externalIds)).toEqual([{ ucdp: "142" }, { ucdp: "356" }]);
    const revisions = await t.db.revision.count();
    await loadDataFiles(t.db, demoFiles(), { author: "demo dataset" });
    expect(await identity()).toEqual(before);
    expect(await t.db.revision.count()).toBe(revisions);
  });

  it("updates exactly the rows a newer file changed, with UPDATE revisions", async () => {
    const sample = rows.slice(0, 30).map((r) => ({ ...r }));
    defined(sample[3], "sample row 3").best = String(Number(defined(sample[3], "sample row 3").best) + 2);
    defined(sample[3], "sample row 3").deaths_unknown = String(
      Number(defined(sample[3], "sample row 3").deaths_unknown) + 2,
    );
    defined(sample[3], "sample row 3").high = String(
      Math.max(Number(defined(sample[3], "sample row 3").high), Number(defined(sample[3], "sample row 3").best)),
    );
    defined(sample[7], "sample row 7").date_start = "1990-11-01 00:00:00.000";
    defined(sample[7], "sample row 7").date_end = "1990-11-02 00:00:00.000";
    defined(sample[7], "sample row 7").date_prec = "2";
    defined(sample[12], "sample row 12").where_coordinates =
      `${defined(sample[12], "sample row 12").where_coordinates} (corrected)`;
    const headline = "Five Kashmiris reported killed by Indian fire (corrected)";
    defined(sample[27], "sample row 27").source_headline = headline;
    defined(sample[27], "sample row 27").source_article =
      `"${defined(sample[27], "sample row 27").source_office},${defined(sample[27], "sample row 27").source_date},${headline}"`;
    const newer = csvFile(UCDP_COLUMNS, sample, "ucdp_newer.csv");

    const { _max } = await t.db.revision.aggregate({ _max: { id: true } });
    const summary = await importDataset(t.db, { dataset: "ucdp", file: newer });
    expect(summary).toMatchObject({ created: 0, updated: 4, unchanged: 26, rejected: 0 });
    expect(summary.records).toMatchObject({ source: { created: 1 }, claim: { created: 1, updated: 0, deleted: 1 } });
    const cited = await t.db.event.findUniqueOrThrow({
      where: { key: `ucdp:${defined(sample[27], "sample row 27").id}` },
      include: { claims: true },
    });
    expect(cited.claims.map((c) => c.quote)).toEqual([headline]);
    const newRevisions = await t.db.revision.findMany({
      where: { id: { gt: defined(_max.id, "the largest event ID") } },
      orderBy: { id: "asc" },
    });
    expect(newRevisions.map((r) => `${r.entityType} ${r.action}`).sort()).toEqual([
      "Claim CREATE",
      "Claim DELETE",
      "Event UPDATE",
      "Event UPDATE",
      "Event UPDATE",
      "Place CREATE",
      "Source CREATE",
    ]);
    const changed = await t.db.event.findMany({
      where: { key: { in: [3, 7, 12].map((i) => `ucdp:${defined(sample[i], `sample row ${i}`).id}`) } },
      orderBy: { id: "asc" },
    });
    expect(changed.map((e) => e.version)).toEqual([2, 2, 2]);
    const revisions = await t.db.revision.findMany({
      where: { entityType: "Event", action: "UPDATE", entityId: { in: changed.map((e) => e.id) } },
    });
    expect(revisions).toHaveLength(3);
    const byEvent = new Map(revisions.map((r) => [r.entityId, r.changes as Record<string, [unknown, unknown]>]));
    const dated = defined(
      changed.find((e) => e.key === `ucdp:${defined(sample[7], "sample row 7").id}`),
      "changed.find((e) => e.key === `ucdp:{sample[7].id}`)",
    );
    expect(byEvent.get(dated.id)).toMatchObject({
      startDate: [
        defined(defined(rows[7], "row 7 of the sample").date_start, "row 7's date_start").slice(0, 10),
        "1990-11-01",
      ],
      datePrecision: ["DAY", "WEEK"],
    });
    const moved = defined(
      changed.find((e) => e.key === `ucdp:${defined(sample[12], "sample row 12").id}`),
      "changed.find((e) => e.key === `ucdp:{sample[12].id}`)",
    );
    expect(Object.keys(defined(byEvent.get(moved.id), "the moved event's revision"))).toEqual(
      expect.arrayContaining(["places", "title"]),
    );
  });
});
