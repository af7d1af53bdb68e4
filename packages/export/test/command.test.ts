import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFiles, loadDataFiles } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";
import type { ExportEvent } from "../src/index.ts";
import { csvRecords, engineFor, searchEventsIds } from "./helpers.ts";
import { tempFile } from "./dump.ts";

const CLI = path.resolve(import.meta.dirname, "../../cli/src/main.ts");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadDataFiles(t.db, demoFiles(), { author: "demo dataset" });
});
afterAll(async () => {
  await t.drop();
});

/** `pnpm parley …` as a person runs it: the real CLI in a process of its own, on this test's database. */
async function parley(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", CLI, ...args], {
      cwd: path.dirname(CLI),
      env: { ...process.env, DATABASE_URL: t.url },
      maxBuffer: 50_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("pnpm parley export", () => {
  it("explains itself with --help", async () => {
    const { code, stdout } = await parley("export", "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: pnpm parley export --format csv\|json\|geojson/);
    expect(stdout).toContain("--contested");
    expect((await parley("--help")).stdout).toMatch(/export\s+export the events of a search/);
  });

  it("writes the search's events to a file, with progress and a summary line on stderr", async () => {
    const out = tempFile("out.json", "");
    const { code, stderr } = await parley("export", "--format", "json", "--query", "Tehreek", "--type", "CEASEFIRE,NEGOTIATION", "--actor", "Afghan Taliban", "--out", out);
    expect(code).toBe(0);
    const events = (JSON.parse(readFileSync(out, "utf8")) as { events: ExportEvent[] }).events;
    const engine = engineFor(t.url);
    try {
      const taliban = await t.db.actor.findFirstOrThrow({ where: { name: "Afghan Taliban" } });
      const expected = await searchEventsIds(engine, `q=Tehreek&type=CEASEFIRE&type=NEGOTIATION&actor=${encodeURIComponent(btoa(`Actor:${taliban.id}`))}`);
      expect(expected.length).toBeGreaterThan(2);
      expect(events.map((e) => e.databaseId)).toEqual(expected);
    } finally {
      await engine.close();
    }
    expect(stderr).toMatch(/export json \[#+\] 100%/);
    expect(stderr).toMatch(new RegExp(`Exported ${events.length} events as json to .*out\\.json in [\\d.]+ s\\.`));
  });

  it("takes the search of a web page link, and writes CSV to standard output", async () => {
    const { code, stdout } = await parley("export", "--format", "csv", "--url", "http://localhost:3000/?type=AIRSTRIKE&country=AF&sort=DATE_ASC");
    expect(code).toBe(0);
    const rows = csvRecords(stdout);
    expect(rows.length).toBe(await t.db.event.count({ where: { type: "AIRSTRIKE", places: { some: { place: { country: "AF" } } } } }));
    expect(rows.every((r) => r.sub_event_type === "Air/drone strike")).toBe(true);
    expect(rows.map((r) => r.event_date)).toEqual(rows.map((r) => r.event_date).sort());
  });

  it("refuses bad options, naming each, and writes nothing", async () => {
    const out = tempFile("nothing.csv", "untouched");
    const bad = await parley("export", "--format", "csv", "--type", "TRUCE", "--country", "Pakistan", "--from", "2022-02-30", "--out", out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("The export was refused:");
    expect(bad.stderr).toMatch(/--type "TRUCE": .*expected one of/);
    expect(bad.stderr).toMatch(/--country "Pakistan": must be an ISO 3166-1 alpha-2 code/);
    expect(bad.stderr).toMatch(/--from "2022-02-30": /);
    expect(readFileSync(out, "utf8")).toBe("untouched");
    expect((await parley("export", "--type", "CEASEFIRE")).stderr).toMatch(/Say which format: --format csv\|json\|geojson/);
    expect((await parley("export", "--format", "json", "--actor", "Nobody At All")).stderr).toMatch(/--actor "Nobody At All": no actor has this name or alias/);
  });
});
