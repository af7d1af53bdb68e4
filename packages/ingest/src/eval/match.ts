import { type DatePrecision, defined, normalizeName } from "@parley/schema";

/** Names compare without case, accents, punctuation or a leading "the". */
export const nameKey = (name: string) => normalizeName(name).replace(/^the /, "");

const FINENESS: Record<DatePrecision, number> = { DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3 };
const DAY_MS = 86_400_000;

/**
 * A predicted date agrees with a gold one when it is at least as precise and names the same
 * period at the gold precision: the same day; a day of the gold week (or the same week); the same
 * month; the same year.
 */
export function sameDate(
  gold: { date: string; precision: DatePrecision },
  pred: { date: string | null; precision: DatePrecision | null },
): boolean {
  if (pred.date === null || pred.precision === null || FINENESS[pred.precision] > FINENESS[gold.precision])
    return false;
  switch (gold.precision) {
    case "DAY":
      return pred.date === gold.date;
    case "WEEK": {
      const offset = Date.parse(pred.date) - Date.parse(gold.date);
      return offset >= 0 && offset < 7 * DAY_MS;
    }
    case "MONTH":
      return pred.date.slice(0, 7) === gold.date.slice(0, 7);
    case "YEAR":
      return pred.date.slice(0, 4) === gold.date.slice(0, 4);
  }
}

/** An unresolved date is matched by its words: one text holds the other. */
export function sameText(a: string, b: string): boolean {
  const [x, y] = [normalizeName(a), normalizeName(b)];
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/**
 * Pairs gold and predicted items one to one: each gold item, in order, takes the first free
 * prediction that fits, trying the tests in order (an exact fit before a looser one).
 */
export function pairUp<G, P>(gold: G[], pred: P[], ...tests: Array<(g: G, p: P) => boolean>): Array<[G, P]> {
  const taken = new Set<number>();
  const pairs: Array<[G, P]> = [];
  for (const g of gold) {
    for (const fits of tests) {
      const index = pred.findIndex((p, i) => !taken.has(i) && fits(g, p));
      if (index < 0) continue;
      taken.add(index);
      pairs.push([g, defined(pred[index])]);
      break;
    }
  }
  return pairs;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const counts = (gold: number, pred: number, tp: number): Counts => ({ tp, fp: pred - tp, fn: gold - tp });
export const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

export function prf({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
