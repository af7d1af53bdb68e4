import { seededRandom } from "@parley/corpus";
import { POSITION_ISSUES, POSITION_KINDS } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();

const SEARCH = `query($query: String, $filter: PositionFilter, $first: Int, $after: String) {
  searchPositions(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id startDate } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
    facets { field values { value label count selected } }
  }
}`;

interface Row {
  id: number;
  actorId: number;
  kind: string;
  issue: string;
  processId: number | null;
  startDate: string;
  endDate: string | null;
}
type Field = "ACTOR" | "KIND" | "ISSUE" | "PROCESS";
interface Filter {
  actorIds?: number[];
  kinds?: string[];
  issues?: string[];
  processIds?: number[];
  from?: string;
  to?: string;
}

let rows: Row[];
beforeAll(async () => {
  const all = await api.t.db.position.findMany();
  rows = all.map((p) => ({
    id: p.id,
    actorId: p.actorId,
    kind: p.kind,
    issue: p.issue,
    processId: p.processId,
    startDate: p.startDate.toISOString().slice(0, 10),
    endDate: p.endDate?.toISOString().slice(0, 10) ?? null,
  }));
});

const valueIn = (r: Row, field: Field) =>
  field === "ACTOR" ? r.actorId : field === "KIND" ? r.kind : field === "ISSUE" ? r.issue : r.processId;
const chosen = (f: Filter, field: Field): (string | number)[] | undefined =>
  ({ ACTOR: f.actorIds, KIND: f.kinds, ISSUE: f.issues, PROCESS: f.processIds })[field];

/** The brute-force answer: every row checked against every filter, a facet's own filter left out of its counts. */
function passes(r: Row, f: Filter, except?: Field): boolean {
  for (const field of ["ACTOR", "KIND", "ISSUE", "PROCESS"] as Field[]) {
    const values = chosen(f, field);
    if (field !== except && values?.length && !values.includes(valueIn(r, field) as never)) return false;
  }
  if (f.from && (r.endDate ?? r.startDate) < f.from) return false;
  if (f.to && r.startDate > f.to) return false;
  return true;
}

function expectedCounts(f: Filter): Map<string, number> {
  const counts = new Map<string, number>();
  for (const field of ["ACTOR", "KIND", "ISSUE", "PROCESS"] as Field[]) {
    for (const r of rows.filter((row) => passes(row, f, field))) {
      const value = valueIn(r, field);
      if (value === null) continue;
      const key = `${field}:${value}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

const toVariables = (f: Filter) => ({
  ...f,
  actorIds: f.actorIds?.map((id) => encodeGlobalID("Actor", id)),
  processIds: f.processIds?.map((id) => encodeGlobalID("Process", id)),
});
const fromValue = (field: Field, value: string) =>
  field === "ACTOR" || field === "PROCESS" ? Number(Buffer.from(value, "base64").toString().split(":")[1]) : value;

type Found = {
  searchPositions: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; startDate: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    facets: { field: Field; values: { value: string; label: string; count: number; selected: boolean }[] }[];
  };
};

async function search(f: Filter, extra: Record<string, unknown> = {}) {
  const res = await api.gql<Found>(SEARCH, { filter: toVariables(f), ...extra });
  expect(res.errors).toBeUndefined();
  return dataOf(res).searchPositions;
}

describe("searchPositions", () => {
  it("counts each facet with every other filter applied but not its own, as a brute-force count does, over 60 random filters", async () => {
    const random = seededRandom(8);
    const pick = <T>(values: T[], most: number) => values.filter(() => random() < most / Math.max(values.length, 1));
    const actors = [...new Set(rows.map((r) => r.actorId))];
    const processes = [...new Set(rows.map((r) => r.processId).filter((p): p is number => p !== null))];
    for (let i = 0; i < 60; i++) {
      const f: Filter = {};
      if (random() < 0.5) f.actorIds = pick(actors, 1.5);
      if (random() < 0.5) f.kinds = pick([...POSITION_KINDS.codes], 2);
      if (random() < 0.5) f.issues = pick([...POSITION_ISSUES.codes], 2);
      if (random() < 0.4) f.processIds = pick(processes, 1);
      if (random() < 0.3) f.from = `${2021 + Math.floor(random() * 4)}-0${1 + Math.floor(random() * 9)}-01`;
      if (random() < 0.3) f.to = `${2022 + Math.floor(random() * 4)}-0${1 + Math.floor(random() * 9)}-15`;
      if (f.from && f.to && f.from > f.to) delete f.to;
      const result = await search(f, { first: 100 });
      const expected = rows.filter((r) => passes(r, f));
      expect(result.totalCount, JSON.stringify(f)).toBe(expected.length);
      expect(result.edges.map((e) => fromValue("ACTOR", e.node.id))).toEqual(
        [...expected]
          .sort((a, b) => (a.startDate === b.startDate ? b.id - a.id : a.startDate < b.startDate ? 1 : -1))
          .map((r) => r.id),
      );
      const actual = new Map<string, number>();
      for (const facet of result.facets) {
        for (const v of facet.values) {
          if (v.count > 0) actual.set(`${facet.field}:${fromValue(facet.field, v.value)}`, v.count);
          expect(v.selected, `${facet.field} ${v.value}`).toBe(
            (chosen(f, facet.field) ?? []).includes(fromValue(facet.field, v.value) as never),
          );
        }
        for (const value of chosen(f, facet.field) ?? []) {
          expect(
            facet.values.some((v) => fromValue(facet.field, v.value) === value),
            `selected ${facet.field} ${value} is listed`,
          ).toBe(true);
        }
      }
      expect(actual, JSON.stringify(f)).toEqual(expectedCounts(f));
    }
  });

  it("pages by cursor through every result exactly once, newest first", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: {
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean };
      } = await search({}, { first: 7, after });
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toHaveLength(rows.length);
    expect(new Set(seen).size).toBe(rows.length);
    expect(pages).toBe(Math.ceil(rows.length / 7));
  });

  it("finds positions by the words of their quotes and by any of the holder's names", async () => {
    const written = await search({}, { query: '"written commitments"' });
    expect(written.totalCount).toBe(2);
    const pakistan = await api.t.db.actor.findUniqueOrThrow({ where: { key: "pakistan-government" } });
    const held = rows.filter((r) => r.actorId === pakistan.id).length;
    const byAlias = await search({ actorIds: [pakistan.id] }, { query: "Islamabad" });
    expect(byAlias.totalCount).toBe(held);
    const none = await search({}, { query: "zeppelin" });
    expect(none).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("names a bad argument: a malformed date, an ID of another type, a foreign cursor", async () => {
    const date = await api.gql(SEARCH, { filter: { from: "2022-13-01" } });
    expect(date.errors?.[0]?.message).toMatch(/Date|from/);
    const wrongId = await api.gql(SEARCH, { filter: { actorIds: [encodeGlobalID("Event", 1)] } });
    expect(wrongId.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.actorIds" });
    const cursor = await api.gql(SEARCH, { after: "bm90IGEgY3Vyc29y" });
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
  });
});
