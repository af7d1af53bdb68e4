/// <reference path="./moment-hijri.d.ts" />

import type { DatePrecision } from "@parley/schema";
import { dayOf } from "@parley/schema";
import { toGregorian } from "jalaali-js";
import momentHijri from "moment-hijri";

/** Month names of the calendars reports use besides the Gregorian one, with their spellings. */
const ISLAMIC_MONTHS = [
  "muharram",
  "safar",
  "rabi(?:'|’)?(?: ?al|-al|-ul| ul)?[- ]?(?:awwal|awal|i)",
  "rabi(?:'|’)?(?: ?al|-al|-ul| ul| as)?[- ]?(?:thani|akhir|ii)",
  "jumada(?: ?al|-al|-ul)?[- ]?(?:ula|awwal|i)",
  "jumada(?: ?al|-al|-ul)?[- ]?(?:akhirah|akhira|thani|ii)",
  "rajab",
  "sha(?:'|’)?ban",
  "ramadan|ramazan",
  "shawwal",
  "dhu(?:'|’)?l?[- ]?(?:al[- ])?qa(?:'|’)?dah?|zul[- ]?qa(?:'|’)?dah?",
  "dhu(?:'|’)?l?[- ]?(?:al[- ])?hijjah?|zul[- ]?hijjah?",
];
/** Iranian names first, then the Dari names used in Afghanistan, both Solar Hijri. */
const SOLAR_MONTHS = [
  "farvardin|hamal",
  "ordibehesht|sawr|saur",
  "khordad|jawza|jauza",
  "tir|saratan",
  "mordad|asad",
  "shahrivar|sunbula|sonbola",
  "mehr|mizan",
  "aban|aqrab",
  "azar|qaws|qaus",
  "dey|jadi",
  "bahman|dalw|dalv",
  "esfand|hut|hoot",
];

export interface CalendarDate {
  text: string;
  index: number;
  date: string | null;
  precision: DatePrecision;
}

const alternatives = (months: string[]) => months.map((m) => `(${m})`).join("|");
const monthIndex = (m: RegExpMatchArray, from: number) => m.slice(from, from + 12).findIndex(Boolean);
const YEAR_AFTER = String.raw`(?:,?\s+(1[34]\d\d)(?:\s*(?:AH|A\.H\.|H|SH|S\.H\.|hijri|solar hijri))?)?`;
const islamic = new RegExp(
  String.raw`\b(?:(\d{1,2})\s+)?(?:${alternatives(ISLAMIC_MONTHS)})(?:\s+(\d{1,2})(?!\d))?${YEAR_AFTER}\b`,
  "giu",
);
const solar = new RegExp(
  String.raw`\b(?:(\d{1,2})\s+)?(?:${alternatives(SOLAR_MONTHS)})(?:\s+(\d{1,2})(?!\d))?${YEAR_AFTER}\b`,
  "giu",
);
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Islamic (lunar Hijri, Umm al-Qura) and Solar Hijri dates: "29 Shawwal 1444", "Ramadan 1444 AH",
 * "Mehr 27", "27 Mizan 1404". Without a year, the year in which the publication date falls (the
 * previous one if that puts the date after publication); without a publication date, unresolved.
 */
export function hijriDates(sentence: string, reference: Date | null): CalendarDate[] {
  const found: CalendarDate[] = [];
  for (const m of sentence.matchAll(islamic)) {
    const month = monthIndex(m, 2) + 1;
    const day = Number(m[1] ?? m[14] ?? 0);
    // A bare month name ("during Ramadan") is a season, not a date.
    if (!day && !m[15]) continue;
    found.push({
      text: m[0],
      index: m.index,
      ...resolve(
        reference,
        m[15],
        day,
        (y, d) =>
          momentHijri(`${y}/${month}/${d || 1}`, "iYYYY/iM/iD")
            .locale("en")
            .format("YYYY-MM-DD"),
        (r) => momentHijri(dayOf(r), "YYYY-MM-DD").locale("en").iYear(),
      ),
    });
  }
  for (const m of sentence.matchAll(solar)) {
    if (!/^\p{Lu}/u.test(m[0].replace(/^\d+\s+/, ""))) continue;
    const month = monthIndex(m, 2) + 1;
    const day = Number(m[1] ?? m[14] ?? 0);
    if (!day && !m[15]) continue;
    const toIso = (y: number, d: number) => {
      const g = toGregorian(y, month, d || 1);
      return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
    };
    // Farvardin 1 falls on 20 or 21 March.
    const solarYear = (r: Date) =>
      r.getUTCFullYear() - 621 - (r.getUTCMonth() < 2 || (r.getUTCMonth() === 2 && r.getUTCDate() < 21) ? 1 : 0);
    found.push({ text: m[0], index: m.index, ...resolve(reference, m[15], day, toIso, solarYear) });
  }
  return found;
}

function resolve(
  reference: Date | null,
  yearText: string | undefined,
  day: number,
  toIso: (year: number, day: number) => string,
  yearOf: (reference: Date) => number,
) {
  const precision: DatePrecision = day ? "DAY" : "MONTH";
  if (yearText) return { date: toIso(Number(yearText), day), precision };
  if (!reference) return { date: null, precision };
  let year = yearOf(reference);
  let date = toIso(year, day);
  if (Date.parse(date) > reference.getTime() + 86_400_000) date = toIso(--year, day);
  return { date, precision };
}
