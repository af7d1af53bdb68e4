import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { fingerprint } from "@parley/testkit/datasets";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FIELD_CHARS } from "../src/csv.ts";
import { checkTextFile, FileEncodingError, ImportHeaderError, importDataset } from "../src/index.ts";

/** Hostile files for the importers: wrong encodings, cut files, wrong headers, huge fields, binary junk. */
const FIXTURES = path.join(import.meta.dirname, "fixtures", "hostile");
const fixture = (name: string) => path.join(FIXTURES, name);

let t: TestDatabase;
let out: string;
beforeAll(async () => {
  t = await createTestDatabase();
  out = mkdtempSync(path.join(tmpdir(), "parley-hostile-"));
});
afterAll(async () => {
  await t.drop();
});

const run = (name: string, dataset: "ucdp" | "acled" = "ucdp") =>
  importDataset(t.db, {
    dataset,
    file: fixture(name),
    fileLabel: name,
    rejectsPath: path.join(out, `${name}.rejects.csv`),
  });
const rejectsOf = (file: string) =>
  parse(readFileSync(file), { columns: true, relax_column_count: true }) as Record<string, string>[];

/** Runs an import that must be refused, and checks that nothing at all was written, not even a rejects file. */
async function refused(name: string, dataset: "ucdp" | "acled" = "ucdp"): Promise<Error> {
  const before = await fingerprint(t.db);
  const error = await run(name, dataset).then(
    () => null,
    (e: Error) => e,
  );
  expect(error, name).toBeInstanceOf(Error);
  expect(await fingerprint(t.db)).toEqual(before);
  expect(existsSync(path.join(out, `${name}.rejects.csv`))).toBe(false);
  return defined(error, "the error thrown");
}

describe("files in the wrong encoding", () => {
  it("refuses a Latin-1 file before writing anything, naming the line and the byte, and says how to convert it", async () => {
    const error = await refused("ucdp-latin1.csv");
    expect(error).toBeInstanceOf(FileEncodingError);
    expect(error.message).toMatch(
      /^ucdp-latin1\.csv: is not UTF-8: line 3 has the byte 0xE8 at byte \d+ \(a Latin-1 or Windows-1252 file\?\)\. Save it as UTF-8/,
    );
    expect(error.message).toMatch(/convert it: iconv -f WINDOWS-1252 -t UTF-8 <file> > <file>\.utf8\.$/);
  });

  it("transcodes UTF-16 with a byte-order mark (little- and big-endian): the same records as the UTF-8 file", async () => {
    const first = await run("ucdp-utf8.csv");
    expect(first).toMatchObject({ created: 3, rejected: 0 });
    const snapshot = await fingerprint(t.db);
    for (const name of ["ucdp-utf16le-bom.csv", "ucdp-utf16be-bom.csv"]) {
      expect(await checkTextFile(fixture(name), name)).toBe(name.includes("le") ? "utf-16le" : "utf-16be");
      expect(await run(name), name).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    }
    expect(await fingerprint(t.db)).toEqual(snapshot);
    const event = await t.db.event.findFirstOrThrow({ where: { key: "ucdp:102" } });
    expect(event.summary).toContain("près de la frontière afghane");
  });

  it("refuses binary junk and files holding NUL bytes, naming the line", async () => {
    const junk = await refused("binary-junk.csv");
    expect(junk.message).toMatch(
      /^binary-junk\.csv: line \d+ holds a NUL byte \(at byte \d+\): this looks like a binary file, not text\.$/,
    );
    const nul = await refused("nul-in-utf8.csv");
    expect(nul.message).toMatch(
      /^nul-in-utf8\.csv: line 3 holds a NUL byte \(at byte \d+\): this looks like a binary file, not text\.$/,
    );
  });
});

describe("files cut short", () => {
  it("keeps the whole rows of a file cut in the middle of a row and rejects the cut one with its line", async () => {
    const summary = await run("ucdp-cut-mid-row.csv");
    expect(summary).toMatchObject({ created: 0, unchanged: 2, rejected: 1 });
    const [reject] = rejectsOf(defined(summary.rejectsFile, "the rejects file"));
    expect(reject).toMatchObject({ line: "4", field: "(row)" });
    expect(defined(reject, "the reject").message).toMatch(/^has \d+ fields where the header has 50$/);
  });

  it("rejects a row cut inside a quoted field and says the file may be cut short; nothing of it is stored", async () => {
    const before = await t.db.event.count();
    const summary = await run("ucdp-cut-mid-quote.csv");
    expect(summary).toMatchObject({ rejected: 1, unchanged: 2 });
    const [reject] = rejectsOf(defined(summary.rejectsFile, "the rejects file"));
    expect(reject).toMatchObject({ line: "4", field: "(row)" });
    expect(defined(reject, "the reject").message).toMatch(
      /Quote Not Closed.*\(the file ends inside a quoted field: is it cut short\?\)$/,
    );
    expect(await t.db.event.count()).toBe(before);
  });

  it("refuses a file cut in the middle of a character before writing anything", async () => {
    const error = await refused("ucdp-cut-mid-character.csv");
    expect(error.message).toBe(
      "ucdp-cut-mid-character.csv: ends in the middle of a character on line 4: is the file cut short?",
    );
  });
});

describe("wrong headers", () => {
  it("lists the missing columns, what the header has and what the dataset needs, and writes nothing", async () => {
    const error = await refused("ucdp-wrong-header.csv");
    expect(error).toBeInstanceOf(ImportHeaderError);
    expect(error.message).toMatch(
      /^ucdp-wrong-header\.csv: the header lacks the UCDP GED columns id, latitude, best\. Its header has: event_id, relid, year, .* \(49 columns\)\. A UCDP GED CSV has at least: id, type_of_violence, side_a, .*side_b_new_id\. Nothing was imported\.$/,
    );
  });

  it("recognises a file of the other dataset and names the command to use", async () => {
    const error = await refused("acled-current.csv", "ucdp");
    expect(error.message).toMatch(
      /; it looks like an ACLED CSV \(use `parley import acled`\)\. Nothing was imported\.$/,
    );
  });

  it("explains a header read as one column: the file is not comma-separated", async () => {
    const error = await refused("ucdp-semicolons.csv");
    expect(error.message).toMatch(
      /^ucdp-semicolons\.csv: the header lacks the UCDP GED columns .*: the header is a single column "id;relid;year;.*"; Parley reads comma-separated files \(is this one separated by ; or tabs\?\)\. Nothing was imported\.$/,
    );
  });
});

describe("huge fields", () => {
  it("rejects a field over the limit, naming its line and column, and imports the other rows", async () => {
    const summary = await run("ucdp-huge-field.csv");
    expect(summary).toMatchObject({ rejected: 1, created: 0, unchanged: 2 });
    const [reject] = rejectsOf(defined(summary.rejectsFile, "the rejects file"));
    expect(reject).toMatchObject({
      line: "3",
      field: "where_description",
      message: `is 30,000 characters long; a field may hold at most ${MAX_FIELD_CHARS.toLocaleString("en")}`,
    });
    expect(
      defined(defined(reject, "the reject").where_description, "the reject's where_description").length,
    ).toBeLessThan(300);
    expect(await t.db.event.count({ where: { key: "ucdp:104" } })).toBe(0);
  });
});
