import { defined } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf, given, type MutationResult, mutate, resultAs } from "./given.ts";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();
const the = given(api);
let editor: Record<string, string>;
let admin: Record<string, string>;

const FRAGMENT = `fragment E on Event { id title type version startDate endDate datePrecision summary outcome fatalities { low best high }
  process { name } places { name } participants { role note actor { name } } related { kind direction event { title } } }`;
/** What FRAGMENT selects. */
interface EventE {
  id: string;
  title: string;
  type: string;
  version: number;
  startDate: string;
  endDate: string | null;
  datePrecision: string;
  summary: string;
  outcome: string | null;
  fatalities: { low: number | null; best: number | null; high: number | null } | null;
  process: { name: string } | null;
  places: { name: string }[];
  participants: { role: string; note: string | null; actor: { name: string } }[];
  related: { kind: string; direction: string; event: { title: string } }[];
}
type Created = MutationResult<"CreateEventSuccess", { event: EventE }>;
type Updated = MutationResult<"UpdateEventSuccess", { event: EventE }>;
const create = (input: object, headers = editor) => mutateEvent<Created>("createEvent", input, headers);
const update = (input: object, headers = editor) => mutateEvent<Updated>("updateEvent", input, headers);

/** The event a create or update answered with, or a failure showing the error that came instead. */
function eventOf(result: Created | Updated): EventE {
  if (!("event" in result)) throw new Error(`expected the event, got ${JSON.stringify(result)}`);
  return result.event;
}

async function mutateEvent<T>(field: string, input: object, headers: Record<string, string>): Promise<T> {
  const res = await api.gql<Record<string, T>>(
    `mutation($input: ${field === "createEvent" ? "CreateEventInput" : "UpdateEventInput"}!) { ${field}(input: $input) {
      ${errorsOf(field)} ... on ${field === "createEvent" ? "CreateEventSuccess" : "UpdateEventSuccess"} { event { ...E } } } } ${FRAGMENT}`,
    { input },
    headers,
  );
  expect(res.errors).toBeUndefined();
  return defined(dataOf(res)[field], `${field} in the answer`);
}

beforeAll(async () => {
  editor = await api.as("EDITOR", "Ayesha (desk editor)");
  admin = await api.as("ADMIN");
});

describe("creating events", () => {
  it("creates an event with participants, places, a process and a link, and answers with it", async () => {
    const [ttp, pakistan, qatar, kabul, process, truce] = await Promise.all([
      the.id("actor", "ttp"),
      the.id("actor", "pakistan-government"),
      the.id("actor", "qatar"),
      the.id("place", "kabul"),
      the.id("process", "pakistan-ttp-talks-2021-2022"),
      the.id("event", "eid-truce-2022"),
    ]);
    const result = await create({
      type: "NEGOTIATION",
      title: "Talks resume in Kabul",
      startDate: "2022-06-01",
      endDate: "2022-06-03",
      outcome: "ONGOING",
      processId: process,
      placeIds: [kabul],
      fatalities: { low: 0, best: 0, high: 0 },
      participants: [
        { actorId: ttp, role: "PARTY" },
        { actorId: pakistan, role: "PARTY" },
        { actorId: qatar, role: "MEDIATOR", note: "by phone" },
      ],
      links: [{ kind: "FOLLOWS", eventId: truce }],
    });
    expect(result.__typename).toBe("CreateEventSuccess");
    expect(eventOf(result)).toMatchObject({
      title: "Talks resume in Kabul",
      version: 1,
      datePrecision: "DAY",
      summary: "",
      endDate: "2022-06-03",
    });
    expect(eventOf(result).process?.name).toMatch(/TTP/);
    expect(eventOf(result).places).toEqual([{ name: "Kabul" }]);
    expect(eventOf(result).participants).toHaveLength(3);
    expect(eventOf(result).related).toEqual([
      { kind: "FOLLOWS", direction: "OUTGOING", event: { title: expect.stringMatching(/Eid/) } },
    ]);
  });

  it("records the creation in the revision history with its author", async () => {
    const result = await create({ type: "STATEMENT", title: "A statement", startDate: "2022-06-10" });
    type Revision = { action: string; author: string; version: number; changes: unknown };
    const res = await api.gql<{ event: { revisions: { edges: { node: Revision }[] } } | null }>(
      `query($id: ID!) { event(id: $id) { revisions { edges { node { action author version changes } } } } }`,
      { id: eventOf(result).id },
    );
    expect(defined(dataOf(res).event, "the event created").revisions.edges.map((e) => e.node)).toEqual([
      {
        action: "CREATE",
        author: expect.stringMatching(/^token:\d+ \(Ayesha \(desk editor\)\)$/),
        version: 1,
        changes: expect.objectContaining({ title: "A statement", startDate: "2022-06-10" }),
      },
    ]);
  });

  it("answers rule violations with a ValidationError naming each field", async () => {
    const ttp = await the.id("actor", "ttp");
    const result = await create({
      type: "ATTACK",
      title: "  ",
      startDate: "2022-06-10",
      endDate: "2022-06-01",
      fatalities: { low: 5, best: 2 },
      participants: [
        { actorId: ttp, role: "PERPETRATOR" },
        { actorId: ttp, role: "PERPETRATOR" },
      ],
    });
    expect(result.__typename).toBe("ValidationError");
    expect(resultAs(result, "ValidationError").problems.map((p) => p.field)).toEqual([
      "input.title",
      "input.fatalities.best",
      "input.participants[1].role",
      "input.endDate",
    ]);
    expect(resultAs(result, "ValidationError").field).toBe("input.title");
  });

  it("names a malformed, wrongly typed or unknown ID at its field", async () => {
    const source = await the.id("source", "voa-2022-05-18");
    const result = await create({
      type: "ATTACK",
      title: "An attack",
      startDate: "2022-06-10",
      placeIds: ["nonsense"],
      participants: [
        { actorId: source, role: "PERPETRATOR" },
        { actorId: encodeGlobalID("Actor", 999999), role: "TARGET" },
      ],
    });
    expect(result.__typename).toBe("ValidationError");
    expect(resultAs(result, "ValidationError").problems).toEqual([
      { field: "input.placeIds[0]", message: "is not an ID of type Place" },
      { field: "input.participants[0].actorId", message: "is not an ID of type Actor" },
      { field: "input.participants[1].actorId", message: `no Actor has the ID ${encodeGlobalID("Actor", 999999)}` },
    ]);
  });

  it("refuses an end date before the start", async () => {
    const result = await create({
      type: "CEASEFIRE",
      title: "Backwards truce",
      startDate: "2022-06-10",
      endDate: "2022-06-01",
    });
    expect(result).toMatchObject({
      __typename: "ValidationError",
      field: "input.endDate",
      message: "input.endDate: must not be before `startDate`",
    });
  });

  it("leaves the GraphQL types to GraphQL: an unknown enum value is refused before anything runs", async () => {
    const res = await api.gql(
      `mutation { createEvent(input: { type: PICNIC, title: "x", startDate: "2022-01-01" }) { __typename } }`,
      {},
      editor,
    );
    expect(res.errors?.[0]?.message).toMatch(/PICNIC/);
  });
});

