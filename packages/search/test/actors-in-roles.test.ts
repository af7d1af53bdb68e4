import { defined } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { CrossCounts } from "../src/cross-counts.ts";
import { dayFromIso, isoFromDay } from "../src/days.ts";
import type { EventQuery } from "../src/event-query.ts";
import { EventSearch, type RowSource } from "../src/event-search.ts";
import { type EventFacts, FacetIndex } from "../src/facet-index.ts";
import { factsView, indexedView } from "../src/reach.ts";
import { deserializeIndex, serializeIndex } from "../src/snapshot.ts";
import type { TextMatch } from "../src/text.ts";
import { evaluateTsquery } from "../src/text-query.ts";
import { bruteForce, type Query } from "./brute-force.ts";

/**
 * Participants, the ROLE facet bound to the ACTOR facet, places and fatalities: random searches
 * against every event looked at one by one, before and through random writes (changed, deleted and
 * new events, places gaining and losing coordinates). Each search runs more than once (its places
 * alone, then everything), since from its second run a scope's counts may come from counts kept for it.
 */
const random = (seed: number) => () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const next = random(20261210);
const pick = <T>(list: readonly T[]) =>
  defined(list[Math.floor(next() * list.length)], "list[Math.floor(next() * list.length)]");
const some = <T>(list: readonly T[], max: number) => [
  ...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(list))),
];

const TYPES = ["NEGOTIATION", "CEASEFIRE", "ATTACK", "STATEMENT"];
const ROLES = ["PARTY", "MEDIATOR", "HOST", "PERPETRATOR", "TARGET"];
const ACTORS = Array.from({ length: 30 }, (_, i) => i + 1);
const PLACES = Array.from({ length: 25 }, (_, i) => i + 1);
const WORDS = ["talk", "truce", "market", "border", "prison", "drone", "envoy", "kabul"];
const countryOf = (place: number) =>
  defined(["AF", "PK", "QA", "TR"][place % 4], '["AF", "PK", "QA", "TR"][place % 4]');
/** Places with coordinates; writes move some in and out. */
const located = new Set(PLACES.filter((p) => p % 5 !== 0));
const figure = () => (next() < 0.3 ? null : Math.floor(next() * 40));

function event(id: number): EventFacts {
  const day = dayFromIso("2021-01-01") + Math.floor(next() * 900);
  // An actor may hold two roles in one event; the skew makes a few actors frequent.
  const participants = Array.from({ length: 1 + Math.floor(next() * 4) }, () => ({
    actorId: 1 + Math.floor(next() ** 2 * ACTORS.length),
    role: pick(ROLES),
  }));
  const unique = [...new Map(participants.map((p) => [`${p.actorId}:${p.role}`, p])).values()];
  const places = some(PLACES, 2).map((placeId) => ({
    placeId,
    country: countryOf(placeId),
    located: located.has(placeId),
  }));
  const known = next() < 0.7;
  return {
    id,
    type: pick(TYPES),
    startDay: day,
    endDay: day + (next() < 0.2 ? Math.floor(next() * 30) : 0),
    contested: next() < 0.2,
    participants: unique,
    places,
    outlets: [],
    fatalities: known ? { low: figure(), best: figure(), high: figure() } : { low: null, best: null, high: null },
    lexemes: { A: some(WORDS, 1), B: [], C: some(WORDS, 3) },
  };
}

const truth = new Map<number, EventFacts>();
const index = new FacetIndex();
for (let id = 1; id <= 2_500; id++) {
  const f = event(id);
  truth.set(id, f);
  index.add(f);
}

function randomQuery(): Query {
  const participants = some(ACTORS, 2).map((actorId) => ({
    actorId,
    ...(next() < 0.6 ? { roles: some(ROLES, 2) } : {}),
  }));
  const from = next() < 0.2 ? isoFromDay(dayFromIso("2021-01-01") + Math.floor(next() * 900)) : undefined;
  return {
    types: next() < 0.3 ? some(TYPES, 2) : undefined,
    actorIds: next() < 0.5 ? some(ACTORS.slice(0, 12), 3) : undefined,
    roles: next() < 0.5 ? some(ROLES, 2) : undefined,
    countries: next() < 0.2 ? some(["AF", "PK", "QA", "TR"], 2) : undefined,
    placeIds: next() < 0.15 ? some(PLACES, 3) : undefined,
    participants: next() < 0.5 ? participants : undefined,
    from,
    contested: next() < 0.15 ? next() < 0.5 : undefined,
  };
}

/** Page rows are never read here: the counts, places, fatalities and the IDs in order need none. */
const noRows: RowSource = new Proxy({} as RowSource, {
  get: () => () => {
    throw new Error("these checks read no rows");
  },
});

