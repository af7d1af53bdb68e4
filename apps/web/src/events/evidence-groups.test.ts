import { defined } from "@parley/schema/defined";
import { describe, expect, it } from "vitest";
import type { Claim } from "./Evidence.tsx";
import { evidenceGroups } from "./evidence-groups.ts";

const claim = (id: string, quote: string, source = "S1"): Claim => ({
  id,
  quote,
  stance: "ASSERTS",
  speakerLabel: null,
  speaker: null,
  source: { id: source, title: "Report", publishedAt: null, publishedPrecision: null, outlet: null },
});
const position = (id: string, claims: Claim[]) => ({
  id,
  kind: "RED_LINE",
  summary: `Position ${id}`,
  holder: { id: "A1", name: "Government of Pakistan" },
  claims,
});

describe("an event's evidence by fact", () => {
  const event = [
    claim("e1", "The ceasefire holds"),
    claim("e2", "no one will be allowed to challenge the constitution"),
  ];
  const positions = [
    position("p1", [claim("c1", "The red lines are very clear; no one will be allowed to challenge the constitution")]),
    position("p2", [claim("c2", "We will not talk under threat"), claim("c3", "The ceasefire holds")]),
  ];
  const [forEvent, first, second] = evidenceGroups(event, positions);

  it("keeps a quote under the event and names the positions it also supports", () => {
    expect(defined(forEvent, "forEvent").claims.map((c) => c.id)).toEqual(["e1", "e2"]);
    expect(
      defined(defined(forEvent, "forEvent").alsoSupports.get("e1"), 'forEvent.alsoSupports.get("e1")').map((p) => p.id),
    ).toEqual(["p2"]);
  });

  it("shows a quote cut from a longer one once, in the longer cut", () => {
    expect(defined(defined(forEvent, "forEvent").claims[1], "forEvent.claims[1]").quote).toBe(
      "The red lines are very clear; no one will be allowed to challenge the constitution",
    );
    expect(defined(first, "first").claims).toEqual([]);
    expect(defined(first, "first").shownAbove).toBe(1);
  });

  it("lists under a position only the quotes not shown already", () => {
    expect(defined(second, "second").claims.map((c) => c.id)).toEqual(["c2"]);
    expect(defined(second, "second").shownAbove).toBe(1);
  });

  it("tells the same words in two reports apart", () => {
    const [own] = evidenceGroups([claim("a", "Talks resumed", "S1"), claim("b", "Talks resumed", "S2")], []);
    expect(defined(own, "own").claims.map((c) => c.id)).toEqual(["a", "b"]);
  });
});
