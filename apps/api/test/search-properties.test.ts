import { defined, FACET_FILTERS } from "@parley/schema";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";
import {
  databaseId,
  expectedFacetCounts,
  expectedFatalities,
  expectedPlaces,
  type Field,
  type Filter,
  facetKey,
  passes,
  toVariables,
} from "./search-brute-force.ts";
import { type Fixture, loadFixture } from "./search-fixture.ts";

/**
 * Property-based checks of searchEvents against a small corpus whose every count can be recomputed
 * by brute force: random text (words of the corpus, query syntax and unicode junk) and random
 * filters, valid and not. Seeded, so a failure replays; the seed and path are in the report.
 */
const api = useApi({ demo: false });
let fx: Fixture;
beforeAll(async () => {
  fx = await loadFixture(api.t.db);
});

const RUNS = 60;
const SEED = 20261129;

const SEARCH = `query($query: String, $filter: EventFilter, $first: Int, $after: String) {
  searchEvents(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { id } }
    pageInfo { hasNextPage endCursor }
    facets { field values { value count selected } }
    places(first: 50) { place { id } count }
    fatalities { low best high events }
  }
}`;

const INVISIBLE = [
  "\u200B",
  "\u200C",
  "\u200D",
  "\u200E",
  "\u200F",
  "\u202A",
  "\u202E",
  "\u2066",
  "\u2069",
  "\uFEFF",
  "\u00AD",
];
const WORDS = [
  "convoy",
  "checkpoint",
  "délégation",
  "border",
  "market",
  "Kabul",
  "Quetta",
  "Şırnak",
  "Taliban",
  "TTP",
  "Mehsud",
  "Karzai",
  "Türkiye",
  "Doha",
  "ceasefire",
  "attack",
  "reported",
];
const JUNK = [
  ...INVISIBLE,
  "\u0000",
  "\u0007",
  "\u0301",
  "\uD800",
  "\uDFFF",
  "ＴＴＰ",
  "💣",
  "ﷺ",
  "%",
  "_",
  "\\",
  "'",
  '"',
  "-",
  "|",
  "&",
  "!",
  "(",
  ")",
  ":*",
  "<->",
  " OR ",
  "; DROP TABLE event; --",
];

const word = fc.constantFrom(...WORDS);
const junk = fc.array(fc.constantFrom(...JUNK), { maxLength: 4 }).map((parts) => parts.join(""));
const text = fc.oneof(
  fc.constant(undefined),
  word,
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  fc.tuple(word, word).map(([a, b]) => `${a} OR -${b}`),
  word.map((w) => `"${w}"`),
  fc.tuple(word, junk, junk).map(([w, a, b]) => `${a}${w}${b}`),
  junk,
  fc.string({ unit: "binary", maxLength: 30 }),
);

const subset = <T>(values: readonly T[]) =>
  fc.subarray([...values], { maxLength: 3 }).map((v) => (v.length ? v : undefined));
