import { defined } from "@parley/schema";
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { given, type MutationResult, mutate, resultAs, successOf } from "./given.ts";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();
const the = given(api);
let editor: Record<string, string>;
let admin: Record<string, string>;

const CLAIM =
  "claim { id quote stance version speakerLabel speaker { name } source { title } event { title contested } actor { name } }";
type SourceS = {
  id: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
  version: number;
  outlet: { name: string } | null;
  cites: { name: string }[];
};
type ClaimC = { id: string; quote: string; stance: string; version: number };
const source = (field: "createSource" | "updateSource", input: object) =>
  mutate<MutationResult<string, { source: SourceS }>>(
    api,
    editor,
    field,
    input,
    `... on ${field === "createSource" ? "CreateSourceSuccess" : "UpdateSourceSuccess"} { source { id title url publishedAt publishedPrecision language author version outlet { name } cites { name } } }`,
  );
const claim = (field: "createClaim" | "updateClaim", input: object, headers = editor) =>
  mutate<MutationResult<string, { claim: ClaimC }>>(
    api,
    headers,
    field,
    input,
    `... on ${field === "createClaim" ? "CreateClaimSuccess" : "UpdateClaimSuccess"} { ${CLAIM} }`,
  );

beforeAll(async () => {
  editor = await api.as("EDITOR");
  admin = await api.as("ADMIN");
});

describe("sources", () => {
  let id: string;

  it("creates a source with its outlet and the outlets it cites", async () => {
    const [dawn, tolo] = await Promise.all([the.id("actor", "dawn"), the.id("actor", "tolonews")]);
    const result = await source("createSource", {
      title: "Talks with TTP to continue",
      url: "https://www.dawn.com/news/1",
      publishedAt: "2022-06-02",
      language: "en",
      outletId: dawn,
      citedOutletIds: [tolo],
    });
    expect(successOf(result).source).toMatchObject({
      title: "Talks with TTP to continue",
      publishedAt: "2022-06-02",
      publishedPrecision: "DAY",
      version: 1,
      outlet: { name: "Dawn" },
      cites: [{ name: "TOLOnews" }],
    });
    id = successOf(result).source.id;
  });

  it("refuses a URL that is not http(s), a bad language tag and an outlet that is not an actor", async () => {
    const event = await the.id("event", "eid-truce-2022");
    const result = await source("createSource", {
      title: "Bad",
      url: "ftp://example.org/x",
      language: "English",
      outletId: event,
    });
    expect(resultAs(result, "ValidationError").problems.map((p) => p.field)).toEqual(["input.url", "input.language"]);
    const wrongType = await source("createSource", { title: "Bad", outletId: event });
    expect(resultAs(wrongType, "ValidationError").problems).toEqual([
      { field: "input.outletId", message: "is not an ID of type Actor" },
    ]);
  });

  it("updates a source, clears its URL and refuses a stale version", async () => {
    const result = await source("updateSource", {
      id,
      version: 1,
      url: null,
      author: "Staff reporter",
      citedOutletIds: [],
    });
    expect(successOf(result).source).toMatchObject({ url: null, author: "Staff reporter", cites: [], version: 2 });
    expect(await source("updateSource", { id, version: 1, title: "Stale" })).toMatchObject({
      __typename: "ConflictError",
      currentVersion: 2,
    });
    expect(defined((await the.revisions("Source", id)).at(-1), "the last revision of the source").changes).toEqual({
      url: ["https://www.dawn.com/news/1", null],
      author: [null, "Staff reporter"],
      cites: [[await the.id("actor", "tolonews")], []],
    });
  });
});

