import { createApiToken } from "@parley/db";
import { ingestReport } from "@parley/ingest";
import { defined } from "@parley/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, type GraphQLResponse, useApi } from "./harness.ts";

const api = useApi();
let editor: Record<string, string>;
let reader: Record<string, string>;

const report =
  "Talks Resume\n\nThe Afghan Taliban hosted talks between Pakistan and the TTP in Kabul on Wednesday.\nMaulana Hamidul Haq visited Kabul.";
const EVENTS = `{ events(first: 100) { totalCount } }`;
type Events = { events: { totalCount: number } };
const PAYLOAD = `payload {
  __typename
  ... on EventCandidatePayload { type title date precision quote place { name country place { id } } actors { name kind role actor { id name } } }
  ... on ActorCandidatePayload { name kind }
  ... on CitationCandidatePayload { name quote outlet { id } }
}`;
const CANDIDATES = `query ($status: CandidateStatus) { candidates(status: $status, first: 50) { totalCount edges { node { id kind status ${PAYLOAD} source { title } } } } }`;
type EventPayload = {
  __typename: "EventCandidatePayload";
  type: string;
  title: string;
  date: string | null;
  precision: string;
  quote: string;
  actors: { name: string; actor: { name: string } | null }[];
};
type Payload = EventPayload | { __typename: "ActorCandidatePayload" } | { __typename: "CitationCandidatePayload" };
type Candidates = {
  candidates: { edges: { node: { id: string; kind: string; payload: Payload; source: { title: string } } }[] };
};
/** The event candidates of a CANDIDATES answer, their payloads read as events'. */
function eventCandidates(answer: GraphQLResponse<Candidates>) {
  return dataOf(answer).candidates.edges.flatMap(({ node }) =>
    node.kind === "EVENT" && node.payload.__typename === "EventCandidatePayload"
      ? [{ ...node, payload: node.payload }]
      : [],
  );
}
type Result = { __typename: string };
const ACCEPT = `mutation ($input: AcceptCandidateInput!) {
  acceptCandidate(input: $input) {
    __typename
    ... on AcceptCandidateSuccess { candidate { status recordId } }
    ... on ValidationError { field }
    ... on Error { message }
  }
}`;
const UPDATE = `mutation ($input: UpdateCandidateInput!) {
  updateCandidate(input: $input) { __typename ... on ValidationError { field problems { field message } } ... on UpdateCandidateSuccess { candidate { ${PAYLOAD} } } }
}`;

beforeAll(async () => {
  const bearer = async (role: "EDITOR" | "READER") => {
    const { secret } = await createApiToken(api.t.db, { role, name: role, author: "test" });
    return { authorization: `Bearer ${secret}` };
  };
  editor = await bearer("EDITOR");
  reader = await bearer("READER");
});

