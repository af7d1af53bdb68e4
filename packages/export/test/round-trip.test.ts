import { importDataset } from "@parley/datasets";
import { defined } from "@parley/schema";
import type { SearchEngine } from "@parley/search";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acledSample, actorKinds, dumpEvents, tempFile } from "./dump.ts";
import { csvRecords, engineFor, exportText, searchEventsIds } from "./helpers.ts";

let a: TestDatabase;
let b: TestDatabase;
let engineA: SearchEngine;
let engineB: SearchEngine;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  [engineA, engineB] = [engineFor(a.url), engineFor(b.url)];
});
afterAll(async () => {
  await Promise.all([engineA.close(), engineB.close()]);
  await Promise.all([a.drop(), b.drop()]);
});

/** The rows but for ACLED's timestamp (the time of the last change), by event ID (ties on a day may swap). */
const withoutTimestamp = (text: string) =>
  csvRecords(text)
    .map(({ timestamp: _t, ...row }) => row)
    .sort((x, y) => defined(x.event_id_cnty).localeCompare(defined(y.event_id_cnty)));

const sample = acledSample(1500);

describe.skipIf(!sample)("ACLED → Parley → ACLED CSV → a fresh Parley (Kenya sample, 1,500 rows)", () => {
  it("reproduces every event: type, dates, actors and roles, places and coordinates, deaths, notes and sources", async () => {
    const first = await importDataset(a.db, { dataset: "acled", file: defined(sample) });
    expect(first).toMatchObject({ created: 1500, rejected: 0 });
    const exported = await exportText(engineA, "format=csv&sort=DATE_DESC", { batchSize: 200 });
    expect(exported.run.summary).toMatchObject({ events: 1500, notes: [] });

    const again = await importDataset(b.db, { dataset: "acled", file: tempFile("export.csv", exported.text) });
    expect(again).toMatchObject({ layout: "current", created: 1500, rejected: 0 });
    const [before, after] = await Promise.all([dumpEvents(a.db), dumpEvents(b.db)]);
    expect(after).toHaveLength(1500);
    for (let i = 0; i < before.length; i++) expect(after[i]).toEqual(before[i]);

    // An actor's kind comes from the ACLED type of the side of the first row that names it; ACLED
    // types a few actors differently from row to row (Women (Kenya) with civilians, then with
    // protesters). Exported newest first, as ACLED's files are, nearly every actor keeps its kind;
    // events of the same day may come back in another order.
    const [kindsA, kindsB] = await Promise.all([actorKinds(a.db), actorKinds(b.db)]);
    expect([...kindsB.keys()].sort()).toEqual([...kindsA.keys()].sort());
    const differing = [...kindsA].filter(([name, kind]) => kindsB.get(name) !== kind).map(([name]) => name);
    console.log(
      `Round trip: ${kindsA.size} actors, ${differing.length} with another kind (${differing.slice(0, 5).join(", ")}…)`,
    );
    expect(differing.length).toBeLessThan(kindsA.size * 0.02);

    // and exporting the copy writes the same rows
    const copy = await exportText(engineB, "format=csv&sort=DATE_DESC", { batchSize: 200 });
    expect(withoutTimestamp(copy.text)).toEqual(withoutTimestamp(exported.text));
  }, 240_000);

  it("exports every page of a large result, exactly as searchEvents pages it", async () => {
    for (const search of [
      "",
      "q=police",
      "q=Nairobi OR Mombasa&type=PROTEST&type=RIOT&sort=DATE_DESC",
      "role=TARGET&from=2019-06-01",
    ]) {
      const expected = await searchEventsIds(engineA, search);
      expect(expected.length).toBeGreaterThan(search === "" ? 1000 : 20);
      const { text } = await exportText(engineA, `format=csv&${search}`, { batchSize: 100 });
      const ids = csvRecords(text).map((r) => r.event_id_cnty);
      const keys = await a.db.event.findMany({ where: { id: { in: expected } }, select: { id: true, key: true } });
      const keyOf = new Map(keys.map((k) => [k.id, defined(k.key).slice("acled:".length)]));
      expect(ids).toEqual(expected.map((id) => keyOf.get(id)));
    }
  });
});