describe("updating events", () => {
  let id: string;
  beforeAll(async () => {
    id = eventOf(
      await create({ type: "CEASEFIRE", title: "Truce", startDate: "2022-07-01", summary: "First draft." }),
    ).id;
  });

  it("changes only the fields given and moves to the next version", async () => {
    const pakistan = await the.id("actor", "pakistan-government");
    const result = await update({
      id,
      version: 1,
      title: "Monsoon truce",
      participants: [{ actorId: pakistan, role: "PARTY" }],
    });
    expect(result.__typename).toBe("UpdateEventSuccess");
    expect(eventOf(result)).toMatchObject({
      title: "Monsoon truce",
      summary: "First draft.",
      type: "CEASEFIRE",
      version: 2,
    });
    expect(eventOf(result).participants).toEqual([
      { role: "PARTY", note: null, actor: { name: expect.stringMatching(/Pakistan/) } },
    ]);
  });

  it("replaces the lists it is given and keeps the ones it is not", async () => {
    const [ttp, pakistan, kabul, truce] = await Promise.all([
      the.id("actor", "ttp"),
      the.id("actor", "pakistan-government"),
      the.id("place", "kabul"),
      the.id("event", "eid-truce-2022"),
    ]);
    const created = await create({
      type: "NEGOTIATION",
      title: "Kabul round",
      startDate: "2022-05-10",
      participants: [{ actorId: ttp, role: "PARTY" }],
      placeIds: [kabul],
      links: [{ kind: "EXTENDS", eventId: truce }],
    });
    const result = await update({
      id: eventOf(created).id,
      version: 1,
      participants: [{ actorId: pakistan, role: "PARTY" }],
      links: [],
    });
    expect(eventOf(result).participants).toEqual([
      { role: "PARTY", note: null, actor: { name: expect.stringMatching(/Pakistan/) } },
    ]);
    expect(eventOf(result).places).toEqual([{ name: expect.stringMatching(/Kabul/) }]);
    expect(eventOf(result).related.filter((r) => r.direction === "OUTGOING")).toEqual([]);
  });

  it("clears optional fields sent as null", async () => {
    await update({ id, version: 2, endDate: "2022-07-20", outcome: "BROKEN", fatalities: { best: 3 } });
    const result = await update({ id, version: 3, endDate: null, outcome: null, fatalities: null });
    expect(eventOf(result)).toMatchObject({ endDate: null, outcome: null, fatalities: null, version: 4 });
  });

  it("refuses a stale version with a ConflictError and overwrites nothing", async () => {
    const result = await update({ id, version: 1, title: "Overwritten?" });
    expect(result).toMatchObject({ __typename: "ConflictError", expectedVersion: 1, currentVersion: 4 });
    expect(resultAs(result, "ConflictError").message).toMatch(/changed since you read it/);
    const res = await api.gql<{ event: unknown }>(`query($id: ID!) { event(id: $id) { title version } }`, { id });
    expect(dataOf(res).event).toEqual({ title: "Monsoon truce", version: 4 });
  });

  it("lets exactly one of two simultaneous updates from the same version win", async () => {
    const { id: racing } = eventOf(await create({ type: "CEASEFIRE", title: "Race", startDate: "2022-08-01" }));
    const results = await Promise.all([
      update({ id: racing, version: 1, title: "First" }),
      update({ id: racing, version: 1, title: "Second" }),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual(["ConflictError", "UpdateEventSuccess"]);
    const winner = eventOf(
      defined(
        results.find((r) => r.__typename === "UpdateEventSuccess"),
        "the winning update",
      ),
    ).title;
    expect(dataOf(await api.gql(`query($id: ID!) { event(id: $id) { title version } }`, { id: racing })).event).toEqual(
      {
        title: winner,
        version: 2,
      },
    );
    expect((await the.revisions("Event", racing)).map((r) => r.action)).toEqual(["CREATE", "UPDATE"]);
  });

  it("records each update as the fields before and after", async () => {
    const revisions = await the.revisions("Event", id);
    expect(revisions.map((r) => [r.action, r.version])).toEqual([
      ["CREATE", 1],
      ["UPDATE", 2],
      ["UPDATE", 3],
      ["UPDATE", 4],
    ]);
    expect(defined(revisions[1], "revisions[1]").changes).toMatchObject({
      title: ["Truce", "Monsoon truce"],
      participants: [[], [expect.objectContaining({ role: "PARTY" })]],
    });
    expect(defined(revisions[3], "revisions[3]").changes).toEqual({
      endDate: ["2022-07-20", null],
      outcome: ["BROKEN", null],
      fatalitiesBest: [3, null],
    });
  });

  it("leaves the version and the history alone when an update restates what is stored", async () => {
    const { id: same } = eventOf(
      await create({ type: "CEASEFIRE", title: "Same", startDate: "2022-09-01", summary: "Unchanged." }),
    );
    const result = await update({ id: same, version: 1, title: "Same", summary: "Unchanged." });
    expect(result).toMatchObject({ __typename: "UpdateEventSuccess", event: { title: "Same", version: 1 } });
    expect((await the.revisions("Event", same)).map((r) => r.action)).toEqual(["CREATE"]);
    expect(eventOf(await update({ id: same, version: 1, title: "Different" })).version).toBe(2);
  });

  it("checks a new end date against the stored start date", async () => {
    const result = await update({ id, version: 4, endDate: "2022-06-01" });
    expect(result).toMatchObject({ __typename: "ValidationError", field: "input.endDate" });
    expect(await the.version("event", id)).toBe(4);
  });

  it("refuses a link from an event to itself", async () => {
    const result = await update({ id, version: 4, links: [{ kind: "EXTENDS", eventId: id }] });
    expect(result).toMatchObject({
      __typename: "ValidationError",
      field: "input.links[0].eventId",
      message: "input.links[0].eventId: is this event itself",
    });
  });

  it("answers an unknown event with a NotFoundError", async () => {
    const missing = encodeGlobalID("Event", 999999);
    expect(await update({ id: missing, version: 1, title: "Ghost" })).toMatchObject({
      __typename: "NotFoundError",
      typename: "Event",
      id: missing,
    });
  });

  it("answers an ID of another type with a ValidationError on input.id", async () => {
    const actor = await the.id("actor", "ttp");
    expect(await update({ id: actor, version: 1, title: "Wrong" })).toMatchObject({
      __typename: "ValidationError",
      field: "input.id",
    });
  });
});

describe("deleting events", () => {
  const remove = (input: object, headers = admin) =>
    mutate(api, headers, "deleteEvent", input, "... on DeleteEventSuccess { deletedId }");

  it("deletes an event with its claims, recording a DELETE revision for each", async () => {
    const id = await the.id("event", "kabul-talks-2022-05");
    const claims = await api.t.db.claim.count({ where: { event: { key: "kabul-talks-2022-05" } } });
    expect(claims).toBeGreaterThan(0);
    expect(await remove({ id, version: 2 })).toMatchObject({ __typename: "ConflictError", currentVersion: 1 });
    expect(await remove({ id, version: 1 })).toEqual({ __typename: "DeleteEventSuccess", deletedId: id });
    expect(dataOf(await api.gql(`query($id: ID!) { event(id: $id) { id } }`, { id })).event).toBeNull();
    const revisions = await the.revisions("Event", id);
    expect(revisions.at(-1)).toMatchObject({
      action: "DELETE",
      version: 1,
      author: expect.stringMatching(/^token:/),
      changes: expect.objectContaining({ title: expect.any(String) }),
    });
    const claimDeletes = await api.t.db.revision.count({ where: { entityType: "Claim", action: "DELETE" } });
    expect(claimDeletes).toBe(claims);
  });

  it("answers a second delete with a NotFoundError", async () => {
    const id = eventOf(await create({ type: "OTHER", title: "Short-lived", startDate: "2022-01-01" })).id;
    await remove({ id, version: 1 });
    expect(await remove({ id, version: 1 })).toMatchObject({ __typename: "NotFoundError", typename: "Event" });
  });
});
