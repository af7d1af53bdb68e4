import { defined } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import {
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema.ts";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();

/** Lists that stay plain lists, each bounded by what it lists; every other list of records is a connection. */
const PLAIN_LISTS = [
  "Actor.affiliations", // the titles one actor held
  "Actor.aliasDetails", // an actor's names: at most 200 (the input's bound)
  "Actor.companions", // `first`, at most 50
  "Actor.roleCounts", // one per role
  "Event.claims", // what the reports of one event say
  "Event.participants", // at most 200 (the input's bound)
  "Event.places", // at most 50 (the input's bound)
  "Event.positions", // the positions stated at one event
  "Event.related", // links: at most 50 out (the input's bound), a few in
  "EventCandidatePayload.actors", // the actors one sentence names, at most 200
  "EventSearchResult.facets", // one per facet field
  "EventSearchResult.histogram", // one per month, week or day of the results' span
  "EventSearchResult.places", // `first`, at most 1,000
  "Facet.values", // at most 15 values, and the selected ones
  "Position.claims", // the evidence for one position
  "Position.supersededBy", // the holder's later positions replacing it: one, rarely two
  "PositionFacet.values", // the values of one facet
  "PositionSearchResult.facets", // one per facet field
  "Query.nodes", // `ids`, at most 100
  "Query.searchActors", // `first`, at most 50
  "Source.cites", // at most 50 (the input's bound)
  "ValidationError.problems", // one per field at fault
];

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

const objectTypes = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter((t) => !t.name.startsWith("__"));
const connectionFields = objectTypes.flatMap((parent) =>
  Object.values(parent.getFields())
    .filter((f) => getNamedType(f.type).name.endsWith("Connection"))
    .map((f) => `${parent.name}.${f.name}`),
);

describe("lists and connections", () => {
  it("pages every list that can grow without bound, and keeps plain only the lists bounded by what they list", () => {
    const lists = objectTypes.flatMap((parent) =>
      Object.values(parent.getFields())
        .filter((f) => isList(f.type) && isCompositeType(getNamedType(f.type)))
        .map((f) => `${parent.name}.${f.name}`)
        .filter((c) => !c.endsWith(".edges")),
    );
    expect(lists.sort()).toEqual([...PLAIN_LISTS].sort());
    expect(connectionFields.sort()).toEqual([
      "Actor.events",
      "Actor.members",
      "Actor.positions",
      "Actor.quoted",
      "Actor.revisions",
      "Claim.revisions",
      "Event.revisions",
      "Position.responses",
      "Position.revisions",
      "Process.events",
      "Process.positions",
      "Query.actors",
      "Query.candidateSources",
      "Query.candidates",
      "Query.events",
      "Query.processes",
      "Query.sources",
      "Source.candidates",
      "Source.claims",
      "Source.events",
      "Source.revisions",
    ]);
  });

  it("gives every connection the same arguments, a total count and a page info", () => {
    for (const coordinate of connectionFields) {
      const [parent, name] = coordinate.split(".") as [string, string];
      const field = defined(
        (schema.getType(parent) as GraphQLObjectType).getFields()[name],
        "(schema.getType(parent) as GraphQLObjectType).getFields()[name]",
      );
      expect(
        field.args.map((a) => a.name),
        coordinate,
      ).toEqual(expect.arrayContaining(["first", "last", "after", "before"]));
      const connection = getNamedType(field.type) as GraphQLObjectType;
      expect(Object.keys(connection.getFields()).sort(), coordinate).toEqual(["edges", "pageInfo", "totalCount"]);
    }
  });
});

/** A query for one connection, `ARGS` standing for its arguments; `pick` finds the connection in the answer. */
interface Probe {
  query: string;
  variables?: Record<string, unknown>;
  pick: (data: Probed | null | undefined) => Probed["c"];
  editor?: boolean;
}
/** The answer to a probe: its connection, aliased `c`, at the root or on `node`. */
interface Probed {
  c?: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string }[];
  };
  node?: { c?: Probed["c"] } | null;
}
/** The connection a probe picks out of an answer, or a failure naming it. */
const picked = (probe: Probe, data: Probed | null | undefined, coordinate: string) =>
  defined(probe.pick(data), `${coordinate} in the answer`);

