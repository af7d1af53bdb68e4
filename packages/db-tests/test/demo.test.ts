import { readFileSync } from "node:fs";
import path from "node:path";
import { demoFiles, type LoadSummary, loadDataFiles, paths, readDataFiles } from "@parley/db";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestDatabase;
let first: LoadSummary;
beforeAll(async () => {
  t = await createTestDatabase();
  first = await loadDataFiles(t.db, demoFiles(), { author: "demo dataset" });
});
afterAll(async () => {
  await t.drop();
});

describe("the demo dataset", () => {
  it("has one file per report, each validated by the shared schema", () => {
    const parsed = readDataFiles(demoFiles());
    const reports = parsed.filter((f) => f.data.sources.length === 1);
    expect(reports).toHaveLength(5);
    expect(reports.map((f) => defined(f.data.sources[0], "f.data.sources[0]").document).sort()).toEqual([
      "000_0541811d31d0ce89.txt",
      "001_38108d349d2a579e.txt",
      "002_d6522efbbf19c61a.txt",
      "003_3fa766c17b53cb33.txt",
      "004_95322db71f88a246.txt",
    ]);
  });

  it("loads every record of the five reports", async () => {
    expect(first.byKind.event.created).toBeGreaterThanOrEqual(40);
    expect(first.byKind.source.created).toBe(5);
    expect(await t.db.event.count()).toBe(first.byKind.event.created);
    expect(await t.db.claim.count()).toBeGreaterThan(100);
    const unsupported = await t.db.event.count({ where: { claims: { none: {} } } });
    expect(unsupported).toBe(0);
  });

  it("knows the TTP under every spelling the reports use", async () => {
    const ttp = await t.db.actor.findUniqueOrThrow({ where: { key: "ttp" }, include: { aliases: true } });
    expect(ttp.name).toBe("Tehrik-i-Taliban Pakistan");
    expect(ttp.aliases.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        "TTP",
        "Pakistani Taliban",
        "Tehreek-e-Taliban Pakistan",
        "Tehrik-e Taliban Pakistan",
        "Tahreek-e-Taliban Pakistan",
      ]),
    );
  });

  it("resolves the Solar Hijri date Mehr 27 and the relative dates to real days", async () => {
    const doha = await t.db.event.findUniqueOrThrow({
      where: { key: "doha-ceasefire-2025-10-19" },
      include: { participants: { include: { actor: true } } },
    });
    expect(doha.startDate.toISOString().slice(0, 10)).toBe("2025-10-19");
    expect(doha.datePrecision).toBe("DAY");
    expect(
      doha.participants
        .filter((p) => p.actor.key === "qatar")
        .map((p) => p.role)
        .sort(),
    ).toEqual(["GUARANTOR", "MEDIATOR"]);
    const voa = await t.db.source.findUniqueOrThrow({ where: { key: "voa-2022-05-18" } });
    expect(voa.publishedAt?.toISOString().slice(0, 10)).toBe("2022-05-18");
  });

  it("marks the November 2021 prisoner release contested: asserted by one side, denied by the TTP", async () => {
    const release = await t.db.event.findUniqueOrThrow({
      where: { key: "alleged-prisoner-release-2021-11" },
      include: { claims: { include: { speaker: true } } },
    });
    expect(release.contested).toBe(true);
    const denial = release.claims.find((c) => c.stance === "DENIES" && c.speaker?.key === "muhammad-khurasani");
    expect(denial).toBeDefined();
  });

  it("quotes each claim verbatim from its report", async () => {
    const claims = await t.db.claim.findMany({ include: { source: true } });
    const flat = (s: string) => s.replace(/\s+/g, " ");
    const texts = new Map<string, string>();
    for (const claim of claims) {
      const doc = defined(claim.source.document, "claim.source.document");
      if (!texts.has(doc)) {
        try {
          texts.set(doc, flat(readFileSync(path.join(paths.repoRoot, "..", "shared", "seeds", doc), "utf8")));
        } catch {
          console.warn("../shared/seeds is absent: skipping the verbatim check");
          return;
        }
      }
      expect(texts.get(doc), `claim ${claim.id} from ${doc}`).toContain(flat(claim.quote));
    }
  });

  it("links the truce extension to the Eid truce it extends", async () => {
    const extension = await t.db.event.findUniqueOrThrow({
      where: { key: "truce-extension-2022-05" },
      include: { linksOut: { include: { to: true } } },
    });
    expect(extension.linksOut.map((l) => [l.kind, l.to.key])).toContainEqual(["EXTENDS", "eid-truce-2022"]);
  });

  it("changes nothing when loaded a second time", async () => {
    const revisions = await t.db.revision.count();
    const again = await loadDataFiles(t.db, demoFiles(), { author: "demo dataset" });
    expect(again.created + again.updated).toBe(0);
    expect(await t.db.revision.count()).toBe(revisions);
  });
});
