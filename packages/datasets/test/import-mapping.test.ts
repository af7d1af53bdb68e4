import { writeFileSync } from "node:fs";
import { csvFile, ucdpRow } from "@parley/testkit/datasets";
import { describe, expect, it } from "vitest";
import { nameCandidates } from "../src/actors.ts";
import { countryCode } from "../src/countries.ts";
import { CsvFile } from "../src/csv.ts";
import { readDate } from "../src/fields.ts";
import { ucdp } from "../src/ucdp.ts";

describe("dataset dates", () => {
  it("reads the formats UCDP and ACLED exports use", () => {
    expect(readDate("1990-10-04 00:00:00.000")).toBe("1990-10-04");
    expect(readDate("2019-12-31")).toBe("2019-12-31");
    expect(readDate("31 December 2019")).toBe("2019-12-31");
    expect(readDate("31-12-19", 2019)).toBe("2019-12-31");
    expect(readDate("05-11-04", 2004)).toBe("2004-11-05");
    expect(readDate("31/12/1999")).toBe("1999-12-31");
    expect(readDate("29-02-2024")).toBe("2024-02-29");
    expect(readDate("29-02-2023")).toBeNull();
    expect(readDate("2019-13-01")).toBeNull();
    expect(readDate("yesterday")).toBeNull();
  });
});

describe("actor names", () => {
  it("tries acronyms and full names, and drops periods but not countries in parentheses", () => {
    expect(nameCandidates("TTP: Tehreek-i-Taliban Pakistan")).toEqual([
      "TTP: Tehreek-i-Taliban Pakistan",
      "TTP",
      "Tehreek-i-Taliban Pakistan",
    ]);
    expect(nameCandidates("Tehrik-i-Taliban Pakistan (TTP)")).toEqual(["Tehrik-i-Taliban Pakistan (TTP)", "TTP"]);
    expect(nameCandidates("Police Forces of Kenya (2013-)")).toEqual([
      "Police Forces of Kenya (2013-)",
      "Police Forces of Kenya",
    ]);
    expect(nameCandidates("Civilians (Kenya)")).toEqual(["Civilians (Kenya)"]);
    expect(nameCandidates("TTP - TA")).toEqual(["TTP - TA"]);
  });
});

describe("countries", () => {
  it("resolves ISO codes and the names datasets use", () => {
    expect(countryCode({ iso3: "PAK" })).toBe("PK");
    expect(countryCode({ numeric: "404" })).toBe("KE");
    expect(countryCode({ name: "Cambodia (Kampuchea)" })).toBe("KH");
    expect(countryCode({ name: "DR Congo (Zaire)" })).toBe("CD");
    expect(countryCode({ name: "Narnia" })).toBeNull();
  });
});

describe("CSV lines", () => {
  it("numbers records by the line they start on, with CRLF and quoted line breaks", async () => {
    const file = csvFile([], [], "crlf.csv");
    writeFileSync(file, 'a,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n3,"p\nq\nr"\n4,w');
    const lines: [number, string[]][] = [];
    for await (const r of new CsvFile(file).records(() => {})) lines.push([r.line, r.fields]);
    expect(lines).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "x\ny"]],
      [5, ["2", "z"]],
      [6, ["3", "p\nq\nr"]],
      [9, ["4", "w"]],
    ]);
  });
});

describe("UCDP rows", () => {
  it("map a one-sided event to perpetrator and target, and week-long dates to WEEK", () => {
    const mapped = ucdp.mapRow(
      ucdpRow(7, {
        type_of_violence: "3",
        side_b: "Civilians",
        side_b_new_id: "1",
        date_prec: "2",
        date_end: "2021-05-06",
        deaths_a: "0",
        deaths_b: "0",
        deaths_civilians: "3",
      }),
      "ged",
    );
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.problems));
    expect(mapped.event).toMatchObject({
      key: "ucdp:7",
      type: "VIOLENCE_AGAINST_CIVILIANS",
      startDate: "2021-05-03",
      endDate: "2021-05-06",
      datePrecision: "WEEK",
      title: "Violence against civilians in Miran Shah town: Government of Pakistan – Civilians",
    });
    expect(mapped.event.participants.map((p) => [p.actor.key, p.actor.kind, p.role])).toEqual([
      ["ucdp-actor:142", "GOVERNMENT", "PERPETRATOR"],
      ["ucdp-actor:1", "OTHER", "TARGET"],
    ]);
    expect(mapped.event.claims).toEqual([
      expect.objectContaining({
        quote: "Two soldiers martyred in North Waziristan attack",
        speakerLabel: "ISPR",
        source: expect.objectContaining({
          publishedAt: "2021-05-04",
          outlet: expect.objectContaining({ name: "Dawn" }),
        }),
      }),
    ]);
  });
});
