import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeAcledFile } from "@parley/corpus";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset } from "../src/index.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("the corpus generator's ACLED file", () => {
  it("imports without a rejected row, the same seed giving the same file, and again changes nothing", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "parley-acled-"));
    const [a, b] = [path.join(folder, "a.csv"), path.join(folder, "b.csv")];
    await writeAcledFile({ file: a, rows: 3000, seed: 7 });
    await writeAcledFile({ file: b, rows: 3000, seed: 7 });
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));

    const first = await importDataset(t.db, { dataset: "acled", file: a, batchSize: 1000 });
    expect(first).toMatchObject({ layout: "current", created: 3000, rejected: 0, batches: 3 });
    expect(first.records.actor.created).toBeGreaterThan(100);
    expect(await t.db.participant.count()).toBeGreaterThan(3000);
    const again = await importDataset(t.db, { dataset: "acled", file: a });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3000, rejected: 0 });
  }, 120_000);
});
