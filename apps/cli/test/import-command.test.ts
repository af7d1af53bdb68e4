import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importDataset } from "@parley/datasets";
import { createTestDatabase } from "@parley/testkit";
import { csvFile, fingerprint, sharedDataFile, UCDP_COLUMNS, ucdpRow } from "@parley/testkit/datasets";
import { describe, expect, it } from "vitest";
import { parley, startParley } from "./parley.ts";

describe("pnpm parley import", () => {
  it("killed with SIGKILL after some batches committed, then run again, ends with the data of one complete import", async () => {
    const sample = sharedDataFile("ucdp_ged_pakistan_hdx.csv");
    const file =
      sample ??
      csvFile(
        UCDP_COLUMNS,
        Array.from({ length: 3000 }, (_, i) =>
          ucdpRow(5000 + i, { side_b: i % 2 ? "TTP" : "BLA", side_b_new_id: i % 2 ? "356" : "287" }),
        ),
        "ged.csv",
      );
    const rejects = path.join(mkdtempSync(path.join(tmpdir(), "parley-rejects-")), "rejects.csv");
    const [once, killed] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      await importDataset(once.db, { dataset: "ucdp", file, batchSize: 250, rejectsPath: rejects });
      const total = await once.db.event.count();

      // The real command in a process of its own, killed without warning once two batches are in.
      const args = ["import", "ucdp", file, "--batch-size", "250", "--rejects", rejects];
      const child = startParley(killed.url, ...args);
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

      expect((await parley(killed.url, ...args)).code).toBe(0);
      const [expected, actual] = await Promise.all([fingerprint(once.db), fingerprint(killed.db)]);
      expect(actual).toEqual(expected);
      console.log(`killed at ${kept} of ${total} events; the rerun completed it`);
    } finally {
      await Promise.all([once.drop(), killed.drop()]);
    }
  }, 300_000);
});
