import * as chrono from "chrono-node";
import { toGregorian } from "jalaali-js";
import type { DatePrecision } from "@parley/schema";

export interface DateMention {
  text: string;
  /** First day of the period, YYYY-MM-DD. */
  date: string;
  precision: DatePrecision;
  endDate?: string;
  endPrecision?: DatePrecision;
  /** Offset in the sentence. */
  index: number;
}

const SOLAR_MONTHS = ["farvardin", "ordibehesht", "khordad", "tir", "mordad", "shahrivar", "mehr", "aban", "azar", "dey", "bahman", "esfand"];
const SOLAR_DATE = new RegExp(`\\b(${SOLAR_MONTHS.join("|")})\\s+(\\d{1,2})(?:,?\\s+(1[34]\\d\\d))?\\b`, "gi");
const SOLAR_DATE_DAY_FIRST = new RegExp(`\\b(\\d{1,2})\\s+(${SOLAR_MONTHS.join("|")})(?:,?\\s+(1[34]\\d\\d))?\\b`, "gi");
const YEAR = /\b(?:in|since|of|by|until|from|to|early|late|mid-?)\s+((?:19|20)\d\d)\b/gi;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
/** A date without a year up to two months after publication is announced ("until May 30"); later, it is last year's. */
const AHEAD = 60 * DAY_MS;

/** Monday of the week holding `d`. */
function monday(d: Date): Date {
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
}

function componentDate(c: chrono.ParsedComponents, text: string, reference: Date, pastHint: boolean): { date: string; precision: DatePrecision } {
  const known = (unit: chrono.Component) => c.isCertain(unit);
  let d = c.date();
  if (/\bthis week\b/i.test(text)) return { date: iso(monday(reference)), precision: "WEEK" };
  if (/\bweek\b/i.test(text)) return { date: iso(monday(d)), precision: "WEEK" };
  if (known("day") || known("weekday")) {
    // News speaks of the past: a bare weekday or "May 14" after the publication date means the last one.
    const past = pastHint || /\b(?:last|past|previous)\b/i.test(text);
    if (!known("year") && d.getTime() > reference.getTime() + DAY_MS / 2 && (past || !known("month") || d.getTime() > reference.getTime() + AHEAD)) {
      d = known("month") && known("day") ? new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate())) : new Date(d.getTime() - 7 * DAY_MS);
    }
    return { date: iso(d), precision: "DAY" };
  }
  if (known("month")) {
    let year = d.getUTCFullYear();
    if (!known("year") && d.getTime() > reference.getTime() && (pastHint || /\b(?:last|past|previous)\b/i.test(text) || d.getTime() > reference.getTime() + AHEAD)) year -= 1;
    return { date: `${year}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-01`, precision: "MONTH" };
  }
  return { date: `${d.getUTCFullYear()}-01-01`, precision: "YEAR" };
}

/** Solar Hijri "Mehr 27" or "27 Mehr 1404"; without a year, the Solar Hijri year the publication date falls in. */
function solarHijriDates(sentence: string, reference: Date): DateMention[] {
  const out: DateMention[] = [];
  const add = (text: string, index: number, monthName: string, day: number, year: number | undefined) => {
    const jm = SOLAR_MONTHS.indexOf(monthName.toLowerCase()) + 1;
    // Farvardin 1 falls on 20 or 21 March: before that, the Solar Hijri year is one less.
    const ry = reference.getUTCFullYear() - 621 - (reference.getUTCMonth() < 2 || (reference.getUTCMonth() === 2 && reference.getUTCDate() < 21) ? 1 : 0);
    let jy = year ?? ry;
    let g = toGregorian(jy, jm, day);
    if (year === undefined && Date.UTC(g.gy, g.gm - 1, g.gd) > reference.getTime() + DAY_MS) g = toGregorian(--jy, jm, day);
    out.push({ text, index, date: `${g.gy}-${String(g.gm).padStart(2, "0")}-${String(g.gd).padStart(2, "0")}`, precision: "DAY" });
  };
  for (const m of sentence.matchAll(SOLAR_DATE)) if (/^[A-Z]/.test(m[1]!)) add(m[0], m.index, m[1]!, Number(m[2]), m[3] ? Number(m[3]) : undefined);
  for (const m of sentence.matchAll(SOLAR_DATE_DAY_FIRST)) if (/^[A-Z]/.test(m[2]!)) add(m[0], m.index, m[2]!, Number(m[1]), m[3] ? Number(m[3]) : undefined);
  return out;
}

/**
 * Every date a sentence mentions, resolved against the publication date: "Wednesday" is the last
 * Wednesday (DAY), "last month" a MONTH, "this week" the WEEK from its Monday, "in 2007" a YEAR,
 * "from November 9 to December 9" a range, "Mehr 27" a Solar Hijri day.
 */
export function findDates(sentence: string, published: string): DateMention[] {
  const reference = new Date(`${published}T12:00:00Z`);
  const solar = solarHijriDates(sentence, reference);
  const overlaps = (index: number, length: number, taken: DateMention[]) => taken.some((t) => index < t.index + t.text.length && t.index < index + length);
  const found: DateMention[] = [...solar];
  for (const result of chrono.parse(sentence, { instant: reference, timezone: 0 })) {
    if (overlaps(result.index, result.text.length, found)) continue;
    if (/^(?:now|today|tonight|this morning)$/i.test(result.text.trim()) || /^\d{1,2}:\d\d/.test(result.text)) continue;
    const pastHint = /\b(?:last|past|previous)\s+$/i.test(sentence.slice(0, result.index));
    const start = componentDate(result.start, result.text, reference, pastHint);
    const mention: DateMention = { text: result.text.replace(/[\s,.;:]+$/, ""), index: result.index, ...start };
    if (result.end) {
      const end = componentDate(result.end, result.text, reference, pastHint);
      mention.endDate = end.date;
      mention.endPrecision = end.precision;
    }
    found.push(mention);
  }
  for (const m of sentence.matchAll(YEAR)) {
    const index = m.index + m[0].length - m[1]!.length;
    if (!overlaps(index, 4, found)) found.push({ text: m[1]!, index, date: `${m[1]}-01-01`, precision: "YEAR" });
  }
  return found.sort((a, b) => a.index - b.index);
}
