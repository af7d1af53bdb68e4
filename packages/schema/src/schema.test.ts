import { describe, expect, it } from "vitest";
import { defined } from "./defined.ts";
import {
  dataFileSchema,
  eventFilterSchema,
  formatIssuePath,
  formatPartialDate,
  normalizeName,
  normalizeQueryText,
  parsePartialDate,
  periodEnd,
  searchActorsSchema,
  searchEventsSchema,
  searchStateFromParams,
  searchStateToParams,
  transliterationKey,
} from "./index.ts";

describe("partial dates", () => {
  it("reads year, month and day forms with their precision", () => {
    expect(parsePartialDate("2022")).toEqual({ date: "2022-01-01", precision: "YEAR" });
    expect(parsePartialDate("2022-05")).toEqual({ date: "2022-05-01", precision: "MONTH" });
    expect(parsePartialDate("2022-05-18")).toEqual({ date: "2022-05-18", precision: "DAY" });
  });

  it("refuses days that do not exist", () => {
    expect(parsePartialDate("2022-02-30")).toBeNull();
    expect(parsePartialDate("2022-13")).toBeNull();
    expect(parsePartialDate("May 2022")).toBeNull();
  });

  it("knows where a period ends and writes it as its precision allows", () => {
    expect(periodEnd({ date: "2024-02-01", precision: "MONTH" })).toBe("2024-02-29");
    expect(periodEnd({ date: "2022-05-16", precision: "WEEK" })).toBe("2022-05-22");
    expect(formatPartialDate({ date: "2022-05-01", precision: "MONTH" })).toBe("May 2022");
    expect(formatPartialDate({ date: "2025-10-19", precision: "DAY" })).toBe("19 October 2025");
  });
});

describe("search text", () => {
  it("drops invisible characters, folds widths and composes decomposed accents, keeping the query syntax", () => {
    expect(normalizeQueryText("T\u200BT\u200DP")).toBe("TTP");
    expect(normalizeQueryText("\u202B\u200FTTP\u202C\uFEFF")).toBe("TTP");
    expect(normalizeQueryText("ＴＴＰ ｃｅａｓｅｆｉｒｅ")).toBe("TTP ceasefire");
    expect(normalizeQueryText("De\u0301le\u0301gation")).toBe("Délégation");
    expect(normalizeQueryText('"Noor Wali" OR -Teh\u00ADreek')).toBe('"Noor Wali" OR -Tehreek');
  });

  it("turns control characters and every kind of space into one space and drops lone surrogates", () => {
    expect(normalizeQueryText("a\u0000b\tc\u3000\u2028d  ")).toBe("a b c d");
    expect(normalizeQueryText("x\uD800y\uDFFFz")).toBe("xyz");
    expect(normalizeQueryText("💣")).toBe("💣");
  });

  it("is applied by the search schemas after the length check", () => {
    expect(searchEventsSchema.parse({ query: "T\u200BTP" }).query).toBe("TTP");
    expect(searchActorsSchema.safeParse({ query: "\u200B\u200B" }).error?.issues[0]?.message).toBe(
      "`query` must not be empty",
    );
    expect(searchEventsSchema.safeParse({ query: "x".repeat(201) }).error?.issues[0]?.message).toBe(
      "may be at most 200 characters; got 201",
    );
  });
});

describe("names", () => {
  it("compares names without case, accents, apostrophes or hyphens", () => {
    expect(normalizeName("Tehrik-i-Taliban  Pakistan")).toBe("tehrik i taliban pakistan");
    expect(normalizeName("Noor Al-Raḥmān")).toBe("noor al rahman");
    expect(normalizeName("Mu\u200Bttaqi")).toBe("muttaqi");
  });

  it.each([
    ["Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"],
    ["Tahreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"],
    ["Muttaqi", "Muttaki"],
    ["Yousaf", "Yusuf"],
    ["Yousuf", "Yusuf"],
    ["Shaheen", "Shahin"],
    ["Hameed", "Hamid"],
    ["Zabiullah Mujahed", "Zabihullah Mujahid"],
  ])("gives %s and %s the same transliteration key", (a, b) => {
    expect(transliterationKey(a)).toBe(transliterationKey(b));
  });

  it("keeps different names apart", () => {
    expect(transliterationKey("Haqqani")).not.toBe(transliterationKey("Hakimullah"));
  });
});

describe("the search filter", () => {
  it("refuses `from` after `to`, naming the field", () => {
    const result = eventFilterSchema.safeParse({ from: "2023-01-01", to: "2022-01-01" });
    expect(result.success).toBe(false);
    expect(formatIssuePath(defined(defined(result.error).issues[0]).path)).toBe("from");
  });

  it("refuses an unknown type, a malformed date and a lower-case country", () => {
    expect(eventFilterSchema.safeParse({ types: ["PICNIC"] }).success).toBe(false);
    expect(eventFilterSchema.safeParse({ from: "2022-02-30" }).success).toBe(false);
    expect(eventFilterSchema.safeParse({ countries: ["pk"] }).success).toBe(false);
  });

  it("bounds the page size", () => {
    expect(searchEventsSchema.safeParse({ first: 101 }).success).toBe(false);
    expect(searchEventsSchema.parse({}).first).toBe(20);
  });
});

describe("URL search params", () => {
  it("round-trip the search state", () => {
    const state = {
      query: "Tehreek",
      filter: {
        types: ["CEASEFIRE", "NEGOTIATION"] as ("CEASEFIRE" | "NEGOTIATION")[],
        countries: ["PK"],
        from: "2021-01-01",
        to: "2022-12-31",
        contested: true,
      },
      sort: "DATE_DESC" as const,
      after: null,
    };
    const params = searchStateToParams(state);
    expect(params.toString()).toBe(
      "q=Tehreek&type=CEASEFIRE&type=NEGOTIATION&country=PK&from=2021-01-01&to=2022-12-31&contested=1&sort=DATE_DESC",
    );
    expect(searchStateFromParams(params)).toEqual({ state, problems: [], issues: [] });
  });

  it("drops the values a hand-edited link gets wrong and keeps the rest", () => {
    const { state, problems, issues } = searchStateFromParams({
      q: "talks",
      type: ["CEASEFIRE", "PICNIC"],
      from: "2022-13-01",
      sort: "LOUDEST",
    });
    expect(state.filter).toEqual({ types: ["CEASEFIRE"] });
    expect(state.sort).toBe("RELEVANCE");
    expect(problems).toEqual(expect.arrayContaining(["ignored type=PICNIC", "ignored sort=LOUDEST"]));
    expect(problems.some((p) => p.startsWith("ignored from"))).toBe(true);
    expect(issues.map((i) => [i.key, i.value])).toEqual([
      ["type", "PICNIC"],
      ["from", "2022-13-01"],
      ["sort", "LOUDEST"],
    ]);
  });
});

describe("data files", () => {
  it("name the record and field at fault", () => {
    const result = dataFileSchema.safeParse({
      events: [{ key: "x", type: "CEASEFIRE", title: "t", start: "2022-05-18", end: "2022-05-01" }],
    });
    expect(result.success).toBe(false);
    expect(formatIssuePath(defined(defined(result.error).issues[0]).path)).toBe("events[0].end");
  });
});
