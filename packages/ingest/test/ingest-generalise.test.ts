import { describe, expect, it } from "vitest";
import { findDates } from "../src/dates.ts";
import { readEvalSet, splitOf } from "../src/eval/set.ts";
import { extractCandidates } from "../src/extract.ts";
import { prepareReport } from "../src/ingest.ts";
import type { Knowledge } from "../src/knowledge.ts";

const knowledge: Knowledge = {
  actors: [
    {
      id: 1,
      name: "Tehrik-i-Taliban Pakistan",
      kind: "ARMED_GROUP",
      country: "PK",
      names: ["Tehrik-i-Taliban Pakistan", "Tehreek-i-Taliban Pakistan", "TTP"],
    },
    { id: 2, name: "Government of Pakistan", kind: "GOVERNMENT", country: "PK", names: ["Government of Pakistan"] },
    { id: 3, name: "Afghan Taliban", kind: "GOVERNMENT", country: "AF", names: ["Afghan Taliban", "Taliban"] },
  ],
  places: [],
};
const day = (sentence: string, published: string | null) =>
  findDates(sentence, published).map(({ text, date, precision }) => ({ text, date, precision }));

describe("a report without a publication date", () => {
  it("is ingested, with 'two days earlier' and 'on Wednesday' left unresolved and a warning for the reviewer", () => {
    const report = prepareReport({
      file: "report.txt",
      content: "Talks stall in Istanbul\n\nTwo days earlier, on Wednesday, the TTP and the government met in Kabul.",
    });
    expect(report.published).toBeNull();
    const x = extractCandidates(report.text, report.published, knowledge);
    expect(x.dates).toEqual([
      expect.objectContaining({ text: "Two days earlier", date: null }),
      expect.objectContaining({ text: "on Wednesday", date: null, precision: "DAY" }),
    ]);
    expect(x.events).toContainEqual(
      expect.objectContaining({ type: "NEGOTIATION", date: null, unresolvedDate: "on Wednesday" }),
    );
    expect(x.warnings).toEqual([
      expect.stringMatching(/^No publication date: 2 dates .*"Two days earlier", "on Wednesday".*--date/),
    ]);
  });

  it("still resolves a date that carries its year", () => {
    expect(day("The deal was signed in Pretoria on November 2, 2022.", null)).toEqual([
      { text: "November 2, 2022", date: "2022-11-02", precision: "DAY" },
    ]);
  });
});

describe("Hijri dates", () => {
  it("reads the Islamic 29 Shawwal 1444 as 19 May 2023 and Ramadan 15 in a 2023 report as 6 April 2023", () => {
    expect(day("The accord was signed on 29 Shawwal 1444 in Jeddah.", "2023-05-25")).toEqual([
      { text: "29 Shawwal 1444", date: "2023-05-19", precision: "DAY" },
    ]);
    expect(day("Talks resumed on Ramadan 15, officials said.", "2023-04-20")).toEqual([
      { text: "Ramadan 15", date: "2023-04-06", precision: "DAY" },
    ]);
  });

  it("reads Solar Hijri dates by their Dari names as well as their Iranian ones", () => {
    expect(day("The ceasefire of 27 Mizan 1404 held.", null)).toEqual([
      { text: "27 Mizan 1404", date: "2025-10-19", precision: "DAY" },
    ]);
    expect(day("They met again on 3 Aqrab.", "2025-11-01")).toEqual([
      { text: "3 Aqrab", date: "2025-10-25", precision: "DAY" },
    ]);
  });

  it("takes a bare month name such as 'during Ramadan' for no date", () => {
    expect(day("Attacks rose during Ramadan.", "2023-04-20")).toEqual([]);
  });
});

describe("governments by metonymy", () => {
  const x = extractCandidates(
    "The Pakistani government and the outlawed Tehreek-i-Taliban Pakistan agreed a temporary ceasefire. Islamabad said the talks in Kabul would go on. Kabul's foreign ministry denied it. Ankara offered to host the next round.",
    "2022-05-18",
    knowledge,
  );

  it("resolves 'the Pakistani government' to the known Government of Pakistan and keeps the TTP", () => {
    expect(x.events.find((e) => e.type === "CEASEFIRE")?.actors.map((a) => a.actorId)).toEqual([2, 1]);
  });

  it("reads 'Islamabad said' as the government, not a place, and 'talks in Kabul' as a place", () => {
    expect(x.events.flatMap((e) => e.actors)).toContainEqual(
      expect.objectContaining({ text: "Islamabad", actorId: 2 }),
    );
    expect(x.places.map((p) => p.name)).toEqual(expect.arrayContaining(["Kabul"]));
    expect(x.places.map((p) => p.name)).not.toContain("Islamabad");
  });

  it("resolves 'Kabul's foreign ministry' to the known Afghan government and proposes 'Government of Turkey' for 'Ankara offered'", () => {
    expect(x.actors).toContainEqual(expect.objectContaining({ text: "Kabul's foreign ministry", actorId: 3 }));
    expect(x.actors).toContainEqual({
      actorId: null,
      text: "Ankara",
      name: "Government of Turkey",
      kind: "GOVERNMENT",
    });
  });
});

describe("the title of a report", () => {
  it("is an HTML page's headline, without the site's name or its navigation and footer", () => {
    const html =
      "<html><head><title>Site | Talks resume in Doha</title></head><body><nav>Home News Sport</nav><article><h1>Talks resume in Doha</h1>" +
      "<p>Qatar said on Sunday that the talks between the two sides would resume in Doha next week, after a pause of several weeks. The mediators said both delegations had agreed to the agenda.</p>" +
      "<p>Officials from both sides confirmed the plan on Monday.</p></article><footer>Subscribe to our newsletter. Copyright 2025.</footer></body></html>";
    const report = prepareReport({ file: "page.html", content: html, date: "2025-10-20" });
    expect(report.title).toBe("Talks resume in Doha");
    expect(report.text).not.toMatch(/Subscribe|Home News/);
  });

  it("is a text file's first line, not its file name, unless --title is given", () => {
    expect(
      prepareReport({
        file: "report.txt",
        content: "Talks resume in Doha\n\nQatar said on Sunday that talks would resume.",
      }).title,
    ).toBe("Talks resume in Doha");
    expect(
      prepareReport({ file: "report.txt", content: "Talks resume in Doha\n\nQatar said so.", title: "Doha talks" })
        .title,
    ).toBe("Doha talks");
  });
});

describe("the evaluation set", () => {
  it("puts every report in the half the rule written in its index gives, 67 reports in all", () => {
    const set = readEvalSet();
    expect(set).toHaveLength(67);
    for (const report of set) expect(report.split).toBe(splitOf(report.url));
    expect(set.filter((r) => r.split === "test").length).toBe(37);
  });
});
