import type { DatePrecision } from "@parley/schema";
import { dayOf, defined } from "@parley/schema";
import * as chrono from "chrono-node";
import { hijriDates } from "./calendars.ts";

export interface DateMention {
  text: string;
  /** First day of the period, YYYY-MM-DD; null when it needs the publication date and there is none. */
  date: string | null;
  precision: DatePrecision;
  endDate?: string;
  endPrecision?: DatePrecision;
  /** Offset in the sentence. */
  index: number;
}

const YEAR = /\b(?:in|since|of|by|until|from|to|early|late|mid-?)\s+((?:19|20)\d\d)\b/gi;
/** A year describing an event: "a 2021 coup", "the 2016 peace deal". */
const YEAR_OF =
  /\b(?:a|an|the|its|their|his|her)\s+((?:19|20)\d\d)\s+(?=(?:[a-z-]+\s+)?(?:coup|elections?|war|deal|agreement|accord|ceasefire|truce|talks|peace|uprising|offensive|invasion|takeover|revolution|conflict|crisis|protests?|referendum|attacks?)\b)/gi;
/** Spans of time, not dates: "after two days of talks", "the last six months", "a week after". */
const DURATION =
  /^(?:(?:the\s+)?(?:last|past|next|after|for|within|over)\s+)?(?:just\s+over\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+|several|few)\s+(?:days?|weeks?|months?|years?|hours?)(?:\s+(?:after|later|before))?$/i;
/** A sentence about what is to come keeps a date without a year in the coming months. */
const FUTURE =
  /\b(?:will|would|shall|is to|are to|was to|were to|to be held|scheduled|expected|next|due to|set for|planned)\b/i;
const DAY_MS = 86_400_000;
/** A date without a year up to two months after publication is announced ("until May 30"); later, it is last year's. */
const AHEAD = 60 * DAY_MS;

/** Monday of the week holding `d`. */
function monday(d: Date): Date {
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
}

function precisionOf(c: chrono.ParsedComponents, text: string): DatePrecision {
  if (/\bweek\b/i.test(text)) return "WEEK";
  if (c.isCertain("day") || c.isCertain("weekday")) return "DAY";
  return c.isCertain("month") ? "MONTH" : "YEAR";
}

function componentDate(
  c: chrono.ParsedComponents,
  text: string,
  reference: Date,
  past: boolean,
  future: boolean,
): string {
  const known = (unit: chrono.Component) => c.isCertain(unit);
  let d = c.date();
  const precision = precisionOf(c, text);
  if (precision === "WEEK") return dayOf(monday(/\bthis week\b/i.test(text) ? reference : d));
  if (precision === "DAY") {
    // News speaks of the past: a bare weekday or "May 14" after the publication date means the last one.
    const later = d.getTime() > reference.getTime() + DAY_MS / 2;
    if (
      !known("year") &&
      later &&
      (past || !known("month") || (!future && d.getTime() > reference.getTime() + AHEAD))
    ) {
      d =
        known("month") && known("day")
          ? new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()))
          : new Date(d.getTime() - 7 * DAY_MS);
    }
    return dayOf(d);
  }
  if (precision === "MONTH") {
    let year = d.getUTCFullYear();
    if (
      !known("year") &&
      d.getTime() > reference.getTime() &&
      (past || (!future && d.getTime() > reference.getTime() + AHEAD))
    )
      year -= 1;
    return `${year}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-01`;
  }
  return `${d.getUTCFullYear()}-01-01`;
}

/**
 * Every date a sentence mentions, resolved against the publication date: "Wednesday" is the last
 * Wednesday (DAY), "last month" a MONTH, "this week" the WEEK from its Monday, "in 2007" a YEAR,
 * "from November 9 to December 9" a range, "Mehr 27" a Solar Hijri day, "29 Shawwal 1444" an
 * Islamic one. Without a publication date (null), a date that needs one keeps its words and a null
 * date. `durations`: spans the NLP model reads as lengths of time, never dates.
 */
export function findDates(
  sentence: string,
  published: string | null,
  durations: Array<[number, number]> = [],
): DateMention[] {
  const reference = published ? new Date(`${published}T12:00:00Z`) : null;
  const overlaps = (index: number, length: number, taken: Array<{ index: number; text: string }>) =>
    taken.some((t) => index < t.index + t.text.length && t.index < index + length);
  const found: DateMention[] = hijriDates(sentence, reference);
  const future = FUTURE.test(sentence);
  for (const result of chrono.parse(sentence, { instant: reference ?? new Date(), timezone: 0 })) {
    const text = result.text.replace(/[\s,.;:]+$/, "");
    if (overlaps(result.index, result.text.length, found)) continue;
    if (
      /^(?:now|tonight|this morning)$/i.test(text) ||
      /^\d{1,2}(?::\d\d|\s*[ap]\.?m\.?)/i.test(text) ||
      DURATION.test(text)
    )
      continue;
    if (
      durations.some(([from, to]) => result.index >= from && result.index + text.length <= to) &&
      !/\d{4}|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b/i.test(
        text,
      )
    )
      continue;
    const precision = precisionOf(result.start, text);
    const mention: DateMention = { text, index: result.index, date: null, precision };
    if (reference) {
      const past =
        /\b(?:last|past|previous)\s+$/i.test(sentence.slice(0, result.index)) ||
        /\b(?:last|past|previous)\b/i.test(text);
      mention.date = componentDate(result.start, text, reference, past, future);
      if (result.end) {
        mention.endDate = componentDate(result.end, text, reference, past, future);
        mention.endPrecision = precisionOf(result.end, text);
      }
    } else if (/\b\d{4}\b/.test(text)) {
      mention.date = componentDate(result.start, text, result.start.date(), false, false);
    }
    found.push(mention);
  }
  for (const m of [...sentence.matchAll(YEAR), ...sentence.matchAll(YEAR_OF)]) {
    const index = m.index + m[0].length - defined(m[1]).length;
    if (!overlaps(index, 4, found))
      found.push({ text: defined(m[1]), index, date: `${m[1]}-01-01`, precision: "YEAR" });
  }
  return found.sort((a, b) => a.index - b.index);
}
