import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readTextFile } from "@parley/datasets";
import { ingestReport } from "@parley/ingest";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCommand, MAX_REPORT_BYTES } from "../src/commands/ingest.ts";

/** Reports in wrong encodings and binary junk. */
const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("reports to ingest", () => {
  const ingestFile = (name: string) =>
    ingestCommand.run({
      values: { "dry-run": true },
      positionals: [fixture(name)],
      argv: ["--dry-run", fixture(name)],
    });

  it("reads a UTF-16 report with its byte-order mark as the UTF-8 one", async () => {
    const utf8 = await readTextFile(fixture("report-utf8.txt"), "report-utf8.txt", MAX_REPORT_BYTES);
    expect(await readTextFile(fixture("report-utf16le-bom.txt"), "report-utf16le-bom.txt", MAX_REPORT_BYTES)).toBe(
      utf8,
    );
    const result = await ingestReport(
      t.db,
      { file: "report.txt", content: utf8, date: "2022-05-18" },
      { dryRun: true },
    );
    expect(result.extraction.events.length).toBeGreaterThan(0);
  });

  it("refuses a Latin-1 report, a binary file and an oversized one before touching the database", async () => {
    const sources = await t.db.source.count();
    await expect(ingestFile("report-latin1.txt")).rejects.toThrow(
      /report-latin1\.txt: is not UTF-8: line 3 has the byte 0xE9 .*\.utf8\. Nothing was stored\.$/,
    );
    await expect(ingestFile("report-binary.pdf")).rejects.toThrow(
      /report-binary\.pdf: line 3 holds a NUL byte \(at byte \d+\): this looks like a binary file/,
    );
    const big = path.join(mkdtempSync(path.join(tmpdir(), "parley-report-")), "big.txt");
    writeFileSync(big, "x".repeat(32_097));
    await expect(readTextFile(big, "big.txt", 10_000)).rejects.toThrow(
      "big.txt: is 32,097 bytes; the limit is 10,000.",
    );
    expect(await t.db.source.count()).toBe(sources);
  });
});
