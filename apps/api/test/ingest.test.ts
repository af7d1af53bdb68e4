import { createApiToken } from "@parley/db";
import { ingestReport } from "@parley/ingest";
import { beforeAll, describe, expect, it } from "vitest";
import { useApi } from "./harness.ts";

const api = useApi();
let editor: Record<string, string>;
let reader: Record<string, string>;

const report =
  "Talks Resume\n\nThe Afghan Taliban hosted talks between Pakistan and the TTP in Kabul on Wednesday.\nMaulana Hamidul Haq visited Kabul.";
const EVENTS = `{ events(first: 100) { totalCount } }`;
const PAYLOAD = `payload {
  __typename
  ... on EventCandidatePayload { type title date precision quote place { name country place { id } } actors { name kind role actor { id name } } }
  ... on ActorCandidatePayload { name kind }
  ... on CitationCandidatePayload { name quote outlet { id } }
}`;
const CANDIDATES = `query ($status: CandidateStatus) { candidates(status: $status, first: 50) { totalCount edges { node { id kind status ${PAYLOAD} source { title } } } } }`;
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
    const before = (await api.gql(EVENTS)).data.events.totalCount;
    await ingestReport(api.t.db, { file: "talks.txt", content: report, date: "2022-05-18" });
    expect((await api.gql(EVENTS)).data.events.totalCount).toBe(before);
    const denied = await api.gql(CANDIDATES, {}, reader);
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const listed = await api.gql(CANDIDATES, {}, editor);
    const kinds = listed.data.candidates.edges.map((e: any) => e.node.kind);
    expect(kinds).toContain("EVENT");
    expect(listed.data.candidates.edges[0].node.source.title).toBe("Talks Resume");
  });

  it("accepts an event candidate for an editor, and the event is then listed", async () => {
    const before = (await api.gql(EVENTS)).data.events.totalCount;
    const { data } = await api.gql(CANDIDATES, {}, editor);
    const talks = data.candidates.edges
      .map((e: any) => e.node)
      .find((n: any) => n.kind === "EVENT" && n.payload.type === "NEGOTIATION" && n.payload.date);
    expect(talks.payload).toMatchObject({
      __typename: "EventCandidatePayload",
      precision: "DAY",
      place: { name: "Kabul", country: "AF" },
    });
    expect(talks.payload.actors.map((a: any) => a.actor?.name ?? a.name)).toEqual(
      expect.arrayContaining(["Afghan Taliban", "Tehrik-i-Taliban Pakistan"]),
    );
    const forbidden = await api.gql(ACCEPT, { input: { id: talks.id } }, reader);
    expect(forbidden.data.acceptCandidate.__typename).toBe("ForbiddenError");
    const accepted = await api.gql(ACCEPT, { input: { id: talks.id, event: { title: "Talks in Kabul" } } }, editor);
    expect(accepted.data.acceptCandidate).toMatchObject({
      __typename: "AcceptCandidateSuccess",
      candidate: { status: "ACCEPTED" },
    });
    const event = await api.gql(`query ($id: ID!) { event(id: $id) { title claims { quote } } }`, {
      id: accepted.data.acceptCandidate.candidate.recordId,
    });
    expect(event.data.event).toEqual({ title: "Talks in Kabul", claims: [{ quote: talks.payload.quote }] });
    expect((await api.gql(EVENTS)).data.events.totalCount).toBe(before + 1);
    const again = await api.gql(ACCEPT, { input: { id: talks.id } }, editor);
    expect(again.data.acceptCandidate).toMatchObject({ __typename: "ValidationError", field: "input.id" });
  });

  it("rejects and edits candidates, returning validation and not-found errors as data", async () => {
    const { data } = await api.gql(CANDIDATES, {}, editor);
    const visit = data.candidates.edges
      .map((e: any) => e.node)
      .find((n: any) => n.kind === "EVENT" && n.payload.type === "VISIT");
    const blank = await api.gql(UPDATE, { input: { id: visit.id, event: { title: "" } } }, editor);
    expect(blank.data.updateCandidate).toMatchObject({ __typename: "ValidationError", field: "input.event.title" });
    const wrongKind = await api.gql(UPDATE, { input: { id: visit.id, actor: { name: "Someone" } } }, editor);
    expect(wrongKind.data.updateCandidate).toMatchObject({ __typename: "ValidationError", field: "input.actor" });
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
    expect(unknownActor.data.updateCandidate).toMatchObject({
      __typename: "ValidationError",
      field: "input.event.actors[0].actorId",
    });
    const edited = await api.gql(
      UPDATE,
      { input: { id: visit.id, event: { type: "NEGOTIATION", date: "2022-05-20", place: null } } },
      editor,
    );
    expect(edited.data.updateCandidate).toMatchObject({
      __typename: "UpdateCandidateSuccess",
      candidate: { payload: { type: "NEGOTIATION", date: "2022-05-20", precision: "DAY", place: null } },
    });
    // A quote is checked against the report when accepting, where the claim is made.
    const notQuoted = await api.gql(
      ACCEPT,
      { input: { id: visit.id, event: { quote: "Words the report never used." } } },
      editor,
    );
    expect(notQuoted.data.acceptCandidate).toMatchObject({ __typename: "ValidationError", field: "input.event.quote" });
    const rejected = await api.gql(
      `mutation ($id: ID!) { rejectCandidate(input: { id: $id }) { __typename ... on RejectCandidateSuccess { candidate { status } } } }`,
      { id: visit.id },
      editor,
    );
    expect(rejected.data.rejectCandidate).toEqual({
      __typename: "RejectCandidateSuccess",
      candidate: { status: "REJECTED" },
    });
    const missing = await api.gql(
      `mutation ($id: ID!) { rejectCandidate(input: { id: $id }) { __typename } }`,
      { id: Buffer.from("Candidate:999999").toString("base64") },
      editor,
    );
    expect(missing.data.rejectCandidate.__typename).toBe("NotFoundError");
    const malformed = await api.gql(
      `mutation { rejectCandidate(input: { id: "nope" }) { __typename ... on ValidationError { field } } }`,
      {},
      editor,
    );
    expect(malformed.data.rejectCandidate).toEqual({ __typename: "ValidationError", field: "input.id" });
  });

  it("shows the reviewer a date the report left unresolved, and every sentence that proposed the event", async () => {
    const undated =
      "Truce Holds\n\nThe TTP and Pakistan agreed a ceasefire on Wednesday in Kabul.\nThe ceasefire between the TTP and Pakistan was agreed in Kabul.";
    await ingestReport(api.t.db, { file: "undated.txt", content: undated });
    const query = `{ candidates(first: 50) { edges { node { source { title } payload { ... on EventCandidatePayload { type date unresolvedDate quotes } } } } } }`;
    const { data } = await api.gql(query, {}, editor);
    const ceasefire = data.candidates.edges
      .map((e: any) => e.node)
      .find((n: any) => n.source.title === "Truce Holds" && n.payload.type === "CEASEFIRE");
    expect(ceasefire.payload).toMatchObject({ date: null, unresolvedDate: expect.stringMatching(/Wednesday/) });
    expect(ceasefire.payload.quotes).toContainEqual(
      expect.stringMatching(/^The TTP and Pakistan agreed a ceasefire on Wednesday/),
    );
  });
});
