import { defined } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { dayFromIso } from "../src/days.ts";
import { type EventFacts, FacetIndex } from "../src/facet-index.ts";
import { editDistance, nearestLexemes } from "../src/suggestions.ts";

const event = (id: number, words: string[]): EventFacts => ({
  id,
  type: "ATTACK",
  startDay: dayFromIso("2022-01-01"),
  endDay: dayFromIso("2022-01-01"),
  contested: false,
  participants: [],
  places: [],
  outlets: [],
  fatalities: { low: null, best: null, high: null },
  lexemes: { A: words.slice(0, 1), B: [], C: words.slice(1) },
});

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions and swapped neighbours, and stops past the bound", () => {
    expect(editDistance("ceasfir", "ceasefir", 2)).toBe(1);
    expect(editDistance("istambul", "istanbul", 2)).toBe(1);
    expect(editDistance("teh", "the", 2)).toBe(1);
    expect(editDistance("kabul", "kabul", 2)).toBe(0);
    expect(editDistance("mediat", "mediator", 2)).toBe(2);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("a", "abcd", 2)).toBe(3);
  });
});

describe("nearest words", () => {
  const index = new FacetIndex();
  let id = 0;
  for (let i = 0; i < 50; i++) index.add(event(++id, ["ceasefir", "kabul"]));
  for (let i = 0; i < 30; i++) index.add(event(++id, ["istanbul"]));
  index.add(event(++id, ["ceasfir"])); // one report spells it so
  for (let i = 0; i < 2; i++) index.add(event(++id, ["doha"]));

  it("suggests, for a word in fewer than three events, the nearest word in many more", () => {
    expect(nearestLexemes(index, ["ceasfir"]).map((s) => s.lexeme)).toEqual(["ceasefir"]);
    expect(nearestLexemes(index, ["istambul", "kabul"]).map((s) => s.lexeme)).toEqual(["istanbul"]);
    expect(nearestLexemes(index, ["kabol"]).map((s) => s.lexeme)).toEqual(["kabul"]);
  });

  it("suggests nothing for words that match enough, nor words too far from any, nor rare neighbours", () => {
    expect(nearestLexemes(index, ["ceasefir", "kabul"])).toEqual([]);
    expect(nearestLexemes(index, ["peshawar"])).toEqual([]);
    expect(nearestLexemes(index, ["dohe"])).toEqual([]); // doha is in two events only
    expect(nearestLexemes(index, ["kbl"])).toEqual([]); // short words get one edit
  });

  it("names an event whose text holds the suggested word, and knows words written since the build", () => {
    const [suggested] = nearestLexemes(index, ["ceasfir"]);
    expect(index.lexeme("ceasefir").has(defined(suggested, "suggested").eventId)).toBe(true);
    for (let i = 0; i < 40; i++) index.add(event(++id, ["quetta"]));
    expect(nearestLexemes(index, ["queta"]).map((s) => s.lexeme)).toEqual(["quetta"]);
  });
});
