import { searchStateToParams } from "@parley/schema";
import type { SearchEngine } from "@parley/search";
import { csvWriter } from "./formats/csv.ts";
import { geojsonWriter } from "./formats/geojson.ts";
import { jsonWriter } from "./formats/json.ts";
import type { ExportWriter } from "./formats/writer.ts";
import type { ExportFormat, ExportRequest } from "./query.ts";
import { loadExportEvents } from "./records.ts";

export const FORMAT_FILES: Record<ExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8" },
  json: { extension: "json", contentType: "application/json; charset=utf-8" },
  geojson: { extension: "geojson", contentType: "application/geo+json; charset=utf-8" },
};

export interface ExportSummary {
  format: ExportFormat;
  events: number;
  seconds: number;
  notes: string[];
}

export interface ExportRun {
  /** How many events the search found (the export writes them all, less any deleted meanwhile). */
  total: number;
  /** The file, piece by piece; pull it at the pace of the reader. */
  chunks: AsyncGenerator<string>;
  /** Filled in once `chunks` is done. */
  summary: ExportSummary;
}

export interface ExportOptions {
  /** Events loaded per round of queries (default 500). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

function writerFor(request: ExportRequest): ExportWriter {
  if (request.format === "csv") return csvWriter();
  if (request.format === "geojson") return geojsonWriter();
  return jsonWriter({
    url: `?${searchStateToParams(request.state)}`,
    query: request.state.query || null,
    filter: request.state.filter,
    sort: request.state.sort,
  });
}

/**
 * Runs the search through the engine that answers searchEvents (the same filters, text matching and
 * order), then walks every result in batches: the IDs in the search's order, each batch's records
 * loaded with their provenance and written out before the next is read. Memory holds one batch.
 */
export async function startExport(
  engine: SearchEngine,
  request: ExportRequest,
  options: ExportOptions = {},
): Promise<ExportRun> {
  const started = performance.now();
  const search = await engine.searchEvents(request.query);
  const writer = writerFor(request);
  const batchSize = options.batchSize ?? 500;
  const summary: ExportSummary = { format: request.format, events: 0, seconds: 0, notes: [] };
  async function* chunks(): AsyncGenerator<string> {
    yield writer.head();
    options.onProgress?.(0, search.totalCount);
    for await (const ids of search.idBatches(batchSize)) {
      const events = await loadExportEvents(engine.pool, ids);
      yield events.map((e) => writer.event(e)).join("");
      summary.events += events.length;
      options.onProgress?.(Math.min(summary.events, search.totalCount), search.totalCount);
    }
    const tail = writer.tail();
    if (typeof tail === "string") yield tail;
    else yield* tail;
    summary.notes = writer.notes();
    summary.seconds = (performance.now() - started) / 1000;
  }
  return { total: search.totalCount, chunks: chunks(), summary };
}
