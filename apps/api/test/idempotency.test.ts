import { purgeKeys } from "@parley/db";
import { defined } from "@parley/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf, type MutationResult, resultAs } from "./given.ts";
import { dataOf, type GraphQLResponse, useApi } from "./harness.ts";

const api = useApi({ demo: false });
let editor: Record<string, string>;
let other: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  [editor, other, admin] = await Promise.all([
    api.as("EDITOR", "first desk"),
    api.as("EDITOR", "second desk"),
    api.as("ADMIN"),
  ]);
});

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${errorsOf("createEvent")} ... on CreateEventSuccess { event { id title version } } } }`;
const event = (title: string) => ({ type: "STATEMENT", title, startDate: "2025-11-09" });
const keyed = (headers: Record<string, string>, key: string) => ({ ...headers, "idempotency-key": key });
type Created = MutationResult<"CreateEventSuccess", { event: { id: string; title: string; version: number } }>;
const create = (input: object, headers: Record<string, string>) =>
  api.gql<{ createEvent: Created }>(CREATE, { input }, headers);
/** The ID of the event a create answered with. */
const createdId = (answer: GraphQLResponse<{ createEvent: Created }>) =>
  resultAs(dataOf(answer).createEvent, "CreateEventSuccess").event.id;
const count = (title: string) => api.t.db.event.count({ where: { title } });
const revisions = () => api.t.db.revision.count();

describe("a write retried with its idempotency key", () => {
  it("answers the first event again and writes nothing more: no second event, no revision", async () => {
    const first = await create(event("Keyed statement"), keyed(editor, "key-1"));
    expect(dataOf(first).createEvent.__typename).toBe("CreateEventSuccess");
    const history = await revisions();
    const again = await create(event("Keyed statement"), keyed(editor, "key-1"));
    expect(dataOf(again).createEvent).toEqual(dataOf(first).createEvent);
    expect(await count("Keyed statement")).toBe(1);
    expect(await revisions()).toBe(history);
  });

  it("refuses the same key with other input as BAD_USER_INPUT, and writes nothing", async () => {
    await create(event("First use of a key"), keyed(editor, "key-2"));
    const reused = await create(event("Another event under the same key"), keyed(editor, "key-2"));
    expect(reused.errors).toEqual([
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", argument: "Idempotency-Key" } }),
    ]);
    expect(defined(defined(reused.errors, "reused.errors")[0], "reused.errors[0]").message).toMatch(
      /already used for createEvent with other arguments/,
    );
    expect(await count("Another event under the same key")).toBe(0);
  });

  it("keeps each token's keys apart: the same key from another token is another write", async () => {
    const mine = await create(event("Same key, two desks"), keyed(editor, "key-3"));
    const theirs = await create(event("Same key, two desks"), keyed(other, "key-3"));
    expect(createdId(theirs)).not.toBe(createdId(mine));
    expect(await count("Same key, two desks")).toBe(2);
  });

  it("takes `clientMutationId` in the input as the write's key", async () => {
    const input = { ...event("Keyed in the input"), clientMutationId: "input-key-1" };
    const first = await create(input, editor);
    const again = await create(input, editor);
    expect(createdId(again)).toBe(createdId(first));
    expect(await count("Keyed in the input")).toBe(1);
    const reused = await create({ ...event("Other input"), clientMutationId: "input-key-1" }, editor);
    expect(reused.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", argument: "input.clientMutationId" });
  });

  it("applies a header key to each mutation of a request by its response key, so a resent request writes nothing", async () => {
    const both = `mutation { a: createEvent(input: { type: VISIT, title: "Aliased visit", startDate: "2025-11-01" }) { ${errorsOf("createEvent")} ... on CreateEventSuccess { event { id } } }
      b: createEvent(input: { type: VISIT, title: "Aliased visit", startDate: "2025-11-01" }) { ${errorsOf("createEvent")} ... on CreateEventSuccess { event { id } } } }`;
    const first = await api.gql<{ a: Created; b: Created }>(both, {}, keyed(editor, "key-4"));
    expect(resultAs(dataOf(first).a, "CreateEventSuccess").event.id).not.toBe(
      resultAs(dataOf(first).b, "CreateEventSuccess").event.id,
    );
    const again = await api.gql(both, {}, keyed(editor, "key-4"));
    expect(again.data).toEqual(first.data);
    expect(await count("Aliased visit")).toBe(2);
  });

  it("answers an update retried with its key with the record, where a retry without a key would conflict", async () => {
    const renamed = createdId(await create(event("To be renamed"), editor));
    const UPDATE = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { ${errorsOf("updateEvent")} ... on UpdateEventSuccess { event { title version } } } }`;
    const input = { id: renamed, version: 1, title: "Renamed once" };
    type Updated = { updateEvent: MutationResult<"UpdateEventSuccess", { event: { title: string; version: number } }> };
    const first = await api.gql<Updated>(UPDATE, { input }, keyed(editor, "key-5"));
    expect(dataOf(first).updateEvent).toEqual({
      __typename: "UpdateEventSuccess",
      event: { title: "Renamed once", version: 2 },
    });
    expect(dataOf(await api.gql(UPDATE, { input }, keyed(editor, "key-5"))).updateEvent).toEqual(
      dataOf(first).updateEvent,
    );
    expect(dataOf(await api.gql<Updated>(UPDATE, { input }, editor)).updateEvent.__typename).toBe("ConflictError");
  });

  it("answers a delete retried with its key with the deleted ID, and a retried create whose event was deleted since with NotFoundError", async () => {
    const id = createdId(await create(event("Short-lived"), keyed(editor, "key-6")));
    const DELETE = `mutation($input: DeleteInput!) { deleteEvent(input: $input) { ${errorsOf("deleteEvent")} ... on DeleteEventSuccess { deletedId } } }`;
    const first = await api.gql(DELETE, { input: { id, version: 1 } }, keyed(admin, "key-7"));
    expect(dataOf(first).deleteEvent).toEqual({ __typename: "DeleteEventSuccess", deletedId: id });
    expect(dataOf(await api.gql(DELETE, { input: { id, version: 1 } }, keyed(admin, "key-7"))).deleteEvent).toEqual(
      dataOf(first).deleteEvent,
    );
    const recreated = await create(event("Short-lived"), keyed(editor, "key-6"));
    expect(dataOf(recreated).createEvent).toMatchObject({ __typename: "NotFoundError", typename: "Event", id });
    expect(await count("Short-lived")).toBe(0);
  });

  it("records no key for a refused write, so the same key may carry the corrected input", async () => {
    const refused = await create({ ...event("Dated wrongly"), endDate: "2025-01-01" }, keyed(editor, "key-8"));
    expect(dataOf(refused).createEvent.__typename).toBe("ValidationError");
    const corrected = await create(event("Dated wrongly"), keyed(editor, "key-8"));
    expect(dataOf(corrected).createEvent.__typename).toBe("CreateEventSuccess");
    expect(await count("Dated wrongly")).toBe(1);
  });

  it("writes once when the same keyed request arrives several times at once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => create(event("Sent six times at once"), keyed(editor, "key-9"))),
    );
    expect(new Set(answers.map(createdId)).size).toBe(1);
    expect(await count("Sent six times at once")).toBe(1);
  });

  it("refuses an empty key and one over 255 characters as BAD_USER_INPUT", async () => {
    for (const key of ["", "k".repeat(256)]) {
      const res = await create({ ...event("Badly keyed"), clientMutationId: key }, editor);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", argument: "input.clientMutationId" });
    }
    expect(await count("Badly keyed")).toBe(0);
  });

  it("keeps keys for 24 hours: a day-old key still answers, and purging drops only older ones", async () => {
    const first = await create(event("Kept a day"), keyed(editor, "key-10"));
    await create(event("Kept longer"), keyed(editor, "key-11"));
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await api.t.db.idempotencyKey.updateMany({ where: { key: "key-10" }, data: { createdAt: hoursAgo(23.5) } });
    await api.t.db.idempotencyKey.updateMany({ where: { key: "key-11" }, data: { createdAt: hoursAgo(24.5) } });
    expect(await purgeKeys(api.t.db)).toBe(1);
    expect(createdId(await create(event("Kept a day"), keyed(editor, "key-10")))).toBe(createdId(first));
    expect(await api.t.db.idempotencyKey.count({ where: { key: { in: ["key-10", "key-11"] } } })).toBe(1);
  });
});
