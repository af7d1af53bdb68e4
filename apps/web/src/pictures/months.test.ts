import { defined } from "@parley/schema/defined";
import { describe, expect, it } from "vitest";
import { countTicks, monthsOf, timeTicks } from "./months.ts";

describe("the month timeline's data", () => {
  it("has every month from the first to the last, the empty ones too, and each type's counts", () => {
    const months = monthsOf(
      [
        { start: "2021-11-01", count: 3 },
        { start: "2022-02-01", count: 1 },
      ],
      { CEASEFIRE: [{ start: "2021-11-01", count: 2 }] },
    );
    expect(months.map((m) => [m.start, m.total])).toEqual([
      ["2021-11-01", 3],
      ["2021-12-01", 0],
      ["2022-01-01", 0],
      ["2022-02-01", 1],
    ]);
    expect(defined(months[0], "the first month").byType).toEqual({ CEASEFIRE: 2 });
  });

  it("counts in round steps up to at least the highest month", () => {
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toEqual([0, 5, 10]);
    expect(countTicks(46)).toEqual([0, 20, 40, 60]);
  });

  it("names the years, and the quarters when the months are few, without two labels on each other", () => {
    const months = monthsOf([
      { start: "2021-10-01", count: 1 },
      { start: "2024-03-01", count: 1 },
    ]);
    const labels = timeTicks(months)
      .filter((t) => t.label)
      .map((t) => t.label);
    expect(labels.slice(0, 4)).toEqual(["2022", "Apr", "Jul", "Oct"]);
    const long = monthsOf([
      { start: "2004-01-01", count: 1 },
      { start: "2025-12-01", count: 1 },
    ]);
    expect(
      timeTicks(long)
        .filter((t) => t.label)
        .map((t) => t.label),
    ).toEqual(["2005", "2010", "2015", "2020", "2025"]);
  });
});
