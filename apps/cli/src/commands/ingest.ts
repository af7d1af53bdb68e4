import { existsSync } from "node:fs";
import { FileEncodingError, readTextFile } from "@parley/datasets";
import { commitWrite } from "@parley/db";
import {
  ACCEPT_TIMEOUT_MS,
  acceptCandidate,
  CandidateError,
  listCandidates,
  rejectCandidate,
  updateCandidate,
} from "@parley/ingest/review";
import { type Command, UsageError } from "../args.ts";
import { withDb } from "../database.ts";
import { userFile } from "../env.ts";
import { out, say } from "../output.ts";

/** Reports are articles: a few hundred kilobytes at most. */
export const MAX_REPORT_BYTES = 5_000_000;

export const ingestCommand: Command = {
  name: "ingest",
  summary: "store a report (.txt or .html) and queue the events, actors and citations it proposes for review",
  usage:
    "Usage: pnpm parley ingest <file.txt|file.html> [--outlet NAME] [--date YYYY-MM-DD] [--url URL] [--title TITLE] [--dry-run] [--json]\n\n" +
    "Extracts candidates: actors (known ones through their aliases, unknown names proposed as new actors),\n" +
    "places (the database first, then the offline gazetteer), dates (relative ones resolved against the\n" +
    "publication date, Solar Hijri dates, ranges), events from the sentences that report them, each with the\n" +
    "sentence as its quote, and the outlets the report cites. Candidates wait in `pnpm parley review`.\n" +
    "  --outlet NAME   the publishing outlet (key or name of a media outlet)\n" +
    "  --date DATE     publication date; read from the report's first lines when absent; without one, dates\n" +
    '                  that need it ("Wednesday", "last month") are left unresolved and flagged\n' +
    "  --url URL       where the report was published\n" +
    "  --title TITLE   the report's title (default: an HTML page's headline, else its first headline-like line)\n" +
    "  --dry-run       store nothing\n" +
    "  --json          print the candidates as one JSON object: { actors, places, dates, events, cites }",
  options: {
    outlet: { type: "string" },
    date: { type: "string" },
    url: { type: "string" },
    title: { type: "string" },
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
  },
  async run({ values, positionals }) {
    const [file] = positionals;
    if (!file) throw new UsageError("Name the report: pnpm parley ingest <file.txt|file.html>");
    const absolute = userFile(file);
    if (!existsSync(absolute)) throw new UsageError(`No such file: ${file}`);
    const input = {
      file: absolute,
      content: await readTextFile(absolute, file, MAX_REPORT_BYTES).catch((error: unknown) => {
        throw error instanceof FileEncodingError ? new UsageError(`${error.message} Nothing was stored.`) : error;
      }),
      outlet: values.outlet as string | undefined,
      date: values.date as string | undefined,
      url: values.url as string | undefined,
      title: values.title as string | undefined,
    };
    const { IngestError, ingestReport } = await import("@parley/ingest");
    await withDb(async (db) => {
      try {
        const result = await ingestReport(db, input, { dryRun: Boolean(values["dry-run"]) });
        const x = result.extraction;
        if (values.json) out(JSON.stringify(x, null, 2));
        for (const warning of x.warnings) say(`Warning: ${warning}`);
        say(
          `${result.report.title} (${result.report.published ?? "no publication date"}): ${x.actors.length} actors (${x.actors.filter((a) => a.actorId === null).length} new), ${x.places.length} places, ${x.dates.length} dates, ${x.events.length} events, ${x.cites.length} cited outlets.`,
        );
        say(
          result.sourceId === null
            ? "Dry run: nothing was stored."
            : `Stored source ${result.sourceId} and ${result.candidateIds.length} candidates; review them with \`pnpm parley review list\`.`,
        );
      } catch (error) {
        if (error instanceof IngestError) throw new UsageError(error.message);
        throw error;
      }
    });
  },
};

export const reviewCommand: Command = {
  name: "review",
  summary: "list pending candidates from ingested reports and accept, edit or reject them",
  usage:
    "Usage:\n  pnpm parley review list [--source ID] [--status pending|accepted|rejected]\n" +
    "  pnpm parley review show <id>\n" +
    "  pnpm parley review accept <id> [--title T] [--type TYPE] [--date YYYY-MM-DD] [--reviewer NAME]\n" +
    "  pnpm parley review edit <id> [--title T] [--type TYPE] [--date YYYY-MM-DD] [--name NAME]\n" +
    "  pnpm parley review reject <id> [--reviewer NAME]\n\n" +
    "Accepting an event candidate creates the event with its place, participants and a claim quoting the\n" +
    "sentence from the stored report, and records revisions. Pending candidates are never events: they\n" +
    "appear in no listing or search until accepted.",
  options: {
    source: { type: "string" },
    status: { type: "string" },
    title: { type: "string" },
    type: { type: "string" },
    date: { type: "string" },
    name: { type: "string" },
    reviewer: { type: "string" },
  },
  async run({ values, positionals }) {
    const [verb, arg] = positionals;
    const reviewer = (values.reviewer as string | undefined) ?? "parley review";
    const id = arg && /^\d+$/.test(arg) ? Number(arg) : null;
    const patch: Record<string, unknown> = {};
    if (values.title) patch.title = values.title;
    if (values.type) patch.type = String(values.type).toUpperCase();
    if (values.date) Object.assign(patch, { date: values.date, precision: "DAY" });
    if (values.name) patch.name = values.name;
    await withDb(async (db) => {
      try {
        if (verb === "list") {
          const status = String(values.status ?? "pending").toUpperCase() as "PENDING";
          for (const c of await listCandidates(db, {
            status,
            sourceId: values.source ? Number(values.source) : undefined,
          })) {
            const p = c.payload as Record<string, unknown>;
            const what =
              c.kind === "EVENT"
                ? `${p.type} ${p.date ?? "(no date)"} ${String(p.quote).slice(0, 90)}`
                : `${p.name}${p.actorId ? ` (actor ${p.actorId})` : " (new)"}`;
            out(`${c.id}\t${c.kind}\tsource ${c.sourceId}\t${what}`);
          }
        } else if (verb === "show" && id !== null) {
          const row = await db.candidate.findUnique({ where: { id } });
          if (!row) throw new UsageError(`No candidate has the id ${id}`);
          out(JSON.stringify(row, null, 2));
        } else if (verb === "accept" && id !== null) {
          const c = await commitWrite(db, (tx) => acceptCandidate(tx, id, reviewer, patch), {
            timeout: ACCEPT_TIMEOUT_MS,
          });
          say(`Accepted candidate ${c.id}: ${c.recordType} ${c.recordId}.`);
        } else if (verb === "edit" && id !== null) {
          await commitWrite(db, (tx) => updateCandidate(tx, id, patch, reviewer));
          say(`Updated candidate ${id}.`);
        } else if (verb === "reject" && id !== null) {
          await commitWrite(db, (tx) => rejectCandidate(tx, id, reviewer));
          say(`Rejected candidate ${id}.`);
        } else throw new UsageError("Say list, show <id>, accept <id>, edit <id> or reject <id>.");
      } catch (error) {
        if (error instanceof CandidateError) throw new UsageError(error.message);
        throw error;
      }
    });
  },
};
