import type { ExportEvent } from "../records.ts";

/** A file format as text pieces: what comes before the events, each event, what comes after. */
export interface ExportWriter {
  head(): string;
  event(e: ExportEvent): string;
  tail(): string | Iterable<string>;
  /** Lines for the summary: what the format could not hold. */
  notes(): string[];
}
