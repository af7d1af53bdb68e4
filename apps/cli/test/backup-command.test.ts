import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NON_DATA_TABLES } from "@parley/backup";
import { createTestDatabase, databaseContents, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parley } from "./parley.ts";

let source: TestDatabase;
beforeAll(async () => {
  source = await createTestDatabase({ demo: true });
});
afterAll(async () => {
  await source?.drop();
});

describe("pnpm parley backup and restore", () => {
  it("explain themselves with --help, and restore into a fresh database what they backed up", async () => {
    expect((await parley(source.url, "backup", "--help")).stdout).toMatch(/REPEATABLE READ/);
    expect((await parley(source.url, "restore", "--help")).stdout).toMatch(/--force/);
    const out = path.join(mkdtempSync(path.join(tmpdir(), "parley-backup-")), "cli.jsonl.gz");
    expect((await parley(source.url, "backup", "--out", out)).code).toBe(0);
    const fresh = await createTestDatabase();
    try {
      expect((await parley(fresh.url, "restore", out)).code).toBe(0);
      expect(await databaseContents(fresh.url, NON_DATA_TABLES)).toEqual(
        await databaseContents(source.url, NON_DATA_TABLES),
      );
    } finally {
      await fresh.drop();
    }
  }, 120_000);
});
