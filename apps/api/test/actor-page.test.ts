import { defined } from "@parley/schema";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { given, type MutationResult, mutate, successOf } from "./given.ts";
import { dataOf, type GraphQLResponse, useApi } from "./harness.ts";

// What an actor's page reads: its roles with counts, the actors it shares events with, and its
// events paged from the newest back. Every count is checked against the participant rows.
const api = useApi();
const the = given(api);
let editor: Record<string, string>;

beforeAll(async () => {
  editor = await api.as("EDITOR");
});

const numeric = (globalId: string) => Number(decodeGlobalID(globalId).id);

/** Every actor's events, and every event's actors, read from the database. */
async function participations() {
  const rows = await api.t.db.participant.findMany({ select: { eventId: true, actorId: true, role: true } });
  const actorsOf = new Map<number, Set<number>>();
  for (const r of rows) actorsOf.set(r.eventId, (actorsOf.get(r.eventId) ?? new Set()).add(r.actorId));
  return { rows, actorsOf };
}

/** The actors sharing events with `actorId`, most shared first, ties by ID: counted event by event. */
async function companionsByHand(actorId: number) {
  const { actorsOf } = await participations();
  const shared = new Map<number, number>();
  for (const actors of actorsOf.values()) {
    if (!actors.has(actorId)) continue;
    for (const other of actors) if (other !== actorId) shared.set(other, (shared.get(other) ?? 0) + 1);
  }
  return [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id, events]) => ({ id, events }));
}

const COMPANIONS = `query($id: ID!, $first: Int) { actor(id: $id) { companions(first: $first) { sharedEvents actor { id name } } } }`;

async function companionsOf(id: string, first = 50) {
  const res = await api.gql<{ actor: { companions: { sharedEvents: number; actor: { id: string } }[] } | null }>(
    COMPANIONS,
    { id, first },
  );
  expect(res.errors).toBeUndefined();
  return defined(dataOf(res).actor, `actor ${id}`).companions.map((c) => ({
    id: numeric(c.actor.id),
    events: c.sharedEvents,
  }));
}

describe("an actor's companions", () => {
  it("are the actors that share its events, counted over every event, the most shared first", async () => {
    for (const key of ["ttp", "qatar", "afghan-taliban"]) {
      const id = await the.id("actor", key);
      const expected = await companionsByHand(numeric(id));
      expect(expected.length, key).toBeGreaterThan(1);
      expect(await companionsOf(id), key).toEqual(expected.slice(0, 50));
      expect(await companionsOf(id, 2), key).toEqual(expected.slice(0, 2));
    }
  });

  it("follow a write at once: a new event with the TTP and an actor it never met", async () => {
    const [ttp, turkey] = await Promise.all([the.id("actor", "ttp"), the.id("actor", "turkey")]);
    const before = await companionsOf(ttp);
    const shared = before.find((c) => c.id === numeric(turkey))?.events ?? 0;
    const created = await mutate<MutationResult<"CreateEventSuccess">>(
      api,
      editor,
      "createEvent",
      {
        type: "NEGOTIATION",
        title: "Turkey hosts a TTP delegation",
        startDate: "2025-11-20",
        participants: [
          { actorId: ttp, role: "PARTY" },
          { actorId: turkey, role: "HOST" },
        ],
      },
      "... on CreateEventSuccess { event { id } }",
    );
    expect(created.__typename).toBe("CreateEventSuccess");
    const after = await companionsOf(ttp);
    expect(after.find((c) => c.id === numeric(turkey))?.events).toBe(shared + 1);
    expect(after).toEqual((await companionsByHand(numeric(ttp))).slice(0, 50));
  });

  it("are none for an actor without events, and refuse a list longer than 50", async () => {
    const created = await mutate<MutationResult<"CreateActorSuccess", { actor: { id: string } }>>(
      api,
      editor,
      "createActor",
      { name: "Nobody in particular", kind: "PERSON" },
      "... on CreateActorSuccess { actor { id } }",
    );
    const nobody = successOf(created).actor.id;
    expect(await companionsOf(nobody)).toEqual([]);
    const res = await api.gql(COMPANIONS, { id: nobody, first: 51 });
    expect(res.errors?.[0]).toMatchObject({
      message: "`first` must be between 0 and 50; got 51",
      extensions: { code: "BAD_USER_INPUT", argument: "first" },
    });
  });
});

