import path from "node:path";
import { databaseUrlOf, type PrismaClient } from "@parley/db";
import { defined } from "@parley/schema";
import pg from "pg";
import { acled } from "./acled.ts";
import { type ActorMatch, ActorMatcher } from "./actors.ts";
import { CsvFile, MAX_FIELD_CHARS } from "./csv.ts";
import { checkTextFile } from "./encoding.ts";
import { type Progress, silentProgress } from "./progress.ts";
import { defaultRejectsPath, RejectsFile } from "./rejects.ts";
import { STAGING_TABLES } from "./staging.ts";
import { BatchWriter } from "./store.ts";

export { ImportInterrupted } from "./store.ts";

import {
  type DatasetImporter,
  type DatasetName,
  type EventInput,
  ImportHeaderError,
  type RecordTally,
  type RowProblem,
} from "./types.ts";
import { ucdp } from "./ucdp.ts";

export const IMPORTERS: Record<DatasetName, DatasetImporter> = { ucdp, acled };

export const DEFAULT_BATCH_SIZE = 5_000;

/** Rejected rows held back (to be written in line order with their batch's duplicates) before a batch is sent early. */
const MAX_HELD_REJECTS = 5_000;

interface Rejection {
  line: number;
  field: string;
  message: string;
  fields: string[];
  /** For a repeated dataset ID: the line it is on first. */
  repeats?: number;
}

export interface ImportOptions {
  dataset: DatasetName;
  file: string;
  /** How messages and the rejects file name the input (default: its path, relative when below the working folder). */
  fileLabel?: string;
  /** Rows per transaction (default 5,000). */
  batchSize?: number;
  /** Where rejected rows go (default: beside the input, `<name>.rejects.csv`). */
  rejectsPath?: string;
  /** Recorded in the revision history (default `parley import <dataset>`). */
  author?: string;
  progress?: (file: CsvFile) => Progress;
  /** Checked between batches: when it returns true the import stops after the batch in hand. */
  shouldStop?: () => boolean;
  /** For tests: fail inside the transaction of the batch after this many, as a crash would. */
  failAfterBatches?: number;
}

export interface ImportSummary {
  dataset: DatasetName;
  layout: string;
  file: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Lines that are not events: the HXL tag row of HDX exports. */
  skipped: number;
  batches: number;
  stopped: boolean;
  /** Where the time went, in seconds: reading, checking and mapping rows; copying them into staging tables; merging them into the real ones (overlapping: the next batch is read while one is merged). */
  time: { parse: number; copy: number; merge: number };
  records: Record<"event" | "place" | "source" | "claim", RecordTally> & {
    actor: { created: number; updated: number };
  };
  matchedActors: ActorMatch[];
  rejectsFile: string | null;
  seconds: number;
}

const withArticle = (label: string) => `${/^[AEIO]/.test(label) ? "an" : "a"} ${label}`; // "an ACLED", "a UCDP GED"

/** Says what is wrong with a header: the missing columns, what the file has, and which dataset it looks like instead. */
function headerProblem(dataset: DatasetName, header: string[], problem: string): string {
  const importer = IMPORTERS[dataset];
  if (header.length === 1 && /[;\t|]/.test(defined(header[0]))) {
    return `${problem}: the header is a single column "${defined(header[0]).slice(0, 60)}…"; Parley reads comma-separated files (is this one separated by ; or tabs?)`;
  }
  const other = (Object.keys(IMPORTERS) as DatasetName[]).find(
    (name) => name !== dataset && "layout" in IMPORTERS[name].detectLayout(header),
  );
  const shown =
    header.length > 12 ? `${header.slice(0, 12).join(", ")} … (${header.length} columns)` : header.join(", ");
  const expected = `${withArticle(importer.label)} CSV has at least: ${importer.requiredColumns.join(", ")}`;
  const hint = other
    ? `; it looks like ${withArticle(IMPORTERS[other].label)} CSV (use \`parley import ${other}\`)`
    : "";
  return `${problem}. Its header has: ${shown}. ${defined(expected[0]).toUpperCase()}${expected.slice(1)}${hint}`;
}

