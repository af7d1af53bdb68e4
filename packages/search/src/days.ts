import type { DateInterval } from "@parley/schema";

export { dayFromIso, isoFromDay } from "@parley/schema";

/** Dates as whole days since 1970-01-01 (UTC): cheap to store per event and to compare. */
const MS_PER_DAY = 86_400_000;

/** Months counted from year 0: year * 12 + month (0–11). */
export function monthOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export const firstDayOfMonth = (month: number): number =>
  Math.round(Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY);

/** The first day of the bucket holding `day`; weeks start on Monday (ISO 8601). */
export function bucketStart(day: number, interval: DateInterval): number {
  switch (interval) {
    case "DAY":
      return day;
    case "WEEK":
      return day - ((((day + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday
    case "MONTH":
      return firstDayOfMonth(monthOfDay(day));
    case "YEAR":
      return firstDayOfMonth(Math.floor(monthOfDay(day) / 12) * 12);
  }
}

export function nextBucket(start: number, interval: DateInterval): number {
  switch (interval) {
    case "DAY":
      return start + 1;
    case "WEEK":
      return start + 7;
    case "MONTH":
      return firstDayOfMonth(monthOfDay(start) + 1);
    case "YEAR":
      return firstDayOfMonth(monthOfDay(start) + 12);
  }
}
