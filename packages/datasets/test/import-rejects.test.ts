import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { ACLED_CURRENT_COLUMNS, acledRow, csvFile, UCDP_COLUMNS, ucdpRow } from "@parley/testkit/datasets";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportHeaderError, importDataset } from "../src/index.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const counts = async () => ({
  events: await t.db.event.count(),
  actors: await t.db.actor.count(),
  revisions: await t.db.revision.count(),
});
const readRejects = (file: string) =>
  parse(readFileSync(file), { columns: true, relax_column_count: true }) as Record<string, string>[];

describe("rows that fail a check", () => {
  it("are rejected with file, line and column while the good rows land", async () => {
    const rows = [
      ucdpRow(1, { where_description: "a description\nthat runs over two lines" }),
      ucdpRow(2, { id: "" }),
      ucdpRow(3, { type_of_violence: "4" }),
      ucdpRow(4, { date_start: "2021-02-30 00:00:00.000" }),
      ucdpRow(5, { latitude: "133.5" }),
      ucdpRow(6, { longitude: "east" }),
      ucdpRow(7, { best: "9" }),
      ucdpRow(8),
      ucdpRow(1, { best: "3" }),
      ucdpRow(9, { country: "Atlantis", iso3: "" }),
    ];
    const file = csvFile(UCDP_COLUMNS, rows, "ged.csv");
    const summary = await importDataset(t.db, { dataset: "ucdp", file });
    expect(summary).toMatchObject({
      created: 2,
      rejected: 8,
      rejectsFile: path.join(path.dirname(file), "ged.rejects.csv"),
    });
    expect(await t.db.event.count({ where: { key: { in: ["ucdp:1", "ucdp:8"] } } })).toBe(2);

    const rejects = readRejects(defined(summary.rejectsFile, "the rejects file"));
    expect(Object.keys(defined(rejects[0], "the first reject")).slice(0, 5)).toEqual([
      "file",
      "line",
      "field",
      "message",
      "id",
    ]);
    expect(rejects.map((r) => [r.line, r.field, r.message])).toEqual([
      ["4", "id", "is missing"],
      ["5", "type_of_violence", 'must be 1 (state-based), 2 (non-state) or 3 (one-sided violence), not "4"'],
      ["6", "date_start", 'must be a real day written YYYY-MM-DD, not "2021-02-30 00:00:00.000"'],
      ["7", "latitude", "must lie between -90 and 90, not 133.5"],
      ["8", "longitude", 'must be a decimal longitude, not "east"'],
      ["9", "best", "must equal deaths_a + deaths_b + deaths_civilians + deaths_unknown (3)"],
      ["11", "id", "1 is already on line 2"],
      ["12", "country", '"Atlantis" is not a country name Parley knows'],
    ]);
    expect(defined(rejects[2], "the third reject").date_start).toBe("2021-02-30 00:00:00.000");
    expect(rejects.every((r) => defined(r.file, "the reject's file").endsWith("ged.csv"))).toBe(true);
  });

  it("can be corrected in the rejects file and imported from there", async () => {
    const file = csvFile(UCDP_COLUMNS, [ucdpRow(20, { type_of_violence: "9" })], "fix.csv");
    const { rejectsFile } = await importDataset(t.db, {
      dataset: "ucdp",
      file,
      rejectsPath: path.join(path.dirname(file), "out.csv"),
    });
    expect(rejectsFile).toBe(path.join(path.dirname(file), "out.csv"));
    writeFileSync(
      defined(rejectsFile, "the rejects file"),
      readFileSync(defined(rejectsFile, "the rejects file"), "utf8").replace(",9,", ",1,"),
    );
    const fixed = await importDataset(t.db, { dataset: "ucdp", file: defined(rejectsFile, "the rejects file") });
    expect(fixed).toMatchObject({ created: 1, rejected: 0 });
  });

  it("reports a row with too few or too many fields, and broken CSV quoting, by line", async () => {
    const good = ucdpRow(30);
    const short = UCDP_COLUMNS.slice(0, 10).map((c) => defined(ucdpRow(31)[c], `column ${c} of the UCDP row`));
    const file = csvFile(UCDP_COLUMNS, [good, short, ucdpRow(32)], "short.csv");
    writeFileSync(file, `${readFileSync(file, "utf8")}33,"broken "quote,x\n`);
    const summary = await importDataset(t.db, { dataset: "ucdp", file });
    expect(summary).toMatchObject({ created: 2, rejected: 2 });
    const rejects = readRejects(defined(summary.rejectsFile, "the rejects file"));
    expect(rejects[0]).toMatchObject({ line: "3", field: "(row)", message: "has 10 fields where the header has 50" });
    expect(rejects[1]).toMatchObject({ line: "5", field: "(row)" });
  });

  it("rejects an ID seen in an earlier batch with its first line, in line order with the other rejects", async () => {
    const rows = [
      acledRow("PAK40"),
      acledRow("PAK41"),
      acledRow("PAK42"),
      acledRow("PAK43"),
      acledRow("PAK40", { notes: "again, two batches on" }),
      acledRow("PAK44", { event_type: "Picnics" }),
      acledRow("PAK40", { notes: "a third time, in the same batch" }),
      acledRow("PAK45"),
    ];
    const file = csvFile(ACLED_CURRENT_COLUMNS, rows, "repeated.csv");
    const summary = await importDataset(t.db, { dataset: "acled", file, batchSize: 2 });
    expect(summary).toMatchObject({ created: 5, rejected: 3 });
    expect(
      readRejects(defined(summary.rejectsFile, "the rejects file")).map((r) => [r.line, r.field, r.message]),
    ).toEqual([
      ["6", "event_id_cnty", "PAK40 is already on line 2"],
      ["7", "event_type", expect.stringContaining("Picnics")],
      ["8", "event_id_cnty", "PAK40 is already on line 2"],
    ]);
    const stored = await t.db.event.findUniqueOrThrow({ where: { key: "acled:PAK40" } });
    expect(stored.summary).not.toMatch(/again|third time/);
  });

  it("applies the ACLED rules: event type, date, actor type", async () => {
    const rows = [
      acledRow("PAK1", { event_type: "Picnics" }),
      acledRow("PAK2", { event_date: "31-13-24" }),
      acledRow("PAK3", { inter1: "Aliens" }),
      acledRow("PAK4", { fatalities: "-1" }),
      acledRow("PAK5"),
    ];
    const summary = await importDataset(t.db, { dataset: "acled", file: csvFile(ACLED_CURRENT_COLUMNS, rows) });
    expect(summary).toMatchObject({ created: 1, rejected: 4 });
    expect(readRejects(defined(summary.rejectsFile, "the rejects file")).map((r) => [r.line, r.field])).toEqual([
      ["2", "event_type"],
      ["3", "event_date"],
      ["4", "inter1"],
      ["5", "fatalities"],
    ]);
  });
});

describe("a file that is not what the command expects", () => {
  it("is refused before anything is written, naming the missing columns", async () => {
    const before = await counts();
    const acled = csvFile(ACLED_CURRENT_COLUMNS, [acledRow("PAK9")], "acled.csv");
    const error = await importDataset(t.db, { dataset: "ucdp", file: acled }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportHeaderError);
    expect((error as Error).message).toMatch(
      /acled\.csv: the header lacks the UCDP GED columns id, type_of_violence, side_a, .*; it looks like an ACLED CSV \(use `parley import acled`\)\. Nothing was imported\./,
    );
    const empty = csvFile([], [], "empty.csv");
    writeFileSync(empty, "");
    await expect(importDataset(t.db, { dataset: "acled", file: empty })).rejects.toThrow(/the file is empty/);
    expect(await counts()).toEqual(before);
    expect(existsSync(path.join(path.dirname(acled), "acled.rejects.csv"))).toBe(false);
  });
});
