import { DataFileError, demoFiles, loadDataFiles } from "@parley/db";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { dataFiles, smallDataset } from "@parley/testkit/data-files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadDataFiles(t.db, demoFiles(), { author: "demo dataset" });
});
afterAll(async () => {
  await t.drop();
});

const withPositions = (positions: unknown[]) => ({ ...smallDataset(), positions });
const demand = {
  key: "ttp-demand",
  holder: "ttp",
  kind: "DEMAND",
  issue: "TERRITORY_TROOPS",
  summary: "Withdraw the troops.",
  start: "2022-05",
  claims: [{ quote: "withdraw troops" }],
};

async function problemsOf(files: string[]): Promise<string[]> {
  const error = await loadDataFiles(t.db, files).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataFileError);
  return (error as DataFileError).problems.map((p) => `${p.path}: ${p.message}`);
}

describe("positions in the demo dataset", () => {
  it("holds the TTP's three demands, each with its quotes from VOA and Granthshala", async () => {
    const demands = await t.db.position.findMany({
      where: { actor: { key: "ttp" }, kind: "DEMAND" },
      include: { claims: { include: { source: true } } },
      orderBy: { key: "asc" },
    });
    expect(demands.map((d) => [d.key, d.issue])).toEqual([
      ["ttp-demands-islamic-system", "GOVERNANCE_LAW"],
      ["ttp-demands-semi-autonomous-status", "GOVERNANCE_LAW"],
      ["ttp-demands-troop-withdrawal", "TERRITORY_TROOPS"],
    ]);
    for (const d of demands) {
      expect(d.claims.map((c) => c.source.key).sort()).toEqual([
        "granthshala-2021-11-23",
        "granthshala-2021-11-23",
        "voa-2022-05-18",
      ]);
      expect(d.claims.filter((c) => c.stance === "DENIES")).toHaveLength(1);
    }
  });

  it("links Islamabad's refusal to the TTP demand it answers", async () => {
    const refusal = await t.db.position.findUniqueOrThrow({
      where: { key: "pakistan-rejects-troop-withdrawal" },
      include: { respondsTo: true, actor: true },
    });
    expect(refusal.kind).toBe("REFUSAL");
    expect(refusal.actor.key).toBe("pakistan-government");
    expect(refusal.respondsTo?.key).toBe("ttp-demands-troop-withdrawal");
  });

  it("keeps the red lines, the prisoner condition, the Afghan pledge and the Istanbul refusal", async () => {
    const keys = (await t.db.position.findMany({ select: { key: true, kind: true } })).map((p) => `${p.kind} ${p.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "RED_LINE pakistan-red-line-surrender-and-arms",
        "CONDITION ttp-conditions-truce-on-prisoners",
        "PLEDGE afghan-taliban-pledge-afghan-soil",
        "REFUSAL afghan-taliban-refuses-written-commitments",
        "DEMAND pakistan-demands-written-commitments",
        "COMMITMENT qatar-guarantees-ceasefire-2025",
      ]),
    );
    expect(keys.length).toBeGreaterThanOrEqual(40);
  });

  it("chains the TTP's ceasefire positions from the 2021 truce to its end in November 2022", async () => {
    let position = await t.db.position.findUniqueOrThrow({ where: { key: "ttp-ends-ceasefire-2022-11" } });
    const chain = [position.key];
    while (position.supersedesId) {
      position = await t.db.position.findUniqueOrThrow({ where: { id: position.supersedesId } });
      chain.push(position.key);
    }
    expect(chain).toEqual([
      "ttp-ends-ceasefire-2022-11",
      "ttp-agrees-ceasefire-2022-06",
      "ttp-extends-eid-truce-2022-05",
      "ttp-refuses-truce-extension-2021-12",
      "ttp-ceasefire-2021-11",
    ]);
  });

  it("gives every position at least one claim and a process", async () => {
    expect(await t.db.position.count({ where: { claims: { none: {} } } })).toBe(0);
    const unfiled = await t.db.position.findMany({ where: { processId: null }, select: { key: true } });
    expect(unfiled.map((p) => p.key)).toEqual(["afghan-taliban-seeks-recognition"]);
  });

  it("records a CREATE revision for each position and changes nothing when loaded again", async () => {
    const positions = await t.db.position.count();
    expect(await t.db.revision.count({ where: { entityType: "Position", action: "CREATE" } })).toBe(positions);
    const again = await loadDataFiles(t.db, demoFiles(), { author: "demo dataset" });
    expect(again.byKind.position).toEqual({ created: 0, updated: 0, unchanged: positions });
    expect(again.created + again.updated).toBe(0);
  });
});

describe("positions in data files", () => {
  it("stores a changed summary as an update with its revision, and removes a claim the file dropped", async () => {
    const [file] = dataFiles({
      "a.yaml": withPositions([{ ...demand, claims: [{ quote: "withdraw troops" }, { quote: "pull out" }] }]),
    });
    await loadDataFiles(t.db, [defined(file, "file")]);
    const [changed] = dataFiles({ "a.yaml": withPositions([{ ...demand, summary: "Pull the troops out." }]) });
    const summary = await loadDataFiles(t.db, [defined(changed, "changed")]);
    expect(summary.byKind.position.updated).toBe(1);
    const row = await t.db.position.findUniqueOrThrow({ where: { key: "ttp-demand" }, include: { claims: true } });
    expect(row.summary).toBe("Pull the troops out.");
    expect(row.version).toBe(2);
    expect(row.claims.map((c) => c.quote)).toEqual(["withdraw troops"]);
    const revision = await t.db.revision.findFirstOrThrow({
      where: { entityType: "Position", entityId: row.id, action: "UPDATE" },
    });
    expect(revision.changes).toEqual({ summary: ["Withdraw the troops.", "Pull the troops out."] });
  });

  it("names the file and field of an unknown holder and stores nothing", async () => {
    const before = await t.db.position.count();
    const files = dataFiles({ "bad.yaml": withPositions([{ ...demand, key: "orphan", holder: "nobody" }]) });
    expect(await problemsOf(files)).toEqual(['positions[0] (key orphan).holder: no actor has the key "nobody"']);
    expect(await t.db.position.count()).toBe(before);
  });

  it("refuses a position without a quote, naming the file's field", async () => {
    const files = dataFiles({ "bad.yaml": withPositions([demand, { ...demand, key: "no-quote", claims: [] }]) });
    const problems = await problemsOf(files);
    expect(problems).toContain(
      "positions[1] (key no-quote).claims: a position needs at least one claim: the quote that states it",
    );
  });

  it("refuses a position that supersedes another holder's position, naming the field", async () => {
    const files = dataFiles({
      "bad.yaml": withPositions([
        demand,
        { ...demand, key: "takeover", holder: "pakistan", kind: "REFUSAL", supersedes: "ttp-demand" },
      ]),
    });
    expect(await problemsOf(files)).toEqual([
      'positions[1] (key takeover).supersedes: "ttp-demand" is held by ttp, not pakistan: a position supersedes one of its own holder\'s',
    ]);
  });
});
