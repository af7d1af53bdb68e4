import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFiles, loadDataFiles } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";
import { decodeGlobalId, encodeGlobalId } from "@parley/schema";
import type { SearchEngine } from "@parley/search";
import { ExportRequestError, exportRequestFromParams, type ExportEvent } from "../src/index.ts";
import { csvRecords, engineFor, exportText, searchEventsIds } from "./helpers.ts";

let t: TestDatabase;
let engine: SearchEngine;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadDataFiles(t.db, demoFiles(), { author: "demo dataset" });
  engine = engineFor(t.url);
});
afterAll(async () => {
  await engine.close();
  await t.drop();
});

const eventIds = (json: string) => (JSON.parse(json) as { events: ExportEvent[] }).events.map((e) => e.databaseId);

describe("what an export holds", () => {
  const searches = [
    "",
    "q=Tehreek",
    "q=ceasefire OR talks&sort=DATE_ASC",
    "type=CEASEFIRE&type=NEGOTIATION&country=AF",
    "from=2022-01-01&to=2022-12-31&sort=DATE_DESC",
    "contested=1",
    "role=MEDIATOR&sort=DATE_ASC",
    "q=Kabul&type=NEGOTIATION&role=HOST",
  ];

  it.each(searches)("holds exactly the events searchEvents pages through, in its order, for '%s'", async (search) => {
    const expected = await searchEventsIds(engine, search);
    expect(expected.length).toBeGreaterThan(0);
    const { text } = await exportText(engine, `format=json&${search}`, { batchSize: 7 });
    expect(eventIds(text)).toEqual(expected);
    if (search === "") expect(expected).toHaveLength(await t.db.event.count());
  });

  it("reads actors, places and outlets by the global IDs the web page carries", async () => {
    const ttp = await t.db.actor.findUniqueOrThrow({ where: { key: "ttp" } });
    const search = `actor=${encodeURIComponent(encodeGlobalId("Actor", ttp.id))}`;
    const { text } = await exportText(engine, `format=json&${search}`);
    const events = (JSON.parse(text) as { events: ExportEvent[] }).events;
    expect(events.length).toBeGreaterThan(5);
    expect(events.map((e) => e.databaseId)).toEqual(await searchEventsIds(engine, search));
    expect(events.every((e) => e.participants.some((p) => p.actor.key === "ttp"))).toBe(true);
  });

  it("writes the same file whatever the batch size, one piece per batch", async () => {
    const small = await exportText(engine, "format=csv&sort=DATE_ASC", { batchSize: 5 });
    const large = await exportText(engine, "format=csv&sort=DATE_ASC", { batchSize: 500 });
    expect(small.text).toBe(large.text);
    const total = await t.db.event.count();
    // head, one chunk per batch, tail
    expect(small.chunks).toHaveLength(1 + Math.ceil(total / 5) + 1);
    expect(small.run.summary.events).toBe(total);
  });
});

