import type { FacetField } from "@parley/schema";
import { defined } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { RoaringBitmap32 } from "../src/bitmap.ts";
import { CrossCounts, type RowSet } from "../src/cross-counts.ts";
import { CursorError, decodeCursor, encodeCursor } from "../src/cursor.ts";
import { bucketStart, dayFromIso, isoFromDay, monthOfDay } from "../src/days.ts";
import { type EventFacts, FacetIndex } from "../src/facet-index.ts";
import type { FacetKey } from "../src/facet-key.ts";
import { countFacet, countFacets } from "../src/facets.ts";
import { ForwardIndex } from "../src/forward.ts";
import { histogram } from "../src/histogram.ts";
import type { ScopeSpec } from "../src/kept-scopes.ts";
import { type EventLexemes, LexemeIndex, WEIGHTS } from "../src/lexemes.ts";
import { type PageEntry, pageByDate, pageByGroups, pageByRank } from "../src/paging.ts";
import { groupByCode, IntList, Pairs } from "../src/pairs.ts";
import { rankGroups, relevance } from "../src/relevance.ts";

const facts = (id: number, type: string, start: string, actorIds: number[]): EventFacts => ({
  id,
  type,
  startDay: dayFromIso(start),
  endDay: dayFromIso(start),
  contested: false,
  participants: actorIds.map((actorId) => ({ actorId, role: "PARTY" })),
  places: [],
  outlets: [],
  fatalities: { low: null, best: null, high: null },
  lexemes: { A: [], B: [], C: [] },
});

describe("facet index", () => {
  it("replaces what it knows of a changed event and forgets a deleted one", () => {
    const index = new FacetIndex();
    index.add(facts(1, "ATTACK", "2022-05-01", [7]));
    index.add(facts(2, "ATTACK", "2022-06-01", [7, 8]));
    index.apply([1, 2], [facts(1, "CEASEFIRE", "2022-05-01", [8])]);
    const [type, actor] = countFacets(index, null, {});
    expect(defined(type, "the TYPE facet").values).toEqual([{ key: "CEASEFIRE", count: 1, selected: false }]);
    expect(defined(actor, "the ACTOR facet").values).toEqual([{ key: 8, count: 1, selected: false }]);
    expect(index.all.toArray()).toEqual([1]);
    // no bitmap of a facet value or a month still holds the deleted event
    const bitmaps = [
      ...Object.values(index.fields).flatMap((m) => [...m.values()]),
      ...index.startMonths.values(),
      ...index.endMonths.values(),
    ];
    expect(bitmaps.filter((b) => b.has(2))).toEqual([]);
    expect(index.forward.valuesOf(2)).toEqual({});
  });

  it("grows its per-event arrays for large IDs", () => {
    const index = new FacetIndex();
    index.add(facts(5_000_000, "ATTACK", "2030-01-01", []));
    expect(isoFromDay(defined(index.startDay[5_000_000], "the start day of event 5,000,000"))).toBe("2030-01-01");
  });
});

