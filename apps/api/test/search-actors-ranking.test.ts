import { defined } from "@parley/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";

// A corpus without the demo's transliteration aliases, with distractors whose transliteration key
// or letters are close to the query's: only the ranking can put the right actor first.
const api = useApi({ demo: false });

const ACTORS = `query($query: String!) { searchActors(query: $query) { actor { name } matchedName score } }`;

async function names(query: string): Promise<string[]> {
  const res = await api.gql(ACTORS, { query });
  expect(res.errors).toBeUndefined();
  return (dataOf(res).searchActors as { actor: { name: string } }[]).map((m) => m.actor.name);
}

beforeAll(async () => {
  const db = api.t.db;
  const actor = (name: string, kind: "ARMED_GROUP" | "GOVERNMENT" | "PERSON" | "MEDIA_OUTLET") =>
    db.actor.create({ data: { name, kind } });
  const ttp = await actor("Tehrik-i-Taliban Pakistan", "ARMED_GROUP");
  await actor("Turkey", "GOVERNMENT");
  await actor("Tehran Times", "MEDIA_OUTLET");
  await actor("Amir Khan Muttaki", "PERSON");
  await actor("Wakil Ahmad Muttawakil", "PERSON");
  await actor("Moeed Yousaf", "PERSON");
  await actor("Yasir Yousafzai", "PERSON");
  await actor("Faiz Hameed", "PERSON");
  await actor("Hamid Karzai", "PERSON");
  // The TTP took part in more events than the Tehran Times: equal scores go to the busier actor.
  for (let i = 1; i <= 3; i++)
    await db.event.create({
      data: {
        type: "ATTACK",
        title: `Attack ${i}`,
        startDate: new Date(`2022-0${i}-01`),
        participants: { create: [{ actorId: ttp.id, role: "PERPETRATOR" }] },
      },
    });
  await api.search.ready();
});

describe("searchActors ranking against distractors", () => {
  it("ranks the TTP before Turkey for 'Tehreek', although Turkey's transliteration key is exactly Tehreek's", async () => {
    const found = await names("Tehreek");
    expect(found[0]).toBe("Tehrik-i-Taliban Pakistan");
    expect(found.indexOf("Turkey")).not.toBe(0);
  });

  it("ranks the TTP before Turkey for 'Tahreek', by how close the letters are when only the keys match", async () => {
    const found = await names("Tahreek");
    expect(found[0]).toBe("Tehrik-i-Taliban Pakistan");
    expect(found).toContain("Turkey");
  });

  it("gives a key-only match a lower score than any match by the name itself", async () => {
    const res = await api.gql(ACTORS, { query: "Turk" });
    const matches = dataOf(res).searchActors as { actor: { name: string }; score: number }[];
    expect(matches[0]).toMatchObject({ actor: { name: "Turkey" } });
    expect(defined(matches[0], "matches[0]").score).toBeGreaterThan(0.8);
    for (const m of matches.slice(1)) expect(m.score).toBeLessThanOrEqual(0.4);
  });

  it("puts the actor with more events first among equal prefix matches ('Teh')", async () => {
    expect((await names("Teh")).slice(0, 2)).toEqual(["Tehrik-i-Taliban Pakistan", "Tehran Times"]);
  });

  it("prefers Muttaki to Muttawakil for 'Muttaqi' and 'Muttaq', whose letters are as close to both", async () => {
    expect((await names("Muttaqi"))[0]).toBe("Amir Khan Muttaki");
    expect((await names("Muttaq"))[0]).toBe("Amir Khan Muttaki");
  });

  it("finds Moeed Yousaf for 'Yusuf' before a name that only begins with the same key", async () => {
    expect((await names("Yusuf")).slice(0, 2)).toEqual(["Moeed Yousaf", "Yasir Yousafzai"]);
  });

  it("ranks a real match of the name ('Hamid' Karzai) before a transliteration of it (Faiz Hameed)", async () => {
    expect((await names("Hamid")).slice(0, 2)).toEqual(["Hamid Karzai", "Faiz Hameed"]);
    expect((await names("Hameed")).slice(0, 2)).toEqual(["Faiz Hameed", "Hamid Karzai"]);
  });
});