describe("an actor's roles and events", () => {
  it("counts its appearances in each role, the most first", async () => {
    for (const key of ["ttp", "qatar"]) {
      const id = await the.id("actor", key);
      const { rows } = await participations();
      const byRole = new Map<string, number>();
      for (const r of rows) if (r.actorId === numeric(id)) byRole.set(r.role, (byRole.get(r.role) ?? 0) + 1);
      const expected = [...byRole]
        .map(([role, count]) => ({ role, count }))
        .sort((a, b) => b.count - a.count || a.role.localeCompare(b.role));
      const res = await api.gql<{ actor: { roleCounts: unknown[]; events: { totalCount: number } } | null }>(
        `query($id: ID!) { actor(id: $id) { roleCounts { role count } events { totalCount } } }`,
        { id },
      );
      const actor = defined(dataOf(res).actor, key);
      expect(actor.roleCounts, key).toEqual(expected);
      expect(expected.reduce((n, r) => n + r.count, 0)).toBe(actor.events.totalCount);
    }
  });

  it("pages its events from the newest back, and forward again, in date order", async () => {
    const id = await the.id("actor", "ttp");
    const page = `query($id: ID!, $last: Int, $before: String, $first: Int, $after: String) { actor(id: $id) {
      events(last: $last, before: $before, first: $first, after: $after) { totalCount
        pageInfo { hasPreviousPage hasNextPage startCursor endCursor } edges { node { event { id startDate } } } } } }`;
    type Event = { id: string; startDate: string };
    type Page = {
      actor: {
        events: {
          totalCount: number;
          pageInfo: { hasPreviousPage: boolean; hasNextPage: boolean; startCursor: string; endCursor: string };
          edges: { node: { event: Event } }[];
        };
      } | null;
    };
    const eventsOf = (answer: GraphQLResponse<Page>) => defined(dataOf(answer).actor, "the TTP").events;
    const all = eventsOf(await api.gql<Page>(page, { id, first: 100 }));
    const everything = all.edges.map((e) => e.node.event);
    expect(everything.length).toBe(all.totalCount);
    expect(everything.map((e) => e.startDate)).toEqual([...everything.map((e) => e.startDate)].sort());
    const pages: { events: Event[]; endCursor: string }[] = [];
    let before: string | null = null;
    for (;;) {
      const res: GraphQLResponse<Page> = await api.gql<Page>(page, { id, last: 5, before });
      expect(res.errors).toBeUndefined();
      const { edges, pageInfo } = eventsOf(res);
      pages.unshift({ events: edges.map((e) => e.node.event), endCursor: pageInfo.endCursor });
      if (!pageInfo.hasPreviousPage) break;
      before = pageInfo.startCursor;
    }
    expect(pages.length).toBe(Math.ceil(everything.length / 5));
    expect(pages.flatMap((p) => p.events)).toEqual(everything);
    // From the oldest page forward again: the events after it, in order.
    const oldest = defined(pages[0], "the oldest page");
    const next = eventsOf(await api.gql<Page>(page, { id, first: 5, after: oldest.endCursor }));
    expect(next.edges.map((e) => e.node.event)).toEqual(
      everything.slice(oldest.events.length, oldest.events.length + 5),
    );
  });

  it("reads one page of rows after a cursor, not every row after it", async () => {
    const id = await the.id("actor", "ttp");
    const page = `query($id: ID!, $after: String, $before: String, $first: Int, $last: Int) { actor(id: $id) {
      events(first: $first, after: $after, last: $last, before: $before) { pageInfo { startCursor endCursor } edges { node { role } } } } }`;
    const opening = defined(
      dataOf(
        await api.gql<{ actor: { events: { pageInfo: { endCursor: string | null } } } | null }>(page, { id, first: 3 }),
      ).actor,
      "the TTP",
    ).events.pageInfo;
    for (const variables of [
      { first: 3, after: opening.endCursor },
      { last: 3, before: opening.endCursor },
    ]) {
      api.resetQueries();
      const res = await api.gql(page, { id, ...variables });
      expect(res.errors).toBeUndefined();
      const reads = api.queries.filter((q) => /FROM "public"\."participant"/.test(q) && /ORDER BY/.test(q));
      expect(reads.length).toBeGreaterThan(0);
      for (const sql of reads) expect(sql, JSON.stringify(variables)).toMatch(/LIMIT/);
    }
  });
});