describe("writes to the index", () => {
  // A small deterministic generator, so that a failure can be replayed.
  const random = (seed: number) => () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };

  it("finds each lexeme's events as they are now, through changes, deletions and merges", () => {
    const next = random(7);
    const vocabulary = Array.from({ length: 30 }, (_, i) => `w${i}`);
    const pick = () => vocabulary.filter(() => next() < 0.15);
    const lexemesOf = (): EventLexemes => ({ A: pick(), B: pick(), C: pick() });
    const truth = new Map<number, EventLexemes>();
    // Built in bulk as the loader does, then written to; merged whenever more than 25 events changed.
    const index = new LexemeIndex(25);
    for (let id = 1; id <= 200; id++) {
      const lexemes = lexemesOf();
      truth.set(id, lexemes);
      for (const w of WEIGHTS)
        for (const l of lexemes[w])
          (
            index.built[w].get(l) ??
            defined(
              index.built[w].set(l, new RoaringBitmap32()).get(l),
              "index.built[w].set(l, new RoaringBitmap32()).get(l)",
            )
          ).add(id);
    }
    const check = () => {
      for (const w of WEIGHTS) {
        for (const l of vocabulary) {
          const expected = [...truth]
            .filter(([, lexemes]) => lexemes[w].includes(l))
            .map(([id]) => id)
            .sort((a, b) => a - b);
          expect(index.get(w, l)?.toArray() ?? [], `${w} ${l}`).toEqual(expected);
        }
      }
    };
    check();
    for (let step = 0; step < 400; step++) {
      const id = 1 + Math.floor(next() * 260); // some IDs beyond the built ones: new events
      index.remove([id]);
      truth.delete(id);
      if (next() < 0.8) {
        const lexemes = lexemesOf();
        index.add(id, lexemes);
        truth.set(id, lexemes);
      }
      if (step % 50 === 0) check();
    }
    check();
    index.merge();
    check();
  });

  it("touches only the bitmaps of the changed event's own values and words, however large the vocabulary", () => {
    const index = new FacetIndex();
    const words = Array.from({ length: 20_000 }, (_, i) => `word${i}`);
    for (let id = 1; id <= 2_000; id++) {
      const lexemes = {
        A: [defined(words[id % 20_000], "a word of the vocabulary")],
        B: [],
        C: words.slice(id * 10, id * 10 + 10),
      };
      index.add({ ...facts(id, "ATTACK", "2022-05-01", [id % 50]), lexemes });
    }
    index.lexemes.merge(); // as after a build: every word in the built bitmaps
    expect(index.lexemes.built.C.size).toBeGreaterThan(19_000);
    const calls = { count: 0 };
    const proto = RoaringBitmap32.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const originals = Object.fromEntries(
      ["add", "remove", "andNotInPlace", "has"].map((name) => [
        name,
        defined(proto[name], `RoaringBitmap32.prototype.${name}`),
      ]),
    );
    for (const [name, original] of Object.entries(originals)) {
      proto[name] = function (this: unknown, ...args: unknown[]) {
        calls.count++;
        return original.apply(this, args);
      };
    }
    try {
      index.apply(
        [7],
        [{ ...facts(7, "CEASEFIRE", "2023-01-01", [3]), lexemes: { A: ["truce"], B: [], C: ["word5", "word6"] } }],
      );
    } finally {
      Object.assign(proto, originals);
    }
    expect(calls.count).toBeLessThan(60);
    expect(index.lexemes.get("C", "word70")?.has(7)).toBe(false);
    expect(index.lexemes.get("C", "word5")?.has(7)).toBe(true);
    expect(index.lexeme("truce").toArray()).toEqual([7]);
  });

  it("keeps the date ranges searched before a write up to date", () => {
    const index = new FacetIndex();
    const next = random(3);
    const days = new Map<number, [number, number]>();
    const put = (id: number) => {
      const start = dayFromIso("2021-01-01") + Math.floor(next() * 900);
      const end = start + (next() < 0.3 ? Math.floor(next() * 120) : 0);
      days.set(id, [start, end]);
      return { ...facts(id, "ATTACK", isoFromDay(start), []), endDay: end };
    };
    for (let id = 1; id <= 3_000; id++) index.add(put(id));
    const ranges: [string | undefined, string | undefined][] = [
      ["2021-06-15", "2022-02-10"],
      ["2022-01-31", undefined],
      [undefined, "2021-03-01"],
    ];
    const expected = ([from, to]: [string | undefined, string | undefined]) =>
      [...days]
        .filter(([, [s, e]]) => (!from || e >= dayFromIso(from)) && (!to || s <= dayFromIso(to)))
        .map(([id]) => id)
        .sort((a, b) => a - b);
    const held = ranges.map(([from, to]) =>
      defined(index.dateRanges.get(from, to), `the date range ${from}..${to}`).toArray(),
    );
    expect(held).toEqual(ranges.map(expected));
    for (let step = 0; step < 500; step++) {
      const id = 1 + Math.floor(next() * 3_200);
      const facts = next() < 0.85 ? [put(id)] : [];
      if (facts.length === 0) days.delete(id);
      index.apply([id], facts);
    }
    for (const range of ranges)
      expect(defined(index.dateRanges.get(...range), `the date range ${range.join("..")}`).toArray()).toEqual(
        expected(range),
      );
  });

  it("lists a value that grew past the others since the values were last sorted by size", () => {
    const index = new FacetIndex();
    // actors 1–20 in 100 − 4a events each (1: 96 … 20: 20)
    let id = 0;
    for (let actor = 1; actor <= 20; actor++)
      for (let i = 0; i < 100 - 4 * actor; i++) index.add(facts(++id, "ATTACK", "2022-05-01", [actor]));
    const top = () =>
      defined(countFacets(index, null, {}, 3)[1], "the ACTOR facet").values.map((v) => [v.key, v.count]);
    expect(top()).toEqual([
      [1, 96],
      [2, 92],
      [3, 88],
    ]);
    // 90 events for actor 20: the largest now, while its bitmap was among the smallest when sorted
    for (let i = 0; i < 90; i++) index.add(facts(++id, "ATTACK", "2022-06-01", [20]));
    expect(top()).toEqual([
      [20, 110],
      [1, 96],
      [2, 92],
    ]);
  });
});

describe("relevance", () => {
  const random = (seed: number) => () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const next = random(11);
  const index = new FacetIndex();
  const words = ["w0", "w1", "w2", "w3", "w4", "w5"];
  const docs = new Map<number, EventLexemes>();
  for (let id = 1; id <= 3_000; id++) {
    const lexemes = {
      A: words.filter(() => next() < 0.1),
      B: words.filter(() => next() < 0.15),
      C: words.filter(() => next() < 0.3),
    };
    docs.set(id, lexemes);
    index.add({
      ...facts(id, "ATTACK", isoFromDay(dayFromIso("2020-01-01") + Math.floor(next() * 1_100)), []),
      lexemes,
    });
  }
  const FIELD = { A: 1, B: 0.4, C: 0.2 } as const;
  /** Each result's rank by the definition (the best field of each word, added word by word), sorted. */
  const bruteForce = (ids: number[], terms: string[]) =>
    ids
      .map((id) => {
        let rank = 0;
        for (const t of terms) {
          const w = WEIGHTS.find((w) => defined(docs.get(id), `the document of event ${id}`)[w].includes(t));
          if (w) rank += FIELD[w];
        }
        return { id, day: defined(index.startDay[id], `the start day of event ${id}`), rank };
      })
      .sort((a, b) => b.rank - a.rank || b.day - a.day || b.id - a.id);
  const pages = (page: (after: PageEntry | null) => PageEntry[]) => {
    const seen: PageEntry[] = [];
    // at most as many pages as there are events: a pager that repeats itself fails, not hangs
    for (let last: PageEntry | null = null, n = 0; n <= docs.size; n++) {
      const entries = page(last);
      seen.push(...entries);
      if (entries.length < 7) return seen;
      last = defined(entries.at(-1), "the last entry of the page");
    }
    throw new Error("the pages never ended");
  };
  const cursor = (e: PageEntry | null) =>
    e ? { order: "RELEVANCE" as const, rank: e.rank, day: e.day, id: e.id } : null;

  it.each([[["w0"]], [["w0", "w1"]], [["w2", "w0", "w5"]], [["w1", "w1"]]])(
    "pages by groups of equal rank in the order of each result's rank: %j",
    (terms) => {
      const ids = [...docs.keys()].filter(
        (id) =>
          terms.some((t) => WEIGHTS.some((w) => defined(docs.get(id), `the document of event ${id}`)[w].includes(t))) ||
          id % 13 === 0,
      );
      const results = new RoaringBitmap32(ids);
      const groups = defined(rankGroups(index, results, terms), "the rank groups of the results");
      expect(groups).not.toBeNull();
      const expected = bruteForce(ids, terms);
      expect(pages((after) => pageByGroups(index, groups, 7, cursor(after)))).toEqual(expected);
      // and the per-result ranking, used when the words make too many groups
      expect(
        pages((after) => pageByRank(index, relevance(index, results, terms), results, true, 7, cursor(after))),
      ).toEqual(expected);
    },
  );

  it.each([[["w0"]], [["w2", "w0", "w5"]]])(
    "pages backward from the end and from a cursor in the reverse order, by groups and per result: %j",
    (terms) => {
      const ids = [...docs.keys()].filter(
        (id) =>
          terms.some((t) => WEIGHTS.some((w) => defined(docs.get(id), `the document of event ${id}`)[w].includes(t))) ||
          id % 13 === 0,
      );
      const results = new RoaringBitmap32(ids);
      const groups = defined(rankGroups(index, results, terms), "the rank groups of the results");
      const reversed = bruteForce(ids, terms).reverse();
      expect(pages((before) => pageByGroups(index, groups, 7, cursor(before), true))).toEqual(reversed);
      expect(
        pages((before) => pageByRank(index, relevance(index, results, terms), results, true, 7, cursor(before), true)),
      ).toEqual(reversed);
      // from the middle: what comes before the 40th result, nearest first
      const middle = defined(bruteForce(ids, terms)[40], "the 41st result by brute force");
      expect(pageByGroups(index, groups, 5, cursor(middle), true)).toEqual(
        reversed
          .slice(
            reversed.indexOf(
              defined(
                reversed.find((e) => e.id === middle.id),
                "reversed.find((e) => e.id === middle.id)",
              ),
            ) + 1,
          )
          .slice(0, 5),
      );
    },
  );

  it("ranks each result on its own when the words split the results into too many groups", () => {
    const terms = ["w0", "w1", "w2", "w3", "w4"];
    const ids = [...docs.keys()];
    expect(rankGroups(index, new RoaringBitmap32(ids), terms)).toBeNull();
  });
});

