import { describe, expect, it } from "vitest";
import { fatalitiesLabel, fatalityTotalsLine } from "./fatalities.ts";

describe("deaths", () => {
  it("gives the best estimate with its range, or what is known, and never turns unknown into zero", () => {
    expect(fatalitiesLabel({ low: 10, best: 12, high: 15 })).toBe("12 (10–15)");
    expect(fatalitiesLabel({ low: 12, best: 12, high: 12 })).toBe("12");
    expect(fatalitiesLabel({ low: 1200, best: null, high: null })).toBe("at least 1,200");
    expect(fatalitiesLabel({ low: null, best: null, high: 15 })).toBe("up to 15");
    expect(fatalitiesLabel({ low: null, best: null, high: null })).toBe("unknown");
  });

  it("names each summed estimate of a search's results, and how many results the sums rest on", () => {
    expect(fatalityTotalsLine({ low: 24, best: 6, high: null, events: 2 }, 46)).toBe(
      "Deaths reported in 2 of the 46 events: best estimates 6, low estimates 24",
    );
    expect(fatalityTotalsLine({ low: 40, best: 1057, high: 81, events: 9 }, 9)).toBe(
      "Deaths reported in all 9 events: best estimates 1,057, low estimates 40, high estimates 81",
    );
    expect(fatalityTotalsLine({ low: null, best: 0, high: null, events: 1 }, 1)).toBe(
      "Deaths reported in the event: best estimate 0",
    );
    expect(fatalityTotalsLine({ low: null, best: null, high: null, events: 0 }, 46)).toBe(
      "No death figures for these events",
    );
  });
});
