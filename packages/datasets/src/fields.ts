import { defined } from "@parley/schema";
import { z } from "zod";
import type { RowProblem } from "./types.ts";

/** Column rules shared by the dataset mappings. Every message completes "<column> …". */

/** A reading of one cell: its value, or what is wrong with it. */
class Problem {
  constructor(readonly message: string) {}
}

/**
 * One column: a single transform per cell keeps validation cheap (a pipe of zod schemas per cell
 * costs several times more on files of hundreds of thousands of rows). Absent columns read as "".
 */
function cell<T>(read: (value: string) => T | Problem) {
  return z
    .string()
    .optional()
    .transform((value, ctx): T => {
      const result = read((value ?? "").trim());
      if (result instanceof Problem) {
        ctx.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      return result;
    });
}

const missing = new Problem("is missing");

export const text = cell((v) => v);

export const required = cell((v) => v || missing);

/** A required cell matching a pattern. */
export const matching = (pattern: RegExp, message: string) =>
  cell((v) => (!v ? missing : pattern.test(v) ? v : new Problem(message)));

function readWhole(v: string, min: number, max: number): number | Problem {
  if (!v) return missing;
  if (!/^-?\d+$/.test(v)) return new Problem("must be a whole number");
  const n = Number(v);
  return n < min ? new Problem(`must be at least ${min}`) : n > max ? new Problem(`must be at most ${max}`) : n;
}

export const whole = (min = 0, max = Number.MAX_SAFE_INTEGER) => cell((v) => readWhole(v, min, max));

/** A whole number, or null for an empty cell (a count nobody knows). */
export const optionalWhole = (min = 0, max = Number.MAX_SAFE_INTEGER) =>
  cell((v) => (v ? readWhole(v, min, max) : null));

function readCode<T extends string>(v: string, codes: readonly T[], meaning: string): T | Problem {
  if (!v) return missing;
  return (codes as readonly string[]).includes(v) ? (v as T) : new Problem(`must be ${meaning}, not "${v}"`);
}

/** One of a closed list of codes, with the meaning of each in the message. */
export const code = <const T extends string>(codes: readonly T[], meaning: string) =>
  cell((v) => readCode(v, codes, meaning));

/** A code from a closed list, or a default for an empty cell. */
export const optionalCode = <const T extends string>(codes: readonly T[], meaning: string, fallback: T) =>
  cell((v) => (v ? readCode(v, codes, meaning) : fallback));

export function coordinate(axis: "latitude" | "longitude") {
  const limit = axis === "latitude" ? 90 : 180;
  return cell((v) => {
    if (!v) return missing;
    if (!/^[-+]?\d+(\.\d+)?$/.test(v)) return new Problem(`must be a decimal ${axis}, not "${v}"`);
    const n = Number(v);
    return Math.abs(n) <= limit ? n : new Problem(`must lie between -${limit} and ${limit}, not ${v}`);
  });
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDay(y: number, m: number, d: number): string | null {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > (m === 2 && leap ? 29 : defined(DAYS_IN_MONTH[m - 1]))) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Reads the date formats of UCDP and ACLED exports as `YYYY-MM-DD`: "2019-12-31" (also with a time
 * of day), "31 December 2019", "31-12-2019", "31/12/2019" and "31-12-19". Two-digit years take
 * their century from `year` when given, else 20yy.
 */
export function readDate(value: string, year?: number): string | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(v);
  if (m) return realDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(v);
  if (m) {
    const month = MONTHS.indexOf(defined(m[2]).toLowerCase()) + 1;
    return month ? realDay(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4}|\d{2})$/.exec(v);
  if (m) {
    let y = Number(m[3]);
    if (defined(m[3]).length === 2) y = year !== undefined && year % 100 === y ? year : 2000 + y;
    return realDay(y, Number(m[2]), Number(m[1]));
  }
  return null;
}

export const isoDay = cell((v) => {
  if (!v) return missing;
  const day = /^\d{4}-/.test(v) ? readDate(v) : null;
  return day ?? new Problem(`must be a real day written YYYY-MM-DD, not "${v}"`);
});

/** Validates a row against a column schema; problems name the column. */
export function parseRow<T>(
  schema: z.ZodType<T>,
  row: Record<string, string>,
): { ok: true; data: T } | { ok: false; problems: RowProblem[] } {
  const result = schema.safeParse(row);
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.map((issue) => ({
    field: String(issue.path[0] ?? "(row)"),
    message: issue.message,
  }));
  return { ok: false, problems: problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i) };
}

/** Cuts a text to a field's limit at a word boundary, marking the cut. */
export function clip(value: string, max: number): string {
  const flat = /\s\s|[\t\n\r]/.test(value) ? value.replace(/\s+/g, " ").trim() : value.trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Splits a semicolon list ("Star (Kenya); AFP; AP"), dropping blanks and repeats. */
export function list(value: string): string[] {
  return [
    ...new Set(
      value
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
