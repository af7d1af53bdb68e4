import { defined } from "@parley/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf, given, type MutationResult, successOf } from "./given.ts";
import { dataOf, type GraphQLResponse, useApi } from "./harness.ts";

const api = useApi();
let editor: Record<string, string>;
let reader: Record<string, string>;

const REPORT =
  "Talks Resume in Kabul\n\nThe Afghan Taliban hosted talks between Pakistan and the TTP in Kabul on Wednesday.\nThe Khorasan Peace Council welcomed the talks.";
const HTML = `<!doctype html><html><head><title>Site | Truce agreed in Doha</title></head><body><nav>Home | World | Sport</nav>
<article><h1>Truce agreed in Doha</h1><p>Pakistan and the TTP agreed a ceasefire in Doha on Tuesday, officials said. Qatar mediated the talks between the two sides over three days.</p>
<p>The ceasefire between Pakistan and the TTP is to hold for a month, according to officials in Doha who spoke after the talks.</p></article><footer>Subscribe to our newsletter</footer></body></html>`;

const INGEST = `mutation ($input: IngestReportInput!) { ingestReport(input: $input) { ${errorsOf("ingestReport")} ... on IngestReportSuccess { source { id title publishedAt document: text candidates { totalCount edges { node { id kind status payload { __typename ... on ActorCandidatePayload { name } ... on EventCandidatePayload { type quote } } } } } } } } }`;
const MERGE = `mutation ($input: MergeCandidateInput!) { mergeCandidate(input: $input) { ${errorsOf("mergeCandidate")} ... on MergeCandidateSuccess { candidate { status recordId } } } }`;
const QUEUE = `{ candidateSources(first: 50) { totalCount edges { node { id title pending: candidates(status: PENDING) { totalCount } } } } }`;

type Ingested = {
  ingestReport: MutationResult<
    "IngestReportSuccess",
    {
      source: {
        id: string;
        title: string;
        publishedAt: string | null;
        document: string | null;
        candidates: {
          totalCount: number;
          edges: {
            node: { id: string; kind: string; status: string; payload: { __typename: string; type?: string } };
          }[];
        };
      };
    }
  >;
};
const ingest = async (input: object, headers = editor) =>
  dataOf(await api.gql<Ingested>(INGEST, { input }, headers)).ingestReport;
type Queue = {
  candidateSources: { totalCount: number; edges: { node: { id: string; title: string; pending: unknown } }[] };
};

beforeAll(async () => {
  editor = await api.as("EDITOR", "Desk editor");
  reader = await api.as("READER");
});

