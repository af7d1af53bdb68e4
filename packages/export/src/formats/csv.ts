import { ACLED_COLUMNS, acledRow } from "@parley/datasets";
import type { ExportEvent } from "../records.ts";
import type { ExportWriter } from "./writer.ts";

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const line = (cells: readonly string[]) => `${cells.map(quote).join(",")}\r\n`;

/** ACLED's current column layout, one row per event; rows that lack what ACLED requires are counted. */
export function csvWriter(): ExportWriter {
  const problems = new Map<string, number>();
  const losses = new Map<string, number>();
  const count = (map: Map<string, number>, what: string) => map.set(what, (map.get(what) ?? 0) + 1);
  return {
    head: () => line(ACLED_COLUMNS),
    event(e: ExportEvent) {
      const row = acledRow(e);
      for (const p of row.problems) count(problems, p);
      for (const l of row.losses) count(losses, l.replace(/^\d+ places/, "more than one place"));
      return line(row.cells);
    },
    tail: () => "",
    notes: () => [
      ...[...problems].map(
        ([what, n]) =>
          `${n} row${n === 1 ? "" : "s"}: the event ${what}; ACLED tools and \`parley import acled\` will refuse ${n === 1 ? "it" : "them"}`,
      ),
      ...[...losses].map(
        ([what, n]) =>
          `${n} event${n === 1 ? "" : "s"} with ${what.replace(": ACLED holds one", "")}: the row holds the first that has coordinates`,
      ),
    ],
  };
}
