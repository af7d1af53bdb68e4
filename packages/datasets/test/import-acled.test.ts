import { readFileSync } from "node:fs";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { ACLED_CURRENT_COLUMNS, acledRow, csvFile, sharedDataFile } from "@parley/testkit/datasets";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset } from "../src/index.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const sample = sharedDataFile("acled_kenya_2019_hdxformat.csv");

// The newest 2,000 of the sample's 5,725 rows, as they stand in the file, to keep the suite quick;
// every event type, both actor-type columns and all three precisions occur among them.
describe.skipIf(!sample)("importing the older ACLED layout (Kenya sample, newest 2,000 rows)", () => {
  it("creates one event per row, typed as the ACLED event types say", async () => {
    const all = parse(readFileSync(defined(sample, "the ACLED sample file")), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const rows = all.slice(0, 2000);
    const file = csvFile(Object.keys(defined(all[0], "the first row of the sample")), rows, "acled_kenya_head.csv");
    const summary = await importDataset(t.db, { dataset: "acled", file });
    console.log(`ACLED Kenya sample: ${summary.rows} rows imported in ${summary.seconds.toFixed(1)} s`);
    expect(summary).toMatchObject({ layout: "legacy", rows: 2000, created: 2000, rejected: 0 });

    const count = (type: string, sub?: (s: string) => boolean) =>
      rows.filter((r) => r.event_type === type && (!sub || sub(defined(r.sub_event_type, "the row's sub_event_type"))))
        .length;
    const types = await t.db.event.groupBy({ by: ["type"], _count: true });
    expect(Object.fromEntries(types.map((x) => [x.type, x._count]))).toEqual({
      ARMED_CLASH: count("Battles"),
      AIRSTRIKE: count("Explosions/Remote violence", (s) => s === "Air/drone strike"),
      ATTACK: count("Explosions/Remote violence", (s) => s !== "Air/drone strike"),
      VIOLENCE_AGAINST_CIVILIANS: count("Violence against civilians"),
      PROTEST: count("Protests"),
      RIOT: count("Riots"),
      AGREEMENT: count("Strategic developments", (s) => s === "Agreement"),
      ARREST: count("Strategic developments", (s) => s === "Arrests"),
      OTHER: count("Strategic developments", (s) => s !== "Agreement" && s !== "Arrests"),
    });
    const fatalities = await t.db.event.aggregate({ _sum: { fatalitiesBest: true } });
    expect(fatalities._sum.fatalitiesBest).toBe(rows.reduce((s, r) => s + Number(r.fatalities), 0));
  }, 120_000);

  it("reads DD-MM-YY dates, numeric actor types and semicolon lists of associated actors and sources", async () => {
    const event = await t.db.event.findUniqueOrThrow({
      where: { key: "acled:KEN7179" },
      include: {
        participants: { include: { actor: true } },
        claims: { include: { source: { include: { outlet: true } } } },
        places: { include: { place: true } },
      },
    });
    expect(event.startDate.toISOString().slice(0, 10)).toBe("2019-12-29");
    expect(event).toMatchObject({ type: "RIOT", datePrecision: "DAY", fatalitiesBest: 0 });
    expect(event.participants.map((p) => `${p.role} ${p.actor.name} ${p.actor.kind}`).sort()).toEqual([
      "PARTY Aid Workers (Kenya) OTHER",
      "PARTY Civilians (Kenya) OTHER",
      "PARTY Health Workers (Kenya) OTHER",
      "PARTY Rioters (Kenya) CIVIL_SOCIETY",
    ]);
    expect(event.claims.map((c) => c.source.outlet?.name)).toEqual(["Kenya Standard"]);
    expect(defined(event.claims[0], "the event's claim").quote).toMatch(
      /^On December 29 2019, angry residents destroyed property/,
    );
    expect(defined(event.places[0], "the event's place").place).toMatchObject({
      name: "Kasipul",
      country: "KE",
      kind: "SETTLEMENT",
    });

    const police = await t.db.event.findUniqueOrThrow({
      where: { key: "acled:KEN7182" },
      include: { participants: { include: { actor: true } } },
    });
    expect(police.participants.map((p) => `${p.role} ${p.actor.name} ${p.actor.kind}`).sort()).toEqual([
      "PERPETRATOR Police Forces of Kenya (2013-) SECURITY_FORCE",
      "TARGET Civilians (Kenya) OTHER",
    ]);
  });
});

describe("importing the current ACLED layout", () => {
  const rows = [
    acledRow("PAK1001"),
    acledRow("PAK1002", {
      event_date: "17 March 2024",
      event_type: "Explosions/Remote violence",
      sub_event_type: "Air/drone strike",
      actor1: "Military Forces of Pakistan (2018-)",
      inter1: "State forces",
      actor2: "Civilians (Pakistan)",
      inter2: "Civilians",
      civilian_targeting: "Civilian targeting",
      disorder_type: "Political violence",
      time_precision: "2",
      fatalities: "3",
      assoc_actor_2: "Women (Pakistan); Children (Pakistan)",
      source: "Dawn",
      notes: "On 17 March 2024, a drone strike hit a house.",
    }),
    acledRow("PAK1003", {
      event_date: "2024-03-20",
      event_type: "Protests",
      sub_event_type: "Peaceful protest",
      disorder_type: "Demonstrations",
      actor1: "Protesters (Pakistan)",
      inter1: "Protesters",
      actor2: "",
      inter2: "",
      assoc_actor_1: "PTI: Pakistan Tehreek-e-Insaf",
      tags: "crowd size=around 200",
      fatalities: "0",
      time_precision: "3",
      geo_precision: "3",
      location: "Peshawar",
      admin1: "Khyber Pakhtunkhwa",
    }),
    acledRow("PAK1004", {
      event_type: "Strategic developments",
      sub_event_type: "Agreement",
      disorder_type: "Strategic developments",
      fatalities: "0",
    }),
  ];

  it("detects the layout and maps text actor types, civilian targeting, tags and ISO dates", async () => {
    const summary = await importDataset(t.db, { dataset: "acled", file: csvFile(ACLED_CURRENT_COLUMNS, rows) });
    expect(summary).toMatchObject({ layout: "current", created: 4, rejected: 0 });
    const events = await t.db.event.findMany({
      where: { key: { startsWith: "acled:PAK" } },
      orderBy: { key: "asc" },
      include: { participants: { include: { actor: true } }, places: { include: { place: true } } },
    });
    expect(events.map((e) => [e.key, e.type, e.startDate.toISOString().slice(0, 10), e.datePrecision])).toEqual([
      ["acled:PAK1001", "ARMED_CLASH", "2024-03-16", "DAY"],
      ["acled:PAK1002", "AIRSTRIKE", "2024-03-17", "WEEK"],
      ["acled:PAK1003", "PROTEST", "2024-03-20", "MONTH"],
      ["acled:PAK1004", "AGREEMENT", "2024-03-16", "DAY"],
    ]);
    const [clash, strike, protest] = events;
    expect(
      defined(clash, "the armed clash")
        .participants.map((p) => `${p.role} ${p.actor.kind}`)
        .sort(),
    ).toEqual(["PARTY ARMED_GROUP", "PARTY SECURITY_FORCE"]);
    expect(
      defined(strike, "the strike")
        .participants.map((p) => `${p.role} ${p.actor.name}`)
        .sort(),
    ).toEqual([
      "PERPETRATOR Military Forces of Pakistan (2018-)",
      "TARGET Children (Pakistan)",
      "TARGET Civilians (Pakistan)",
      "TARGET Women (Pakistan)",
    ]);
    expect(defined(strike, "the strike").summary).toContain("civilians targeted");
    expect(defined(protest, "the protest").summary).toContain("tags: crowd size=around 200");
    expect(
      defined(protest, "the protest")
        .participants.map((p) => `${p.role} ${p.actor.name} ${p.actor.kind}`)
        .sort(),
    ).toEqual(["PARTY PTI: Pakistan Tehreek-e-Insaf CIVIL_SOCIETY", "PARTY Protesters (Pakistan) CIVIL_SOCIETY"]);
    expect(defined(defined(protest, "the protest").places[0], "the protest's place").place).toMatchObject({
      name: "Peshawar",
      kind: "REGION",
      country: "PK",
    });
    expect(await t.db.claim.count({ where: { event: { key: "acled:PAK1001" } } })).toBe(2);
  });

  it("reads an empty fatalities cell as unknown and 0 as none, a tagged count as the low estimate, and keeps admin areas", async () => {
    const file = csvFile(ACLED_CURRENT_COLUMNS, [
      acledRow("PAK1101", { fatalities: "" }),
      acledRow("PAK1102", { fatalities: "0" }),
      acledRow("PAK1103", { fatalities: "12", tags: "parley:fatalities=low" }),
      // files Parley wrote before empty cells said so: 0 with a tag
      acledRow("PAK1104", { fatalities: "0", tags: "parley:fatalities=unknown" }),
    ]);
    expect(await importDataset(t.db, { dataset: "acled", file })).toMatchObject({ created: 4, rejected: 0 });
    const events = await t.db.event.findMany({
      where: { key: { in: ["acled:PAK1101", "acled:PAK1102", "acled:PAK1103", "acled:PAK1104"] } },
      orderBy: { key: "asc" },
    });
    expect(events.map((e) => [e.fatalitiesLow, e.fatalitiesBest])).toEqual([
      [null, null],
      [null, 0],
      [12, null],
      [null, null],
    ]);
    expect(defined(events[0], "the first event").summary).toContain(
      "admin areas Khyber Pakhtunkhwa > North Waziristan > Mir Ali;",
    );
  });

  it("reads Parley's third_parties column: each actor with the roles its tags give, else as a participant", async () => {
    const row = acledRow("PAK1105", {
      event_type: "Strategic developments",
      sub_event_type: "Agreement",
      third_parties: "Qatar; Turkey",
      tags: "parley:role=MEDIATOR:Qatar; parley:role=GUARANTOR:Qatar",
    });
    expect(
      await importDataset(t.db, {
        dataset: "acled",
        file: csvFile([...ACLED_CURRENT_COLUMNS, "third_parties"], [row]),
      }),
    ).toMatchObject({ created: 1, rejected: 0 });
    const event = await t.db.event.findUniqueOrThrow({
      where: { key: "acled:PAK1105" },
      include: { participants: { include: { actor: true } } },
    });
    expect(event.participants.map((p) => `${p.role} ${p.actor.name}`).sort()).toEqual([
      "GUARANTOR Qatar",
      "MEDIATOR Qatar",
      "PARTICIPANT Turkey",
      "PARTY Military Forces of Pakistan (2018-)",
      "PARTY Unidentified Armed Group (Pakistan)",
    ]);
    expect(event.summary).toContain("; third parties Qatar; Turkey;");
  });

  it("matches an ACLED name to an existing actor through its acronym or full name, and remembers it as an alias", async () => {
    const ttp = await t.db.actor.create({
      data: {
        key: "ttp",
        name: "Tehrik-i-Taliban Pakistan",
        kind: "ARMED_GROUP",
        aliases: { create: [{ name: "TTP", kind: "ACRONYM", normalized: "ttp", translitKey: "tp" }] },
      },
    });
    const summary = await importDataset(t.db, {
      dataset: "acled",
      file: csvFile(ACLED_CURRENT_COLUMNS, [
        acledRow("PAK1005", { event_date: "2024-04-01", actor2: "TTP: Tehreek-i-Taliban Pakistan" }),
      ]),
    });
    expect(summary.matchedActors).toEqual([
      expect.objectContaining({ datasetName: "TTP: Tehreek-i-Taliban Pakistan", actorKey: "ttp", via: 'name "TTP"' }),
    ]);
    const aliases = await t.db.actorAlias.findMany({ where: { actorId: ttp.id }, orderBy: { id: "asc" } });
    expect(aliases.map((a) => [a.name, a.kind])).toEqual([
      ["TTP", "ACRONYM"],
      ["TTP: Tehreek-i-Taliban Pakistan", "DATASET_NAME"],
    ]);
    const again = await importDataset(t.db, {
      dataset: "acled",
      file: csvFile(ACLED_CURRENT_COLUMNS, [
        acledRow("PAK1006", { event_date: "2024-04-02", actor2: "TTP: Tehreek-i-Taliban Pakistan" }),
      ]),
    });
    expect(again.matchedActors).toEqual([expect.objectContaining({ actorKey: "ttp", via: "name" })]);
    expect(again.records.actor).toEqual({ created: 0, updated: 0 });
  });
});
