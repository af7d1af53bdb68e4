import { describe, expect, it } from "vitest";
import { bucketStart, dayFromIso, isoFromDay } from "../src/days.ts";
import { CursorError, decodeCursor, encodeCursor } from "../src/cursor.ts";
import { FacetIndex } from "../src/facet-index.ts";
import { countFacets } from "../src/facets.ts";

const facts = (id: number, type: string, start: string, actorIds: number[]) => ({
  id,
  type,
  startDay: dayFromIso(start),
  endDay: dayFromIso(start),
  contested: false,
  participants: actorIds.map((actorId) => ({ actorId, role: "PARTY" })),
  places: [],
  outlets: [],
  lexemes: { A: [], B: [], C: [] },
});

describe("facet index", () => {
  it("replaces what it knows of a changed event and forgets a deleted one", () => {
    const index = new FacetIndex();
    index.add(facts(1, "ATTACK", "2022-05-01", [7]));
    index.add(facts(2, "ATTACK", "2022-06-01", [7, 8]));
    index.apply([1, 2], [facts(1, "CEASEFIRE", "2022-05-01", [8])]);
    const [type, actor] = countFacets(index, null, {});
    expect(type!.values).toEqual([{ key: "CEASEFIRE", count: 1, selected: false }]);
    expect(actor!.values).toEqual([{ key: 8, count: 1, selected: false }]);
    expect(index.all.toArray()).toEqual([1]);
  });

  it("grows its per-event arrays for large IDs", () => {
    const index = new FacetIndex();
    index.add(facts(5_000_000, "ATTACK", "2030-01-01", []));
    expect(isoFromDay(index.startDay[5_000_000]!)).toBe("2030-01-01");
  });
});

describe("dates and cursors", () => {
  it("starts weeks on Monday, months and years on their first day", () => {
    const sunday = dayFromIso("2022-05-22");
    expect(isoFromDay(bucketStart(sunday, "WEEK"))).toBe("2022-05-16");
    expect(isoFromDay(bucketStart(dayFromIso("2022-05-16"), "WEEK"))).toBe("2022-05-16");
    expect(isoFromDay(bucketStart(sunday, "MONTH"))).toBe("2022-05-01");
    expect(isoFromDay(bucketStart(sunday, "YEAR"))).toBe("2022-01-01");
  });

  it("reads back the cursors it writes and refuses those of another order", () => {
    const cursor = { order: "RELEVANCE" as const, rank: 0.0607927, day: 19_000, id: 42 };
    expect(decodeCursor(encodeCursor(cursor), "RELEVANCE")).toEqual(cursor);
    expect(() => decodeCursor(encodeCursor(cursor), "DATE_DESC")).toThrow(CursorError);
    expect(() => decodeCursor("bm9wZQ", "DATE_DESC")).toThrow(CursorError);
  });
});
