import { defined } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { given } from "./given.ts";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();
const the = given(api);
const idOf = (model: "event" | "actor" | "source" | "process", key: string) => the.id(model, key);
type Connection<Node> = { totalCount: number; edges: { node: Node }[] };

describe("reading events", () => {
  it("pages through events with a total count and stable cursors", async () => {
    const query = `query($after: String) { events(first: 10, after: $after) { totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      events: Connection<{ id: string; title: string }> & { pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const first = await api.gql<Page>(query);
    expect(first.errors).toBeUndefined();
    const total = await api.t.db.event.count();
    expect(dataOf(first).events.totalCount).toBe(total);
    expect(dataOf(first).events.edges).toHaveLength(10);
    const second = await api.gql<Page>(query, { after: dataOf(first).events.pageInfo.endCursor });
    const ids = [...dataOf(first).events.edges, ...dataOf(second).events.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(20);
  });

  it("refuses an over-large page with a message naming the bound", async () => {
    const res = await api.gql(`{ events(first: 500) { totalCount } }`);
    expect(res.errors?.[0]?.message).toBe("`first` must be between 0 and 100; got 500");
  });

  it("shows an event with its participants, places, claims, sources and related events", async () => {
    const id = await idOf("event", "truce-extension-2022-05");
    type Shown = {
      event: {
        type: string;
        endDate: string | null;
        related: unknown[];
        claims: { source: { outlet: { name: string } } }[];
        process: { name: string } | null;
      } | null;
    };
    const res = await api.gql<Shown>(
      `query($id: ID!) { event(id: $id) { title type startDate endDate datePrecision contested
         places { name country } participants { role actor { name } }
         claims { quote stance speaker { name } speakerLabel source { title publishedAt outlet { name } } }
         related { kind direction label event { title } } process { name } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const event = defined(dataOf(res).event, "the truce extension");
    expect(event.type).toBe("CEASEFIRE");
    expect(event.endDate).toBe("2022-05-30");
    expect(event.related).toContainEqual(
      expect.objectContaining({ kind: "EXTENDS", direction: "OUTGOING", label: "Extends" }),
    );
    expect(event.claims.length).toBeGreaterThan(0);
    expect(defined(event.claims[0], "the extension's first claim").source.outlet.name).toMatch(/Voice of America/);
    expect(event.process?.name).toMatch(/TTP/);
  });

  it("shows the Eid truce as extended by the extension", async () => {
    const id = await idOf("event", "eid-truce-2022");
    const res = await api.gql<{ event: { related: { label: string }[] } | null }>(
      `query($id: ID!) { event(id: $id) { related { label event { title } } } }`,
      { id },
    );
    expect(defined(dataOf(res).event, "the Eid truce").related.map((r) => r.label)).toContain("Extended by");
  });

  it("fetches any record through node(id)", async () => {
    const id = await idOf("source", "kokcha-news-2025-10-27");
    const res = await api.gql<{ node: { cites: { name: string }[] } | null }>(
      `query($id: ID!) { node(id: $id) { id ... on Source { title cites { name } } } }`,
      {
        id,
      },
    );
    expect(defined(dataOf(res).node, "the Kokcha News source").cites.map((c) => c.name)).toEqual(
      expect.arrayContaining(["Dawn", "TOLOnews"]),
    );
  });

  it("answers a malformed ID with a clear error", async () => {
    const res = await api.gql(`{ event(id: "not-an-id") { title } }`);
    expect(res.errors?.[0]?.message).toMatch(/`id` is not the ID of a Event/);
  });
});

describe("reading actors", () => {
  it("lists an actor's aliases and the talks it mediated, filtered by role", async () => {
    const id = await idOf("actor", "qatar");
    type Mediated = { actor: { events: Connection<{ role: string; event: { title: string } }> } | null };
    const res = await api.gql<Mediated>(
      `query($id: ID!) { actor(id: $id) { name kind aliases events(roles: [MEDIATOR], first: 20) { totalCount edges { node { role event { title type } } } } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const { events } = defined(dataOf(res).actor, "Qatar");
    expect(events.totalCount).toBeGreaterThanOrEqual(2);
    expect(events.edges.every((e) => e.node.role === "MEDIATOR")).toBe(true);
    expect(events.edges.map((e) => e.node.event.title).join(" ")).toMatch(/Istanbul/);
  });

  it("shows affiliations with their time span", async () => {
    const id = await idOf("actor", "faiz-hameed");
    const res = await api.gql<{ actor: { affiliations: { title: string }[] } | null }>(
      `query($id: ID!) { actor(id: $id) { name aliases affiliations { title startDate endDate organisation { name } } } }`,
      { id },
    );
    const titles = defined(dataOf(res).actor, "Faiz Hameed")
      .affiliations.map((a) => a.title)
      .join(" | ");
    expect(titles).toMatch(/Inter-Services Intelligence|ISI|Director/i);
  });
});

describe("listing", () => {
  it("finds actors by kind and part of their name", async () => {
    const res = await api.gql(
      `{ actors(kinds: [GOVERNMENT], nameContains: "qat", first: 5) { totalCount edges { node { name kind } } } }`,
    );
    expect(dataOf(res).actors).toEqual({ totalCount: 1, edges: [{ node: { name: "Qatar", kind: "GOVERNMENT" } }] });
  });

  it("lists the sources an outlet published, newest first", async () => {
    const voa = await idOf("actor", "voa");
    const res = await api.gql<{ sources: Connection<{ outlet: { name: string } }> }>(
      `query($voa: ID!) { sources(outletId: $voa, first: 10) { totalCount edges { node { title outlet { name } claims(first: 5) { edges { node { quote } } } } } } }`,
      { voa },
    );
    expect(dataOf(res).sources.totalCount).toBeGreaterThanOrEqual(1);
    expect(dataOf(res).sources.edges.every((e) => e.node.outlet.name.includes("Voice of America"))).toBe(true);
  });

  it("lists processes with their events in date order", async () => {
    type Processes = { processes: Connection<{ name: string; events: Connection<{ startDate: string }> }> };
    const res = await api.gql<Processes>(
      `{ processes(first: 10) { edges { node { name events(first: 100) { edges { node { title startDate } } } } } } }`,
    );
    const talks = defined(
      dataOf(res)
        .processes.edges.map((e) => e.node)
        .find((p) => /TTP/.test(p.name)),
      "the TTP talks among the processes",
    );
    const dates = talks.events.edges.map((e) => e.node.startDate);
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort()).toEqual(dates);
  });

  it("filters events by type, dates, contested and process", async () => {
    const process = await idOf("process", "pakistan-ttp-talks-2021-2022");
    const res = await api.gql<{ events: Connection<{ type: string; startDate: string }> }>(
      `query($process: ID!) { events(types: [CEASEFIRE], from: "2022-01-01", to: "2022-12-31", processId: $process, first: 20) { edges { node { type startDate } } } }`,
      { process },
    );
    expect(dataOf(res).events.edges.length).toBeGreaterThan(0);
    expect(
      dataOf(res).events.edges.every((e) => e.node.type === "CEASEFIRE" && e.node.startDate.startsWith("2022")),
    ).toBe(true);
    const contested = await api.gql<{ events: Connection<{ contested: boolean }> }>(
      `{ events(contested: true, first: 50) { edges { node { contested } } } }`,
    );
    expect(dataOf(contested).events.edges.every((e) => e.node.contested)).toBe(true);
  });
});

describe("revision history", () => {
  it("is readable per record", async () => {
    const id = await idOf("event", "kabul-talks-2022-05");
    const res = await api.gql<{ event: { revisions: Connection<unknown> } | null }>(
      `query($id: ID!) { event(id: $id) { revisions { edges { node { action author at version } } } } }`,
      { id },
    );
    expect(defined(dataOf(res).event, "the Kabul talks").revisions.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ action: "CREATE", author: "demo dataset", version: 1 }),
    ]);
  });
});
