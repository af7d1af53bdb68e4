import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { useApi } from "./harness.ts";

const api = useApi();

async function idOf(model: "event" | "actor" | "source" | "process", key: string, typename: string) {
  const row = await (api.t.db[model] as any).findUniqueOrThrow({ where: { key } });
  return encodeGlobalID(typename, row.id);
}

describe("reading events", () => {
  it("pages through events with a total count and stable cursors", async () => {
    const query = `query($after: String) { events(first: 10, after: $after) { totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }`;
    const first = await api.gql(query);
    expect(first.errors).toBeUndefined();
    const total = await api.t.db.event.count();
    expect(first.data.events.totalCount).toBe(total);
    expect(first.data.events.edges).toHaveLength(10);
    const second = await api.gql(query, { after: first.data.events.pageInfo.endCursor });
    const ids = [...first.data.events.edges, ...second.data.events.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(20);
  });

  it("refuses an over-large page with a message naming the bound", async () => {
    const res = await api.gql(`{ events(first: 500) { totalCount } }`);
    expect(res.errors?.[0]?.message).toBe("`first` must be between 0 and 100; got 500");
  });

  it("shows an event with its participants, places, claims, sources and related events", async () => {
    const id = await idOf("event", "truce-extension-2022-05", "Event");
    const res = await api.gql(
      `query($id: ID!) { event(id: $id) { title type startDate endDate datePrecision contested
         places { name country } participants { role actor { name } }
         claims { quote stance speaker { name } speakerLabel source { title publishedAt outlet { name } } }
         related { kind direction label event { title } } process { name } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const event = res.data.event;
    expect(event.type).toBe("CEASEFIRE");
    expect(event.endDate).toBe("2022-05-30");
    expect(event.related).toContainEqual(
      expect.objectContaining({ kind: "EXTENDS", direction: "OUTGOING", label: "Extends" }),
    );
    expect(event.claims.length).toBeGreaterThan(0);
    expect(event.claims[0].source.outlet.name).toMatch(/Voice of America/);
    expect(event.process.name).toMatch(/TTP/);
  });

  it("shows the Eid truce as extended by the extension", async () => {
    const id = await idOf("event", "eid-truce-2022", "Event");
    const res = await api.gql(`query($id: ID!) { event(id: $id) { related { label event { title } } } }`, { id });
    expect(res.data.event.related.map((r: any) => r.label)).toContain("Extended by");
  });

  it("fetches any record through node(id)", async () => {
    const id = await idOf("source", "kokcha-news-2025-10-27", "Source");
    const res = await api.gql(`query($id: ID!) { node(id: $id) { id ... on Source { title cites { name } } } }`, {
      id,
    });
    expect(res.data.node.cites.map((c: any) => c.name)).toEqual(expect.arrayContaining(["Dawn", "TOLOnews"]));
  });

  it("answers a malformed ID with a clear error", async () => {
    const res = await api.gql(`{ event(id: "not-an-id") { title } }`);
    expect(res.errors?.[0]?.message).toMatch(/`id` is not the ID of a Event/);
  });
});

describe("reading actors", () => {
  it("lists an actor's aliases and the talks it mediated, filtered by role", async () => {
    const id = await idOf("actor", "qatar", "Actor");
    const res = await api.gql(
      `query($id: ID!) { actor(id: $id) { name kind aliases events(roles: [MEDIATOR], first: 20) { totalCount edges { node { role event { title type } } } } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const { events } = res.data.actor;
    expect(events.totalCount).toBeGreaterThanOrEqual(2);
    expect(events.edges.every((e: any) => e.node.role === "MEDIATOR")).toBe(true);
    expect(events.edges.map((e: any) => e.node.event.title).join(" ")).toMatch(/Istanbul/);
  });

  it("shows affiliations with their time span", async () => {
    const id = await idOf("actor", "faiz-hameed", "Actor");
    const res = await api.gql(
      `query($id: ID!) { actor(id: $id) { name aliases affiliations { title startDate endDate organisation { name } } } }`,
      { id },
    );
    const titles = res.data.actor.affiliations.map((a: any) => a.title).join(" | ");
    expect(titles).toMatch(/Inter-Services Intelligence|ISI|Director/i);
  });
});

describe("listing", () => {
  it("finds actors by kind and part of their name", async () => {
    const res = await api.gql(
      `{ actors(kinds: [GOVERNMENT], nameContains: "qat", first: 5) { totalCount edges { node { name kind } } } }`,
    );
    expect(res.data.actors).toEqual({ totalCount: 1, edges: [{ node: { name: "Qatar", kind: "GOVERNMENT" } }] });
  });

  it("lists the sources an outlet published, newest first", async () => {
    const voa = await idOf("actor", "voa", "Actor");
    const res = await api.gql(
      `query($voa: ID!) { sources(outletId: $voa, first: 10) { totalCount edges { node { title outlet { name } claims(first: 5) { edges { node { quote } } } } } } }`,
      { voa },
    );
    expect(res.data.sources.totalCount).toBeGreaterThanOrEqual(1);
    expect(res.data.sources.edges.every((e: any) => e.node.outlet.name.includes("Voice of America"))).toBe(true);
  });

  it("lists processes with their events in date order", async () => {
    const res = await api.gql(
      `{ processes(first: 10) { edges { node { name events(first: 100) { edges { node { title startDate } } } } } } }`,
    );
    const talks = res.data.processes.edges.map((e: any) => e.node).find((p: any) => /TTP/.test(p.name));
    const dates = talks.events.edges.map((e: any) => e.node.startDate);
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort()).toEqual(dates);
  });

  it("filters events by type, dates, contested and process", async () => {
    const process = await idOf("process", "pakistan-ttp-talks-2021-2022", "Process");
    const res = await api.gql(
      `query($process: ID!) { events(types: [CEASEFIRE], from: "2022-01-01", to: "2022-12-31", processId: $process, first: 20) { edges { node { type startDate } } } }`,
      { process },
    );
    expect(res.data.events.edges.length).toBeGreaterThan(0);
    expect(
      res.data.events.edges.every((e: any) => e.node.type === "CEASEFIRE" && e.node.startDate.startsWith("2022")),
    ).toBe(true);
    const contested = await api.gql(`{ events(contested: true, first: 50) { edges { node { contested } } } }`);
    expect(contested.data.events.edges.every((e: any) => e.node.contested)).toBe(true);
  });
});

describe("revision history", () => {
  it("is readable per record", async () => {
    const id = await idOf("event", "kabul-talks-2022-05", "Event");
    const res = await api.gql(
      `query($id: ID!) { event(id: $id) { revisions { edges { node { action author at version } } } } }`,
      { id },
    );
    expect(res.data.event.revisions.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ action: "CREATE", author: "demo dataset", version: 1 }),
    ]);
  });
});
