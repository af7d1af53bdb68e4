import { readFileSync } from "node:fs";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { csvFile, fingerprint, sharedDataFile, UCDP_COLUMNS, ucdpRow } from "@parley/testkit/datasets";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportInterrupted, importDataset } from "../src/index.ts";

/** 500 rows: the first ones of the UCDP sample when it is there, else generated ones. */
function rows(): Record<string, string>[] {
  const sample = sharedDataFile("ucdp_ged_pakistan_hdx.csv");
  if (sample)
    return (parse(readFileSync(sample), { columns: true, bom: true }) as Record<string, string>[]).slice(1, 501);
  return Array.from({ length: 500 }, (_, i) =>
    ucdpRow(1000 + i, { side_b: i % 3 ? "TTP" : "BLA", side_b_new_id: i % 3 ? "356" : "287", best: "3" }),
  );
}

describe("an import that dies half-way", () => {
  let clean: TestDatabase;
  let crashed: TestDatabase;
  beforeAll(async () => {
    [clean, crashed] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([clean?.drop(), crashed?.drop()]);
  });

  it("keeps the batches it committed, rolls back the one in hand, and a rerun ends with the data of one complete import", async () => {
    const file = csvFile(UCDP_COLUMNS, rows(), "ged.csv");
    const options = { dataset: "ucdp" as const, file, batchSize: 125 };
    await importDataset(clean.db, options);

    // The third batch fails inside its transaction, after writing its events, claims and revisions.
    await expect(importDataset(crashed.db, { ...options, failAfterBatches: 2 })).rejects.toThrow(ImportInterrupted);
    expect(await crashed.db.event.count()).toBe(250);
    expect(await crashed.db.revision.count({ where: { entityType: "Event" } })).toBe(250);
    const rerun = await importDataset(crashed.db, options);
    expect(rerun).toMatchObject({ created: 250, updated: 0, unchanged: 250, rejected: 0 });

    const [expected, actual] = await Promise.all([fingerprint(clean.db), fingerprint(crashed.db)]);
    expect(actual).toEqual(expected);
    expect(defined(actual.event, "the count of events").n).toBe(500);
  }, 120_000);
});
