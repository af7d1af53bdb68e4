import { describe, expect, it } from "vitest";
import { lsnOf } from "../src/modules/shared/replica.ts";
import { createServer } from "../src/server.ts";
import type { HealthBody } from "./api-process.ts";
import { answerOf, dataOf, useApi } from "./harness.ts";

/**
 * The replica's plumbing on one database, where every machine can run it: the same database stands
 * in for the replica (a server not in recovery has replayed everything). The real primary and
 * replica, behind HAProxy, are cluster.test.ts's.
 */
const api = useApi({ demo: true });
const CREATE = `mutation { createEvent(input: { type: STATEMENT, title: "Replica plumbing statement", startDate: "2025-03-04" }) { __typename } }`;
const READ = `query($q: String) { searchEvents(query: $q, first: 1) { totalCount } events(first: 1) { totalCount } }`;

function withReplica() {
  const yoga = createServer({ db: api.t.db, search: api.search, replica: { db: api.t.db, waitMs: 50 } });
  return (body: object, headers: Record<string, string> = {}) =>
    Promise.resolve(
      yoga.fetch("http://yoga/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      }),
    );
}

describe("reading from a replica", () => {
  it("answers a write with the primary's WAL position, as a header and as a cookie", async () => {
    const post = withReplica();
    const response = await post({ query: CREATE }, await api.as("EDITOR"));
    expect(dataOf(await answerOf<{ createEvent: { __typename: string } }>(response)).createEvent.__typename).toBe(
      "CreateEventSuccess",
    );
    const lsn = response.headers.get("parley-lsn");
    expect(lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(response.headers.get("set-cookie")).toBe(`parley-lsn=${lsn}; Max-Age=300; Path=/; HttpOnly; SameSite=Lax`);
    const read = await post({ query: READ, variables: { q: "plumbing" } }, { "parley-lsn": lsn ?? "" });
    expect(dataOf(await answerOf<{ searchEvents: { totalCount: number } }>(read)).searchEvents.totalCount).toBe(1);
    expect(read.headers.get("parley-lsn")).toBeNull();
  });

  it("adds nothing to a write's answer without a replica: one database works as before", async () => {
    const response = await api.fetch({
      method: "POST",
      headers: { "content-type": "application/json", ...(await api.as("EDITOR")) },
      body: JSON.stringify({ query: CREATE }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("parley-lsn")).toBeNull();
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("takes a read's position from the Parley-Lsn header, else the cookie, and ignores a malformed one", () => {
    const request = (headers: Record<string, string>) => new Request("http://yoga/graphql", { headers });
    expect(lsnOf(request({ "parley-lsn": "0/3A1F2C8" }))).toBe("0/3A1F2C8");
    expect(lsnOf(request({ cookie: "theme=dark; parley-lsn=16/B374D848" }))).toBe("16/B374D848");
    expect(lsnOf(request({ "parley-lsn": "1/2", cookie: "parley-lsn=3/4" }))).toBe("1/2");
    expect(lsnOf(request({ "parley-lsn": "0/3A1F2C8'; DROP TABLE event" }))).toBeNull();
    expect(lsnOf(request({}))).toBeNull();
  });

  it("reports the replica on /health", async () => {
    const yoga = createServer({ db: api.t.db, search: api.search, replica: { db: api.t.db, waitMs: 50 } });
    const response = await yoga.fetch("http://yoga/health");
    expect(response.status).toBe(200);
    const health = (await response.json()) as HealthBody;
    expect(health.replica).toMatchObject({ database: "up", recovering: false });
  });
});
