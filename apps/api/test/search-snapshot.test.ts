import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { defined } from "@parley/schema";
import { createSearchEngine, invalidateIndexes, type SearchEngine } from "@parley/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApi } from "./harness.ts";
import { type Fixture, loadFixture } from "./search-fixture.ts";

/**
 * A saved index (issue 21): a start that finds the snapshot of the database's current state loads
 * it and catches up from the change log, and answers every search as a freshly built index does; a
 * snapshot of another state, or a damaged one, is never loaded.
 */
const api = useApi({ demo: false });
let fx: Fixture;
let dir: string;
const engines: SearchEngine[] = [];
const lines: string[] = [];

function engine(snapshots: boolean): SearchEngine {
  const e = createSearchEngine({
    url: api.t.url,
    max: 2,
    log: (line) => lines.push(line),
    ...(snapshots ? { snapshotDir: dir } : {}),
  });
  engines.push(e);
  return e;
}

beforeAll(async () => {
  fx = await loadFixture(api.t.db, 60, 21);
  dir = await mkdtemp(path.join(tmpdir(), "parley-snapshot-"));
});
afterAll(async () => {
  for (const e of engines) await e.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

/** What a search answers, all of it that comes from the index. */
async function answer(e: SearchEngine, filter: Record<string, unknown>, query?: string) {
  const search = await e.searchEvents({ filter, query, sort: "DATE_DESC", first: 20 });
  const ids: number[] = [];
  for await (const batch of search.idBatches(500)) ids.push(...batch);
  return {
    ids,
    total: search.totalCount,
    facets: search.facetCounts(),
    places: search.places(50),
    fatalities: search.fatalities(),
    months: search.histogram("MONTH"),
  };
}

async function sameAnswers(loaded: SearchEngine, fresh: SearchEngine) {
  const filters: [Record<string, unknown>, string?][] = [
    [{}],
    [{ types: ["ATTACK"] }],
    [{ types: ["NEGOTIATION", "CEASEFIRE"], countries: ["PK"] }],
    [{ actorIds: [fx.actorIds[0]], roles: ["MEDIATOR", "PARTY"] }],
    [{ participants: [{ actorId: fx.actorIds[1] }, { actorId: fx.actorIds[2] }] }],
    [{ contested: true }],
    [{ from: "2022-01-01", to: "2022-12-31" }],
    [{}, "convoy"],
    [{ countries: ["TR"] }, "market OR border"],
    [{ types: ["RIOT"] }],
  ];
  for (const [filter, query] of filters)
    expect(await answer(loaded, filter, query), JSON.stringify({ filter, query })).toEqual(
      await answer(fresh, filter, query),
    );
}

const epoch = async () =>
  defined(
    (await api.t.db.$queryRawUnsafe<{ epoch: string }[]>(`SELECT epoch::text AS epoch FROM search_state`))[0],
    "(await api.t.db.$queryRawUnsafe<{ epoch: string }[]>(`SELECT epoch:…",
  ).epoch;

describe("a saved search index", () => {
  it("is saved after a build; a later start loads it, catches up with the writes since, and answers as a fresh build does", async () => {
    const first = engine(true);
    await first.ready();
    await first.save();
    expect(await readdir(dir)).toEqual([`search-index-${await epoch()}.snapshot`]);
    expect(first.stats).toMatchObject({ builds: 1, snapshotLoads: 0 });
    await first.close();

    // Writes while no process runs: a new event, a changed one, a deleted one.
    const added = await api.t.db.event.create({
      data: {
        type: "RIOT",
        title: "Convoy stopped at the border",
        startDate: new Date("2022-06-01T00:00:00Z"),
        participants: { create: [{ actorId: defined(fx.actorIds[0], "fx.actorIds[0]"), role: "MEDIATOR" }] },
      },
    });
    const [changed, deleted] = fx.events.slice(0, 2);
    await api.t.db.event.update({
      where: { id: defined(changed, "changed").id },
      data: { type: "CEASEFIRE", contested: true },
    });
    await api.t.db.event.delete({ where: { id: defined(deleted, "deleted").id } });

    const loaded = engine(true);
    await loaded.ready();
    expect(loaded.stats).toMatchObject({ builds: 0, snapshotLoads: 1 });
    expect(loaded.stats.changesApplied).toBeGreaterThanOrEqual(3);
    expect(lines.some((l) => /loaded from the snapshot/.test(l))).toBe(true);
    const fresh = engine(false);
    await fresh.ready();
    await sameAnswers(loaded, fresh);
    expect((await answer(loaded, {}, "convoy")).ids).toContain(added.id);
    expect((await answer(loaded, {})).ids).not.toContain(defined(deleted, "deleted").id);

    // and it keeps following writes as a built index does
    await api.t.db.event.update({ where: { id: added.id }, data: { title: "Checkpoint opened", type: "STATEMENT" } });
    await sameAnswers(loaded, fresh);
    await loaded.close();
  });

  it("saves on close what it applied since its last save, so the next start has nothing to catch up", async () => {
    const e = engine(true);
    await e.ready();
    await api.t.db.event.update({ where: { id: defined(fx.events[5], "fx.events[5]").id }, data: { contested: true } });
    await e.searchEvents({ filter: {}, sort: "DATE_DESC", first: 1 });
    const saves = e.stats.snapshotSaves;
    await e.close();
    expect(e.stats.snapshotSaves).toBe(saves + 1);
    const next = engine(true);
    await next.ready();
    expect(next.stats).toMatchObject({ builds: 0, snapshotLoads: 1, changesApplied: 0 });
    // saved with the changed event in the forward index's overlay and the lexemes' changes folded in
    const fresh = engine(false);
    await fresh.ready();
    await sameAnswers(next, fresh);
    await next.close();
  });

  it("is not loaded into another state of the database, nor when damaged", async () => {
    const before = await epoch();
    await invalidateIndexes(api.search.pool);
    const after = await epoch();
    expect(after).not.toBe(before);
    const rebuilt = engine(true);
    await rebuilt.ready();
    expect(rebuilt.stats).toMatchObject({ builds: 1, snapshotLoads: 0 });
    await rebuilt.save();
    await rebuilt.close();

    await writeFile(path.join(dir, `search-index-${after}.snapshot`), Buffer.from("PARLEYSX not really a snapshot"));
    lines.length = 0;
    const damaged = engine(true);
    await damaged.ready();
    expect(damaged.stats).toMatchObject({ builds: 1, snapshotLoads: 0 });
    expect(lines.some((l) => /the snapshot could not be loaded/.test(l))).toBe(true);
    const fresh = engine(false);
    await fresh.ready();
    await sameAnswers(damaged, fresh);
  });
});