async function check(query: Query, what: string) {
  const input: EventQuery = { filter: query, sort: "DATE_DESC", first: 20 };
  const expected = bruteForce([...truth.values()], query, located);
  // The map alone, as a client showing it again asks: from the second time its counts may be kept.
  for (const run of ["first", "second", "third"]) {
    const search = new EventSearch(index, noRows, input, null);
    expect(search.places(7), `${what}, places alone, ${run} run`).toEqual(expected.places.slice(0, 7));
  }
  for (const run of ["first", "second"]) {
    const search = new EventSearch(index, noRows, input, null);
    const ids: number[] = [];
    for await (const batch of search.idBatches(500)) ids.push(...batch);
    expect(ids, `${what}, ${run} run: results`).toEqual(expected.ids);
    expect(search.totalCount).toBe(expected.ids.length);
    expect(search.facetCounts(), `${what}, ${run} run: facets`).toEqual(expected.facets);
    expect(search.places(7), `${what}, ${run} run: places`).toEqual(expected.places.slice(0, 7));
    expect(search.fatalities(), `${what}, ${run} run: fatalities`).toEqual(expected.fatalities);
  }
}

/** Changes, deletes and adds events; moves a place in or out of those with coordinates, rewriting its events as the change log does. */
function writeSome(n: number) {
  const changed = new Set(Array.from({ length: n }, () => 1 + Math.floor(next() * 2_700)));
  const moved = pick(PLACES);
  if (located.has(moved)) located.delete(moved);
  else located.add(moved);
  for (const [id, f] of truth) if (f.places.some((p) => p.placeId === moved)) changed.add(id);
  const facts: EventFacts[] = [];
  for (const id of changed) {
    const old = truth.get(id);
    if (next() < 0.15) truth.delete(id);
    else {
      const f =
        old && next() < 0.5
          ? { ...old, places: old.places.map((p) => ({ ...p, located: located.has(p.placeId) })) }
          : event(id);
      truth.set(id, f);
      facts.push(f);
    }
  }
  index.apply([...changed], facts);
}

describe("actors in roles, places and fatalities against every event", () => {
  it("select, count facets, list places and sum fatalities as brute force does, through writes", async () => {
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 40; i++) {
        const query = randomQuery();
        await check(query, `round ${round}, ${JSON.stringify(query)}`);
      }
      writeSome(150);
    }
  }, 60_000); // 160 searches checked against every event: 3 s alone, more on a busy machine

  it("counts the TTP as mediator, not the TTP's events where someone mediated", async () => {
    const ttp = 1;
    const mediated = [...truth.values()].filter(
      (f) => f.participants.some((p) => p.actorId === ttp) && f.participants.some((p) => p.role === "MEDIATOR"),
    );
    const asMediator = mediated.filter((f) => f.participants.some((p) => p.actorId === ttp && p.role === "MEDIATOR"));
    expect(asMediator.length).toBeLessThan(mediated.length);
    const ticked = new EventSearch(
      index,
      noRows,
      { filter: { actorIds: [ttp], roles: ["MEDIATOR"] }, sort: "DATE_DESC", first: 20 },
      null,
    );
    const entry = new EventSearch(
      index,
      noRows,
      { filter: { participants: [{ actorId: ttp, roles: ["MEDIATOR"] }] }, sort: "DATE_DESC", first: 20 },
      null,
    );
    expect(ticked.totalCount).toBe(asMediator.length);
    expect(entry.totalCount).toBe(asMediator.length);
    const roleFacet = defined(
      ticked.facetCounts().find((f) => f.field === "ROLE"),
      'ticked.facetCounts().find((f) => f.field === "ROLE")',
    );
    expect(roleFacet.values.find((v) => v.key === "MEDIATOR")).toEqual({
      key: "MEDIATOR",
      count: asMediator.length,
      selected: true,
    });
  });
});

