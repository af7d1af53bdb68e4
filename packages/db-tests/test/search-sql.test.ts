import { generateCorpus } from "@parley/corpus";
import { COUNTRY_NAMES, countryNamesText, demoFiles, loadDataFiles, readDataFiles } from "@parley/db";
import { normalizeName, transliterationKey } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const TRICKY = [
  "Tehrik-i-Taliban Pakistan",
  "Ḥāmid Karzāī",
  "Şırnak",
  "Mullah Hibatullah Akhundzada",
  "Shaykh al-Islām",
  "O’Brien",
  "Zabiullah  Mujahed",
  "ʿAbd al-Raḥmān",
  "Ghulam Khan",
  "Dr. Zhou",
  "Çağlar Söyüncü",
  "Noor-ul-Haq Ulomi",
  "Qari Fasihuddin",
  "Muttaqi",
  "Yousaf",
  "  spaces  ",
  "123 Brigade",
  "Lashkar-e-Jhangvi",
  "Thérèse",
  "Khyber Pakhtunkhwa",
  "Дмитрий",
  "Ελλάδα",
  "عبدالله",
  "\u200Bzero\u200Dwidth",
  "ÆSIR",
  "Hizb-ut-Tahrir",
];

describe("search SQL", () => {
  it("normalizes and keys names exactly as normalizeName and transliterationKey do", async () => {
    const names = [
      ...TRICKY,
      ...readDataFiles(demoFiles()).flatMap(({ data }) =>
        data.actors.flatMap((a) => [a.name, ...a.aliases.map((x) => x.name)]),
      ),
    ];
    const rows = await t.db.$queryRawUnsafe<{ name: string; n: string; k: string }[]>(
      `SELECT name, parley_normalize_name(name) AS n, parley_translit_key(name) AS k FROM unnest($1::text[]) AS name`,
      names,
    );
    const differing = rows.filter((r) => r.n !== normalizeName(r.name) || r.k !== transliterationKey(r.name));
    expect(
      differing.map((r) => ({
        name: r.name,
        sql: [r.n, r.k],
        js: [normalizeName(r.name), transliterationKey(r.name)],
      })),
    ).toEqual([]);
    expect(rows).toHaveLength(names.length);
  });

  it("keys every actor's own name and indexes every event's text, whoever writes them", async () => {
    await loadDataFiles(t.db, demoFiles(), { author: "test" });
    const actors = await t.db.actor.findMany();
    expect(
      actors.every((a) => a.normalized === normalizeName(a.name) && a.translitKey === transliterationKey(a.name)),
    ).toBe(true);
    expect(await t.db.$queryRawUnsafe(`SELECT count(*)::int AS missing FROM event WHERE document IS NULL`)).toEqual([
      { missing: 0 },
    ]);
    const hits = await t.db.$queryRawUnsafe<{ title: string }[]>(
      `SELECT title FROM event WHERE document @@ websearch_to_tsquery('parley', 'Tahreek-e-Taliban')`,
    );
    expect(hits.length).toBeGreaterThan(0);
  });

  it("names every country as COUNTRY_NAMES does", async () => {
    const codes = [...Object.keys(COUNTRY_NAMES), "XX"];
    const rows = await t.db.$queryRawUnsafe<{ code: string; names: string | null }[]>(
      `SELECT code, parley_country_names(code) AS names FROM unnest($1::text[]) AS code`,
      codes,
    );
    expect(rows.filter((r) => r.names !== countryNamesText(r.code))).toEqual([]);
    expect(rows).toHaveLength(codes.length);
  });

  it("finds an event by its places' country names and their variants, also after the place moves", async () => {
    const place = await t.db.place.create({ data: { name: "Cizre", country: "TR" } });
    const event = await t.db.event.create({
      data: {
        type: "ATTACK",
        title: "Shelling reported",
        startDate: new Date("2023-02-01T00:00:00Z"),
        places: { create: [{ placeId: place.id }] },
      },
    });
    const finds = async (query: string) =>
      (
        await t.db.$queryRawUnsafe<{ id: number }[]>(
          `SELECT id FROM event WHERE id = $1 AND document @@ websearch_to_tsquery('parley', $2)`,
          event.id,
          query,
        )
      ).length === 1;
    expect(await finds("Turkey")).toBe(true);
    expect(await finds("Türkiye")).toBe(true);
    expect(await finds("turkiye shelling")).toBe(true);
    expect(await finds("Pakistan")).toBe(false);
    await t.db.place.update({ where: { id: place.id }, data: { country: "PK" } });
    expect(await finds("Pakistan")).toBe(true);
    expect(await finds("Turkey")).toBe(false);
  });

  it("generates the documents the triggers would write", async () => {
    await generateCorpus({ url: t.url, events: 300, seed: 3, replace: true });
    const counts = await t.db.$queryRawUnsafe(
      `SELECT count(*) FILTER (WHERE e.document IS DISTINCT FROM parley_event_document(e.title, e.summary, n.actor_names, n.place_names))::int AS differ, count(*)::int AS total
         FROM event e, LATERAL parley_event_names(e.id) n`,
    );
    expect(counts).toEqual([{ differ: 0, total: 300 }]);
  });
});