describe("ingesting a report over GraphQL", () => {
  it("stores a pasted report as a source with its text and queues its candidates, signed by the token", async () => {
    const answer = await ingest({ content: REPORT, date: "2022-05-18", clientMutationId: "paste-1" });
    expect(answer.__typename).toBe("IngestReportSuccess");
    const { source } = successOf(answer);
    expect(source).toMatchObject({
      title: "Talks Resume in Kabul",
      publishedAt: "2022-05-18",
      document: expect.stringContaining("hosted talks between Pakistan"),
    });
    const nodes = source.candidates.edges.map((e) => e.node);
    expect(nodes.some((n) => n.kind === "EVENT" && n.payload.type === "NEGOTIATION")).toBe(true);
    expect(nodes.every((n) => n.status === "PENDING")).toBe(true);
    const revisions = await given(api).revisions("Source", source.id);
    expect(revisions.map((r) => r.author)).toEqual([expect.stringMatching(/^token:\d+ \(Desk editor\)$/)]);
  });

  it("answers a retry with the same key with the first report, stored once", async () => {
    const count = () => api.t.db.source.count({ where: { title: "Talks Resume in Kabul" } });
    const before = await count();
    const first = await ingest({ content: REPORT, date: "2022-05-18", clientMutationId: "paste-2" });
    const again = await ingest({ content: REPORT, date: "2022-05-18", clientMutationId: "paste-2" });
    expect(successOf(again).source.id).toBe(successOf(first).source.id);
    expect(await count()).toBe(before + 1);
    const reused = await api.gql(
      INGEST,
      { input: { content: `${REPORT}\nMore.`, clientMutationId: "paste-2" } },
      editor,
    );
    expect(reused.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "input.clientMutationId",
    });
  });

  it("reads an uploaded HTML page without its navigation and takes its headline as the title", async () => {
    const { source } = successOf(await ingest({ content: HTML, fileName: "truce.html", date: "2025-10-21" }));
    expect(source.title).toBe("Truce agreed in Doha");
    expect(source.document).toContain("Qatar mediated the talks");
    expect(source.document).not.toMatch(/Subscribe|Home \| World/);
    expect(source.candidates.edges.some((e) => e.node.payload.type === "CEASEFIRE")).toBe(true);
  });

  it("refuses readers, empty reports and bad dates as data, storing nothing", async () => {
    const sources = await api.t.db.source.count();
    expect(await ingest({ content: REPORT }, reader)).toMatchObject({
      __typename: "ForbiddenError",
      reason: "ROLE_TOO_LOW",
      neededRole: "EDITOR",
    });
    expect(await ingest({ content: REPORT }, {})).toMatchObject({
      __typename: "ForbiddenError",
      reason: "TOKEN_MISSING",
    });
    expect(await ingest({ content: "   " })).toMatchObject({ __typename: "ValidationError", field: "input.content" });
    expect(await ingest({ content: REPORT, fileName: "../etc/passwd" })).toMatchObject({
      __typename: "ValidationError",
      field: "input.fileName",
    });
    const badDate = await api.gql(INGEST, { input: { content: REPORT, date: "2022-02-30" } }, editor);
    expect(badDate.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await api.t.db.source.count()).toBe(sources);
  });
});

