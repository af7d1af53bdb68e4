import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset, ImportInterrupted } from "../src/import/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";
import { csvFile, fingerprint, sharedDataFile, UCDP_COLUMNS, ucdpRow } from "./import-fixtures.ts";

/** 500 rows: the first ones of the UCDP sample when it is there, else generated ones. */
function rows(): Record<string, string>[] {
  const sample = sharedDataFile("ucdp_ged_pakistan_hdx.csv");
  if (sample) return (parse(readFileSync(sample), { columns: true, bom: true }) as Record<string, string>[]).slice(1, 501);
  return Array.from({ length: 500 }, (_, i) => ucdpRow(1000 + i, { side_b: i % 3 ? "TTP" : "BLA", side_b_new_id: i % 3 ? "356" : "287", best: "3" }));
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
    expect(actual.event!.n).toBe(500);
  }, 120_000);

  it("killed with SIGKILL after some batches committed, then run again, ends with the data of one complete import", async () => {
    const sample = sharedDataFile("ucdp_ged_pakistan_hdx.csv");
    const file = sample ?? csvFile(UCDP_COLUMNS, Array.from({ length: 3000 }, (_, i) => ucdpRow(5000 + i, { side_b: i % 2 ? "TTP" : "BLA", side_b_new_id: i % 2 ? "356" : "287" })), "ged.csv");
    const rejects = path.join(mkdtempSync(path.join(tmpdir(), "parley-rejects-")), "rejects.csv");
    const [once, killed] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      await importDataset(once.db, { dataset: "ucdp", file, batchSize: 250, rejectsPath: rejects });
      const total = await once.db.event.count();

      // The real command in a process of its own, killed without warning once two batches are in.
      const args = ["--import", "tsx", "src/cli/main.ts", "import", "ucdp", file, "--batch-size", "250", "--rejects", rejects];
      const options = { cwd: path.resolve(import.meta.dirname, ".."), env: { ...process.env, DATABASE_URL: killed.url } };
      const child = spawn(process.execPath, args, { ...options, stdio: "ignore" });
      const exited = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
      const deadline = Date.now() + 120_000;
      let atKill = 0;
      while (Date.now() < deadline && child.exitCode === null) {
        atKill = await killed.db.event.count();
        if (atKill >= 500) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      const kept = await killed.db.event.count();
      expect(kept).toBeGreaterThanOrEqual(500);
      expect(kept).toBeLessThan(total);
      expect(kept % 250).toBe(0); // whole batches only: the one in hand was rolled back

      await promisify(execFile)(process.execPath, args, options);
      const [expected, actual] = await Promise.all([fingerprint(once.db), fingerprint(killed.db)]);
      expect(actual).toEqual(expected);
      console.log(`killed at ${kept} of ${total} events; the rerun completed it`);
    } finally {
      await Promise.all([once.drop(), killed.drop()]);
    }
  }, 300_000);
});
