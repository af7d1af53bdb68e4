import { existsSync } from "node:fs";
import path from "node:path";
import {
  type DatasetName,
  DEFAULT_BATCH_SIZE,
  FileEncodingError,
  IMPORTERS,
  ImportHeaderError,
  type ImportSummary,
  importDataset,
} from "@parley/datasets";
import { type Command, UsageError } from "../args.ts";
import { withDb } from "../database.ts";
import { userFile, workingFolder } from "../env.ts";
import { say } from "../output.ts";
import { createProgress } from "../progress-bar.ts";

const USAGE = `Usage: pnpm parley import ucdp|acled <file.csv> [--batch-size N] [--rejects PATH] [--author NAME]

Imports a UCDP GED or ACLED event CSV. Rows are streamed and checked; each batch is copied (COPY)
into staging tables and merged into the real ones set-wise, in its own transaction, while the next
batch is read; records are upserted by their dataset ID (ucdp:<id>, acled:<event_id_cnty>),
so importing the same file twice changes nothing and a newer file updates what changed, with a
revision for every change. If an import is interrupted, run it again: it finishes the job.

  ucdp    UCDP Georeferenced Event Dataset CSV (also the HDX copy with its HXL tag row)
  acled   ACLED CSV, current layout (disorder_type, civilian_targeting, tags) or the older one

Dataset actors are matched to existing actors by their dataset ID, then by exact name or alias,
and created only when nothing matches. Rows that fail a check are skipped and written, with line,
column and reason, to <file>.rejects.csv beside the input (or --rejects PATH).

  --batch-size N   rows per transaction (default 5000; at most 100000)
  --rejects PATH   where to write rejected rows
  --author NAME    name recorded in the revision history (default: parley import <dataset>)`;

function printSummary(s: ImportSummary, cwd: string) {
  const r = s.records;
  say(
    `Imported ${s.file} (${s.dataset === "ucdp" ? "UCDP GED" : `ACLED, ${s.layout} layout`}) in ${s.seconds.toFixed(1)} s${s.stopped ? ", stopped early" : ""}:`,
  );
  say(
    `  rows     ${s.rows}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged (skipped), ${s.rejected} rejected`,
  );
  say(`  actors   ${r.actor.created} created, ${r.actor.updated} updated`);
  say(`  places   ${r.place.created} created`);
  say(`  sources  ${r.source.created} created`);
  say(`  claims   ${r.claim.created} created, ${r.claim.updated} updated, ${r.claim.deleted} deleted`);
  for (const m of s.matchedActors.slice(0, 20))
    say(
      `  matched  "${m.datasetName}" to the existing actor ${m.actorName}${m.actorKey ? ` (${m.actorKey})` : ` (#${m.actorId})`} by ${m.via}`,
    );
  if (s.matchedActors.length > 20)
    say(`  matched  … and ${s.matchedActors.length - 20} more dataset names to existing actors`);
  say(s.rejectsFile ? `Rejected rows are in ${path.relative(cwd, s.rejectsFile)}` : "No row was rejected.");
}

export const importCommand: Command = {
  name: "import",
  summary: "import a UCDP GED or ACLED CSV (streamed, batched, idempotent; bad rows to a rejects file)",
  usage: USAGE,
  options: { "batch-size": { type: "string" }, rejects: { type: "string" }, author: { type: "string" } },
  async run({ values, positionals }) {
    const [dataset, file, ...extra] = positionals;
    if (!dataset || !(dataset in IMPORTERS)) throw new UsageError(`Say which dataset: ucdp or acled.\n\n${USAGE}`);
    if (!file || extra.length) throw new UsageError(`Name one CSV file.\n\n${USAGE}`);
    const cwd = workingFolder();
    const input = userFile(file);
    if (!existsSync(input)) throw new UsageError(`No such file: ${file}`);
    const batchSize = values["batch-size"] === undefined ? DEFAULT_BATCH_SIZE : Number(values["batch-size"]);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
      throw new UsageError("--batch-size must be a whole number from 1 to 100000");

    let stopping = false;
    const onInterrupt = () => {
      if (stopping) process.exit(130);
      stopping = true;
      say("\nStopping after the batch in hand (Ctrl-C again to quit at once; the open batch is then rolled back).");
    };
    process.on("SIGINT", onInterrupt);
    try {
      const summary = await withDb((db) =>
        importDataset(db, {
          dataset: dataset as DatasetName,
          file: input,
          fileLabel: file,
          batchSize,
          rejectsPath: values.rejects ? userFile(values.rejects as string) : undefined,
          author: values.author as string | undefined,
          progress: (csv) => createProgress(path.basename(input), csv.size),
          shouldStop: () => stopping,
        }),
      );
      printSummary(summary, cwd);
      if (summary.stopped)
        say("Interrupted: the batches written so far are kept. Run the same command again to finish.");
      return summary.stopped ? 130 : 0;
    } catch (error) {
      if (error instanceof ImportHeaderError) throw new UsageError(error.message);
      if (error instanceof FileEncodingError)
        throw new UsageError(`${error.message}${/[.?]$/.test(error.message) ? "" : "."} Nothing was imported.`);
      throw error;
    } finally {
      process.off("SIGINT", onInterrupt);
    }
  },
};
