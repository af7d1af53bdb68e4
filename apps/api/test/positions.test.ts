import { defined } from "@parley/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { given, type MutationResult, mutate, resultAs, successOf } from "./given.ts";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();
const the = given(api);
let editor: Record<string, string>;
let admin: Record<string, string>;

const POSITION =
  "... on CreatePositionSuccess { position { id version kind issue summary startDate datePrecision holder { name } respondsTo { summary } supersedes { summary } } }";

beforeAll(async () => {
  editor = await api.as("EDITOR", "Ayesha (desk editor)");
  admin = await api.as("ADMIN");
});

describe("reading positions", () => {
  it("lists the TTP's positions over time with their quotes and sources", async () => {
    const ttp = await the.id("actor", "ttp");
    type Held = { kind: string; issue: string; startDate: string; claims: { quote: string; stance: string }[] };
    const res = await api.gql<{ actor: { positions: { edges: { node: Held }[] } } | null }>(
      `query($id: ID!) { actor(id: $id) { positions(first: 100) { edges { node { kind issue startDate summary claims { quote stance source { title } } } } } } }`,
      { id: ttp },
    );
    expect(res.errors).toBeUndefined();
    const positions = defined(dataOf(res).actor, "the TTP").positions.edges.map((e) => e.node);
    expect(positions.map((p) => p.startDate)).toEqual([...positions.map((p) => p.startDate)].sort());
    const withdrawal = defined(
      positions.find((p) => p.kind === "DEMAND" && p.issue === "TERRITORY_TROOPS"),
      "the TTP's demand on territory and troops",
    );
    expect(withdrawal.claims.map((c) => c.quote)).toContain(
      "The TTP demands the Pakistani government withdraw troops from northwestern districts on the Afghan border",
    );
    expect(withdrawal.claims.some((c) => c.stance === "DENIES")).toBe(true);
  });

  it("shows on a process who answered whom and which position replaced which", async () => {
    const process = await the.id("process", "afghanistan-pakistan-talks-2025");
    type Answered = { summary: string; supersededBy: unknown[] };
    const res = await api.gql<{ node: { positions: { edges: { node: Answered }[] } } | null }>(
      `query($id: ID!) { node(id: $id) { ... on Process { positions(first: 100) { edges { node { summary kind holder { name } respondsTo { holder { name } kind } supersedes { kind } supersededBy { kind } } } } } } }`,
      { id: process },
    );
    expect(res.errors).toBeUndefined();
    const refusal = defined(
      defined(dataOf(res).node, "the 2025 talks")
        .positions.edges.map((e) => e.node)
        .find((p) => p.summary.startsWith("Refuses to put counter-terrorism commitments")),
      "the refusal to put counter-terrorism commitments in writing",
    );
    expect(refusal).toMatchObject({
      kind: "REFUSAL",
      holder: { name: "Afghan Taliban" },
      respondsTo: { holder: { name: "Government of Pakistan" }, kind: "DEMAND" },
    });
    expect(refusal.supersededBy).toEqual([{ kind: "REFUSAL" }]);
  });

  it("reads the positions stated at an event and a position by its ID", async () => {
    const event = await the.id("event", "ttp-direct-talks-proposal-2025-10");
    const res = await api.gql<{ event: { positions: { id: string; kind: string }[] } | null }>(
      `query($id: ID!) { event(id: $id) { positions { id kind holder { name } event { title } } } }`,
      { id: event },
    );
    const stated = defined(dataOf(res).event, "the proposal of direct talks").positions;
    expect(stated.map((p) => p.kind).sort()).toEqual(["OFFER", "REFUSAL"]);
    const id = defined(stated[0], "a position stated at the event").id;
    const one = await api.gql(
      `query($id: ID!) { position(id: $id) { id revisions { edges { node { action author } } } } }`,
      { id },
    );
    expect(dataOf(one).position).toEqual({
      id,
      revisions: { edges: [{ node: { action: "CREATE", author: "demo dataset" } }] },
    });
  });
});