describe("forward index", () => {
  it("counts each event once per value, every field in one pass, from the built arrays and from the overlay", () => {
    const forward = new ForwardIndex(["TYPE", "ACTOR", "COUNTRY"]);
    // (event, value) pairs in any order, with repeats: an actor in two roles, two places in one country
    const countries: [number, string][] = [
      [3, "PK"],
      [1, "AF"],
      [3, "PK"],
      [2, "PK"],
      [1, "PK"],
      [1, "AF"],
      [5, "IR"],
      [3, "AF"],
      [0, "IR"],
    ];
    const actors: [number, number][] = [
      [1, 7],
      [3, 7],
      [1, 7],
      [3, 8],
      [5, 8],
    ];
    const pairs = <K extends string | number>(list: [number, K][]) => {
      const built = new Pairs<K>();
      for (const [id, key] of list) built.push(key, id);
      return built;
    };
    forward.build(
      {
        COUNTRY: pairs(countries),
        ACTOR: pairs(actors),
        TYPE: pairs([
          [1, "ATTACK"],
          [3, "ATTACK"],
          [5, "CEASEFIRE"],
        ]),
      },
      5,
    );
    forward.set(2, { COUNTRY: ["IR", "IR", "AF"], ACTOR: [8] }); // event 2 changed since the build
    forward.set(7, { COUNTRY: ["PK", "PK"], TYPE: ["ATTACK"] }); // and event 7 was added
    const counted = (ids: number[], fields: ("TYPE" | "ACTOR" | "COUNTRY")[] = ["COUNTRY"]) => {
      const found: Record<string, number> = {};
      forward.count(Uint32Array.from(ids), fields, (field, key, count) => (found[`${field}:${key}`] = count));
      return found;
    };
    expect(counted([0, 1, 2, 3, 4, 5, 7])).toEqual({ "COUNTRY:AF": 3, "COUNTRY:PK": 3, "COUNTRY:IR": 3 });
    expect(counted([1, 3])).toEqual({ "COUNTRY:AF": 2, "COUNTRY:PK": 2 });
    expect(counted([2, 7, 9])).toEqual({ "COUNTRY:IR": 1, "COUNTRY:AF": 1, "COUNTRY:PK": 1 });
    expect(counted([])).toEqual({});
    expect(counted([1, 2, 3, 5, 7], ["ACTOR", "TYPE"])).toEqual({
      "ACTOR:7": 2,
      "ACTOR:8": 3,
      "TYPE:ATTACK": 3,
      "TYPE:CEASEFIRE": 1,
    });
    // the tally starts from zero again after each count
    expect(counted([1], ["TYPE", "ACTOR", "COUNTRY"])).toEqual({
      "TYPE:ATTACK": 1,
      "ACTOR:7": 1,
      "COUNTRY:AF": 1,
      "COUNTRY:PK": 1,
    });
    expect(forward.valuesOf(3)).toEqual({ TYPE: ["ATTACK"], ACTOR: [7, 8], COUNTRY: ["PK", "AF"] });
    expect(forward.valuesOf(2)).toEqual({ ACTOR: [8], COUNTRY: ["IR", "AF"] });
    expect(forward.valuesOf(4)).toEqual({});
    expect(forward.valuesOf(99)).toEqual({});
  });

  it("keeps codes beyond 16 bits when more than 65,536 values were built", () => {
    const forward = new ForwardIndex(["ACTOR"]);
    const actors = new Pairs<number>();
    for (let i = 0; i < 70_000; i++) actors.push(i + 1, i % 10);
    forward.build({ ACTOR: actors }, 9);
    const found = new Map<string | number, number>();
    forward.count(Uint32Array.from([9]), ["ACTOR"], (_, key, count) => found.set(key, count));
    expect(found.size).toBe(7_000);
    expect(found.get(70_000)).toBe(1);
    expect(defined(forward.valuesOf(9).ACTOR, "event 9's actors").at(-1)).toBe(70_000);
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

  it("pages by date, both ways, every event or a filter's, through writes that move events between months and days", () => {
    let seed = 5;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const days = ["2022-03-30", "2022-03-31", "2022-04-01", "2022-04-01", "2022-04-02", "2022-05-15", "2022-05-31"];
    const index = new FacetIndex();
    const dayOf = new Map<number, string>();
    const write = (id: number) => {
      const day = defined(days[Math.floor(next() * days.length)], "a day");
      dayOf.set(id, day);
      index.apply([id], [facts(id, "ATTACK", day, [])]);
    };
    for (let id = 1; id <= 120; id++) write(id);
    // Every event; two in three (each month walked in date order); March and April with one May
    // event (May, one event in ~35, is intersected instead); a few (too few to walk the months).
    const scopes: { name: string; holds: (id: number, day: string) => boolean }[] = [
      { name: "every event", holds: () => true },
      { name: "two in three", holds: (id) => id % 3 !== 0 },
      { name: "one in May", holds: (id, day) => !day.startsWith("2022-05") || id === firstInMay() },
      { name: "a few", holds: (id) => id % 9 === 0 },
    ];
    const firstInMay = () => Math.min(...[...dayOf].filter(([, day]) => day.startsWith("2022-05")).map(([id]) => id));
    const pages = (results: RoaringBitmap32, isAll: boolean, descending: boolean) => {
      const seen: number[] = [];
      let after: PageEntry | null = null;
      for (;;) {
        const page = pageByDate(index, results, isAll, 7, descending, after && { order: "DATE_DESC", ...after });
        seen.push(...page.map((e) => e.id));
        if (page.length < 7) return seen;
        after = defined(page.at(-1), "the page's last entry");
      }
    };
    for (let round = 0; round < 30; round++) {
      for (const scope of scopes) {
        const chosen = [...dayOf].filter(([id, day]) => scope.holds(id, day));
        const expected = chosen.sort(([a, x], [b, y]) => x.localeCompare(y) || a - b).map(([id]) => id);
        const isAll = scope.name === "every event";
        const results = isAll ? index.all : new RoaringBitmap32(expected);
        expect(pages(results, isAll, false), `${scope.name}, oldest first`).toEqual(expected);
        expect(pages(results, isAll, true), `${scope.name}, newest first`).toEqual([...expected].reverse());
        // A cursor whose event is gone, or moved: the page starts where its day and ID would stand.
        const cursor = { day: dayFromIso(defined(days[round % days.length], "a day")), id: 1 + ((round * 37) % 230) };
        const key = (id: number) => [dayFromIso(defined(dayOf.get(id), "its day")), id] as const;
        const after = (id: number) => {
          const [day, other] = key(id);
          return day - cursor.day || other - cursor.id;
        };
        for (const descending of [false, true]) {
          const sign = descending ? -1 : 1;
          const want = (descending ? [...expected].reverse() : expected)
            .filter((id) => sign * after(id) > 0)
            .slice(0, 7);
          const page = pageByDate(index, results, isAll, 7, descending, { order: "DATE_DESC", ...cursor });
          expect(
            page.map((e) => e.id),
            `${scope.name} after a cursor, ${descending ? "newest" : "oldest"} first`,
          ).toEqual(want);
        }
      }
      // Each round changes a few days, deletes one event and adds one: the months' orders follow.
      for (let k = 0; k < 3; k++) write(1 + Math.floor(next() * 120));
      const gone = defined([...dayOf.keys()][Math.floor(next() * dayOf.size)], "an event");
      dayOf.delete(gone);
      index.apply([gone], []);
      write(200 + round);
    }
  });

  it("reads back the cursors it writes and refuses those of another order", () => {
    const cursor = { order: "RELEVANCE" as const, rank: 0.0607927, day: 19_000, id: 42 };
    expect(decodeCursor(encodeCursor(cursor), "RELEVANCE")).toEqual(cursor);
    expect(() => decodeCursor(encodeCursor(cursor), "DATE_DESC")).toThrow(CursorError);
    expect(() => decodeCursor("bm9wZQ", "DATE_DESC")).toThrow(CursorError);
  });
});

describe("facet counts over a large scope", () => {
  // Skewed like real data (a few actors and places in most events), big enough that facets are
  // counted from the value bitmaps, where the least frequent values are never counted.
  const EVENTS = 210_000;
  const skewed = (i: number, salt: number, values: number) => {
    const u = ((Math.imul(i + 1, 2654435761) ^ Math.imul(salt, 40503)) >>> 0) / 2 ** 32;
    return 1 + Math.floor(u ** 3 * values);
  };
  const index = new FacetIndex();
  const all: EventFacts[] = [];
  for (let id = 1; id <= EVENTS; id++) {
    // Odd events favour the actors even events rarely have: the most frequent values overall are
    // then not those of a scope of odd events.
    const actor = (salt: number) => (id % 2 ? 401 - skewed(id, salt, 400) : skewed(id, salt, 400));
    const actorIds = [...new Set([actor(1), actor(2)])];
    const place = skewed(id, 3, 300);
    const f = {
      ...facts(id, id % 10 === 0 ? "CEASEFIRE" : "ATTACK", "2022-05-01", actorIds),
      places: [{ placeId: place, country: place % 3 === 0 ? "AF" : place % 3 === 1 ? "PK" : "IR", located: true }],
      outlets: [skewed(id, 4, 60)],
    };
    all.push(f);
    index.add(f);
  }
  const valuesOf = (f: EventFacts, field: string): (string | number)[] =>
    field === "TYPE"
      ? [f.type]
      : field === "ACTOR"
        ? f.participants.map((p) => p.actorId)
        : field === "ROLE"
          ? [...new Set(f.participants.map((p) => p.role))]
          : field === "PLACE"
            ? f.places.map((p) => p.placeId)
            : field === "COUNTRY"
              ? f.places.map((p) => p.country)
              : f.outlets;

  /** Every event looked at, one by one: the counts the index must give. */
  function bruteForce(base: (id: number) => boolean, selected: Record<string, (string | number)[]>) {
    return ["TYPE", "ACTOR", "ROLE", "COUNTRY", "PLACE", "OUTLET"].map((field) => {
      const counts = new Map<string | number, number>();
      for (const f of all) {
        if (!base(f.id)) continue;
        const passes = Object.entries(selected).every(
          ([other, keys]) => other === field || valuesOf(f, other).some((v) => keys.includes(v)),
        );
        if (passes) for (const v of valuesOf(f, field)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const own = selected[field] ?? [];
      const sorted = [...counts]
        .map(([key, count]) => ({ key, count, selected: own.includes(key) }))
        .sort(
          (a, b) =>
            b.count - a.count ||
            (typeof a.key === "number" ? a.key - (b.key as number) : String(a.key).localeCompare(String(b.key))),
        );
      const shown = field === "TYPE" || field === "ROLE" ? sorted : sorted.slice(0, 15);
      for (const key of own)
        if (!shown.some((v) => v.key === key)) shown.push({ key, count: counts.get(key) ?? 0, selected: true });
      return { field, values: shown };
    });
  }
  const bitmapOf = (field: "TYPE" | "ACTOR", keys: (string | number)[]) =>
    RoaringBitmap32.orMany(keys.map((k) => index.fields[field].get(k) ?? new RoaringBitmap32()));

  it("lists the same top values and counts as counting every event, selected values included", () => {
    const base = (id: number) => id % 5 !== 0;
    const baseBitmap = new RoaringBitmap32(all.filter((f) => base(f.id)).map((f) => f.id));
    const rare = defined(bruteForce(() => true, {})[1], "the ACTOR facet by brute force").values.length; // 15 listed: pick actors far below them
    expect(rare).toBe(15);
    const selected = { TYPE: ["ATTACK"], ACTOR: [1, 399, 100_000] };
    const filters = {
      TYPE: { keys: selected.TYPE, bitmap: bitmapOf("TYPE", selected.TYPE) },
      ACTOR: { keys: selected.ACTOR, bitmap: bitmapOf("ACTOR", selected.ACTOR) },
    };
    expect(baseBitmap.andCardinality(filters.TYPE.bitmap)).toBeGreaterThan(100_000);
    expect(countFacets(index, baseBitmap, filters)).toEqual(bruteForce(base, selected));
    // No facet filter: every facet counted over the text or date scope alone.
    expect(countFacets(index, baseBitmap, {})).toEqual(bruteForce(base, {}));
    const odd = (id: number) => id % 2 === 1;
    const oddBitmap = new RoaringBitmap32(all.filter((f) => odd(f.id)).map((f) => f.id));
    expect(countFacets(index, oddBitmap, {})).toEqual(bruteForce(odd, {}));
    // A small scope, counted from each event's values; a selected actor far below the listed ones.
    const few = (id: number) => id % 50 === 0;
    const fewBitmap = new RoaringBitmap32(all.filter((f) => few(f.id)).map((f) => f.id));
    const rareActor = { ACTOR: [200] };
    const rareFilters = { ACTOR: { keys: rareActor.ACTOR, bitmap: bitmapOf("ACTOR", rareActor.ACTOR) } };
    const fewCounts = countFacets(index, fewBitmap, rareFilters);
    expect(fewCounts).toEqual(bruteForce(few, rareActor));
    expect(defined(fewCounts[1], "the ACTOR facet").values.at(-1)).toMatchObject({ key: 200, selected: true });
    expect(
      defined(defined(fewCounts[1], "the ACTOR facet").values.at(-1), "the ACTOR facet's last value").count,
    ).toBeGreaterThan(0);
  });

  it("counts the facets that share a small scope together, and each filtered facet over its own scope", () => {
    const ceasefire = { TYPE: ["CEASEFIRE"] };
    const ceasefireFilters = { TYPE: { keys: ceasefire.TYPE, bitmap: bitmapOf("TYPE", ceasefire.TYPE) } };
    // the five other facets share the 21,000 ceasefires; TYPE is counted over every event
    expect(countFacets(index, null, ceasefireFilters)).toEqual(bruteForce(() => true, ceasefire));
    // six facets over a small text scope, all from each event's values
    const few = (id: number) => id % 37 === 1;
    const fewBitmap = new RoaringBitmap32(all.filter((f) => few(f.id)).map((f) => f.id));
    expect(countFacets(index, fewBitmap, {})).toEqual(bruteForce(few, {}));
    // actors and places chosen: the four few-valued facets share a scope; each chosen one has its own
    const chosen = { ACTOR: [1, 2, 3], PLACE: [1, 2] };
    const placeBitmap = RoaringBitmap32.orMany(
      chosen.PLACE.map((k) => defined(index.fields.PLACE.get(k), `the events of place ${k}`)),
    );
    const chosenFilters = {
      ACTOR: { keys: chosen.ACTOR, bitmap: bitmapOf("ACTOR", chosen.ACTOR) },
      PLACE: { keys: chosen.PLACE, bitmap: placeBitmap },
    };
    expect(countFacets(index, null, chosenFilters)).toEqual(bruteForce(() => true, chosen));
    expect(countFacets(index, fewBitmap, chosenFilters)).toEqual(bruteForce(few, chosen));
  });

  it("counts one facet over a scope, not disjunctively: the actors that share one actor's events", () => {
    // An actor's own events (counted from each event's values), and half of every event (from the value bitmaps).
    const own = defined(index.fields.ACTOR.get(1), "the events of actor 1");
    const even = new RoaringBitmap32(all.filter((f) => f.id % 2 === 0).map((f) => f.id));
    expect(own.size).toBeLessThan(60_000);
    expect(even.size).toBeGreaterThan(60_000);
    const ofActor = countFacet(index, own, "ACTOR", 8);
    expect(ofActor).toEqual(
      defined(bruteForce((id) => own.has(id), {})[1], "the ACTOR facet by brute force").values.slice(0, 8),
    );
    expect(ofActor[0]).toEqual({ key: 1, count: own.size, selected: false });
    expect(countFacet(index, even, "ACTOR", 8)).toEqual(
      defined(bruteForce((id) => id % 2 === 0, {})[1], "the ACTOR facet by brute force").values.slice(0, 8),
    );
    expect(countFacet(index, own, "PLACE", 3)).toEqual(
      defined(bruteForce((id) => own.has(id), {})[4], "the PLACE facet by brute force").values.slice(0, 3),
    );
  });

  it("counts again after a change of the index", () => {
    const before = countFacets(index, index.all.clone(), {});
    const top = defined(defined(before[1], "the ACTOR facet").values[0], "the ACTOR facet's top value");
    const moved = all
      .filter((f) => f.participants.some((p) => p.actorId === top.key))
      .slice(0, 40_000)
      .map((f) => f.id);
    const changed = moved.map((id) => ({
      ...defined(all[id - 1], `event ${id}`),
      participants: [{ actorId: 401, role: "PARTY" }],
    }));
    index.apply(moved, changed);
    for (const f of changed) all[f.id - 1] = f;
    expect(countFacets(index, index.all.clone(), {})).toEqual(bruteForce(() => true, {}));
  });
});

describe("histogram", () => {
  // 20,000 events over 2022–2023: results counted from the month bitmaps (many per month) or
  // from each result's start day (few), which must give the same buckets.
  const index = new FacetIndex();
  const start = dayFromIso("2022-01-01");
  const days = new Map<number, number>();
  for (let id = 1; id <= 20_000; id++) {
    const day = start + ((id * 7919) % 730);
    days.set(id, day);
    index.add({ ...facts(id, "ATTACK", isoFromDay(day), []) });
  }
  const bruteForce = (ids: number[], interval: "MONTH" | "YEAR" | "WEEK") => {
    const counts = new Map<number, number>();
    for (const id of ids) {
      const b = bucketStart(defined(days.get(id), `event ${id}'s day`), interval);
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    const buckets = [...counts.keys()].sort((a, b) => a - b);
    const out: { start: string; count: number }[] = [];
    for (
      let b = defined(buckets[0], "the first bucket");
      b <= defined(buckets.at(-1), "the last bucket");
      b = bucketStart(b + (interval === "WEEK" ? 7 : interval === "MONTH" ? 32 : 366), interval)
    )
      out.push({ start: isoFromDay(b), count: counts.get(b) ?? 0 });
    return out;
  };

  it.each(["MONTH", "YEAR", "WEEK"] as const)("counts many and few results alike by %s", (interval) => {
    const many = [...days.keys()].filter((id) => id % 2 === 0);
    const few = [...days.keys()].filter((id) => id % 40 === 0);
    expect(histogram(index, new RoaringBitmap32(many), false, interval)).toEqual(bruteForce(many, interval));
    expect(histogram(index, new RoaringBitmap32(few), false, interval)).toEqual(bruteForce(few, interval));
    expect(histogram(index, index.all, true, interval)).toEqual(bruteForce([...days.keys()], interval));
  });

  it("counts results whose dates span more than a millennium (tallied in a map, not an array)", () => {
    const wide = new FacetIndex();
    wide.add(facts(1, "STATEMENT", "0850-03-01", []));
    for (let id = 2; id <= 30; id++) wide.add(facts(id, "ATTACK", `2022-0${1 + (id % 9)}-15`, []));
    const buckets = histogram(wide, new RoaringBitmap32([1, 2, 3, 4]), false, "YEAR");
    expect(buckets).toHaveLength(2022 - 850 + 1);
    expect(buckets[0]).toEqual({ start: "0850-01-01", count: 1 });
    expect(buckets.at(-1)).toEqual({ start: "2022-01-01", count: 3 });
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(4);
  });
});

describe("kept counts of single choices", () => {
  // Events written, changed and deleted one batch at a time, with values that first appear after
  // the start (a new country, a new type): the kept counts must stay those of counting every event.
  const random = (seed: number) => () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const next = random(11);
  const pick = <T>(list: readonly T[]) =>
    defined(list[Math.floor(next() * list.length)], "a pick from a non-empty list");
  const TYPES = ["ATTACK", "CEASEFIRE", "NEGOTIATION"];
  const COUNTRIES = ["AF", "PK", "IR", "TR"];
  const ROLES = ["PARTY", "MEDIATOR", "PERPETRATOR"];
  const event = (id: number, types = TYPES, countries = COUNTRIES): EventFacts => {
    const day = dayFromIso("2021-01-01") + Math.floor(next() * 700);
    const actors = [...new Set([1 + Math.floor(next() ** 2 * 40), 1 + Math.floor(next() * 40)])];
    const placeId = 1 + Math.floor(next() * 30);
    return {
      id,
      type: pick(types),
      startDay: day,
      endDay: day,
      contested: next() < 0.3,
      participants: actors.map((actorId) => ({ actorId, role: pick(ROLES) })),
      places: [{ placeId, country: pick(countries), located: true }],
      outlets: next() < 0.5 ? [100 + Math.floor(next() * 5)] : [],
      fatalities: { low: null, best: null, high: null },
      lexemes: { A: WORDS.filter(() => next() < 0.2), B: [], C: words.filter(() => next() < 0.3) },
    };
  };
  // Words of titles (A) and summaries (C); "accord" only appears in events written after the start.
  const WORDS = ["talk", "kabul", "ceasefir"];
  let words = ["talk", "releas"];
  const truth = new Map<number, EventFacts>();
  const index = new FacetIndex();
  for (let id = 1; id <= 3_000; id++) {
    const f = event(id);
    truth.set(id, f);
    index.add(f);
  }
  const valuesOf = (f: EventFacts, field: FacetField): FacetKey[] =>
    field === "TYPE"
      ? [f.type]
      : field === "ACTOR"
        ? [...new Set(f.participants.map((p) => p.actorId))]
        : field === "ROLE"
          ? [...new Set(f.participants.map((p) => p.role))]
          : field === "PLACE"
            ? f.places.map((p) => p.placeId)
            : field === "COUNTRY"
              ? [...new Set(f.places.map((p) => p.country))]
              : f.outlets;
  const FIELDS: FacetField[] = ["TYPE", "ACTOR", "ROLE", "COUNTRY", "PLACE", "OUTLET"];
  /** Every value's count among the events that pass `keep`, by field, and the events by start month. */
  const bruteForce = (keep: (f: EventFacts) => boolean) => {
    const counts = new Map<string, number>();
    const months = new Map<number, number>();
    for (const f of truth.values()) {
      if (!keep(f)) continue;
      for (const field of FIELDS)
        for (const v of valuesOf(f, field)) counts.set(`${field}:${v}`, (counts.get(`${field}:${v}`) ?? 0) + 1);
      const month = monthOfDay(f.startDay);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    return { counts, months };
  };
  const kept = (rows: RowSet) => {
    const counts = new Map<string, number>();
    for (const field of FIELDS)
      index.cross.eachCount(rows, field, (key, count) => counts.set(`${field}:${key}`, count));
    return { counts, months: new Map(index.cross.months(rows)) };
  };
  const sorted = (m: Map<string | number, number>) => [...m].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const expectSame = (rows: RowSet | null, keep: (f: EventFacts) => boolean) => {
    expect(rows).not.toBeNull();
    const got = kept(defined(rows, "the rows"));
    const want = bruteForce(keep);
    expect(sorted(got.counts)).toEqual(sorted(want.counts));
    expect(sorted(got.months)).toEqual(sorted(want.months));
  };
  const check = () => {
    const { cross } = index;
    expectSame(cross.every, () => true);
    expectSame(cross.scope(cross.contestedRows(true), []), (f) => f.contested);
    expectSame(cross.scope(cross.contestedRows(false), []), (f) => !f.contested);
    for (const type of new Set([...truth.values()].map((f) => f.type)))
      expectSame(cross.rowsFor("TYPE", [type]), (f) => f.type === type);
    // an event has one type: the rows of several types add up
    expectSame(
      cross.scope(cross.every, [{ field: "TYPE", keys: ["ATTACK", "NEGOTIATION"] }]),
      (f) => f.type === "ATTACK" || f.type === "NEGOTIATION",
    );
    for (const country of new Set([...truth.values()].flatMap((f) => valuesOf(f, "COUNTRY"))))
      expectSame(cross.rowsFor("COUNTRY", [country]), (f) => valuesOf(f, "COUNTRY").includes(country));
    expectSame(cross.rowsFor("ACTOR", [1]), (f) => f.participants.some((p) => p.actorId === 1));
    expectSame(cross.rowsFor("ROLE", ["MEDIATOR"]), (f) => f.participants.some((p) => p.role === "MEDIATOR"));
    // an event may be in two countries: their rows do not add up, and nothing is claimed for them
    expect(cross.rowsFor("COUNTRY", ["AF", "PK"])).toBeNull();
    expect(cross.scope(cross.contestedRows(true), [{ field: "TYPE", keys: ["ATTACK"] }])).toBeNull();
    expect(cross.scope(null, [])).toBeNull();
  };

  it("keeps them exact through changes, deletions and values first seen after the start", () => {
    check();
    for (let round = 0; round < 5; round++) {
      const changed = Array.from({ length: 300 }, () => 1 + Math.floor(next() * 3_200));
      const facts: EventFacts[] = [];
      for (const id of new Set(changed)) {
        if (next() < 0.15) {
          truth.delete(id); // deleted (or never there)
          continue;
        }
        // from the second round on, a new type and a new country appear
        const f = round > 0 ? event(id, [...TYPES, "PROTEST"], [...COUNTRIES, "IN"]) : event(id);
        truth.set(id, f);
        facts.push(f);
      }
      index.apply(changed, facts);
      check();
    }
    expect([...truth.values()].some((f) => f.type === "PROTEST")).toBe(true);
    expect(index.cross.rowsFor("COUNTRY", ["IN"])).not.toBeNull();
  });

  it("gives the counts facets and the histogram give by intersecting bitmaps", () => {
    const { cross } = index;
    const contested = index.contested.clone();
    const attack = {
      TYPE: { keys: ["ATTACK"], bitmap: defined(index.fields.TYPE.get("ATTACK"), "the events of type ATTACK") },
    };
    // the kept counts (rows given) against the bitmaps (no rows)
    expect(countFacets(index, contested, {}, 15, cross.contestedRows(true))).toEqual(
      countFacets(index, contested, {}, 15, null),
    );
    expect(countFacets(index, null, attack)).toEqual(countFacets(index, null, attack, 15, null));
    const rows = defined(cross.rowsFor("TYPE", ["ATTACK"]), "the kept rows of TYPE ATTACK");
    for (const interval of ["MONTH", "YEAR"] as const) {
      expect(histogram(index, attack.TYPE.bitmap, false, interval, cross.months(rows))).toEqual(
        histogram(index, attack.TYPE.bitmap, false, interval),
      );
    }
  });

  /** Changes, deletes and writes anew some of the events, with a new type, country and word. */
  const writeSome = (n: number) => {
    words = ["talk", "releas", "accord"];
    const changed = Array.from({ length: n }, () => 1 + Math.floor(next() * 3_200));
    const facts: EventFacts[] = [];
    for (const id of new Set(changed)) {
      if (next() < 0.2) {
        truth.delete(id);
        continue;
      }
      const f = event(id, [...TYPES, "RIOT"], [...COUNTRIES, "TJ"]);
      truth.set(id, f);
      facts.push(f);
    }
    index.apply(changed, facts);
  };

  it("keeps the counts of a scope searched twice (dates, a word, contested, filters), exact through changes and deletions", () => {
    const day = (iso: string | undefined) => (iso ? dayFromIso(iso) : null);
    const holds = (spec: ScopeSpec) => (f: EventFacts) => {
      const from = day(spec.from);
      const to = day(spec.to);
      if ((from !== null && f.endDay < from) || (to !== null && f.startDay > to)) return false;
      if (spec.contested !== undefined && f.contested !== spec.contested) return false;
      if (
        spec.word !== undefined &&
        !WEIGHTS.some((w) => f.lexemes[w].includes(defined(spec.word, "the word of the spec")))
      )
        return false;
      return spec.filters.every(({ field, keys }) => valuesOf(f, field).some((v) => keys.includes(v)));
    };
    const specs: ScopeSpec[] = [
      { from: "2021-03-10", to: "2021-11-30", filters: [] },
      { from: "2022-01-01", filters: [{ field: "TYPE", keys: ["ATTACK", "RIOT"] }] },
      { word: "talk", filters: [] },
      { word: "accord", filters: [{ field: "COUNTRY", keys: ["TJ", "PK"] }] },
      {
        contested: true,
        filters: [
          { field: "ACTOR", keys: [1, 2] },
          { field: "ROLE", keys: ["PERPETRATOR"] },
        ],
      },
      { contested: false, word: "kabul", to: "2022-06-30", filters: [{ field: "OUTLET", keys: [101] }] },
    ];
    // counted only from the second search of a scope on
    for (const spec of specs) expect(index.scopes.rows(spec)).toBeNull();
    for (let round = 0; round < 4; round++) {
      for (const spec of specs) {
        const rows = index.scopes.rows(spec);
        // the same scope under another order of its filters and values
        const reordered = index.scopes.rows({
          ...spec,
          filters: [...spec.filters].reverse().map((f) => ({ ...f, keys: [...f.keys].reverse() })),
        });
        expect(reordered?.plus[0]).toBe(rows?.plus[0]);
        expectSame(rows, holds(spec));
      }
      writeSome(200);
    }
    expect([...truth.values()].some(holds(defined(specs[3], "the fourth spec")))).toBe(true);
  });

  it("counts the same when built at once from the index as when kept through writes", () => {
    const built = new CrossCounts(index.forward);
    built.build(index);
    for (const [field, keys] of [
      ["TYPE", [...index.fields.TYPE.keys()]],
      ["COUNTRY", [...index.fields.COUNTRY.keys()]],
      ["ACTOR", [1, 2, 3]],
    ] as const) {
      for (const key of keys) {
        const b = built.rowsFor(field, [key]);
        expect(b).not.toBeNull();
        const rebuilt = defined(b, `the rebuilt rows of ${field} ${key}`);
        const kept = defined(index.cross.rowsFor(field, [key]), `the kept rows of ${field} ${key}`);
        expect(sorted(new Map(built.months(rebuilt)))).toEqual(sorted(new Map(index.cross.months(kept))));
        for (const f of FIELDS)
          for (const [k] of index.fields[f]) expect(built.countOf(rebuilt, f, k)).toBe(index.cross.countOf(kept, f, k));
      }
    }
    expect(sorted(new Map(built.months(built.contestedRows(true))))).toEqual(
      sorted(new Map(index.cross.months(index.cross.contestedRows(true)))),
    );
  });
});

describe("the loader's pairs", () => {
  it("keeps integers across chunk boundaries and groups events by value in arrival order", () => {
    const list = new IntList();
    const n = 2_500_000; // more than two chunks of 2^20
    for (let i = 0; i < n; i++) list.push(i * 3);
    expect(list.length).toBe(n);
    const all = list.toUint32Array();
    expect(all.length).toBe(n);
    expect([all[0], all[1_048_575], all[1_048_576], all[n - 1]]).toEqual([
      0,
      3 * 1_048_575,
      3 * 1_048_576,
      3 * (n - 1),
    ]);

    const pairs = new Pairs<string>();
    for (let i = 0; i < n; i++) pairs.push(i % 7 === 0 ? "seven" : i % 2 === 0 ? "even" : "odd", i);
    expect(pairs.keys).toEqual(["seven", "odd", "even"]);
    const { offsets, events } = groupByCode(pairs.codes, pairs.events, pairs.keys.length);
    const sevens = events.subarray(defined(offsets[0]), defined(offsets[1]));
    expect(sevens.length).toBe(Math.ceil(n / 7));
    expect(sevens.every((id, i) => id === i * 7)).toBe(true);
    const target = new Map<string, RoaringBitmap32>([["odd", new RoaringBitmap32([0])]]);
    pairs.into(target);
    const expectedOdd = Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 !== 0 && i % 2 === 1).length;
    expect(defined(target.get("odd"), "odd").size).toBe(expectedOdd + 1); // and the 0 it held
    expect(defined(target.get("odd"), "odd").has(0)).toBe(true);
    const expectedEven = Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 !== 0 && i % 2 === 0).length;
    expect(defined(target.get("even"), "even").size).toBe(expectedEven);
    pairs.clear();
    expect([pairs.length, pairs.keys.length]).toEqual([0, 0]);
  });
});
