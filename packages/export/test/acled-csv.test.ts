import { demoFiles, loadDataFiles } from "@parley/db";
import type { ParticipantRole } from "@parley/schema";
import { defined } from "@parley/schema";
import type { SearchEngine } from "@parley/search";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvRecords, engineFor, exportText } from "./helpers.ts";

let t: TestDatabase;
let engine: SearchEngine;
let rows: Map<string, Record<string, string>>;
let notes: string[];

const THIRD_PARTY_ROLES: ParticipantRole[] = ["MEDIATOR", "HOST", "GUARANTOR", "FACILITATOR"];
const list = (cell: string | undefined) => (cell ? cell.split("; ") : []);
const rowOf = (id: number) => defined(rows.get(`PRLY${id}`));
const sideNames = (row: Record<string, string>, n: 1 | 2) =>
  [defined(row[`actor${n}`]), ...list(row[`assoc_actor_${n}`])].filter(Boolean);

/** Events the demo lacks: counted zero deaths, a place without coordinates, delegates only a note or nothing places. */
async function addEvents() {
  const id = async (key: string) => (await t.db.actor.findUniqueOrThrow({ where: { key } })).id;
  const [pakistan, ttp, kp] = [
    await id("pakistan-government"),
    await id("ttp"),
    await t.db.place.findUniqueOrThrow({ where: { key: "khyber-pakhtunkhwa" } }),
  ];
  const bajaur = await t.db.place.create({
    data: { name: "Bajaur", kind: "DISTRICT", country: "PK", parentId: kp.id },
  });
  const [unaffiliated, noted] = await Promise.all([
    t.db.actor.create({ data: { name: "Ahmad Negotiator", kind: "PERSON", country: "PK" } }),
    t.db.actor.create({ data: { name: "Karim Envoy", kind: "PERSON" } }),
  ]);
  await t.db.event.create({
    data: {
      key: "test-bajaur-talks",
      type: "NEGOTIATION",
      title: "Talks in Bajaur",
      startDate: new Date("2022-06-01"),
      fatalitiesBest: 0,
      places: { create: [{ placeId: bajaur.id }] },
      participants: {
        create: [
          { actorId: pakistan, role: "PARTY" },
          { actorId: ttp, role: "PARTY" },
          { actorId: unaffiliated.id, role: "DELEGATE" },
          { actorId: noted.id, role: "DELEGATE", note: "spoke for the Tehrik-i-Taliban Pakistan" },
        ],
      },
    },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await loadDataFiles(t.db, demoFiles(), { author: "demo dataset" });
  await addEvents();
  engine = engineFor(t.url);
  const { text, run } = await exportText(engine, "format=csv");
  rows = new Map(csvRecords(text).map((r) => [defined(r.event_id_cnty), r]));
  notes = run.summary.notes;
});
afterAll(async () => {
  await engine.close();
  await t.drop();
});

const allEvents = () =>
  t.db.event.findMany({
    include: { participants: { include: { actor: true } }, places: { include: { place: true } } },
    orderBy: { id: "asc" },
  });

describe("ACLED CSV: whose side an actor is on", () => {
  it("puts the ISI with Pakistan's delegation, the Taliban's delegates with the Taliban, and the host and mediators in third_parties", async () => {
    const talks = await t.db.event.findFirstOrThrow({
      where: { participants: { some: { role: "DELEGATE", actor: { key: "isi" } } } },
      include: { participants: { include: { actor: true } } },
    });
    const row = rowOf(talks.id);
    const [taliban, pakistan] = [sideNames(row, 1), sideNames(row, 2)];
    expect([taliban[0], pakistan[0]]).toEqual(["Afghan Taliban", "Government of Pakistan"]);

    const delegates = talks.participants.filter((p) => p.role === "DELEGATE" || p.role === "DELEGATION_LEAD");
    const members = await t.db.affiliation.findMany({
      where: { organisation: { key: "afghan-taliban" }, actorId: { in: delegates.map((d) => d.actorId) } },
      include: { actor: true },
    });
    expect(members.length).toBeGreaterThan(3);
    expect(taliban.slice(1).sort()).toEqual([...new Set(members.map((m) => m.actor.name))].sort());
    const stateOrgans = delegates
      .filter((d) => d.actor.country === "PK" && d.actor.kind !== "PERSON")
      .map((d) => d.actor.name);
    expect(stateOrgans).toContain("Inter-Services Intelligence");
    expect(pakistan.slice(1).sort()).toEqual(stateOrgans.sort());

    const thirdParties = [
      ...new Set(talks.participants.filter((p) => THIRD_PARTY_ROLES.includes(p.role)).map((p) => p.actor.name)),
    ];
    expect(list(row.third_parties).sort()).toEqual(thirdParties.sort());
    expect(list(row.tags)).toEqual(
      expect.arrayContaining(["parley:role=HOST:Turkey", "parley:role=MEDIATOR:Qatar", "parley:role=GUARANTOR:Qatar"]),
    );
  });

  it("never puts a mediator, host, guarantor or facilitator in a side's columns, but a visit's host is the side visited", async () => {
    let checked = 0;
    for (const e of await allEvents()) {
      const row = rowOf(e.id);
      const roles = new Map<string, ParticipantRole[]>();
      for (const p of e.participants) roles.set(p.actor.name, [...(roles.get(p.actor.name) ?? []), p.role]);
      const visit = e.participants.some((p) => p.role === "VISITOR");
      const third = [...roles].filter(([, rs]) => rs.every((r) => THIRD_PARTY_ROLES.includes(r))).map(([name]) => name);
      const sides = [...sideNames(row, 1), ...sideNames(row, 2)];
      if (visit) {
        expect(row.actor2).toBe(defined(e.participants.find((p) => p.role === "HOST")).actor.name);
      } else if (third.length === roles.size && third.length > 0) {
        // a lone mediator's statement is the mediator's event: ACLED requires actor1
        expect(row.actor1).toBe(third[0]);
      } else if (third.length > 0) {
        for (const name of third) expect(sides).not.toContain(name);
        expect(list(row.third_parties)).toEqual(expect.arrayContaining(third));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(6);
  });

  it("places a delegate by the side a note names, and one nothing places in third_parties, never as an ally", async () => {
    const talks = await t.db.event.findUniqueOrThrow({ where: { key: "test-bajaur-talks" } });
    const row = rowOf(talks.id);
    expect([sideNames(row, 1), sideNames(row, 2), list(row.third_parties)]).toEqual([
      ["Government of Pakistan"],
      ["Tehrik-i-Taliban Pakistan", "Karim Envoy"],
      ["Ahmad Negotiator"],
    ]);
    expect(list(row.tags)).toEqual(
      expect.arrayContaining(["parley:role=DELEGATE:Karim Envoy", "parley:role=DELEGATE:Ahmad Negotiator"]),
    );
  });
});

describe("ACLED CSV: deaths", () => {
  it("leaves deaths nobody counted empty, writes counts (0 too) as numbers, and a lone low estimate with its tag", async () => {
    const seen = new Set<string>();
    for (const e of await allEvents()) {
      const row = rowOf(e.id);
      const count = e.fatalitiesBest ?? e.fatalitiesLow;
      expect(row.fatalities).toBe(count === null ? "" : String(count));
      const lowOnly = e.fatalitiesBest === null && e.fatalitiesLow !== null;
      expect(list(row.tags).includes("parley:fatalities=low")).toBe(lowOnly);
      seen.add(count === null ? "unknown" : lowOnly ? "low" : count === 0 ? "zero" : "counted");
    }
    expect([...seen].sort()).toEqual(["counted", "low", "unknown", "zero"]);
  });
});

describe("ACLED CSV: where", () => {
  it("gives every event with places its country and location, from the first place with coordinates", async () => {
    const events = await allEvents();
    for (const e of events) {
      const row = rowOf(e.id);
      const places = [...e.places].sort((a, b) => a.placeId - b.placeId).map((p) => p.place);
      const place = places.find((p) => p.lat !== null) ?? places[0];
      expect([row.location, row.country !== "", row.latitude]).toEqual([
        place?.name ?? "",
        place !== undefined,
        place?.lat?.toString() ?? "",
      ]);
    }
    const placeless = events.filter((e) => e.places.length === 0).length;
    expect(placeless).toBeGreaterThan(0);
    expect(notes).toContain(
      `${placeless} rows: the event has no place (ACLED requires country, location, latitude and longitude); ACLED tools and \`parley import acled\` will refuse them`,
    );
  });

  it("names admin areas from the regions and districts a place lies within, and keeps a place without coordinates", async () => {
    const bajaur = rowOf((await t.db.event.findUniqueOrThrow({ where: { key: "test-bajaur-talks" } })).id);
    expect(bajaur).toMatchObject({
      country: "Pakistan",
      iso: "586",
      admin1: "Khyber Pakhtunkhwa",
      admin2: "Bajaur",
      admin3: "",
      location: "Bajaur",
      latitude: "",
      longitude: "",
      geo_precision: "2",
    });
    expect(notes).toContain(
      "1 row: the event has no place with coordinates (ACLED requires latitude and longitude); ACLED tools and `parley import acled` will refuse it",
    );
    // `every` alone would also take an event at a place without a key (NULL is not "not equal"), whichever comes first
    const elsewhere = { place: { OR: [{ key: null }, { key: { not: "north-waziristan" } }] } };
    const strike = await t.db.event.findFirstOrThrow({
      where: { places: { some: { place: { key: "north-waziristan" } }, none: elsewhere } },
      orderBy: { id: "asc" },
    });
    expect(rowOf(strike.id)).toMatchObject({
      admin1: "Khyber Pakhtunkhwa",
      admin2: "North Waziristan",
      location: "North Waziristan",
    });
  });
});
