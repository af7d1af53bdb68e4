import { generateCorpus } from "@parley/corpus";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Each participation carries its event's start date (participant.event_start_date) so that an
// actor's events page in date order from one index. Triggers keep it true whoever writes; the bulk
// paths that turn triggers off write it themselves.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
});
afterAll(async () => {
  await t.drop();
});

/** Participations whose copied date is not their event's. */
async function wrongDates(): Promise<number> {
  const [row] = await t.db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM participant p JOIN event e ON e.id = p.event_id WHERE p.event_start_date IS DISTINCT FROM e.start_date`,
  );
  return Number(row?.n);
}

const changesLogged = async () =>
  defined(
    (await t.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM search_change`))[0],
    "(await t.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int …",
  ).n;

describe("a participation's copy of its event's date", () => {
  it("is there for every participation of the demo, loaded through the application", async () => {
    expect(await t.db.participant.count()).toBeGreaterThan(50);
    expect(await wrongDates()).toBe(0);
  });

  it("is set on insert, follows the event's date and the event it is moved to, and cannot be written otherwise", async () => {
    const [a, b] = await Promise.all([
      t.db.event.create({ data: { type: "NEGOTIATION", title: "Dates test A", startDate: new Date("2020-02-03") } }),
      t.db.event.create({ data: { type: "NEGOTIATION", title: "Dates test B", startDate: new Date("2024-07-08") } }),
    ]);
    const actor = await t.db.actor.findFirstOrThrow();
    const p = await t.db.participant.create({ data: { eventId: a.id, actorId: actor.id, role: "PARTY" } });
    expect(p.eventStartDate?.toISOString().slice(0, 10)).toBe("2020-02-03");
    await t.db.event.update({ where: { id: a.id }, data: { startDate: new Date("2019-12-31") } });
    expect(
      (await t.db.participant.findUniqueOrThrow({ where: { id: p.id } })).eventStartDate?.toISOString().slice(0, 10),
    ).toBe("2019-12-31");
    await t.db.participant.update({ where: { id: p.id }, data: { eventId: b.id } });
    expect(
      (await t.db.participant.findUniqueOrThrow({ where: { id: p.id } })).eventStartDate?.toISOString().slice(0, 10),
    ).toBe("2024-07-08");
    await t.db.participant.update({ where: { id: p.id }, data: { eventStartDate: new Date("1900-01-01") } });
    expect(
      (await t.db.participant.findUniqueOrThrow({ where: { id: p.id } })).eventStartDate?.toISOString().slice(0, 10),
    ).toBe("2024-07-08");
    expect(await wrongDates()).toBe(0);
  });

  it("is not news to search: copying a date or changing a note logs no change, changing a role does", async () => {
    const p = await t.db.participant.findFirstOrThrow({ orderBy: { id: "asc" } });
    const before = await changesLogged();
    await t.db.participant.update({ where: { id: p.id }, data: { note: "a note that search does not read" } });
    await t.db.$executeRawUnsafe(`UPDATE participant SET event_start_date = NULL WHERE id = $1`, p.id);
    expect(await changesLogged()).toBe(before);
    await t.db.participant.update({ where: { id: p.id }, data: { role: p.role === "HOST" ? "PARTY" : "HOST" } });
    const logged = await t.db.$queryRawUnsafe<{ event_id: number }[]>(
      `SELECT event_id FROM search_change ORDER BY seq DESC LIMIT 1`,
    );
    expect(await changesLogged()).toBe(before + 1);
    expect(defined(logged[0], "logged[0]").event_id).toBe(p.eventId);
  });

  it("is written by the generator, which loads with triggers off", async () => {
    await generateCorpus({ url: t.url, events: 400, seed: 7, replace: true });
    expect(await t.db.participant.count()).toBeGreaterThan(400);
    expect(await wrongDates()).toBe(0);
  });
});
