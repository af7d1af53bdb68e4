import { importDataset } from "@parley/datasets";
import { demoFiles, loadDataFiles } from "@parley/db";
import { defined } from "@parley/schema";
import type { SearchEngine } from "@parley/search";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempFile } from "./dump.ts";
import { csvRecords, engineFor, exportText } from "./helpers.ts";

let a: TestDatabase;
let b: TestDatabase;
let engine: SearchEngine;

/** Events that test what ACLED's columns cannot say, and cells a spreadsheet would run. */
async function addAwkwardEvents(t: TestDatabase) {
  const actor = (name: string, kind: "ARMED_GROUP" | "OTHER" | "GOVERNMENT" | "PERSON") =>
    t.db.actor.create({ data: { name, kind } });
  const [formula, target, mediator] = [
    await actor("@SUM(1+1)", "ARMED_GROUP"),
    await actor("+Villagers of Nowhere", "OTHER"),
    await actor("-Envoy", "PERSON"),
  ];
  const place = await t.db.place.create({
    data: { name: '=HYPERLINK("http://x.example")', kind: "SETTLEMENT", country: "KE", lat: -3.3543, lon: -40.0209 },
  });
  const outlet = await t.db.actor.create({ data: { name: "\tTab Times", kind: "MEDIA_OUTLET" } });
  const source = await t.db.source.create({ data: { title: "A report", outletId: outlet.id } });
  await t.db.event.create({
    data: {
      key: "awkward-attack",
      type: "ATTACK",
      title: "An attack",
      summary: "=cmd|' /C calc'!A0 then a real summary",
      startDate: new Date("2020-03-01"),
      endDate: new Date("2020-03-04"),
      datePrecision: "YEAR",
      fatalitiesBest: null,
      places: { create: [{ placeId: place.id }] },
      participants: {
        create: [
          { actorId: formula.id, role: "PERPETRATOR" },
          { actorId: target.id, role: "TARGET" },
          { actorId: mediator.id, role: "MEDIATOR" },
          { actorId: mediator.id, role: "SPOKESPERSON" },
        ],
      },
      claims: { create: [{ sourceId: source.id, quote: "a quote" }] },
    },
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await loadDataFiles(a.db, demoFiles(), { author: "demo dataset" });
  await addAwkwardEvents(a);
  engine = engineFor(a.url);
});
afterAll(async () => {
  await engine.close();
  await Promise.all([a.drop(), b.drop()]);
});

describe("Parley → ACLED CSV → a fresh Parley (the demo dataset)", () => {
  let csv = "";

  it("neutralises every cell a spreadsheet would run as a formula, and leaves numbers alone", async () => {
    csv = (await exportText(engine, "format=csv")).text;
    const row = defined(csvRecords(csv).find((r) => defined(r.notes).includes("real summary")));
    expect(row).toMatchObject({
      notes: "'=cmd|' /C calc'!A0 then a real summary",
      actor1: "'@SUM(1+1)",
      assoc_actor_1: "",
      actor2: "'+Villagers of Nowhere",
      third_parties: "'-Envoy",
      fatalities: "",
      location: `'=HYPERLINK("http://x.example")`,
      source: "'\tTab Times",
      latitude: "-3.3543",
      longitude: "-40.0209",
    });
    const cells = csvRecords(csv).flatMap((r) => Object.values(r));
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || (/^-/.test(c) && !/^-\d+(\.\d+)?$/.test(c)))).toEqual([]);
  });

  it("brings back type, dates and precision, actors and roles, places and coordinates, deaths, notes and sources", async () => {
    const summary = await importDataset(b.db, { dataset: "acled", file: tempFile("demo.csv", csv) });
    const placed = await a.db.event.count({
      where: { places: { some: { place: { lat: { not: null } } } }, participants: { some: {} } },
    });
    expect(summary).toMatchObject({ created: placed, rejected: (await a.db.event.count()) - placed });

    const include = {
      participants: { include: { actor: true } },
      places: { include: { place: true } },
      claims: { include: { source: { include: { outlet: true } } } },
    } as const;
    const originals = await a.db.event.findMany({
      where: { places: { some: { place: { lat: { not: null } } } }, participants: { some: {} } },
      include,
    });
    expect(originals.length).toBeGreaterThan(10);
    for (const e of originals) {
      const copy = await b.db.event.findUniqueOrThrow({ where: { key: `acled:PRLY${e.id}` }, include });
      const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
      const deaths = (x: typeof e) => (x.fatalitiesBest === null ? [x.fatalitiesLow, null] : [null, x.fatalitiesBest]);
      expect([copy.type, day(copy.startDate), day(copy.endDate), copy.datePrecision, ...deaths(copy)]).toEqual([
        e.type,
        day(e.startDate),
        day(e.endDate),
        e.datePrecision,
        ...deaths(e),
      ]);
      expect(copy.participants.map((p) => `${p.role} ${p.actor.name}`).sort()).toEqual(
        e.participants.map((p) => `${p.role} ${p.actor.name}`).sort(),
      );
      const place = defined(
        [...e.places].sort((x, y) => x.placeId - y.placeId).find((p) => p.place.lat !== null),
      ).place;
      const round = (n: number | null) => Math.round(defined(n) * 10_000) / 10_000;
      expect(copy.places.map((p) => [p.place.name, p.place.country, p.place.lat, p.place.lon])).toEqual([
        [place.name, place.country, round(place.lat), round(place.lon)],
      ]);
      expect(copy.summary.startsWith(`${e.summary.replace(/\s+/g, " ").trim()} (ACLED event PRLY${e.id}:`)).toBe(true);
      // (the importer trims every cell: "\tTab Times" comes back as "Tab Times")
      const outlets = [...new Set(e.claims.map((c) => (c.source.outlet?.name ?? c.source.title).trim()))].sort();
      expect(copy.claims.map((c) => c.source.outlet?.name).sort()).toEqual(outlets);
    }
  });

  // Actor kinds are lost but for ACLED's eight actor types, and associated actors take the type of
  // their side, so the actor types (inter1, inter2, interaction) may differ; every other cell is the same.
  it("exports the copy as the same rows, but for the actor types", async () => {
    const engineB = engineFor(b.url);
    try {
      const again = csvRecords((await exportText(engineB, "format=csv")).text);
      const first = new Map(csvRecords(csv).map((r) => [r.event_id_cnty, r]));
      for (const row of again) {
        const { timestamp: _t, inter1: _i1, inter2: _i2, interaction: _i, ...rest } = row;
        const {
          timestamp: _u,
          inter1: _o1,
          inter2: _o2,
          interaction: _o,
          ...original
        } = defined(first.get(defined(row.event_id_cnty)));
        expect(rest).toEqual({ ...original, source: defined(original.source).replace("'\t", "") });
      }
    } finally {
      await engineB.close();
    }
  });
});