describe("claims", () => {
  let sourceId: string;
  let eventId: string;
  let claimId: string;
  beforeAll(async () => {
    sourceId = successOf(await source("createSource", { title: "Field report", publishedAt: "2022-06-05" })).source.id;
    eventId = successOf(
      await mutate<MutationResult<"CreateEventSuccess", { event: { id: string } }>>(
        api,
        editor,
        "createEvent",
        { type: "ATTACK", title: "Checkpoint attack", startDate: "2022-06-04" },
        "... on CreateEventSuccess { event { id } }",
      ),
    ).event.id;
  });

  it("creates a claim about an event with a described speaker", async () => {
    const result = await claim("createClaim", {
      sourceId,
      eventId,
      quote: "Militants attacked the checkpoint at dawn.",
      speakerLabel: "a local police official",
    });
    expect(successOf(result).claim).toMatchObject({
      stance: "ASSERTS",
      version: 1,
      speaker: null,
      speakerLabel: "a local police official",
      source: { title: "Field report" },
      event: { title: "Checkpoint attack", contested: false },
    });
    claimId = successOf(result).claim.id;
  });

  it("marks the event contested once another claim denies it", async () => {
    const ttp = await the.id("actor", "ttp");
    const result = await claim("createClaim", {
      sourceId,
      eventId,
      quote: "We had nothing to do with it.",
      stance: "DENIES",
      speakerId: ttp,
    });
    expect(successOf(result).claim).toMatchObject({
      stance: "DENIES",
      speaker: { name: "Tehrik-i-Taliban Pakistan" },
      event: { contested: true },
    });
  });

  it("wants exactly one subject and one kind of speaker", async () => {
    const ttp = await the.id("actor", "ttp");
    const neither = await claim("createClaim", { sourceId, quote: "Something happened." });
    expect(neither).toMatchObject({ __typename: "ValidationError", field: "input.eventId" });
    const both = await claim("createClaim", {
      sourceId,
      eventId,
      actorId: ttp,
      quote: "Something happened.",
      speakerId: ttp,
      speakerLabel: "someone",
    });
    expect(resultAs(both, "ValidationError").problems.map((p) => p.field)).toEqual([
      "input.eventId",
      "input.speakerLabel",
    ]);
    const unknownSource = await claim("createClaim", {
      sourceId: encodeGlobalID("Source", 999999),
      eventId,
      quote: "Something happened.",
    });
    expect(resultAs(unknownSource, "ValidationError").problems).toEqual([
      { field: "input.sourceId", message: `no Source has the ID ${encodeGlobalID("Source", 999999)}` },
    ]);
  });

  it("moves a claim to an actor and swaps a described speaker for a known one", async () => {
    const [ttp, mujahid] = await Promise.all([the.id("actor", "ttp"), the.id("actor", "zabihullah-mujahid")]);
    const result = await claim("updateClaim", { id: claimId, version: 1, actorId: ttp, speakerId: mujahid });
    expect(successOf(result).claim).toMatchObject({
      version: 2,
      event: null,
      actor: { name: "Tehrik-i-Taliban Pakistan" },
      speakerLabel: null,
      speaker: { name: "Zabihullah Mujahid" },
    });
    expect(
      defined((await the.revisions("Claim", claimId)).at(-1), "the last revision of the claim").changes,
    ).toMatchObject({
      event: [eventId, null],
      actor: [null, ttp],
      speakerLabel: ["a local police official", null],
    });
    expect(await claim("updateClaim", { id: claimId, version: 1, quote: "Stale." })).toMatchObject({
      __typename: "ConflictError",
      currentVersion: 2,
    });
  });

  it("deletes a claim with the version read, recording its last state", async () => {
    const remove = (version: number) =>
      mutate(api, editor, "deleteClaim", { id: claimId, version }, "... on DeleteClaimSuccess { deletedId }");
    expect(await remove(1)).toMatchObject({ __typename: "ConflictError" });
    expect(await remove(2)).toEqual({ __typename: "DeleteClaimSuccess", deletedId: claimId });
    expect((await the.revisions("Claim", claimId)).at(-1)).toMatchObject({
      action: "DELETE",
      version: 2,
      changes: expect.objectContaining({ quote: "Militants attacked the checkpoint at dawn." }),
    });
  });

  it("deletes a source with its claims, each with a DELETE revision, and uncontests the event", async () => {
    const claims = await api.t.db.claim.findMany({ where: { source: { title: "Field report" } } });
    expect(claims.length).toBeGreaterThan(0);
    const result = await mutate(
      api,
      admin,
      "deleteSource",
      { id: sourceId, version: 1 },
      "... on DeleteSourceSuccess { deletedId }",
    );
    expect(result).toEqual({ __typename: "DeleteSourceSuccess", deletedId: sourceId });
    for (const c of claims)
      expect((await the.revisions("Claim", encodeGlobalID("Claim", c.id))).at(-1)).toMatchObject({
        action: "DELETE",
        changes: expect.objectContaining({ reason: `source ${sourceId} was deleted` }),
      });
    const event = await api.gql(`query($id: ID!) { event(id: $id) { contested claims { id } } }`, { id: eventId });
    expect(dataOf(event).event).toEqual({ contested: false, claims: [] });
  });
});