const day = fc
  .date({ min: new Date("2019-06-01T00:00:00Z"), max: new Date("2024-06-30T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validFilter = (): fc.Arbitrary<Filter> =>
  fc
    .record(
      {
        types: subset([
          "NEGOTIATION",
          "CEASEFIRE",
          "ATTACK",
          "AIRSTRIKE",
          "PRISONER_RELEASE",
          "STATEMENT",
          "RIOT",
        ] as const),
        actorIds: subset(fx.actorIds),
        roles: subset(["PARTY", "MEDIATOR", "HOST", "PERPETRATOR", "TARGET", "SPOKESPERSON", "GUARANTOR"] as const),
        countries: subset(["AF", "PK", "QA", "TR", "NO"]),
        placeIds: subset(fx.placeIds),
        outletIds: subset(fx.outletIds),
        participants: fc
          .array(
            fc.record(
              {
                actorId: fc.constantFrom(...fx.actorIds),
                roles: subset(["PARTY", "MEDIATOR", "HOST", "PERPETRATOR", "SPOKESPERSON"] as const),
              },
              { requiredKeys: ["actorId"] },
            ),
            { maxLength: 2 },
          )
          .map((p) => (p.length ? p : undefined)),
        from: day,
        to: day,
        contested: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((f) => (f.from && f.to && f.from > f.to ? { ...f, from: f.to, to: f.from } : f));

/** Inputs the API must refuse with a clear error: each names what is wrong. */
const invalidInput = fc.oneof(
  fc
    .constantFrom("2021-02-30", "yesterday", "2022-13-01", "", "1 May 2022")
    .map((from) => ({ variables: { filter: { from } }, says: /Invalid Date/ })),
  fc
    .constantFrom("pk", "PAK", "P", "")
    .map((c) => ({ variables: { filter: { countries: [c] } }, says: /filter\.countries/ })),
  fc
    .constantFrom("PICNIC", "attack", "")
    .map((t) => ({ variables: { filter: { types: [t] } }, says: /does not exist in "EventType" enum/ })),
  fc
    .constantFrom("not-an-id", "QWN0b3I6eA==", "UGxhY2U6MQ==")
    .map((id) => ({ variables: { filter: { actorIds: [id] } }, says: /filter\.actorIds/ })),
  fc.integer({ min: 101, max: 10_000 }).map((first) => ({
    variables: { first },
    says: new RegExp(`^\`first\` must be between 0 and 100; got ${first}$`),
  })),
  fc.integer({ min: -5, max: -1 }).map((first) => ({
    variables: { first },
    says: new RegExp(`^\`first\` must be between 0 and 100; got ${first}$`),
  })),
  fc.string({ minLength: 1, maxLength: 40 }).map((after) => ({ variables: { after }, says: /after/ })),
  fc.array(fc.constant("PK"), { minLength: 51, maxLength: 120 }).map((countries) => ({
    variables: { filter: { countries } },
    says: /`filter\.countries` may list at most 50 values/,
  })),
  fc.constantFrom("not-an-id", "UGxhY2U6MQ==").map((actorId) => ({
    variables: { filter: { participants: [{ actorId }] } },
    says: /^`filter\.participants\[0\]\.actorId` is not the ID of a Actor/,
  })),
  fc.integer({ min: 11, max: 30 }).map((n) => ({
    variables: { filter: { participants: Array(n).fill({ actorId: "QWN0b3I6MQ==" }) } },
    says: new RegExp(`^\`filter.participants\` may list at most 10 values; got ${n}$`),
  })),
);

type Found = {
  searchEvents: {
    totalCount: number;
    edges: { node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: { field: Field; values: { value: string; count: number; selected: boolean }[] }[];
    places: { place: { id: string }; count: number }[];
    fatalities: unknown;
  };
};

async function searchOnce(variables: Record<string, unknown>) {
  const res = await api.gql<Found>(SEARCH, variables);
  expect(res.status).toBeLessThan(500);
  expect(res.errors?.map((e) => e.message) ?? []).toEqual([]);
  return dataOf(res).searchEvents;
}

/** Every page, following `after`: the IDs in order, and the first page's result. */
async function walk(query: string | undefined, filter: Filter, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  let firstPage: Found["searchEvents"] | null = null;
  for (let page = 0; page < 200; page++) {
    const result: Found["searchEvents"] = await searchOnce({ query, filter: toVariables(filter), first, after });
    firstPage ??= result;
    expect(result.totalCount).toBe(firstPage.totalCount);
    ids.push(...result.edges.map((e) => e.node.id));
    if (!result.pageInfo.hasNextPage) break;
    after = result.pageInfo.endCursor;
  }
  return { ids, result: defined(firstPage, "the first page") };
}

/** The events the text alone matches, found through the API (stemming is PostgreSQL's), as database IDs. */
const textMatchesCache = new Map<string, Set<number>>();
async function textMatched(query: string | undefined): Promise<Set<number> | null> {
  if (query === undefined) return null;
  if (!textMatchesCache.has(query)) {
    const { ids } = await walk(query, {}, 100);
    textMatchesCache.set(query, new Set(ids.map((id) => Number(Buffer.from(id, "base64").toString().split(":")[1]))));
  }
  return defined(textMatchesCache.get(query), `the events matching ${query}`);
}

describe("searchEvents under random queries and filters", () => {
  it("pages through exactly totalCount distinct events, agrees with brute-force facet counts and lists every selected value", async () => {
    await fc.assert(
      fc.asyncProperty(text, validFilter(), fc.integer({ min: 3, max: 40 }), async (query, filter, first) => {
        const matched = await textMatched(query);
        const corpus = matched ? fx.events.filter((e) => matched.has(e.id)) : fx.events;
        const { ids, result } = await walk(query, filter, first);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(result.totalCount);
        expect(result.totalCount).toBe(corpus.filter((e) => passes(e, filter)).length);

        const actual = new Map<string, number>();
        for (const facet of result.facets) {
          for (const v of facet.values) if (v.count > 0) actual.set(facetKey(facet.field, v.value), v.count);
          const selected = facet.values
            .filter((v) => v.selected)
            .map((v) => facetKey(facet.field, v.value))
            .sort();
          expect(selected).toEqual(selectedKeys(filter, facet.field).sort());
        }
        expect(actual).toEqual(expectedFacetCounts(corpus, filter));
        const matching = corpus.filter((e) => passes(e, filter));
        expect(
          result.places.map((p) => ({
            placeId: databaseId(p.place.id),
            count: p.count,
          })),
        ).toEqual(expectedPlaces(matching, fx.locatedPlaceIds));
        expect(result.fatalities).toEqual(expectedFatalities(matching));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it("finds the same events when invisible characters are slipped into a word", async () => {
    await fc.assert(
      fc.asyncProperty(
        word,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { minLength: 1, maxLength: 3 }),
        async (w, inserts) => {
          let dirty = w;
          for (const [at, c] of inserts)
            dirty = dirty.slice(0, at % (dirty.length + 1)) + c + dirty.slice(at % (dirty.length + 1));
          expect([...defined(await textMatched(dirty), `the events matching ${dirty}`)].sort()).toEqual(
            [...defined(await textMatched(w), `the events matching ${w}`)].sort(),
          );
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("answers invalid input with a clear BAD_USER_INPUT-style error, never an unexpected one", async () => {
    await fc.assert(
      fc.asyncProperty(invalidInput, async ({ variables, says }) => {
        const res = await api.gql(SEARCH, variables);
        expect(res.status).toBeLessThan(500);
        expect(res.data?.searchEvents ?? null).toBeNull();
        expect(res.errors?.length).toBeGreaterThan(0);
        const error = defined(res.errors?.[0], "the error");
        expect(error.message).toMatch(says);
        expect(error.message).not.toMatch(/Unexpected error/);
        expect(error.extensions?.code).toBe("BAD_USER_INPUT");
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

function selectedKeys(filter: Filter, field: Field): string[] {
  const values = filter[FACET_FILTERS[field].filter] ?? [];
  return [...new Set(values as (string | number)[])].map((v) => `${field}:${v}`);
}
