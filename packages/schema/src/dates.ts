import { z } from "zod";
import type { DatePrecision } from "./vocabulary.ts";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A calendar day written `YYYY-MM-DD`, the GraphQL `Date` scalar. */
export const isoDate = z.string().refine((value) => {
  const m = ISO_DAY.exec(value);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}, "must be a real calendar day written YYYY-MM-DD");

/** A day's date at midnight UTC, from its ISO text ("2022-05-18"): how days are held in Date objects. */
export function dateOfDay(day: string): Date;
export function dateOfDay(day: string | null | undefined): Date | null;
export function dateOfDay(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

/** The ISO text of a date's day in UTC ("2022-05-18"). */
export function dayOf(date: Date): string;
export function dayOf(date: Date | null | undefined): string | null;
export function dayOf(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

const MS_PER_DAY = 86_400_000;

/** A day as a whole number of days since 1970-01-01 (UTC): cheap to store per event and to compare. */
export const dayFromIso = (day: string): number => Math.round(dateOfDay(day).getTime() / MS_PER_DAY);

/** The ISO text of a day given as days since 1970-01-01. */
export const isoFromDay = (day: number): string => dayOf(new Date(day * MS_PER_DAY));

export interface PartialDate {
  /** The first day of the period, `YYYY-MM-DD`. */
  date: string;
  precision: DatePrecision;
}

/** Reads "2022", "2022-05" or "2022-05-18" as the first day of that period with its precision. */
export function parsePartialDate(value: string): PartialDate | null {
  const m = PARTIAL.exec(value.trim());
  if (!m) return null;
  const [, year, month, day] = m;
  if (day !== undefined) {
    return isRealDay(Number(year), Number(month), Number(day))
      ? { date: `${year}-${month}-${day}`, precision: "DAY" }
      : null;
  }
  if (month !== undefined) {
    const n = Number(month);
    return n >= 1 && n <= 12 ? { date: `${year}-${month}-01`, precision: "MONTH" } : null;
  }
  return { date: `${year}-01-01`, precision: "YEAR" };
}

/** "2022", "2022-05" or "2022-05-18", as written in data files. */
export const partialDate = z.union([z.string(), z.number().int()]).transform((value, ctx) => {
  const parsed = parsePartialDate(String(value));
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: "must be a date written YYYY, YYYY-MM or YYYY-MM-DD" });
    return z.NEVER;
  }
  return parsed;
});

/** The last day of the period a partial date stands for. */
export function periodEnd({ date, precision }: PartialDate): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const end =
    precision === "DAY"
      ? new Date(Date.UTC(y, m - 1, d))
      : precision === "WEEK"
        ? new Date(Date.UTC(y, m - 1, d + 6))
        : precision === "MONTH"
          ? new Date(Date.UTC(y, m, 0))
          : new Date(Date.UTC(y, 11, 31));
  return dayOf(end);
}

/** Writes a date the way its precision allows: "2022", "May 2022", "week of 16 May 2022", "18 May 2022". */
export function formatPartialDate({ date, precision }: PartialDate): string {
  const d = dateOfDay(date);
  const month = d.toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  if (precision === "YEAR") return String(d.getUTCFullYear());
  if (precision === "MONTH") return `${month} ${d.getUTCFullYear()}`;
  const day = `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
  return precision === "WEEK" ? `week of ${day}` : day;
}