describe("writing positions", () => {
  it("creates a position answering another actor's, adds its quote as a claim and records the revision", async () => {
    const [pakistan, demand, source] = await Promise.all([
      the.id("actor", "pakistan-government"),
      the.id("position", "ttp-conditions-truce-on-prisoners"),
      the.id("source", "voa-2022-05-18"),
    ]);
    const created = await mutate<MutationResult<"CreatePositionSuccess", { position: { id: string } }>>(
      api,
      editor,
      "createPosition",
      {
        actorId: pakistan,
        kind: "REFUSAL",
        issue: "PRISONERS_AMNESTY",
        summary: "No blanket amnesty.",
        startDate: "2022-05-18",
        respondsToId: demand,
      },
      POSITION,
    );
    expect(created).toMatchObject({
      __typename: "CreatePositionSuccess",
      position: { version: 1, datePrecision: "DAY", holder: { name: "Government of Pakistan" } },
    });
    const id = resultAs(created, "CreatePositionSuccess").position.id;
    const claim = await mutate<MutationResult<"CreateClaimSuccess", { claim: { position: { id: string } | null } }>>(
      api,
      editor,
      "createClaim",
      {
        sourceId: source,
        positionId: id,
        quote: "there would be no 'blanket amnesty'",
        speakerLabel: "security sources",
      },
      "... on CreateClaimSuccess { claim { quote position { id } } }",
    );
    expect(resultAs(claim, "CreateClaimSuccess").claim.position?.id).toBe(id);
    const [revision] = await the.revisions("Position", id);
    expect(revision).toMatchObject({
      action: "CREATE",
      changes: { summary: "No blanket amnesty.", respondsTo: demand },
    });
    expect(defined(revision, "the position's revision").author).toMatch(/Ayesha/);
  });

  it("refuses a position that responds to its own holder, or supersedes another's, naming the field", async () => {
    const [ttp, demand, refusal] = await Promise.all([
      the.id("actor", "ttp"),
      the.id("position", "ttp-demands-troop-withdrawal"),
      the.id("position", "pakistan-rejects-troop-withdrawal"),
    ]);
    const base = {
      actorId: ttp,
      kind: "DEMAND",
      issue: "TERRITORY_TROOPS",
      summary: "Withdraw.",
      startDate: "2022-01-01",
    };
    const own = await mutate(api, editor, "createPosition", { ...base, respondsToId: demand }, "");
    expect(own).toMatchObject({ __typename: "ValidationError", field: "input.respondsToId" });
    const other = await mutate(api, editor, "createPosition", { ...base, supersedesId: refusal }, "");
    expect(other).toMatchObject({ __typename: "ValidationError", field: "input.supersedesId" });
    const bad = await mutate<MutationResult<"CreatePositionSuccess">>(
      api,
      editor,
      "createPosition",
      { ...base, summary: " ", endDate: "2021-01-01" },
      "",
    );
    expect(
      resultAs(bad, "ValidationError")
        .problems.map((p) => p.field)
        .sort(),
    ).toEqual(["input.endDate", "input.summary"]);
    expect(await api.t.db.position.count({ where: { summary: "Withdraw." } })).toBe(0);
  });

  it("updates with the version read, refuses a stale one, and keeps the change in the history", async () => {
    const id = await the.id("position", "ttp-demands-islamic-system");
    const ok = await mutate(
      api,
      editor,
      "updatePosition",
      { id, version: 1, endDate: "2022-11-28" },
      "... on UpdatePositionSuccess { position { version endDate } }",
    );
    expect(ok).toEqual({ __typename: "UpdatePositionSuccess", position: { version: 2, endDate: "2022-11-28" } });
    const stale = await mutate(api, editor, "updatePosition", { id, version: 1, summary: "Sharia." }, "");
    expect(stale).toMatchObject({ __typename: "ConflictError", expectedVersion: 1, currentVersion: 2 });
    expect((await the.revisions("Position", id)).at(-1)).toMatchObject({
      action: "UPDATE",
      version: 2,
      changes: { endDate: [null, "2022-11-28"] },
    });
  });

  it("deletes a position with its claims for an admin only", async () => {
    const id = await the.id("position", "turkey-hosts-istanbul-round");
    const refused = await mutate<MutationResult<"DeletePositionSuccess">>(
      api,
      editor,
      "deletePosition",
      { id, version: 1 },
      "",
    );
    expect(refused.__typename).toBe("ForbiddenError");
    const done = await mutate(
      api,
      admin,
      "deletePosition",
      { id, version: 1 },
      "... on DeletePositionSuccess { deletedId }",
    );
    expect(done).toEqual({ __typename: "DeletePositionSuccess", deletedId: id });
    expect(await api.t.db.position.count({ where: { key: "turkey-hosts-istanbul-round" } })).toBe(0);
    expect(await api.t.db.claim.count({ where: { quote: "Turkey hosted this round of talks" } })).toBe(0);
    expect((await the.revisions("Position", id)).at(-1)?.action).toBe("DELETE");
  });

  it("refuses every position write without a token and writes nothing", async () => {
    const [ttp, id] = await Promise.all([
      the.id("actor", "ttp"),
      the.id("position", "ttp-demands-semi-autonomous-status"),
    ]);
    const before = await api.t.db.position.count();
    const attempts: [string, object][] = [
      ["createPosition", { actorId: ttp, kind: "DEMAND", issue: "RECOGNITION", summary: "x", startDate: "2022-01-01" }],
      ["updatePosition", { id, version: 1, summary: "changed" }],
      ["deletePosition", { id, version: 1 }],
    ];
    for (const [field, input] of attempts) {
      const result = await mutate<MutationResult<`${string}Success`>>(api, {}, field, input, "");
      expect(result.__typename).toBe("ForbiddenError");
      expect(resultAs(result, "ForbiddenError").reason).toBe("TOKEN_MISSING");
      expect(resultAs(result, "ForbiddenError").message).toMatch(
        /position needs an? (editor|admin) token: send `Authorization: Bearer <token>`/,
      );
    }
    expect(await api.t.db.position.count()).toBe(before);
    const kept = await api.t.db.position.findUniqueOrThrow({ where: { key: "ttp-demands-semi-autonomous-status" } });
    expect(kept.version).toBe(1);
  });

  it("keeps an actor that holds positions instead of deleting it", async () => {
    const created = await mutate<MutationResult<"CreateActorSuccess", { actor: { id: string } }>>(
      api,
      editor,
      "createActor",
      { name: "Holder Only", kind: "OTHER" },
      "... on CreateActorSuccess { actor { id } }",
    );
    const actorId = successOf(created).actor.id;
    await mutate(
      api,
      editor,
      "createPosition",
      { actorId, kind: "OFFER", issue: "RECOGNITION", summary: "Recognise.", startDate: "2024-01-01" },
      "",
    );
    const result = await mutate<MutationResult<"DeleteActorSuccess">>(
      api,
      admin,
      "deleteActor",
      { id: actorId, version: 1 },
      "",
    );
    expect(result).toMatchObject({ __typename: "ValidationError", field: "input.id" });
    expect(resultAs(result, "ValidationError").message).toMatch(/1 position\(s\)/);
  });
});

