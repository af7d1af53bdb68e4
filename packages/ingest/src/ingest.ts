import path from "node:path";
import { commitWrite, type PrismaClient, recordRevision, sourceSnapshot, type Tx } from "@parley/db";
import { dateOfDay, normalizeName } from "@parley/schema";
import * as chrono from "chrono-node";
import type { Extraction } from "./candidates.ts";
import { extractCandidates } from "./extract.ts";
import { loadKnowledge } from "./knowledge.ts";
import { cleanText, htmlToText } from "./text.ts";

export interface ReportInput {
  /** File name, kept as the source's `document`. */
  file: string;
  content: string;
  outlet?: string;
  /** Publication date, YYYY-MM-DD; read from the first lines of the report when absent. */
  date?: string;
  url?: string;
  title?: string;
}

export interface PreparedReport {
  title: string;
  text: string;
  /** YYYY-MM-DD, or null when neither `--date` nor the report's first lines give it. */
  published: string | null;
}

export class IngestError extends Error {}

/** The report's plain text, title and publication date. */
export function prepareReport(input: ReportInput): PreparedReport {
  const isHtml = /\.html?$/i.test(input.file) || /^\s*<(?:!doctype|html)/i.test(input.content);
  const { title: htmlTitle, text } = isHtml ? htmlToText(input.content) : { title: null, text: input.content };
  const clean = cleanText(text);
  const lines = clean.split("\n").filter(Boolean);
  const title = input.title ?? htmlTitle ?? lines.find(isHeadlineLike) ?? path.basename(input.file);
  const published = input.date ?? guessDate(lines.slice(0, 6)) ?? null;
  if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published))
    throw new IngestError(`--date "${published}": give the publication date as YYYY-MM-DD.`);
  return { title: title.slice(0, 300), text: clean, published };
}

/** A title: two words or more, not a sentence, not a dateline, not a photo credit. */
function isHeadlineLike(line: string): boolean {
  if ((line.match(/\p{L}{3,}/gu) ?? []).length < 2 || /[.:]$/.test(line) || /^(?:photo|image|file)\b/i.test(line))
    return false;
  const date = chrono.parse(line)[0];
  return !date || date.text.length < line.length / 2;
}

function guessDate(lines: string[]): string | undefined {
  for (const line of lines) {
    if (line.split(" ").length > 8) continue;
    const result = chrono.parse(line, new Date(), { forwardDate: false })[0];
    if (result?.start.isCertain("year") && result.start.isCertain("day")) {
      const c = result.start;
      return `${c.get("year")}-${String(c.get("month")).padStart(2, "0")}-${String(c.get("day")).padStart(2, "0")}`;
    }
  }
  return undefined;
}

export interface IngestResult {
  extraction: Extraction;
  report: PreparedReport;
  sourceId: number | null;
  candidateIds: number[];
}

/** Extracts a report's candidates and, unless `dryRun`, stores the source and queues the candidates for review. */
export async function ingestReport(
  db: PrismaClient,
  input: ReportInput,
  options: { dryRun?: boolean; author?: string } = {},
): Promise<IngestResult> {
  const report = prepareReport(input);
  const knowledge = await loadKnowledge(db);
  const extraction = extractCandidates(report.text, report.published, knowledge);
  if (options.dryRun) return { extraction, report, sourceId: null, candidateIds: [] };
  const author = options.author ?? "parley ingest";
  // Reported as failed only when it did not commit, so that running it again stores the report once.
  return commitWrite(
    db,
    async (tx) => ({ extraction, report, ...(await storeReport(tx, input, report, extraction, author)) }),
    { timeout: STORE_TIMEOUT_MS },
  );
}

/** How long storing a report may take before COMMIT: a source and one row a candidate. */
export const STORE_TIMEOUT_MS = 60_000;

/** Stores a prepared report as a source and queues its candidates, in the caller's transaction. */
export async function storeReport(
  tx: Tx,
  input: ReportInput,
  report: PreparedReport,
  extraction: Extraction,
  author: string,
): Promise<{ sourceId: number; candidateIds: number[] }> {
  const outlet = input.outlet ? await findOutlet(tx, input.outlet) : null;
  const source = await tx.source.create({
    data: {
      title: report.title,
      url: input.url ?? null,
      publishedAt: dateOfDay(report.published),
      publishedPrecision: report.published ? "DAY" : null,
      language: "en",
      document: path.basename(input.file),
      text: report.text,
      outletId: outlet?.id ?? null,
    },
  });
  await recordRevision(tx, {
    entityType: "Source",
    entityId: source.id,
    action: "CREATE",
    author,
    version: 1,
    changes: sourceSnapshot({ ...source, cites: [] }),
  });
  const rows = [
    ...(input.outlet && !outlet
      ? [
          {
            kind: "ACTOR" as const,
            payload: { actorId: null, text: input.outlet, name: input.outlet, kind: "MEDIA_OUTLET", role: "outlet" },
          },
        ]
      : []),
    ...extraction.actors.filter((a) => a.actorId === null).map((payload) => ({ kind: "ACTOR" as const, payload })),
    ...extraction.events.map((payload) => ({ kind: "EVENT" as const, payload })),
    ...extraction.cites.map((payload) => ({ kind: "CITATION" as const, payload })),
  ];
  const candidateIds: number[] = [];
  for (const row of rows) {
    const created = await tx.candidate.create({
      data: { sourceId: source.id, kind: row.kind, payload: JSON.parse(JSON.stringify(row.payload)) },
    });
    candidateIds.push(created.id);
  }
  return { sourceId: source.id, candidateIds };
}

export async function findOutlet(db: Tx, name: string) {
  const byKey = await db.actor.findUnique({ where: { key: name } });
  if (byKey) return byKey;
  const key = normalizeName(name);
  return db.actor.findFirst({
    where: {
      kind: "MEDIA_OUTLET",
      OR: [{ aliases: { some: { normalized: key } } }, { name: { equals: name, mode: "insensitive" } }],
    },
  });
}