describe("listing sources", () => {
  it("pages newest first, undated last, the same forward and backward, ties and all", async () => {
    // Same-day and undated sources beside the demo's, so that the order's ties and nulls are paged through.
    for (const [i, date] of ["2022-05-18", "2022-05-18", null, "2019-01-01", null, "2022-05-18"].entries()) {
      await api.t.db.source.create({
        data: { title: `Paging source ${i}`, publishedAt: date ? new Date(date) : null },
      });
    }
    const query = `query($first: Int, $after: String, $last: Int, $before: String) { sources(first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id publishedAt } } } }`;
    type Page = {
      sources: {
        totalCount: number;
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string | null;
        };
        edges: { node: { id: string; publishedAt: string | null } }[];
      };
    };
    const all = dataOf(await api.gql<Page>(query, { first: 100 })).sources;
    const everything = all.edges.map((e) => e.node);
    expect(everything.length).toBe(all.totalCount);
    expect(everything.filter((s) => s.publishedAt === null).length).toBeGreaterThanOrEqual(2);
    // The order itself: dates descending, undated last, ties by ID descending.
    const key = (s: { id: string; publishedAt: string | null }) =>
      [s.publishedAt ?? "", Number(decodeGlobalID(s.id).id)] as const;
    for (let i = 1; i < everything.length; i++) {
      const [a, b] = [
        key(defined(everything[i - 1], "everything[i - 1]")),
        key(defined(everything[i], "everything[i]")),
      ];
      expect(
        a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]),
        `${defined(everything[i - 1], "everything[i - 1]").id} before ${defined(everything[i], "everything[i]").id}`,
      ).toBe(true);
    }
    /** Every source's ID, paged three at a time from the newest on, or from the oldest back. */
    async function walk(backward: boolean): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (;;) {
        const page: Page["sources"] = dataOf(
          await api.gql<Page>(query, backward ? { last: 3, before: cursor } : { first: 3, after: cursor }),
        ).sources;
        const got = page.edges.map((e) => e.node.id);
        if (backward) ids.unshift(...got);
        else ids.push(...got);
        if (!(backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage)) return ids;
        cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
      }
    }
    expect(await walk(false)).toEqual(everything.map((s) => s.id));
    expect(await walk(true)).toEqual(everything.map((s) => s.id));
  });

  it("reads one page of rows after a cursor, not every row after it", async () => {
    const first = dataOf(
      await api.gql<{ sources: { pageInfo: { endCursor: string | null } } }>(
        `{ sources(first: 2) { pageInfo { endCursor } } }`,
      ),
    ).sources;
    api.resetQueries();
    const res = await api.gql(`query($after: String) { sources(first: 2, after: $after) { edges { node { id } } } }`, {
      after: first.pageInfo.endCursor,
    });
    expect(res.errors).toBeUndefined();
    const page = api.queries.filter((q) => /FROM "public"\."source"/.test(q) && /ORDER BY/.test(q));
    expect(page.length).toBeGreaterThan(0);
    for (const sql of page) expect(sql).toMatch(/LIMIT/);
  });
});
