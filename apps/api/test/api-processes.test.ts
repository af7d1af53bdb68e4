import { defined } from "@parley/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./api-process.ts";
import { type MutationResult, resultAs } from "./given.ts";
import { dataOf, useApi } from "./harness.ts";

/**
 * Two API servers in two Node processes on one database, spoken to over real HTTP: what one
 * writes, the other reads, searches and counts at once (search-consistency.test.ts covers the
 * change log underneath, in one process).
 */
const db = useApi({ demo: true });
let a: ApiProcess;
let b: ApiProcess;
let editor: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  editor = await db.as("EDITOR", "first desk");
  admin = await db.as("ADMIN", "second desk");
  [a, b] = await Promise.all([startApiProcess(db.t.url), startApiProcess(db.t.url)]);
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const SEARCH = `query($q: String, $filter: EventFilter) { searchEvents(query: $q, filter: $filter) {
  totalCount edges { node { id title } } facets { field values { value count } } } }`;
const EVENT = `query($id: ID!) { event(id: $id) { id title type version participants { role actor { name } } } }`;

type Found = {
  searchEvents: {
    totalCount: number;
    edges: { node: { id: string; title: string } }[];
    facets: { field: string; values: { value: string; count: number }[] }[];
  };
};

async function search(api: ApiProcess, q: string, filter: object = {}) {
  const res = await api.gql<Found>(SEARCH, { q, filter });
  expect(res.errors).toBeUndefined();
  return dataOf(res).searchEvents;
}

describe("two API processes on one database", () => {
  it("show what either one writes in the other's reads, searches and facets, and share versions", async () => {
    const actor = await a.gql<{ createActor: MutationResult<"CreateActorSuccess", { actor: { id: string } }> }>(
      `mutation { createActor(input: { name: "Jamaat-ul-Ahrar", kind: ARMED_GROUP, country: "PK", aliases: [{ name: "JuA", kind: ACRONYM }] }) {
        __typename ... on CreateActorSuccess { actor { id } } } }`,
      {},
      editor,
    );
    const actorId = resultAs(dataOf(actor).createActor, "CreateActorSuccess").actor.id;
    const created = await a.gql<{
      createEvent: MutationResult<"CreateEventSuccess", { event: { id: string; version: number } }>;
    }>(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { __typename ... on CreateEventSuccess { event { id version } } } }`,
      {
        input: {
          type: "ATTACK",
          title: "Kalashprobe attack on a checkpoint",
          startDate: "2024-06-02",
          participants: [{ actorId, role: "PERPETRATOR" }],
        },
      },
      editor,
    );
    expect(dataOf(created).createEvent.__typename).toBe("CreateEventSuccess");
    const eventId = resultAs(dataOf(created).createEvent, "CreateEventSuccess").event.id;

    const seen = await search(b, "Kalashprobe");
    expect(seen.totalCount).toBe(1);
    expect(defined(seen.edges[0], "the event written through the other process").node.id).toBe(eventId);
    expect(
      defined(
        seen.facets.find((f) => f.field === "ACTOR"),
        "the ACTOR facet",
      ).values,
    ).toContainEqual({
      value: actorId,
      count: 1,
    });
    expect((await search(b, "", { actorIds: [actorId] })).totalCount).toBe(1);
    expect(
      dataOf(await b.gql<{ searchActors: unknown[] }>(`{ searchActors(query: "JuA") { actor { id } matchedName } }`))
        .searchActors[0],
    ).toEqual({
      actor: { id: actorId },
      matchedName: "JuA",
    });
    expect(dataOf(await b.gql(EVENT, { id: eventId })).event).toMatchObject({
      title: "Kalashprobe attack on a checkpoint",
      participants: [{ role: "PERPETRATOR", actor: { name: "Jamaat-ul-Ahrar" } }],
    });

    const updated = await b.gql(
      `mutation { updateEvent(input: { id: "${eventId}", version: 1, type: AIRSTRIKE }) { __typename ... on UpdateEventSuccess { event { version } } } }`,
      {},
      editor,
    );
    expect(dataOf(updated).updateEvent).toEqual({ __typename: "UpdateEventSuccess", event: { version: 2 } });
    expect((await search(a, "Kalashprobe", { types: ["AIRSTRIKE"] })).totalCount).toBe(1);
    expect((await search(a, "Kalashprobe", { types: ["ATTACK"] })).totalCount).toBe(0);
    expect(dataOf(await a.gql(EVENT, { id: eventId })).event).toMatchObject({ type: "AIRSTRIKE", version: 2 });

    // The version read through one process guards writes through the other.
    const stale = await a.gql(
      `mutation { updateEvent(input: { id: "${eventId}", version: 1, title: "stale" }) { __typename ... on ConflictError { currentVersion } } }`,
      {},
      editor,
    );
    expect(dataOf(stale).updateEvent).toEqual({ __typename: "ConflictError", currentVersion: 2 });

    const deleted = await b.gql<{ deleteEvent: { __typename: string } }>(
      `mutation { deleteEvent(input: { id: "${eventId}", version: 2 }) { __typename } }`,
      {},
      admin,
    );
    expect(dataOf(deleted).deleteEvent.__typename).toBe("DeleteEventSuccess");
    expect((await search(a, "Kalashprobe")).totalCount).toBe(0);
    expect(dataOf(await a.gql(EVENT, { id: eventId })).event).toBeNull();
    const [totalA, totalB] = await Promise.all([search(a, ""), search(b, "")]);
    expect(totalA.totalCount).toBe(totalB.totalCount);
    expect(totalA.facets).toEqual(totalB.facets);
  }, 60_000);
});