/**
 * Streams a dataset CSV into the database: each row is validated and mapped, good rows are written
 * in batches (one transaction each, so a crash loses at most the batch in hand and a rerun finishes
 * the job), bad rows go to the rejects file with line and column. Importing the same file again
 * writes nothing.
 */
export async function importDataset(db: PrismaClient, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const importer = IMPORTERS[options.dataset];
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const relative = path.relative(process.cwd(), options.file);
  const shown = options.fileLabel ?? (relative && !relative.startsWith("..") ? relative : options.file);
  const csv = new CsvFile(options.file, await checkTextFile(options.file, shown));
  const rejects = new RejectsFile(options.rejectsPath ?? defaultRejectsPath(options.file), shown);
  const matcher = await ActorMatcher.load(db);
  // COPY needs a connection of its own: Prisma cannot stream. Every batch is one transaction on it.
  const client = new pg.Client({ connectionString: databaseUrlOf(db) });
  await client.connect();
  const writer = new BatchWriter(client, matcher, options.author ?? `parley import ${options.dataset}`);
  const progress = (options.progress ?? (() => silentProgress))(csv);
  const summary: ImportSummary = {
    dataset: options.dataset,
    layout: "",
    file: shown,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    skipped: 0,
    batches: 0,
    stopped: false,
    time: { parse: 0, copy: 0, merge: 0 },
    records: { ...writer.records, actor: matcher.tally },
    matchedActors: matcher.matches,
    rejectsFile: null,
    seconds: 0,
  };
  let header: string[] | null = null;
  // The batch being read: its rows, their fields (for the rejects file) and the line of each ID.
  // IDs of earlier batches are checked in the database (`import_seen`), so memory stays flat.
  let batch: { event: EventInput; line: number }[] = [];
  let batchFields = new Map<number, string[]>();
  let batchKeys = new Map<string, number>();
  // Rejections are written in line order once their batch is written, with its duplicate IDs.
  let held: Rejection[] = [];

  const reject = (line: number, fields: string[], problems: RowProblem[]) => {
    const [first, ...more] = problems;
    const extra = more.length ? ` (also: ${more.map((p) => `${p.field} ${p.message}`).join("; ")})` : "";
    held.push({ line, field: defined(first).field, message: `${defined(first).message}${extra}`, fields });
  };
  const writeRejections = (list: Rejection[]) => {
    for (const r of list.sort((a, b) => a.line - b.line))
      rejects.add(header ?? [], r.line, r.field, r.message, r.fields);
    summary.rejected += list.length;
  };
  const repeated = (line: number, fields: string[], first: number): Rejection => {
    const id = fields[(header ?? []).indexOf(importer.idColumn)] ?? "";
    return { line, field: importer.idColumn, message: `${id} is already on line ${first}`, fields, repeats: first };
  };
  // One batch is written while the next is read: the database and the parsing each have a core.
  let writing: Promise<void> = Promise.resolve();
  let failed: { error: unknown } | null = null;
  // A connection lost between statements is reported as an event; the next batch then fails with it.
  client.on("error", (error) => {
    failed ??= { error };
  });
  const settle = async () => {
    await writing;
    if (failed) throw failed.error;
  };
  const flush = async () => {
    await settle();
    const rows = batch;
    const fieldsOf = batchFields;
    const rejected = held;
    batch = [];
    batchFields = new Map();
    batchKeys = new Map();
    held = [];
    if (rows.length === 0) {
      writeRejections(rejected);
      return;
    }
    const failHere = summary.batches === options.failAfterBatches;
    writing = writer.write(rows, failHere).then(
      (result) => {
        // An ID twice in this batch and once in an earlier one: both name the earliest line.
        const earlier = new Map(result.duplicates.map((d) => [d.line, d.first]));
        writeRejections([
          ...rejected.map((r) =>
            r.repeats === undefined ? r : repeated(r.line, r.fields, earlier.get(r.repeats) ?? r.repeats),
          ),
          ...result.duplicates.map((d) => repeated(d.line, defined(fieldsOf.get(d.line)), d.first)),
        ]);
        summary.created += result.created;
        summary.updated += result.updated;
        summary.unchanged += result.unchanged;
        summary.batches++;
        progress.update({
          bytes: csv.bytesRead,
          ...summary,
          rows: summary.created + summary.updated + summary.unchanged + summary.rejected,
        });
      },
      (error: unknown) => {
        failed = { error };
      },
    );
  };

  let parseStarted = performance.now();
  try {
    await client.query(STAGING_TABLES);
    for await (const { line, fields } of csv.records((m) =>
      reject(m.line, [m.raw], [{ field: "(row)", message: m.message }]),
    )) {
      if (held.length >= MAX_HELD_REJECTS) {
        // A file of mostly bad rows: send the batch in hand early, so that held rejections stay few.
        summary.time.parse += performance.now() - parseStarted;
        await flush();
        parseStarted = performance.now();
      }
      if (!header) {
        header = fields.map((f) => f.trim().toLowerCase());
        const detected = importer.detectLayout(header);
        if ("problem" in detected)
          throw new ImportHeaderError(shown, headerProblem(options.dataset, header, detected.problem));
        summary.layout = detected.layout;
        continue;
      }
      const row = Object.fromEntries(header.map((column, i) => [column, fields[i] ?? ""]));
      if (importer.isMetaRow?.(row)) {
        summary.skipped++;
        continue;
      }
      if (fields.length !== header.length) {
        reject(line, fields, [
          { field: "(row)", message: `has ${fields.length} fields where the header has ${header.length}` },
        ]);
        continue;
      }
      const huge = fields.findIndex((f) => f.length > MAX_FIELD_CHARS);
      if (huge >= 0) {
        const message = `is ${defined(fields[huge]).length.toLocaleString("en")} characters long; a field may hold at most ${MAX_FIELD_CHARS.toLocaleString("en")}`;
        reject(
          line,
          fields.map((f) => (f.length > MAX_FIELD_CHARS ? `${f.slice(0, 200)}…` : f)),
          [{ field: defined(header[huge]), message }],
        );
        continue;
      }
      const mapped = importer.mapRow(row, summary.layout);
      if (!mapped.ok) {
        reject(line, fields, mapped.problems);
        continue;
      }
      const first = batchKeys.get(mapped.event.key);
      if (first !== undefined) {
        held.push(repeated(line, fields, first));
        continue;
      }
      batchKeys.set(mapped.event.key, line);
      batchFields.set(line, fields);
      batch.push({ event: mapped.event, line });
      if (batch.length >= batchSize) {
        summary.time.parse += performance.now() - parseStarted;
        await flush();
        parseStarted = performance.now();
        if (options.shouldStop?.()) {
          await settle();
          summary.stopped = true;
          break;
        }
      }
    }
    summary.time.parse += performance.now() - parseStarted;
    if (!header) throw new ImportHeaderError(shown, "the file is empty");
    if (!summary.stopped) await flush();
    await settle();
    // Fresh statistics, so that the first queries after a large import plan well.
    if (summary.created + summary.updated > 0)
      await db.$executeRawUnsafe("ANALYZE event, participant, event_place, place, source, claim, actor, actor_alias");
  } finally {
    await writing;
    await client.end().catch(() => {});
    progress.stop();
    await rejects.close();
  }
  summary.time = {
    parse: summary.time.parse / 1000,
    copy: writer.time.copy / 1000,
    merge: writer.time.merge / 1000,
  };
  summary.rows = summary.created + summary.updated + summary.unchanged + summary.rejected;
  summary.rejectsFile = rejects.count > 0 ? rejects.path : null;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
