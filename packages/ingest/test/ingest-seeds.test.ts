import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { demoFiles, paths, readDataFiles } from "@parley/db";
import { defined, normalizeName } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../src/candidates.ts";
import { ingestReport } from "../src/ingest.ts";

const seeds = path.join(paths.repoRoot, "..", "shared", "seeds");
const haveSeeds = existsSync(seeds);
if (!haveSeeds) console.log(`Skipping the seed-report measurements: ${seeds} is absent.`);

interface Truth {
  source: string;
  document: string;
  published: string;
  actors: Set<string>;
  events: Array<{ key: string; type: string; start: string; quotes: string[] }>;
}

/** Per report: the actors its demo file names as participants or speakers, and the events its claims support. */
function demoTruth(): Truth[] {
  const files = readDataFiles(demoFiles());
  const truths = new Map<string, Truth>();
  for (const { data } of files) {
    for (const s of data.sources)
      truths.set(s.key, {
        source: s.key,
        document: defined(s.document),
        published: s.publishedAt.date,
        actors: new Set(),
        events: [],
      });
  }
  for (const { data } of files) {
    const only = data.sources.length === 1 ? defined(data.sources[0]).key : undefined;
    for (const e of data.events) {
      const bySource = new Map<string, string[]>();
      for (const c of e.claims) {
        const source = c.source ?? defined(only);
        bySource.set(source, [...(bySource.get(source) ?? []), c.quote]);
        if (c.speaker) truths.get(source)?.actors.add(c.speaker);
      }
      for (const [source, quotes] of bySource) {
        const truth = truths.get(source);
        if (!truth) continue;
        truth.events.push({ key: e.key, type: e.type, start: defined(e.start).date, quotes });
        if (source === only || only === undefined) for (const p of e.participants) truth.actors.add(p.actor);
      }
    }
  }
  return [...truths.values()].sort((a, b) => a.document.localeCompare(b.document));
}

const overlaps = (sentence: string, quote: string) => {
  const [a, b] = [normalizeName(sentence), normalizeName(quote)];
  return a.includes(b) || b.includes(a);
};

let t: TestDatabase;
const results: Array<{ truth: Truth; extraction: Extraction; actorHits: number; eventHits: number }> = [];

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  if (!haveSeeds) return;
  const keyOf = new Map((await t.db.actor.findMany({ select: { id: true, key: true } })).map((a) => [a.id, a.key]));
  for (const truth of demoTruth()) {
    const content = readFileSync(path.join(seeds, truth.document), "utf8");
    const { extraction } = await ingestReport(
      t.db,
      { file: truth.document, content, date: truth.published },
      { dryRun: true },
    );
    const found = new Set(extraction.actors.map((a) => (a.actorId === null ? null : keyOf.get(a.actorId))));
    const actorHits = [...truth.actors].filter((k) => found.has(k)).length;
    const eventHits = truth.events.filter((d) =>
      extraction.events.some(
        (e) =>
          e.type === d.type &&
          (d.quotes.some((q) => e.quotes.some((quote) => overlaps(quote, q))) || e.date === d.start),
      ),
    ).length;
    results.push({ truth, extraction, actorHits, eventHits });
  }
  const rows = results.map(({ truth, extraction, actorHits, eventHits }) =>
    [
      truth.document.slice(0, 3),
      truth.source.padEnd(26),
      `${actorHits}/${truth.actors.size}`.padStart(6),
      (actorHits / truth.actors.size).toFixed(2).padStart(5),
      `${eventHits}/${truth.events.length}`.padStart(6),
      (eventHits / truth.events.length).toFixed(2).padStart(5),
      String(extraction.events.length).padStart(6),
      String(extraction.actors.filter((a) => a.actorId === null).length).padStart(4),
    ].join("  "),
  );
  const sum = (f: (r: (typeof results)[number]) => number) => results.reduce((n, r) => n + f(r), 0);
  console.log(
    [
      "Extraction measured against the demo dataset (recall of the actors each report's demo file names, and of its events):",
      "seed  source                      actors  recall  events  recall  cands   new",
      ...rows,
      `all   ${"".padEnd(26)}  ${`${sum((r) => r.actorHits)}/${sum((r) => r.truth.actors.size)}`.padStart(6)}  ${(sum((r) => r.actorHits) / sum((r) => r.truth.actors.size)).toFixed(2).padStart(5)}  ${`${sum((r) => r.eventHits)}/${sum((r) => r.truth.events.length)}`.padStart(6)}  ${(sum((r) => r.eventHits) / sum((r) => r.truth.events.length)).toFixed(2).padStart(5)}`,
    ].join("\n"),
  );
}, 180_000);
afterAll(async () => {
  await t.drop();
});

describe.runIf(haveSeeds)("ingesting the five seed reports against the demo dataset", () => {
  it("finds at least 90% of the actors the demo dataset names for the reports", () => {
    const hits = results.reduce((n, r) => n + r.actorHits, 0);
    const total = results.reduce((n, r) => n + r.truth.actors.size, 0);
    expect(results).toHaveLength(5);
    expect(hits / total).toBeGreaterThanOrEqual(0.9);
  });

  it("proposes at least 80% of the demo events of the reports, by type and quote or date", () => {
    const hits = results.reduce((n, r) => n + r.eventHits, 0);
    const total = results.reduce((n, r) => n + r.truth.events.length, 0);
    expect(hits / total).toBeGreaterThanOrEqual(0.8);
  });

  it("resolves the Kokcha News report's Mehr 27 to 19 October 2025 and finds the Doha ceasefire", () => {
    const kokcha = defined(results.find((r) => r.truth.document.startsWith("003")));
    expect(kokcha.extraction.dates).toContainEqual(
      expect.objectContaining({ text: "Mehr 27", date: "2025-10-19", precision: "DAY" }),
    );
    expect(kokcha.extraction.events).toContainEqual(expect.objectContaining({ type: "CEASEFIRE", date: "2025-10-19" }));
    expect(kokcha.extraction.cites.map((c) => c.name).sort()).toEqual(["Dawn", "TOLOnews"]);
  });

  it("reads the cited Express Tribune in report 004 as the known outlet", () => {
    const report = defined(results.find((r) => r.truth.document.startsWith("004")));
    expect(report.extraction.cites.map((c) => c.name)).toContain("The Express Tribune");
  });
});
