const count = new Intl.NumberFormat("en-GB");

export interface FatalityFigures {
  low: number | null;
  best: number | null;
  high: number | null;
}

/** "12 (10–15)", "at least 10", "up to 15" or "unknown": unknown is not zero. */
export function fatalitiesLabel(f: FatalityFigures): string {
  const range =
    f.low !== null && f.high !== null && f.low !== f.high ? ` (${count.format(f.low)}–${count.format(f.high)})` : "";
  if (f.best !== null) return `${count.format(f.best)}${range}`;
  if (f.low !== null) return `at least ${count.format(f.low)}`;
  return f.high !== null ? `up to ${count.format(f.high)}` : "unknown";
}

/**
 * The deaths of a search's results: "Deaths reported in 2 of the 46 events: best estimates 6, low
 * estimates 24". Each estimate is a sum over the results that give it (not the same results for
 * each), so each is named on its own, and the line says how many results have any figure.
 */
export function fatalityTotalsLine(f: FatalityFigures & { events: number }, total: number): string {
  if (f.events === 0) return total === 1 ? "No death figures for this event" : "No death figures for these events";
  const where =
    total === 1
      ? "the event"
      : f.events === total
        ? `all ${count.format(total)} events`
        : `${count.format(f.events)} of the ${count.format(total)} events`;
  const sums = (
    [
      ["best", f.best],
      ["low", f.low],
      ["high", f.high],
    ] as const
  ).flatMap(([name, sum]) =>
    sum === null ? [] : [`${name} ${f.events === 1 ? "estimate" : "estimates"} ${count.format(sum)}`],
  );
  return `Deaths reported in ${where}: ${sums.join(", ")}`;
}
