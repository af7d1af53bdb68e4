import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeName, transliterationKey } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";
import { demoFiles } from "../src/loader/demo.ts";
import { readDataFiles } from "../src/loader/read.ts";
import { loadDataFiles } from "../src/loader/load.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const TRICKY = [
  "Tehrik-i-Taliban Pakistan", "Ḥāmid Karzāī", "Şırnak", "Mullah Hibatullah Akhundzada", "Shaykh al-Islām", "O’Brien",
  "Zabiullah  Mujahed", "ʿAbd al-Raḥmān", "Ghulam Khan", "Dr. Zhou", "Çağlar Söyüncü", "Noor-ul-Haq Ulomi", "Qari Fasihuddin",
  "Muttaqi", "Yousaf", "  spaces  ", "123 Brigade", "Lashkar-e-Jhangvi", "Thérèse", "Khyber Pakhtunkhwa", "Дмитрий", "Ελλάδα",
  "عبدالله", "\u200Bzero\u200Dwidth", "ÆSIR", "Hizb-ut-Tahrir",
];

describe("search SQL", () => {
  it("normalizes and keys names exactly as normalizeName and transliterationKey do", async () => {
    const names = [...TRICKY, ...readDataFiles(demoFiles()).flatMap(({ data }) => data.actors.flatMap((a) => [a.name, ...a.aliases.map((x) => x.name)]))];
    const rows = await t.db.$queryRawUnsafe<{ name: string; n: string; k: string }[]>(
      `SELECT name, parley_normalize_name(name) AS n, parley_translit_key(name) AS k FROM unnest($1::text[]) AS name`,
      names,
    );
    const differing = rows.filter((r) => r.n !== normalizeName(r.name) || r.k !== transliterationKey(r.name));
    expect(differing.map((r) => ({ name: r.name, sql: [r.n, r.k], js: [normalizeName(r.name), transliterationKey(r.name)] }))).toEqual([]);
    expect(rows).toHaveLength(names.length);
  });

  it("keys every actor's own name and indexes every event's text, whoever writes them", async () => {
    await loadDataFiles(t.db, demoFiles(), { author: "test" });
    const actors = await t.db.actor.findMany();
    expect(actors.every((a) => a.normalized === normalizeName(a.name) && a.translitKey === transliterationKey(a.name))).toBe(true);
    const [{ missing }] = await t.db.$queryRawUnsafe<{ missing: number }[]>(`SELECT count(*)::int AS missing FROM event WHERE document IS NULL`);
    expect(missing).toBe(0);
    const hits = await t.db.$queryRawUnsafe<{ title: string }[]>(`SELECT title FROM event WHERE document @@ websearch_to_tsquery('parley', 'Tahreek-e-Taliban')`);
    expect(hits.length).toBeGreaterThan(0);
  });
});
