import type { ExportEvent } from "../records.ts";
import type { ExportWriter } from "./writer.ts";

/**
 * One JSON document, written as it goes: `{ "format", "exportedAt", "search", "events": [...],
 * "count" }`, each event with its participants, places, dates, claims and sources (see records.ts).
 */
export function jsonWriter(search: unknown, exportedAt = new Date()): ExportWriter {
  let count = 0;
  return {
    head: () =>
      `{"format":"parley-events","version":1,"exportedAt":${JSON.stringify(exportedAt.toISOString())},"search":${JSON.stringify(search)},"events":[\n`,
    event: (e: ExportEvent) => `${count++ === 0 ? "" : ",\n"}${JSON.stringify(e)}`,
    tail: () => `\n],"count":${count}}\n`,
    notes: () => [],
  };
}