describe("the review queue by report", () => {
  it("lists the reports with pending candidates and their counts to editors, and to no one else", async () => {
    const queue = dataOf(await api.gql<Queue>(QUEUE, {}, editor)).candidateSources;
    expect(queue.totalCount).toBeGreaterThanOrEqual(3);
    expect(defined(queue.edges[0], "the first report in the queue").node).toMatchObject({
      title: "Talks Resume in Kabul",
      pending: { totalCount: expect.any(Number) },
    });
    for (const headers of [reader, {}]) {
      const refused = await api.gql<Queue>(QUEUE, {}, headers);
      expect(refused.data?.candidateSources ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("keeps a source's text and candidates from readers however the source is reached", async () => {
    const [first] = dataOf(await api.gql<Queue>(QUEUE, {}, editor)).candidateSources.edges;
    const id = defined(first, "the first report in the queue").node.id;
    const query = `query ($id: ID!) { source(id: $id) { title text candidates { totalCount } } node(id: $id) { ... on Source { candidates(first: 5) { edges { node { id } } } } } }`;
    const refused = await api.gql(query, { id }, reader);
    expect(dataOf(refused).source).toMatchObject({ title: "Talks Resume in Kabul", text: null, candidates: null });
    expect(refused.errors?.map((e) => e.path?.join("."))).toEqual(
      expect.arrayContaining(["source.text", "source.candidates", "node.candidates"]),
    );
    expect(refused.errors?.every((e) => e.extensions?.code === "FORBIDDEN")).toBe(true);
  });
});

describe("merging an actor candidate into a known actor", () => {
  const pendingActor = async (name: string) => {
    const rows = await api.t.db.candidate.findMany({ where: { kind: "ACTOR", status: "PENDING" } });
    const row = rows.find((r) => (r.payload as { name: string }).name === name);
    if (!row)
      throw new Error(
        `no pending actor candidate ${name}: ${rows.map((r) => (r.payload as { name: string }).name).join(", ")}`,
      );
    return Buffer.from(`Candidate:${row.id}`).toString("base64");
  };

  it("adds the name as an alias of the actor, records it on the actor and creates no actor", async () => {
    const id = await pendingActor("Khorasan Peace Council");
    const ttp = await given(api).id("actor", "ttp");
    const actors = await api.t.db.actor.count();
    expect(await mutateMerge({ id, actorId: ttp }, reader)).toMatchObject({
      __typename: "ForbiddenError",
      reason: "ROLE_TOO_LOW",
    });
    const merged = await mutateMerge(
      { id, actorId: ttp, aliasKind: "INFORMAL_NAME", clientMutationId: "merge-1" },
      editor,
    );
    expect(merged).toEqual({ __typename: "MergeCandidateSuccess", candidate: { status: "ACCEPTED", recordId: ttp } });
    expect(await api.t.db.actor.count()).toBe(actors);
    const names = await api.gql<{ actor: { aliasDetails: unknown[] } | null }>(
      `query ($id: ID!) { actor(id: $id) { aliasDetails { name kind } } }`,
      { id: ttp },
    );
    expect(defined(dataOf(names).actor, "the TTP").aliasDetails).toContainEqual({
      name: "Khorasan Peace Council",
      kind: "INFORMAL_NAME",
    });
    const last = defined((await given(api).revisions("Actor", ttp)).at(-1), "the TTP's last revision");
    expect(last.author).toMatch(/Desk editor/);
    expect(JSON.stringify(last.changes)).toContain("Khorasan Peace Council");
    expect(
      await mutateMerge({ id, actorId: ttp, aliasKind: "INFORMAL_NAME", clientMutationId: "merge-1" }, editor),
    ).toEqual(merged);
    expect(await mutateMerge({ id, actorId: ttp }, editor)).toMatchObject({
      __typename: "ValidationError",
      field: "input.id",
    });
  });

  it("refuses event candidates, unknown actors and IDs of another type as data", async () => {
    const event = await api.t.db.candidate.findFirstOrThrow({ where: { kind: "EVENT", status: "PENDING" } });
    const ttp = await given(api).id("actor", "ttp");
    const eventId = Buffer.from(`Candidate:${event.id}`).toString("base64");
    expect(await mutateMerge({ id: eventId, actorId: ttp }, editor)).toMatchObject({
      __typename: "ValidationError",
      field: "input.id",
      message: expect.stringMatching(/Only actor candidates/),
    });
    const actorCandidate = await api.t.db.candidate.findFirstOrThrow({ where: { kind: "ACTOR", status: "PENDING" } });
    const id = Buffer.from(`Candidate:${actorCandidate.id}`).toString("base64");
    expect(await mutateMerge({ id, actorId: Buffer.from("Actor:999999").toString("base64") }, editor)).toMatchObject({
      __typename: "NotFoundError",
      typename: "Actor",
    });
    expect(await mutateMerge({ id, actorId: eventId }, editor)).toMatchObject({
      __typename: "ValidationError",
      field: "input.actorId",
    });
  });
});

async function mutateMerge(input: object, headers: Record<string, string>) {
  const res = await api.gql(MERGE, { input }, headers);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return dataOf(res).mergeCandidate;
}

describe("the body limit for reports", () => {
  const bigPage = () => HTML.replace("<nav>", `<script>${"var padding = 1;\n".repeat(20_000)}</script><nav>`);
  const post = (headers: Record<string, string>, declareLength: boolean) => {
    const body = JSON.stringify({
      query: INGEST,
      variables: { input: { content: bigPage(), fileName: "big.html", date: "2025-10-21" } },
    });
    const length: Record<string, string> = declareLength ? { "content-length": String(Buffer.byteLength(body)) } : {};
    return api.fetch({ method: "POST", headers: { "content-type": "application/json", ...length, ...headers }, body });
  };

  it("lets an editor's token send a report over PARLEY_MAX_BODY_BYTES, declared or not", async () => {
    expect(bigPage().length).toBeGreaterThan(300_000);
    for (const declared of [true, false]) {
      const res = await post(editor, declared);
      expect(res.status).toBe(200);
      const answer: GraphQLResponse<Ingested> = await res.json();
      expect(successOf(dataOf(answer).ingestReport).source.title).toBe("Truce agreed in Doha");
    }
  });

  it("keeps the smaller limit for readers, unknown tokens and requests without one", async () => {
    for (const headers of [reader, { authorization: "Bearer prly_madeUpToken" }, {}]) {
      for (const declared of [true, false]) {
        const res = await post(headers, declared);
        expect(res.status).toBe(413);
        expect((await res.json()).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
      }
    }
  });
});
