import { describe, expect, it } from "vitest";
import { correctedQuery } from "./did-you-mean.ts";

describe("did you mean", () => {
  it("replaces the misspelt word by the API's suggestion and keeps the others", () => {
    expect(correctedQuery("TTP ceasfire", ["ceasefire"])).toBe("TTP ceasefire");
  });

  it("replaces each word by the suggestion nearest to it", () => {
    expect(correctedQuery("Istambul ceasfire talks", ["ceasefire", "istanbul"])).toBe("istanbul ceasefire talks");
  });

  it("keeps quotes and exclusions", () => {
    expect(correctedQuery('"Doha talks" -ceasfire', ["ceasefire"])).toBe('"Doha talks" -ceasefire');
  });

  it("offers nothing when no word would change", () => {
    expect(correctedQuery("ceasefire", ["ceasefire"])).toBeNull();
    expect(correctedQuery("talks", [])).toBeNull();
  });
});
