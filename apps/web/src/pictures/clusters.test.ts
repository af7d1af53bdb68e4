import { defined } from "@parley/schema/defined";
import { describe, expect, it } from "vitest";
import { clusterPlaces, labelled } from "./clusters.ts";

const place = (id: string, x: number, y: number, count: number) => ({ id, name: id, country: "PK", x, y, count });

describe("map clusters", () => {
  const places = [place("Kabul", 100, 100, 5), place("Khost", 110, 105, 1), place("Istanbul", 400, 50, 4)];

  it("gathers places that would overlap into one marker at their weighted centre", () => {
    const clusters = clusterPlaces(places, 1);
    expect(clusters.map((c) => [c.key, c.count, c.places.map((p) => p.id)])).toEqual([
      ["Kabul", 6, ["Kabul", "Khost"]],
      ["Istanbul", 4, ["Istanbul"]],
    ]);
    expect(defined(clusters[0], "the first cluster").x).toBeCloseTo((100 * 5 + 110) / 6);
  });

  it("splits the group again when zoomed in far enough", () => {
    expect(clusterPlaces(places, 4).map((c) => c.places.length)).toEqual([1, 1, 1]);
  });

  it("names the busiest markers and leaves out a name that would cover another", () => {
    const markers = [
      { key: "a", label: "Kabul", x: 100, y: 100, r: 6, count: 5 },
      { key: "b", label: "Khost", x: 130, y: 102, r: 4, count: 1 },
      { key: "c", label: "Istanbul", x: 400, y: 50, r: 5, count: 4 },
    ];
    expect([...labelled(markers)].sort()).toEqual(["c", "b"].sort());
  });
});
