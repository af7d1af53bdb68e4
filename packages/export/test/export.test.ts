import { demoFiles, loadDataFiles } from "@parley/db";
import { decodeGlobalId, defined, encodeGlobalId } from "@parley/schema";
import type { SearchEngine } from "@parley/search";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExportEvent, ExportRequestError, exportRequestFromParams } from "../src/index.ts";
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

  it("reads participants with their roles (p=<actor ID>:ROLE) as the search page carries them", async () => {
    const ttp = await t.db.actor.findUniqueOrThrow({ where: { key: "ttp" } });
    const { role } = await t.db.participant.findFirstOrThrow({ where: { actorId: ttp.id } });
    const held = await t.db.participant.findMany({ where: { actorId: ttp.id, role }, select: { eventId: true } });
    const { text } = await exportText(
      engine,
      `format=json&p=${encodeURIComponent(`${encodeGlobalId("Actor", ttp.id)}:${role}`)}`,
    );
    expect(eventIds(text).sort((a, b) => a - b)).toEqual(
      [...new Set(held.map((p) => p.eventId))].sort((a, b) => a - b),
    );
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
      where: {
        claims: { some: { speakerId: { not: null } } },
        places: { some: {} },
        participants: { some: { role: "MEDIATOR" } },
      },
      include: {
        participants: { include: { actor: true } },
        places: { include: { place: true } },
        claims: { include: { source: { include: { outlet: true, cites: true } }, speaker: true } },
      },
    });
    const { text: all } = await exportText(engine, "format=json");
    const event = defined(
      (JSON.parse(all) as { events: ExportEvent[] }).events.find((e) => e.databaseId === stored.id),
    );
    expect(event).toMatchObject({
      id: encodeGlobalId("Event", stored.id),
      key: stored.key,
      type: stored.type,
      startDate: stored.startDate.toISOString().slice(0, 10),
      datePrecision: stored.datePrecision,
      contested: stored.contested,
    });
    expect(event.participants.map((p) => `${p.role} ${p.actor.name}`).sort()).toEqual(
      stored.participants.map((p) => `${p.role} ${p.actor.name}`).sort(),
    );
    expect(event.places.map((p) => [p.name, p.country, p.lat, p.lon])).toEqual(
      [...stored.places]
        .sort((a, b) => a.placeId - b.placeId)
        .map((p) => [p.place.name, p.place.country, p.place.lat, p.place.lon]),
    );
    const claim = defined(stored.claims.find((c) => c.speaker));
    const exported = defined(event.claims.find((c) => c.id === encodeGlobalId("Claim", claim.id)));
    expect(exported).toMatchObject({
      quote: claim.quote,
      stance: claim.stance,
      speaker: { name: defined(claim.speaker).name },
      source: { title: claim.source.title, outlet: { name: claim.source.outlet?.name } },
    });
    expect(exported.source.cites).toHaveLength(claim.source.cites.length);
  });

  it("names the outlets a source cites", async () => {
    const citing = await t.db.sourceCitation.findFirstOrThrow({
      include: { outlet: true, source: { include: { claims: { where: { eventId: { not: null } } } } } },
    });
    const { text } = await exportText(engine, "format=json");
    const events = (JSON.parse(text) as { events: ExportEvent[] }).events;
    const claim = defined(
      events.flatMap((e) => e.claims).find((c) => decodeGlobalId(c.source.id, "Source") === citing.sourceId),
    );
    expect(claim.source.cites.map((c) => c.name)).toContain(citing.outlet.name);
  });
});

interface Feature {
  id: string;
  geometry: { type: string; coordinates: number[] } | null;
  properties: {
    location: string | null;
    country: string | null;
    places: string;
    side1: string;
    side2: string;
    thirdParties: string;
    fatalities: number | null;
  };
}

describe("GeoJSON of events", () => {
  it("draws one feature per event, in the search's order, at the first of its places with coordinates", async () => {
    const { text, run } = await exportText(engine, "format=geojson");
    const collection = JSON.parse(text) as { type: string; features: Feature[] };
    expect(collection.type).toBe("FeatureCollection");
    const events = (JSON.parse((await exportText(engine, "format=json")).text) as { events: ExportEvent[] }).events;
    expect(collection.features.map((f) => f.id)).toEqual(events.map((e) => e.id));
    expect(events).toHaveLength(await t.db.event.count());

    for (const [i, e] of events.entries()) {
      const f = defined(collection.features[i]);
      const located = e.places.find((p) => p.lat !== null && p.lon !== null);
      expect(f.geometry).toEqual(located ? { type: "Point", coordinates: [located.lon, located.lat] } : null);
      expect(f.properties.places.split("; ").filter(Boolean)).toEqual(e.places.map((p) => p.name));
      expect(f.properties.fatalities).toBe(e.fatalities.best);
    }
    const unlocated = collection.features.filter((f) => f.geometry === null).length;
    expect(unlocated).toBe(await t.db.event.count({ where: { places: { none: { place: { lat: { not: null } } } } } }));
    expect(unlocated).toBeGreaterThan(0);
    expect(run.summary.notes).toContain(`${unlocated} events without coordinates: a feature with a null geometry`);
  });

  it("names every place of an event with several, and its sides as the CSV does", async () => {
    const { text } = await exportText(engine, "format=geojson&country=AF&type=AIRSTRIKE");
    const strike = defined(
      (JSON.parse(text) as { features: Feature[] }).features.find((f) => f.properties.places.includes("; ")),
    );
    expect(strike.properties).toMatchObject({
      location: "Khost",
      country: "AF",
      places: "Khost; Kunar",
      side1: "Government of Pakistan; Faiz Hameed",
      side2: "Tehrik-i-Taliban Pakistan",
    });
    const { text: csv } = await exportText(engine, "format=csv&country=AF&type=AIRSTRIKE");
    const row = defined(csvRecords(csv).find((r) => r.event_id_cnty === `PRLY${decodeGlobalId(strike.id, "Event")}`));
    expect([row.actor1, row.assoc_actor_1, row.location]).toEqual(["Government of Pakistan", "Faiz Hameed", "Khost"]);
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
    expect(bad.map((b) => b.split(":")[0])).toEqual(["colour", "type", "actor", "country", "from", "sort"]);
    expect(bad.find((b) => b.startsWith("country"))).toMatch(/ISO 3166-1 alpha-2/);
    expect(issues("format=csv&from=2023-01-01&to=2022-01-01")).toEqual(["from: `from` must not be after `to`"]);
  });
});