describe("SQL statements for positions", () => {
  const PAGE = `query($id: ID!) { searchPositions(first: 50) { edges { node { kind holder { name } claims { quote source { title } } respondsTo { summary } } } }
    node(id: $id) { ... on Process { positions(first: 100) { edges { node { kind holder { name } claims { quote speaker { name } } supersededBy { kind } } } } } } }`;

  it("reads a page of positions with holders, claims and links in a fixed number of statements", async () => {
    const process = await the.id("process", "pakistan-ttp-talks-2021-2022");
    api.resetQueries();
    const res = await api.gql<{
      searchPositions: { edges: unknown[] };
      node: { positions: { edges: unknown[] } } | null;
    }>(PAGE, { id: process });
    expect(res.errors).toBeUndefined();
    expect(dataOf(res).searchPositions.edges.length).toBeGreaterThanOrEqual(40);
    expect(defined(dataOf(res).node, "the TTP talks").positions.edges.length).toBeGreaterThanOrEqual(25);
    const statements = api.queries.filter((q) => !/^(BEGIN|COMMIT|SELECT 1)/i.test(q.trim())).length;
    // 15 measured: the search (2), facet labels (2), each nested selection once; N+1 would be over 100.
    expect(statements).toBeLessThanOrEqual(16);
  });
});
