import { defined } from "@parley/schema";

/**
 * PostgreSQL's COPY text format, one row per line: fields separated by tabs, NULL as `\N`,
 * backslash escapes for backslash, tab, newline and carriage return (and \b \f \v on output).
 */
const UNESCAPE: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };

export function parseCopyLine(line: string): (string | null)[] {
  return line
    .split("\t")
    .map((field) => (field === "\\N" ? null : field.replace(/\\(.)/g, (_, c: string) => UNESCAPE[c] ?? c)));
}

export function formatCopyLine(values: (string | null)[]): string {
  return values
    .map((v) =>
      v === null
        ? "\\N"
        : v.replace(/[\\\t\n\r]/g, (c) => defined({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" }[c])),
    )
    .join("\t");
}
