import { defined } from "@parley/schema/defined";

export interface Bucket {
  start: string;
  count: number;
}

export interface Month {
  /** The first day, `2022-05-01`. */
  start: string;
  total: number;
  /** Events per type that month, for the types counted one by one; may be empty. */
  byType: Record<string, number>;
}

const monthIndex = (start: string) => Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
const monthStart = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;

/** The last day of the month that starts on `start`. */
export function monthEnd(start: string): string {
  const [y, m] = start.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Every month from the first to the last with events (the months between them too, empty ones
 * included), with the total of the search's histogram and, where given, each type's own histogram.
 */
export function monthsOf(total: Bucket[], byType: Record<string, Bucket[]> = {}): Month[] {
  if (total.length === 0) return [];
  const first = Math.min(...total.map((b) => monthIndex(b.start)));
  const last = Math.max(...total.map((b) => monthIndex(b.start)));
  const months: Month[] = [];
  for (let i = first; i <= last; i++) months.push({ start: monthStart(i), total: 0, byType: {} });
  for (const b of total) defined(months[monthIndex(b.start) - first]).total += b.count;
  for (const [type, buckets] of Object.entries(byType)) {
    for (const b of buckets) {
      const month = months[monthIndex(b.start) - first];
      if (month && b.count > 0) month.byType[type] = (month.byType[type] ?? 0) + b.count;
    }
  }
  return months;
}

/** Round steps for a count axis from 0 to at least `max`: 0, 5, 10 or 0, 2, 4, 6. */
export function countTicks(max: number): number[] {
  const target = Math.max(1, max);
  const raw = target / 3;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const top = Math.max(step, Math.ceil(target / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Math.round(t));
  return ticks;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "May 2022". */
export const monthName = (start: string) => `${MONTH_NAMES[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`;

/** Labels of the time axis: every year at its January, or every quarter when the months are few. */
interface Tick {
  index: number;
  label: string;
  major: boolean;
}

export function timeTicks(months: Month[]): Tick[] {
  const quarterly = months.length <= 30;
  // At most about ten year labels: every year, every second, fifth or tenth.
  const years = Math.ceil(months.length / 12);
  const every = [1, 2, 5, 10, 20, 50].find((n) => years / n <= 10) ?? 100;
  return months.flatMap((m, index): Tick[] => {
    const month = Number(m.start.slice(5, 7));
    const year = Number(m.start.slice(0, 4));
    if (month === 1) return [{ index, label: year % every === 0 ? String(year) : "", major: true }];
    // The first month is named only where the first January is far enough on not to collide with it.
    if (index === 0)
      return [
        {
          index,
          label:
            13 - month >= Math.max(4, months.length / 6)
              ? quarterly
                ? `${MONTHS[month - 1]} ${year}`
                : String(year)
              : "",
          major: true,
        },
      ];
    if (quarterly && (month - 1) % 3 === 0) return [{ index, label: defined(MONTHS[month - 1]), major: false }];
    return [];
  });
}