let probes: Record<string, Probe>;
let editor: Record<string, string>;

beforeAll(async () => {
  const db = api.t.db;
  editor = await api.as("EDITOR");
  const source = await db.source.create({ data: { title: "A report for the candidates list" } });
  const another = await db.source.create({ data: { title: "Another report for the queue" } });
  await db.candidate.createMany({
    data: [1, 2, 3].map((i) => ({
      sourceId: i < 3 ? source.id : another.id,
      kind: "ACTOR" as const,
      payload: { actorId: null, text: `Group ${i}`, name: `Group ${i}`, kind: "ARMED_GROUP" },
    })),
  });
  const busiest = async (rows: { id: number; n: number }[]) =>
    defined(rows.sort((a, b) => b.n - a.n)[0], "the row with the most").id;
  const counted = async <T extends { id: number; _count: Record<string, number> }>(rows: T[], relation: string) =>
    busiest(rows.map((r) => ({ id: r.id, n: defined(r._count[relation], `the count of ${relation}`) })));
  const actor = await counted(
    await db.actor.findMany({ include: { _count: { select: { participations: true } } } }),
    "participations",
  );
  const speaker = await counted(
    await db.actor.findMany({ include: { _count: { select: { quoted: true } } } }),
    "quoted",
  );
  const organisation = await counted(
    await db.actor.findMany({ include: { _count: { select: { members: true } } } }),
    "members",
  );
  const holder = await counted(
    await db.actor.findMany({ include: { _count: { select: { positions: true } } } }),
    "positions",
  );
  const answered = await counted(
    await db.position.findMany({ include: { _count: { select: { responses: true } } } }),
    "responses",
  );
  const process = await counted(
    await db.process.findMany({ include: { _count: { select: { events: true } } } }),
    "events",
  );
  const reported = await counted(
    await db.source.findMany({ include: { _count: { select: { claims: true } } } }),
    "claims",
  );
  const one = (type: string, field: string, id: number, what: string): Probe => ({
    query: `query($id: ID!) { node(id: $id) { ... on ${type} { c: ${field}(ARGS) { ${what} } } } }`,
    variables: { id: encodeGlobalID(type, id) },
    pick: (data) => data?.node?.c,
  });
  const root = (field: string, what: string, extra = ""): Probe => ({
    query: `{ c: ${field}(ARGS${extra}) { ${what} } }`,
    pick: (data) => data?.c,
  });
  const page =
    "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { __typename } }";
  const event = (await db.event.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  // A history long enough to page: the demo records only each record's creation.
  await db.revision.createMany({
    data: [1, 2, 3, 4].flatMap((version) => [
      {
        entityType: "Actor",
        entityId: actor,
        action: "UPDATE" as const,
        version: version + 1,
        author: "tests",
        changes: { note: [null, version] },
      },
      {
        entityType: "Event",
        entityId: event,
        action: "UPDATE" as const,
        version: version + 1,
        author: "tests",
        changes: { note: [null, version] },
      },
    ]),
  });
  probes = {
    "Query.events": root("events", page),
    "Query.actors": root("actors", page),
    "Query.sources": root("sources", page),
    "Query.processes": root("processes", page),
    "Query.candidates": { ...root("candidates", page), editor: true },
    "Query.candidateSources": { ...root("candidateSources", page), editor: true },
    "Source.candidates": { ...one("Source", "candidates", source.id, page), editor: true },
    "Actor.events": one("Actor", "events", actor, page),
    "Actor.members": one("Actor", "members", organisation, page.replace("node { __typename }", "node { title }")),
    "Actor.positions": one("Actor", "positions", holder, page),
    "Actor.quoted": one("Actor", "quoted", speaker, page),
    "Actor.revisions": one("Actor", "revisions", actor, page),
    "Event.revisions": one("Event", "revisions", event, page),
    "Position.responses": one("Position", "responses", answered, page),
    "Process.events": one("Process", "events", process, page),
    "Process.positions": one("Process", "positions", process, page),
    "Source.claims": one("Source", "claims", reported, page),
    "Source.events": one("Source", "events", reported, page),
  };
});

async function ask(probe: Probe, args: string) {
  return api.gql<Probed>(probe.query.replace("ARGS", args), probe.variables, probe.editor ? editor : {});
}

describe("cursors", () => {
  it("pages each connection forward to the end and back to the start, each row once, as many as its total count", async () => {
    for (const [coordinate, probe] of Object.entries(probes)) {
      const forward: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let i = 0; i < 50; i++) {
        const res = await ask(probe, after ? `first: 2, after: "${after}"` : "first: 2");
        expect(res.errors, coordinate).toBeUndefined();
        const c = picked(probe, res.data, coordinate);
        total = c.totalCount;
        forward.push(...c.edges.map((e) => e.cursor));
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      const backward: string[] = [];
      let before: string | null = null;
      for (let i = 0; i < 50; i++) {
        const res = await ask(probe, before ? `last: 2, before: "${before}"` : "last: 2");
        const c = picked(probe, res.data, coordinate);
        backward.unshift(...c.edges.map((e) => e.cursor));
        if (!c.pageInfo.hasPreviousPage) break;
        before = c.pageInfo.startCursor;
      }
      expect(forward.length, coordinate).toBeGreaterThan(1);
      expect(new Set(forward).size, coordinate).toBe(total);
      expect(backward, coordinate).toEqual(forward);
    }
  });

  it("refuses a cursor of another connection or a malformed one, naming the argument, on every connection", async () => {
    const cursors: Record<string, string> = {};
    for (const [coordinate, probe] of Object.entries(probes))
      cursors[coordinate] = defined(
        picked(probe, (await ask(probe, "first: 1")).data, coordinate).edges[0],
        `the first edge of ${coordinate}`,
      ).cursor;
    for (const [coordinate, probe] of Object.entries(probes)) {
      const other = coordinate === "Query.events" ? "Actor.events" : "Query.events";
      const foreign = await ask(probe, `first: 1, after: "${cursors[other]}"`);
      expect(
        foreign.errors?.map((e) => [e.extensions?.code, e.extensions?.argument]),
        coordinate,
      ).toEqual([["BAD_USER_INPUT", "after"]]);
      expect(foreign.errors?.[0]?.message, coordinate).toBe(
        `\`after\` is a cursor of \`${other}\`, not of \`${coordinate}\`: a cursor pages only the connection that gave it`,
      );
      const malformed = await ask(probe, `last: 1, before: "R1BDOk46MzA="`);
      expect(
        malformed.errors?.map((e) => [e.extensions?.code, e.extensions?.argument]),
        coordinate,
      ).toEqual([["BAD_USER_INPUT", "before"]]);
      expect(malformed.errors?.[0]?.path?.at(-1), coordinate).toBe("c");
    }
  });

  it("refuses `first` with `last`, `after` with `before`, and a cursor of the other direction, instead of answering one of them", async () => {
    for (const [coordinate, probe] of Object.entries(probes)) {
      const cursor = defined(
        picked(probe, (await ask(probe, "first: 1")).data, coordinate).edges[0],
        `the first edge of ${coordinate}`,
      ).cursor;
      for (const [args, argument] of [
        ["first: 2, last: 2", "last"],
        [`after: "${cursor}", before: "${cursor}"`, "before"],
        [`first: 2, before: "${cursor}"`, "before"],
        [`last: 2, after: "${cursor}"`, "after"],
      ] as const) {
        const res = await ask(probe, args);
        expect(
          res.errors?.map((e) => [e.extensions?.code, e.extensions?.argument]),
          `${coordinate}(${args})`,
        ).toEqual([["BAD_USER_INPUT", argument]]);
      }
    }
  });
});

describe("processes", () => {
  it("page oldest first and undated last, the same forward and backward, reading one page after a cursor", async () => {
    for (const [i, date] of [null, "2021-11-01", null, "2021-11-01"].entries()) {
      await api.t.db.process.create({ data: { name: `Paging process ${i}`, startDate: date ? new Date(date) : null } });
    }
    type Processes = {
      processes: {
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
        edges: { node: { name: string; startDate: string | null } }[];
      };
    };
    const all = dataOf(
      await api.gql<Processes>(`{ processes(first: 100) { edges { node { name startDate } } } }`),
    ).processes.edges.map((e) => e.node);
    const dates = all.map((p) => p.startDate);
    expect(dates.slice(-2)).toEqual([null, null]);
    expect(dates.filter(Boolean)).toEqual([...dates.filter(Boolean)].sort());
    const walk = async (backward: boolean) => {
      const names: string[] = [];
      let cursor: string | null = null;
      for (;;) {
        const args: string = backward
          ? `last: 2${cursor ? `, before: "${cursor}"` : ""}`
          : `first: 2${cursor ? `, after: "${cursor}"` : ""}`;
        const page: Processes["processes"] = dataOf(
          await api.gql<Processes>(
            `{ processes(${args}) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { name } } } }`,
          ),
        ).processes;
        const got = page.edges.map((e) => e.node.name);
        if (backward) names.unshift(...got);
        else names.push(...got);
        if (!(backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage)) return names;
        cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
        if (!backward) api.resetQueries();
      }
    };
    expect(await walk(false)).toEqual(all.map((p: { name: string }) => p.name));
    const afterCursor = api.queries.filter((q) => /FROM "public"\."process"/.test(q) && /ORDER BY/.test(q));
    expect(afterCursor.length).toBeGreaterThan(0);
    for (const sql of afterCursor) expect(sql).toMatch(/LIMIT/);
    expect(await walk(true)).toEqual(all.map((p: { name: string }) => p.name));
  });
});

describe("page sizes", () => {
  it("refuses every page size out of bounds with one wording and one code, naming the argument", async () => {
    const actor = encodeGlobalID("Actor", (await api.t.db.actor.findFirstOrThrow({ orderBy: { id: "asc" } })).id);
    const refusals = [
      [`{ events(first: 101) { totalCount } }`, "`first` must be between 0 and 100; got 101"],
      [`{ sources(last: -1) { totalCount } }`, "`last` must be between 0 and 100; got -1"],
      [
        `query($id: ID!) { actor(id: $id) { events(last: 101) { totalCount } } }`,
        "`last` must be between 0 and 100; got 101",
      ],
      [
        `query($id: ID!) { actor(id: $id) { revisions(first: 500) { totalCount } } }`,
        "`first` must be between 0 and 100; got 500",
      ],
      [
        `query($id: ID!) { actor(id: $id) { companions(first: 51) { sharedEvents } } }`,
        "`first` must be between 0 and 50; got 51",
      ],
      [`{ searchEvents(first: 101) { totalCount } }`, "`first` must be between 0 and 100; got 101"],
      [`{ searchEvents(last: -1) { totalCount } }`, "`last` must be between 0 and 100; got -1"],
      [`{ searchEvents(first: 0) { places(first: 1001) { count } } }`, "`first` must be between 0 and 1000; got 1001"],
      [`{ searchPositions(first: 0) { totalCount } }`, "`first` must be between 1 and 100; got 0"],
      [`{ searchActors(query: "TTP", first: 51) { score } }`, "`first` must be between 1 and 50; got 51"],
    ] as const;
    for (const [query, message] of refusals) {
      const res = await api.gql(query, query.includes("$id") ? { id: actor } : {});
      const argument = message.slice(1, message.indexOf("`", 1));
      expect(
        res.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.argument]),
        query,
      ).toEqual([[message, "BAD_USER_INPUT", argument]]);
    }
  });
});

describe("SQL statements for pages inside pages", () => {
  const PAGE = `query($first: Int!) { sources(first: $first) { edges { node {
    title revisions(first: 3) { totalCount edges { node { action } } }
    events(first: 3) { totalCount edges { node { title participants { actor { name } } revisions(last: 2) { edges { node { author } } } } } }
    claims(first: 3) { totalCount edges { node { quote speaker { name } } } }
  } } } }`;

  it("reads each source's events, claims and histories in as many statements for every source as for 2", async () => {
    const counts: number[] = [];
    for (const first of [2, 100]) {
      api.resetQueries();
      const res = await api.gql<{
        sources: { edges: { node: { events: { edges: unknown[] }; claims: { edges: unknown[] } } }[] };
      }>(PAGE, { first });
      expect(res.errors).toBeUndefined();
      expect(dataOf(res).sources.edges.length).toBeGreaterThanOrEqual(Math.min(first, 5));
      expect(
        dataOf(res).sources.edges.some((e) => e.node.events.edges.length > 0 && e.node.claims.edges.length > 0),
      ).toBe(true);
      counts.push(api.queries.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
