import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@parley/db";
import { ingestReport } from "@parley/db/ingest";
import { useApi } from "./harness.ts";

const api = useApi();
let editor: Record<string, string>;
let reader: Record<string, string>;

const report = "Talks Resume\n\nThe Afghan Taliban hosted talks between Pakistan and the TTP in Kabul on Wednesday.\nMaulana Hamidul Haq visited Kabul.";
const EVENTS = `{ events(first: 100) { totalCount } }`;
const CANDIDATES = `query ($status: CandidateStatus) { candidates(status: $status, first: 50) { totalCount edges { node { id kind status payload source { title } } } } }`;
const ACCEPT = `mutation ($id: ID!, $title: String, $date: Date) {
  acceptCandidate(id: $id, title: $title, date: $date) {
    __typename
    ... on AcceptCandidateSuccess { candidate { status recordId } }
    ... on Error { message }
  }
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
    const talks = data.candidates.edges.map((e: any) => e.node).find((n: any) => n.kind === "EVENT" && n.payload.type === "NEGOTIATION" && n.payload.date);
    const forbidden = await api.gql(ACCEPT, { id: talks.id }, reader);
    expect(forbidden.data.acceptCandidate.__typename).toBe("ForbiddenError");
    const accepted = await api.gql(ACCEPT, { id: talks.id, title: "Talks in Kabul" }, editor);
    expect(accepted.data.acceptCandidate).toMatchObject({ __typename: "AcceptCandidateSuccess", candidate: { status: "ACCEPTED" } });
    expect((await api.gql(EVENTS)).data.events.totalCount).toBe(before + 1);
    const again = await api.gql(ACCEPT, { id: talks.id }, editor);
    expect(again.data.acceptCandidate.__typename).toBe("ValidationError");
  });

  it("rejects and edits candidates, returning validation and not-found errors as data", async () => {
    const { data } = await api.gql(CANDIDATES, {}, editor);
    const visit = data.candidates.edges.map((e: any) => e.node).find((n: any) => n.kind === "EVENT" && n.payload.type === "VISIT");
    const edit = await api.gql(
      `mutation ($id: ID!, $payload: JSON!) { updateCandidate(id: $id, payload: $payload) { __typename ... on ValidationError { field } ... on UpdateCandidateSuccess { candidate { payload } } } }`,
      { id: visit.id, payload: { date: "18 May" } },
      editor,
    );
    expect(edit.data.updateCandidate).toEqual({ __typename: "ValidationError", field: "payload.date" });
    const rejected = await api.gql(`mutation ($id: ID!) { rejectCandidate(id: $id) { __typename ... on RejectCandidateSuccess { candidate { status } } } }`, { id: visit.id }, editor);
    expect(rejected.data.rejectCandidate).toEqual({ __typename: "RejectCandidateSuccess", candidate: { status: "REJECTED" } });
    const missing = await api.gql(`mutation { rejectCandidate(id: "nope") { __typename } }`, {}, editor);
    expect(missing.data.rejectCandidate.__typename).toBe("NotFoundError");
  });
});
