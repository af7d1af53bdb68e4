import { createSearchEngine, type SearchEngine } from "@parley/search";
import { parse } from "csv-parse/sync";
import { type ExportOptions, exportRequestFromParams, startExport } from "../src/index.ts";

/** Runs an export of these search parameters and returns the file's text and the run's summary. */
export async function exportText(engine: SearchEngine, params: string, options: ExportOptions = {}) {
  const run = await startExport(engine, exportRequestFromParams(new URLSearchParams(params)), options);
  const chunks: string[] = [];
  for await (const chunk of run.chunks) chunks.push(chunk);
  return { text: chunks.join(""), chunks, run };
}

export const csvRecords = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

export function engineFor(url: string): SearchEngine {
  return createSearchEngine({ url, max: 2 });
}

/** Every result of a search as searchEvents pages it (100 at a time), as database IDs. */
export async function searchEventsIds(engine: SearchEngine, params: string): Promise<number[]> {
  const { query } = exportRequestFromParams(new URLSearchParams(`format=json&${params}`));
  const ids: number[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await (await engine.searchEvents({ ...query, first: 100, after })).page();
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}