describe("JSON with provenance", () => {
  it("gives each event its participants and roles, places, dates with precision, claims, sources, citations and keys", async () => {
    const { text } = await exportText(engine, "format=json&q=Tehreek");
    const doc = JSON.parse(text) as { format: string; search: { query: string }; events: ExportEvent[]; count: number };
    expect(doc).toMatchObject({ format: "parley-events", search: { query: "Tehreek" } });
    expect(doc.count).toBe(doc.events.length);
    const stored = await t.db.event.findFirstOrThrow({
      where: { claims: { some: { speakerId: { not: null } } }, places: { some: {} }, participants: { some: { role: "MEDIATOR" } } },
      include: { participants: { include: { actor: true } }, places: { include: { place: true } }, claims: { include: { source: { include: { outlet: true, cites: true } }, speaker: true } } },
    });
    const { text: all } = await exportText(engine, "format=json");
    const event = (JSON.parse(all) as { events: ExportEvent[] }).events.find((e) => e.databaseId === stored.id)!;
    expect(event).toMatchObject({
      id: encodeGlobalId("Event", stored.id),
      key: stored.key,
      type: stored.type,
      startDate: stored.startDate.toISOString().slice(0, 10),
      datePrecision: stored.datePrecision,
      contested: stored.contested,
    });
    expect(event.participants.map((p) => `${p.role} ${p.actor.name}`).sort()).toEqual(stored.participants.map((p) => `${p.role} ${p.actor.name}`).sort());
    expect(event.places.map((p) => [p.name, p.country, p.lat, p.lon])).toEqual(
      [...stored.places].sort((a, b) => a.placeId - b.placeId).map((p) => [p.place.name, p.place.country, p.place.lat, p.place.lon]),
    );
    const claim = stored.claims.find((c) => c.speaker)!;
    const exported = event.claims.find((c) => c.id === encodeGlobalId("Claim", claim.id))!;
    expect(exported).toMatchObject({ quote: claim.quote, stance: claim.stance, speaker: { name: claim.speaker!.name }, source: { title: claim.source.title, outlet: { name: claim.source.outlet?.name } } });
    expect(exported.source.cites).toHaveLength(claim.source.cites.length);
  });

  it("names the outlets a source cites", async () => {
    const citing = await t.db.sourceCitation.findFirstOrThrow({ include: { outlet: true, source: { include: { claims: { where: { eventId: { not: null } } } } } } });
    const { text } = await exportText(engine, "format=json");
    const events = (JSON.parse(text) as { events: ExportEvent[] }).events;
    const claim = events.flatMap((e) => e.claims).find((c) => decodeGlobalId(c.source.id, "Source") === citing.sourceId)!;
    expect(claim.source.cites.map((c) => c.name)).toContain(citing.outlet.name);
  });
});

describe("GeoJSON of places", () => {
  it("draws a point per place of the exported events with its count and event IDs", async () => {
    const { text } = await exportText(engine, "format=geojson&country=AF");
    const collection = JSON.parse(text) as { type: string; features: { geometry: { type: string; coordinates: number[] }; properties: { name: string; country: string; eventCount: number; eventIds: string[] } }[] };
    expect(collection.type).toBe("FeatureCollection");
    const { text: json } = await exportText(engine, "format=json&country=AF");
    const events = (JSON.parse(json) as { events: ExportEvent[] }).events;
    const pairs = events.flatMap((e) => e.places.filter((p) => p.lat !== null).map((p) => ({ place: p, event: e.id })));
    expect(collection.features.reduce((n, f) => n + f.properties.eventCount, 0)).toBe(pairs.length);
    const kabul = collection.features.find((f) => f.properties.name === "Kabul")!;
    const kabulPlace = pairs.find((p) => p.place.name === "Kabul")!.place;
    expect(kabul.geometry).toEqual({ type: "Point", coordinates: [kabulPlace.lon, kabulPlace.lat] });
    expect(kabul.properties.eventIds.sort()).toEqual(pairs.filter((p) => p.place.name === "Kabul").map((p) => p.event).sort());
    expect(kabul.properties.eventCount).toBe(kabul.properties.eventIds.length);
  });
});

describe("requests an export refuses", () => {
  const issues = (params: string) => {
    try {
      exportRequestFromParams(new URLSearchParams(params));
    } catch (error) {
      if (error instanceof ExportRequestError) return error.issues.map((i) => `${i.key}: ${i.message}`);
      throw error;
    }
    return [];
  };

  it("names each bad parameter instead of exporting a wider set", () => {
    expect(issues("type=CEASEFIRE")).toEqual(["format: is required: csv, json, geojson"]);
    expect(issues("format=xlsx")).toEqual(["format: must be one of csv, json, geojson"]);
    const bad = issues("format=csv&type=TRUCE&country=Pakistan&from=2022-13-01&actor=nope&colour=red&sort=NEWEST");
    expect(bad.map((b) => b.split(":")[0])).toEqual(["colour", "type", "country", "from", "sort", "actor"]);
    expect(bad.find((b) => b.startsWith("country"))).toMatch(/ISO 3166-1 alpha-2/);
    expect(issues("format=csv&from=2023-01-01&to=2022-01-01")).toEqual(["from: `from` must not be after `to`"]);
  });
});
