import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoFiles, loadDataFiles } from "@parley/db";
import { type ExportEvent, exportRequestFromParams, startExport } from "@parley/export";
import { createSearchEngine } from "@parley/search";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parley } from "./parley.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadDataFiles(t.db, demoFiles(), { author: "demo dataset" });
});
afterAll(async () => {
  await t.drop();
});

function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-export-")), name);
  writeFileSync(file, text);
  return file;
}

/** The events the export library writes for a search, by database ID. */
async function exportedIds(params: string): Promise<number[]> {
  const engine = createSearchEngine({ url: t.url, max: 2 });
  try {
    const run = await startExport(engine, exportRequestFromParams(new URLSearchParams(`format=json&${params}`)));
    let text = "";
    for await (const chunk of run.chunks) text += chunk;
    return (JSON.parse(text) as { events: ExportEvent[] }).events.map((e) => e.databaseId);
  } finally {
    await engine.close();
  }
}

const run = (...args: string[]) => parley(t.url, ...args);

describe("pnpm parley export", () => {
  it("explains itself with --help", async () => {
    const { code, stdout } = await run("export", "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: pnpm parley export --format csv\|json\|geojson/);
    expect(stdout).toContain("--contested");
    expect((await run("--help")).stdout).toMatch(/export\s+export the events of a search/);
  });

  it("writes the search's events to a file, with progress and a summary line on stderr", async () => {
    const out = tempFile("out.json", "");
    const { code, stderr } = await run(
      "export",
      "--format",
      "json",
      "--query",
      "Tehreek",
      "--type",
      "CEASEFIRE,NEGOTIATION",
      "--actor",
      "Afghan Taliban",
      "--out",
      out,
    );
    expect(code).toBe(0);
    const events = (JSON.parse(readFileSync(out, "utf8")) as { events: ExportEvent[] }).events;
    const taliban = await t.db.actor.findFirstOrThrow({ where: { name: "Afghan Taliban" } });
    const expected = await exportedIds(
      `q=Tehreek&type=CEASEFIRE&type=NEGOTIATION&actor=${encodeURIComponent(btoa(`Actor:${taliban.id}`))}`,
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(events.map((e) => e.databaseId)).toEqual(expected);
    expect(stderr).toMatch(/export json \[#+\] 100%/);
    expect(stderr).toMatch(new RegExp(`Exported ${events.length} events as json to .*out\\.json in [\\d.]+ s\\.`));
  });

  it("takes the search of a web page link, and writes CSV to standard output", async () => {
    const { code, stdout } = await run(
      "export",
      "--format",
      "csv",
      "--url",
      "http://localhost:3000/?type=AIRSTRIKE&country=AF&sort=DATE_ASC",
    );
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(
      await t.db.event.count({ where: { type: "AIRSTRIKE", places: { some: { place: { country: "AF" } } } } }),
    );
    expect(rows.every((r) => r.sub_event_type === "Air/drone strike")).toBe(true);
    expect(rows.map((r) => r.event_date)).toEqual(rows.map((r) => r.event_date).sort());
  });

  it("refuses bad options, naming each, and writes nothing", async () => {
    const out = tempFile("nothing.csv", "untouched");
    const bad = await run(
      "export",
      "--format",
      "csv",
      "--type",
      "TRUCE",
      "--country",
      "Pakistan",
      "--from",
      "2022-02-30",
      "--out",
      out,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("The export was refused:");
    expect(bad.stderr).toMatch(/--type "TRUCE": .*expected one of/);
    expect(bad.stderr).toMatch(/--country "Pakistan": must be an ISO 3166-1 alpha-2 code/);
    expect(bad.stderr).toMatch(/--from "2022-02-30": /);
    expect(readFileSync(out, "utf8")).toBe("untouched");
    expect((await run("export", "--type", "CEASEFIRE")).stderr).toMatch(
      /Say which format: --format csv\|json\|geojson/,
    );
    expect((await run("export", "--format", "json", "--actor", "Nobody At All")).stderr).toMatch(
      /--actor "Nobody At All": no actor has this name or alias/,
    );
  });
});
