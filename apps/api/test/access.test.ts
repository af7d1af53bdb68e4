import { revokeApiToken } from "@parley/db";
import { defined } from "@parley/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { given, type MutationResult, mutate, successOf } from "./given.ts";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();
const the = given(api);

const createEvent = (headers: Record<string, string>) =>
  mutate<MutationResult<"CreateEventSuccess", { event: { id: string } }>>(
    api,
    headers,
    "createEvent",
    { type: "STATEMENT", title: "Access check", startDate: "2022-01-01" },
    "... on CreateEventSuccess { event { id } }",
  );
const countWrites = async () => ({
  events: await api.t.db.event.count(),
  revisions: await api.t.db.revision.count({ where: { entityType: { not: "ApiToken" } } }),
});

describe("writing", () => {
  it("is refused without a token, as a ForbiddenError that says how to get one, and writes nothing", async () => {
    const before = await countWrites();
    const result = await createEvent({});
    expect(result).toEqual({
      __typename: "ForbiddenError",
      message: expect.stringMatching(/^Creating an event needs an editor token: send `Authorization: Bearer <token>`/),
      reason: "TOKEN_MISSING",
      neededRole: "EDITOR",
    });
    expect(await countWrites()).toEqual(before);
  });

  it("is refused with an unknown, malformed or revoked token, each with its own reason", async () => {
    const before = await countWrites();
    const editor = await api.as("EDITOR");
    const tokenId = (await api.t.db.apiToken.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    await revokeApiToken(api.t.db, tokenId, "tests");
    const revoked = {
      __typename: "ForbiddenError",
      message: "The API token has been revoked: ask an admin for a new one.",
      reason: "TOKEN_REVOKED",
      neededRole: "EDITOR",
    };
    expect(await createEvent(editor)).toEqual(revoked);
    for (const authorization of [
      "Bearer prly_not-a-real-token",
      "Basic dXNlcjpwYXNz",
      "Bearer",
      `Bearer ${defined(editor.authorization, "editor.authorization").slice(7, -2)}`,
    ]) {
      expect(await createEvent({ authorization })).toEqual({
        __typename: "ForbiddenError",
        message: "The API token is unknown: check that it was copied whole (tokens start with `prly_`).",
        reason: "TOKEN_UNKNOWN",
        neededRole: "EDITOR",
      });
    }
    expect(await countWrites()).toEqual(before);
  });

  it("is refused to a reader token", async () => {
    const result = await createEvent(await api.as("READER"));
    expect(result).toEqual({
      __typename: "ForbiddenError",
      message: "Creating an event needs an editor token; this one is a reader token.",
      reason: "ROLE_TOO_LOW",
      neededRole: "EDITOR",
    });
  });

  it("records when a token was last used, at most once a minute", async () => {
    const editor = await api.as("EDITOR", "Desk");
    const token = await api.t.db.apiToken.findFirstOrThrow({ where: { name: "Desk" } });
    expect(token.lastUsedAt).toBeNull();
    const before = Date.now();
    await api.gql(`{ viewer { role } }`, {}, editor);
    const first = defined(
      (await api.t.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt,
      "(await api.t.db.apiToken.findUniqueOrThrow({ where: { id: token.id …",
    );
    expect(first.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await api.gql(`{ viewer { role } }`, {}, editor);
    expect((await api.t.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(first);
    // A minute later, the next request records the new time.
    await api.t.db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await api.gql(`{ viewer { role } }`, {}, editor);
    expect(
      defined(
        (await api.t.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt,
        "the token's last use",
      ).getTime(),
    ).toBeGreaterThanOrEqual(before);
  });

  it("is allowed to editors, and the revision names the token", async () => {
    const editor = await api.as("EDITOR", "Newsroom importer");
    const result = await createEvent(editor);
    expect(result.__typename).toBe("CreateEventSuccess");
    const tokenId = (await api.t.db.apiToken.findFirstOrThrow({ where: { name: "Newsroom importer" } })).id;
    expect(
      defined((await the.revisions("Event", successOf(result).event.id))[0], "the event's first revision").author,
    ).toBe(`token:${tokenId} (Newsroom importer)`);
  });

  it("leaves deleting events, actors and sources and merging actors to admins", async () => {
    const editor = await api.as("EDITOR");
    const event = successOf(await createEvent(editor));
    const [ttp, qatar, voa] = await Promise.all([
      the.id("actor", "ttp"),
      the.id("actor", "qatar"),
      the.id("source", "voa-2022-05-18"),
    ]);
    const attempts: [string, object, string][] = [
      [
        "deleteEvent",
        { id: event.event.id, version: 1 },
        "Deleting an event needs an admin token; this one is an editor token.",
      ],
      [
        "deleteActor",
        { id: qatar, version: 1 },
        "Deleting an actor needs an admin token; this one is an editor token.",
      ],
      ["deleteSource", { id: voa, version: 1 }, "Deleting a source needs an admin token; this one is an editor token."],
      [
        "mergeActors",
        { survivorId: ttp, mergedId: qatar, survivorVersion: 1 },
        "Merging actors needs an admin token; this one is an editor token.",
      ],
    ];
    for (const [field, input, message] of attempts) {
      expect(await mutate(api, editor, field, input, "")).toEqual({
        __typename: "ForbiddenError",
        message,
        reason: "ROLE_TOO_LOW",
        neededRole: "ADMIN",
      });
    }
    expect(
      await mutate(api, await api.as("ADMIN"), "deleteEvent", { id: event.event.id, version: 1 }, ""),
    ).toMatchObject({ __typename: "DeleteEventSuccess" });
  });

  it("checks the token before the input, so a refused caller learns nothing about the data", async () => {
    const result = await mutate<MutationResult<"UpdateEventSuccess">>(
      api,
      {},
      "updateEvent",
      { id: "nonsense", version: 1, title: "" },
      "",
    );
    expect(result.__typename).toBe("ForbiddenError");
  });

  it("never echoes the token back", async () => {
    const editor = await api.as("EDITOR");
    const res = await api.fetch({
      method: "POST",
      headers: { "content-type": "application/json", ...editor },
      body: JSON.stringify({
        query: `mutation { createEvent(input: { type: OTHER, title: "", startDate: "2022-01-01" }) { __typename ... on Error { message } } }`,
      }),
    });
    const text = await res.text();
    expect(text).not.toContain(defined(editor.authorization, "editor.authorization").slice("Bearer ".length));
    const stored = await api.t.db.apiToken.findMany();
    expect(
      stored.every((t) => !JSON.stringify(t).includes(defined(editor.authorization, "editor.authorization").slice(7))),
    ).toBe(true);
  });
});

describe("reading", () => {
  const query = `{ viewer { name role } events(first: 1) { totalCount } }`;

  it("is open by default, and the viewer is null without a token", async () => {
    const res = await api.gql(query);
    expect(res.data).toMatchObject({ viewer: null, events: { totalCount: expect.any(Number) } });
  });

  it("names the token's holder and role", async () => {
    const res = await api.gql(`{ viewer { name role } }`, {}, await api.as("READER", "Analyst"));
    expect(dataOf(res).viewer).toEqual({ name: "Analyst", role: "READER" });
  });

  describe("with PARLEY_READ_ACCESS=token", () => {
    const closed = () => api.withEnv({ PARLEY_READ_ACCESS: "token" });
    let reader: Record<string, string>;
    beforeAll(async () => {
      reader = await api.as("READER");
    });

    it("refuses a query without a token with 401 and says why", async () => {
      const res = await closed().gql(query);
      expect(res.status).toBe(401);
      expect(res.data).toBeUndefined();
      expect(res.errors).toEqual([
        {
          message:
            "Reading on this server needs a reader token: send `Authorization: Bearer <token>` (make one with `pnpm parley token create --role reader`).",
          extensions: { code: "UNAUTHENTICATED", reason: "TOKEN_MISSING" },
        },
      ]);
    });

    it("refuses an unknown token and a revoked one, each with its own reason", async () => {
      const unknown = await closed().gql(query, {}, { authorization: "Bearer prly_never-issued" });
      expect(unknown.status).toBe(401);
      expect(unknown.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "TOKEN_UNKNOWN" });
      const token = await api.as("READER", "to revoke");
      await revokeApiToken(
        api.t.db,
        (await api.t.db.apiToken.findFirstOrThrow({ where: { name: "to revoke" } })).id,
        "tests",
      );
      const revoked = await closed().gql(query, {}, token);
      expect(revoked.status).toBe(401);
      expect(revoked.errors).toEqual([
        {
          message: "The API token has been revoked: ask an admin for a new one.",
          extensions: { code: "UNAUTHENTICATED", reason: "TOKEN_REVOKED" },
        },
      ]);
    });

    it("lets a reader read but not write", async () => {
      const res = await closed().gql<{ viewer: { role: string } }>(query, {}, reader);
      expect(res.status).toBe(200);
      expect(dataOf(res).viewer.role).toBe("READER");
      const write = await closed().gql<{ createEvent: { __typename: string } }>(
        `mutation { createEvent(input: { type: OTHER, title: "x", startDate: "2022-01-01" }) { __typename } }`,
        {},
        reader,
      );
      expect(dataOf(write).createEvent.__typename).toBe("ForbiddenError");
    });

    it("answers an anonymous write with the same ForbiddenError as when reading is open", async () => {
      const write = await closed().gql(
        `mutation { createEvent(input: { type: OTHER, title: "x", startDate: "2022-01-01" }) { __typename ... on Error { message } } }`,
      );
      expect(dataOf(write).createEvent).toEqual({
        __typename: "ForbiddenError",
        message: expect.stringMatching(/^Creating an event needs an editor token: send/),
      });
    });
  });
});
