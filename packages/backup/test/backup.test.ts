import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { importDataset } from "@parley/datasets";
import { createApiToken, demoFiles, loadDataFiles } from "@parley/db";
import { defined } from "@parley/schema";
import { createTestDatabase, databaseContents, type TestDatabase } from "@parley/testkit";
import { csvFile, UCDP_COLUMNS, ucdpRow } from "@parley/testkit/datasets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BackupHeader, backupDatabase } from "../src/backup.ts";
import { restoreDatabase } from "../src/restore.ts";
import { NON_DATA_TABLES } from "../src/tables.ts";

let source: TestDatabase;
let target: TestDatabase;
const dir = mkdtempSync(path.join(tmpdir(), "parley-backup-"));
const file = path.join(dir, "backup.jsonl.gz");

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await loadDataFiles(source.db, demoFiles(), { author: "demo dataset" });
  await importDataset(source.db, {
    dataset: "ucdp",
    file: csvFile(UCDP_COLUMNS, [ucdpRow(1), ucdpRow(2, { best: "3", type_of_violence: "3" })]),
  });
  await createApiToken(source.db, { role: "EDITOR", name: "Ayesha", author: "tests" });
  const outlet = await source.db.source.findFirstOrThrow();
  await source.db.candidate.create({
    data: {
      sourceId: outlet.id,
      kind: "EVENT",
      payload: { quote: 'Talks "resumed"\n\ttoday \\ here', type: "NEGOTIATION" },
    },
  });
  await source.db.event.updateMany({
    where: { id: 1 },
    data: { summary: "Tabs\tand\nnewlines\r\nand a backslash \\N survive" },
  });
});
afterAll(async () => {
  await Promise.all([source?.drop(), target?.drop()]);
});

const contents = (url: string) => databaseContents(url, NON_DATA_TABLES);

function rewriteHeader(change: (header: BackupHeader) => void): string {
  const lines = gunzipSync(readFileSync(file)).toString().split("\n");
  const header: BackupHeader = JSON.parse(defined(lines[0], "the backup's header line"));
  change(header);
  lines[0] = JSON.stringify(header);
  const other = path.join(dir, `changed-${Math.random().toString(36).slice(2)}.jsonl.gz`);
  writeFileSync(other, gzipSync(lines.join("\n")));
  return other;
}

describe("backup and restore", () => {
  it("reproduces every row of every table, revisions, tokens and candidates included, in a fresh database", async () => {
    const header = await backupDatabase(source.url, file);
    expect(header.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["event", "actor", "revision", "api_token", "candidate", "claim"]),
    );
    const restored = await restoreDatabase(target.url, file);
    expect(restored.migration).toBe(header.migration);
    const [before, after] = await Promise.all([contents(source.url), contents(target.url)]);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before))
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    expect(defined(before.revision).length).toBeGreaterThan(100);
    expect(before.api_token).toHaveLength(1);
    expect(before.candidate).toHaveLength(1);
  });

  it("continues the sequences after the restored IDs and keeps the triggers working", async () => {
    const max = defined((await target.db.event.aggregate({ _max: { id: true } }))._max.id);
    const created = await target.db.event.create({
      data: { type: "STATEMENT", title: "After the restore", startDate: new Date("2025-01-01T00:00:00Z") },
    });
    expect(created.id).toBe(max + 1);
    const [row] = await target.db.$queryRawUnsafe<{ document: string }[]>(
      `SELECT document::text FROM event WHERE id = ${created.id}`,
    );
    expect(defined(row).document).toContain("restor");
  });

  it("refuses a database that holds data unless forced, and then replaces it", async () => {
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/already holds data \(in .*event.*\).*--force/);
    const generation = async () =>
      defined((await target.db.$queryRawUnsafe<{ g: number }[]>(`SELECT generation::int AS g FROM search_state`))[0]).g;
    const before = await generation();
    await restoreDatabase(target.url, file, { force: true });
    // Running search indexes see a new generation and rebuild from the restored data.
    expect(await generation()).toBeGreaterThan(before);
    expect(await contents(target.url)).toEqual(await contents(source.url));
  });

  it("refuses a backup from another migration and a truncated one, changing nothing", async () => {
    const fresh = await createTestDatabase();
    try {
      const older = rewriteHeader((h) => (h.migration = "20261123171035_init"));
      await expect(restoreDatabase(fresh.url, older)).rejects.toThrow(
        /taken at migration 20261123171035_init; this database is at 2026/,
      );
      const lines = gunzipSync(readFileSync(file)).toString().trimEnd().split("\n");
      const truncated = path.join(dir, "truncated.jsonl.gz");
      writeFileSync(truncated, gzipSync(lines.slice(0, Math.floor(lines.length * 0.8)).join("\n")));
      await expect(restoreDatabase(fresh.url, truncated)).rejects.toThrow(/truncated|promised/);
      expect(await fresh.db.event.count()).toBe(0);
      expect(await fresh.db.revision.count()).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
