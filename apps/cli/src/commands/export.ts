import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import {
  EXPORT_FORMATS,
  type ExportRequest,
  ExportRequestError,
  exportRequestFromParams,
  startExport,
} from "@parley/export";
import { defined } from "@parley/schema";
import { createSearchEngine } from "@parley/search";
import { progressLine } from "@parley/terminal";
import { type Command, UsageError } from "../args.ts";
import { withDb } from "../database.ts";
import { userFile, workingFolder } from "../env.ts";
import { say } from "../output.ts";
import { type RecordKind, resolveRecord } from "../resolve.ts";

const USAGE = `Usage: pnpm parley export --format csv|json|geojson [search options] [--out FILE]

Writes every event a search finds (all pages, in the search's order) to FILE or to standard output.
The search is the web search page's and searchEvents': the same options, checks and results.

Formats:
  csv       ACLED's current column layout (event_id_cnty … timestamp), which ACLED tools and
            \`pnpm parley import acled\` read, then third_parties (mediators, hosts, guarantors,
            facilitators, and anyone whose side cannot be told: never in an ally's column);
            unknown deaths are empty, not 0; what ACLED cannot hold goes into its tags column as
            parley: tags. Cells a spreadsheet would run as formulas are neutralised with a leading '.
  json      one document: the search, then every event with its participants and roles, places,
            dates and precision, claims with quotes, stances and speakers, sources and the outlets
            they cite, links, and dataset keys
  geojson   a FeatureCollection with a Feature per event: a Point at its first place with
            coordinates (null geometry without any), its places, sides, dates and deaths

Search options (values within one option are OR, options are AND):
  --query, -q TEXT    words, "phrases", OR, -not: titles, summaries, places, participants' names
  --type TYPE         event type, e.g. CEASEFIRE (repeat, or comma-separate)
  --actor ACTOR       an actor taking part: global ID, database ID or exact name or alias (repeat)
  --role ROLE         a participant role, e.g. MEDIATOR (repeat, or comma-separate)
  --country CC        ISO 3166-1 alpha-2 code of a place of the event, e.g. PK (repeat, or comma-separate)
  --place PLACE       a place: global ID, database ID or exact name (repeat)
  --outlet OUTLET     an outlet whose sources support the event: ID or name (repeat)
  --from YYYY-MM-DD   events that end on or after this day
  --to YYYY-MM-DD     events that start on or before this day
  --contested         only events whose sources disagree
  --sort ORDER        RELEVANCE (default; newest first without --query), DATE_DESC or DATE_ASC
  --url URL           the search of a web search page link (its query string), instead of the above

  --out, -o FILE      write here instead of standard output
  --batch-size N      events loaded per round of queries (default 500)

Progress goes to standard error, and a summary line at the end.`;

const LIST_OPTIONS = ["type", "role", "country"] as const;
const RECORD_OPTIONS: [string, RecordKind][] = [
  ["actor", "actor"],
  ["place", "place"],
  ["outlet", "outlet"],
];

const optionName = (key: string) => (key === "q" ? "--query" : `--${key}`);

async function write(out: Writable, chunk: string) {
  if (!out.write(chunk)) await once(out, "drain");
}

export const exportCommand: Command = {
  name: "export",
  summary: "export the events of a search as ACLED CSV, JSON with provenance, or GeoJSON",
  usage: USAGE,
  options: {
    format: { type: "string", short: "f" },
    query: { type: "string", short: "q" },
    type: { type: "string", multiple: true },
    actor: { type: "string", multiple: true },
    role: { type: "string", multiple: true },
    country: { type: "string", multiple: true },
    place: { type: "string", multiple: true },
    outlet: { type: "string", multiple: true },
    from: { type: "string" },
    to: { type: "string" },
    contested: { type: "boolean" },
    sort: { type: "string" },
    url: { type: "string" },
    out: { type: "string", short: "o" },
    "batch-size": { type: "string" },
  },
  async run({ values, positionals }) {
    if (positionals.length)
      throw new UsageError(
        `Unexpected argument${positionals.length > 1 ? "s" : ""}: ${positionals.join(" ")}\n\n${USAGE}`,
      );
    if (!values.format) throw new UsageError(`Say which format: --format ${EXPORT_FORMATS.join("|")}\n\n${USAGE}`);
    const batchSize = values["batch-size"] === undefined ? 500 : Number(values["batch-size"]);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
      throw new UsageError("--batch-size must be a whole number from 1 to 10000");
    const searchOptions = [
      "query",
      "type",
      "actor",
      "role",
      "country",
      "place",
      "outlet",
      "from",
      "to",
      "contested",
      "sort",
    ].filter((k) => values[k] !== undefined);
    if (values.url && searchOptions.length)
      throw new UsageError(`--url carries the whole search; leave out ${searchOptions.map(optionName).join(", ")}`);

    const cwd = workingFolder();
    const outFile = values.out ? userFile(values.out as string) : null;
    return withDb(async (_db, database) => {
      const engine = createSearchEngine({ url: database.url, max: 4 });
      try {
        const params = values.url
          ? new URLSearchParams(String(values.url).replace(/^[^?]*\?/, ""))
          : new URLSearchParams();
        params.set("format", String(values.format));
        if (values.query) params.set("q", String(values.query));
        for (const key of LIST_OPTIONS)
          for (const v of (values[key] as string[] | undefined) ?? [])
            for (const part of v.split(",")) params.append(key, part.trim());
        for (const [key, kind] of RECORD_OPTIONS) {
          for (const v of (values[key] as string[] | undefined) ?? [])
            params.append(key, await resolveRecord(engine.pool, kind, v, optionName(key)));
        }
        for (const key of ["from", "to", "sort"] as const) if (values[key]) params.set(key, String(values[key]));
        if (values.contested) params.set("contested", "1");
        let request: ExportRequest;
        try {
          request = exportRequestFromParams(params);
        } catch (error) {
          if (!(error instanceof ExportRequestError)) throw error;
          throw new UsageError(
            [
              "The export was refused:",
              ...error.issues.map(
                (i) => `  ${optionName(i.key)}${i.value !== null ? ` ${JSON.stringify(i.value)}` : ""}: ${i.message}`,
              ),
            ].join("\n"),
          );
        }

        say("Reading the search index…");
        await engine.ready();
        const progress = progressLine(`export ${request.format}`);
        const run = await startExport(engine, request, {
          batchSize,
          onProgress: (done, total) => total > 0 && progress(done, total),
        });
        // A file appears whole or not at all: written beside, renamed when done.
        const partial = outFile && `${outFile}.part`;
        const out = partial ? createWriteStream(partial) : process.stdout;
        try {
          for await (const chunk of run.chunks) await write(out, chunk);
          if (partial) {
            out.end();
            await once(out, "finish");
            await rename(partial, defined(outFile));
          }
        } catch (error) {
          if (partial) await rm(partial, { force: true });
          throw error;
        }
        const s = run.summary;
        for (const note of s.notes) say(`  ${note}`);
        const shown = outFile && (path.relative(cwd, outFile).startsWith("..") ? outFile : path.relative(cwd, outFile));
        say(
          `Exported ${s.events} event${s.events === 1 ? "" : "s"} as ${s.format} to ${shown ?? "standard output"} in ${s.seconds.toFixed(1)} s.`,
        );
      } finally {
        await engine.close();
      }
    });
  },
};