describe("reviewing candidates over GraphQL", () => {
  it("keeps ingested candidates out of the events until accepted, and shows them to editors only", async () => {
    const before = dataOf(await api.gql<Events>(EVENTS)).events.totalCount;
    await ingestReport(api.t.db, { file: "talks.txt", content: report, date: "2022-05-18" });
    expect(dataOf(await api.gql<Events>(EVENTS)).events.totalCount).toBe(before);
    const denied = await api.gql(CANDIDATES, {}, reader);
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const listed = await api.gql<Candidates>(CANDIDATES, {}, editor);
    const kinds = dataOf(listed).candidates.edges.map((e) => e.node.kind);
    expect(kinds).toContain("EVENT");
    expect(defined(dataOf(listed).candidates.edges[0], "a candidate").node.source.title).toBe("Talks Resume");
  });

  it("accepts an event candidate for an editor, and the event is then listed", async () => {
    const before = dataOf(await api.gql<Events>(EVENTS)).events.totalCount;
    const talks = defined(
      eventCandidates(await api.gql<Candidates>(CANDIDATES, {}, editor)).find(
        (n) => n.payload.type === "NEGOTIATION" && n.payload.date,
      ),
      "the dated candidate of the talks",
    );
    expect(talks.payload).toMatchObject({
      __typename: "EventCandidatePayload",
      precision: "DAY",
      place: { name: "Kabul", country: "AF" },
    });
    expect(talks.payload.actors.map((a) => a.actor?.name ?? a.name)).toEqual(
      expect.arrayContaining(["Afghan Taliban", "Tehrik-i-Taliban Pakistan"]),
    );
    const forbidden = await api.gql<{ acceptCandidate: Result }>(ACCEPT, { input: { id: talks.id } }, reader);
    expect(dataOf(forbidden).acceptCandidate.__typename).toBe("ForbiddenError");
    const accepted = await api.gql<{ acceptCandidate: Result & { candidate?: { recordId: string } } }>(
      ACCEPT,
      { input: { id: talks.id, event: { title: "Talks in Kabul" } } },
      editor,
    );
    expect(dataOf(accepted).acceptCandidate).toMatchObject({
      __typename: "AcceptCandidateSuccess",
      candidate: { status: "ACCEPTED" },
    });
    const event = await api.gql(`query ($id: ID!) { event(id: $id) { title claims { quote } } }`, {
      id: defined(dataOf(accepted).acceptCandidate.candidate, "the accepted candidate").recordId,
    });
    expect(dataOf(event).event).toEqual({ title: "Talks in Kabul", claims: [{ quote: talks.payload.quote }] });
    expect(dataOf(await api.gql<Events>(EVENTS)).events.totalCount).toBe(before + 1);
    const again = await api.gql(ACCEPT, { input: { id: talks.id } }, editor);
    expect(dataOf(again).acceptCandidate).toMatchObject({ __typename: "ValidationError", field: "input.id" });
  });

  it("rejects and edits candidates, returning validation and not-found errors as data", async () => {
    const visit = defined(
      eventCandidates(await api.gql<Candidates>(CANDIDATES, {}, editor)).find((n) => n.payload.type === "VISIT"),
      "the candidate of the visit",
    );
    const blank = await api.gql(UPDATE, { input: { id: visit.id, event: { title: "" } } }, editor);
    expect(dataOf(blank).updateCandidate).toMatchObject({ __typename: "ValidationError", field: "input.event.title" });
    const wrongKind = await api.gql(UPDATE, { input: { id: visit.id, actor: { name: "Someone" } } }, editor);
    expect(dataOf(wrongKind).updateCandidate).toMatchObject({ __typename: "ValidationError", field: "input.actor" });
    const unknownActor = await api.gql(
      UPDATE,
      {
        input: {
          id: visit.id,
          event: {
            actors: [{ actorId: Buffer.from("Actor:999999").toString("base64"), name: "Nobody", kind: "PERSON" }],
          },
        },
      },
      editor,
    );
    expect(dataOf(unknownActor).updateCandidate).toMatchObject({
      __typename: "ValidationError",
      field: "input.event.actors[0].actorId",
    });
    const edited = await api.gql(
      UPDATE,
      { input: { id: visit.id, event: { type: "NEGOTIATION", date: "2022-05-20", place: null } } },
      editor,
    );
    expect(dataOf(edited).updateCandidate).toMatchObject({
      __typename: "UpdateCandidateSuccess",
      candidate: { payload: { type: "NEGOTIATION", date: "2022-05-20", precision: "DAY", place: null } },
    });
    // A quote is checked against the report when accepting, where the claim is made.
    const notQuoted = await api.gql(
      ACCEPT,
      { input: { id: visit.id, event: { quote: "Words the report never used." } } },
      editor,
    );
    expect(dataOf(notQuoted).acceptCandidate).toMatchObject({
      __typename: "ValidationError",
      field: "input.event.quote",
    });
    const rejected = await api.gql(
      `mutation ($id: ID!) { rejectCandidate(input: { id: $id }) { __typename ... on RejectCandidateSuccess { candidate { status } } } }`,
      { id: visit.id },
      editor,
    );
    expect(dataOf(rejected).rejectCandidate).toEqual({
      __typename: "RejectCandidateSuccess",
      candidate: { status: "REJECTED" },
    });
    const missing = await api.gql<{ rejectCandidate: Result }>(
      `mutation ($id: ID!) { rejectCandidate(input: { id: $id }) { __typename } }`,
      { id: Buffer.from("Candidate:999999").toString("base64") },
      editor,
    );
    expect(dataOf(missing).rejectCandidate.__typename).toBe("NotFoundError");
    const malformed = await api.gql(
      `mutation { rejectCandidate(input: { id: "nope" }) { __typename ... on ValidationError { field } } }`,
      {},
      editor,
    );
    expect(dataOf(malformed).rejectCandidate).toEqual({ __typename: "ValidationError", field: "input.id" });
  });

  it("shows the reviewer a date the report left unresolved, and every sentence that proposed the event", async () => {
    const undated =
      "Truce Holds\n\nThe TTP and Pakistan agreed a ceasefire on Wednesday in Kabul.\nThe ceasefire between the TTP and Pakistan was agreed in Kabul.";
    await ingestReport(api.t.db, { file: "undated.txt", content: undated });
    const query = `{ candidates(first: 50) { edges { node { source { title } payload { ... on EventCandidatePayload { type date unresolvedDate quotes } } } } } }`;
    type Undated = { source: { title: string }; payload: { type?: string; quotes?: string[] } };
    const answer = await api.gql<{ candidates: { edges: { node: Undated }[] } }>(query, {}, editor);
    const ceasefire = defined(
      dataOf(answer)
        .candidates.edges.map((e) => e.node)
        .find((n) => n.source.title === "Truce Holds" && n.payload.type === "CEASEFIRE"),
      "the ceasefire candidate of the undated report",
    );
    expect(ceasefire.payload).toMatchObject({ date: null, unresolvedDate: expect.stringMatching(/Wednesday/) });
    expect(ceasefire.payload.quotes).toContainEqual(
      expect.stringMatching(/^The TTP and Pakistan agreed a ceasefire on Wednesday/),
    );
  });
});