describe("searches a write does not reach", () => {
  const answer = (search: EventSearch) => ({
    total: search.totalCount,
    facets: search.facetCounts(),
    places: search.places(7),
    fatalities: search.fatalities(),
    histogram: search.histogram("MONTH"),
  });
  const QUERIES = ["'talk'", "'truce' | 'drone'", "'market' & 'envoy'", "'border' & !'kabul'", "'prison' <-> 'envoy'"];
  const matched = (tsquery: string | null): TextMatch | null => {
    if (tsquery === null) return null;
    const evaluated = defined(evaluateTsquery(tsquery, index), tsquery);
    return { ...evaluated, size: evaluated.bitmap.size };
  };

  it("answer after the write as a fresh search does, and are many", () => {
    let unreached = 0;
    let checked = 0;
    for (let round = 0; round < 60; round++) {
      const inputs = Array.from({ length: 12 }, () => {
        const filter = randomQuery();
        // Fewer conditions than the brute-force checks use, so that some searches are broad.
        if (next() < 0.5) delete filter.participants;
        const input: EventQuery = { filter, sort: "DATE_DESC", first: 20 };
        return { input, tsquery: next() < 0.4 ? pick(QUERIES) : null };
      });
      const searches = () =>
        inputs.map(({ input, tsquery }) => new EventSearch(index, noRows, input, matched(tsquery)));
      const asked = searches();
      const before = asked.map(answer);
      const unasked = searches(); // made before the write, first asked after it
      // One write, as the API makes them: an event changed, deleted or added. The event as the
      // index holds it is read before the index applies the write, as the engine does.
      const id = 1 + Math.floor(next() * 2_700);
      const reachedBefore = asked.map((search) => search.reachedBy([indexedView(index, id)]));
      const after = truth.has(id) && next() < 0.15 ? null : event(id);
      if (after) truth.set(id, after);
      else truth.delete(id);
      index.apply([id], after ? [after] : []);
      const views = after ? [factsView(after)] : [];
      inputs.forEach(({ input, tsquery }, i) => {
        checked++;
        const search = defined(asked[i]);
        if (reachedBefore[i] || search.reachedBy(views)) return;
        unreached++;
        const what = `${JSON.stringify(input)} ${tsquery ?? ""}, after a write to event ${id}`;
        const fresh = new EventSearch(index, noRows, input, matched(tsquery));
        expect(answer(fresh), what).toEqual(before[i]);
        expect(answer(defined(unasked[i])), `${what}, asked after it`).toEqual(before[i]);
      });
    }
    expect(checked).toBe(720);
    // What is not reached is what the engine keeps: a quarter would already be many.
    expect(unreached).toBeGreaterThan(checked / 4);
  });
});

describe("a snapshot of the index", () => {
  it("keeps the counts kept for single choices, as counting them again gives, and answers as the index does", () => {
    const position = { epoch: "00000000-0000-0000-0000-000000000000", generation: 3, xmin: 42n };
    const { index: loaded, position: read } = deserializeIndex(Buffer.concat(serializeIndex(index, position)));
    expect(read).toEqual(position);
    const saved = index.cross.dump();
    const restored = loaded.cross.dump();
    expect(restored.codes).toEqual(saved.codes);
    expect(restored.everyValue).toEqual(saved.everyValue);
    expect(restored.rows.length).toBeGreaterThan(10);
    // Counted again from the loaded bitmaps and forward lists, row for row.
    const recounted = new CrossCounts(loaded.forward);
    recounted.build(loaded);
    const counts = (row: Int32Array) => Array.from(row).slice(0, loaded.forward.codeCount);
    const fresh = recounted.dump();
    expect(counts(restored.all)).toEqual(counts(fresh.all));
    expect(counts(restored.contested)).toEqual(counts(fresh.contested));
    fresh.codes.forEach((code, i) => {
      const at = restored.codes.indexOf(code);
      expect(at, `a row for code ${code}`).toBeGreaterThanOrEqual(0);
      expect(counts(defined(restored.rows[at])), `the row of code ${code}`).toEqual(counts(defined(fresh.rows[i])));
    });
    for (let i = 0; i < 30; i++) {
      const input: EventQuery = { filter: randomQuery(), sort: "DATE_DESC", first: 20 };
      const answer = (on: FacetIndex) => {
        const search = new EventSearch(on, noRows, input, null);
        return [search.totalCount, search.facetCounts(), search.places(7), search.histogram("MONTH")];
      };
      expect(answer(loaded), JSON.stringify(input)).toEqual(answer(index));
    }
  });

  it("is the index as it stood when taken, though writes change the index before the bytes are written", () => {
    const position = { epoch: "00000000-0000-0000-0000-000000000000", generation: 3, xmin: 42n };
    const inputs: EventQuery[] = Array.from({ length: 20 }, () => ({
      filter: randomQuery(),
      sort: "DATE_DESC",
      first: 20,
    }));
    const answers = (on: FacetIndex) =>
      inputs.map((input) => {
        const search = new EventSearch(on, noRows, input, null);
        return [search.totalCount, search.facetCounts(), search.histogram("MONTH"), search.fatalities()];
      });
    const before = answers(index);
    // Saving takes the bytes, then writes them out while the engine goes on applying changes.
    const parts = serializeIndex(index, position);
    writeSome(200);
    const { index: loaded } = deserializeIndex(Buffer.concat(parts));
    expect(answers(loaded)).toEqual(before);
  });
});
