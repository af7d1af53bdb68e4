import { commitWrite, loadDataFiles } from "@parley/db";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { dataFiles, smallDataset } from "@parley/testkit/data-files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestReport } from "../src/ingest.ts";
import {
  ACCEPT_TIMEOUT_MS,
  acceptCandidate,
  CandidateError,
  listCandidates,
  rejectCandidate,
  updateCandidate,
} from "../src/review.ts";

const report = [
  "Talks Resume in Kabul",
  "",
  "The Afghan Taliban hosted talks between Islamabad and the TTP in Kabul on Wednesday, a senior official told Outlet A.",
  "Pakistani airstrikes hit a village, officials said.",
  "Maulana Hamidul Haq also visited Kabul.",
].join("\n");

let t: TestDatabase;
let sourceId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadDataFiles(t.db, dataFiles({ "small.yaml": smallDataset() }), { author: "test" });
});
afterAll(async () => {
  await t.drop();
});

// Each review runs in a transaction of its own, committed as the API and the CLI commit theirs.
const accept = (id: number, reviewer: string, patch?: Record<string, unknown>) =>
  commitWrite(t.db, (tx) => acceptCandidate(tx, id, reviewer, patch), { timeout: ACCEPT_TIMEOUT_MS });
const edit = (id: number, patch: Record<string, unknown>, reviewer: string) =>
  commitWrite(t.db, (tx) => updateCandidate(tx, id, patch, reviewer));
const reject = (id: number, reviewer: string) => commitWrite(t.db, (tx) => rejectCandidate(tx, id, reviewer));
const pendingOf = async (kind: string) => (await listCandidates(t.db, { sourceId })).filter((c) => c.kind === kind);
const payloadOf = (c: { payload: unknown }) => c.payload as Record<string, unknown>;

describe("the review queue", () => {
  it("stores nothing on a dry run", async () => {
    const before = await t.db.source.count();
    const result = await ingestReport(t.db, { file: "r.txt", content: report, date: "2022-05-18" }, { dryRun: true });
    expect(result.extraction.events.length).toBeGreaterThan(0);
    expect(await t.db.source.count()).toBe(before);
    expect(await t.db.candidate.count()).toBe(0);
  });

  it("stores the source with its text and queues candidates without changing the events", async () => {
    const events = await t.db.event.findMany({ select: { id: true } });
    const result = await ingestReport(t.db, {
      file: "r.txt",
      content: report,
      date: "2022-05-18",
      outlet: "outlet-a",
      url: "https://example.org/r",
    });
    sourceId = defined(result.sourceId);
    const source = await t.db.source.findUniqueOrThrow({ where: { id: sourceId }, include: { outlet: true } });
    expect(source).toMatchObject({ title: "Talks Resume in Kabul", url: "https://example.org/r", document: "r.txt" });
    expect(source.outlet?.key).toBe("outlet-a");
    expect(source.text).toContain("a senior official told Outlet A.");
    expect((await pendingOf("EVENT")).map((c) => payloadOf(c).type)).toEqual(
      expect.arrayContaining(["NEGOTIATION", "AIRSTRIKE", "VISIT"]),
    );
    expect((await pendingOf("ACTOR")).map((c) => payloadOf(c).name)).toContain("Hamidul Haq");
    expect((await pendingOf("CITATION")).map((c) => payloadOf(c).name)).toEqual(["Outlet A"]);
    expect(await t.db.event.findMany({ select: { id: true } })).toEqual(events);
  });

  it("accepts an event candidate as an event with its place, participants, a claim quoting the report and revisions", async () => {
    const talks = defined(
      (await pendingOf("EVENT")).find((c) => payloadOf(c).type === "NEGOTIATION" && payloadOf(c).date !== null),
    );
    const accepted = await accept(talks.id, "reviewer@test", { title: "Talks in Kabul" });
    expect(accepted).toMatchObject({ status: "ACCEPTED", reviewer: "reviewer@test", recordType: "Event" });
    const event = await t.db.event.findUniqueOrThrow({
      where: { id: defined(accepted.recordId) },
      include: { places: { include: { place: true } }, participants: { include: { actor: true } }, claims: true },
    });
    expect(event).toMatchObject({ type: "NEGOTIATION", title: "Talks in Kabul", datePrecision: "DAY" });
    expect(event.startDate.toISOString().slice(0, 10)).toBe("2022-05-18");
    expect(event.places.map((p) => p.place.key)).toEqual(["kabul"]);
    expect(event.participants.map((p) => p.actor.key).sort()).toEqual(["pakistan", "ttp"]);
    expect(event.claims).toEqual([expect.objectContaining({ sourceId, quote: payloadOf(talks).quote })]);
    const revisions = await t.db.revision.findMany({
      where: {
        OR: [
          { entityType: "Event", entityId: event.id },
          { entityType: "Claim", entityId: defined(event.claims[0]).id },
        ],
      },
    });
    expect(revisions.map((r) => r.entityType).sort()).toEqual(["Claim", "Event"]);
  });

  it("refuses to accept an event whose sentence has no date until the date is given", async () => {
    const strike = defined((await pendingOf("EVENT")).find((c) => payloadOf(c).type === "AIRSTRIKE"));
    await expect(accept(strike.id, "reviewer@test")).rejects.toThrow(CandidateError);
    await edit(strike.id, { date: "2022-04-16", precision: "DAY", type: "AIRSTRIKE" }, "reviewer@test");
    const accepted = await accept(strike.id, "reviewer@test");
    expect(accepted.recordType).toBe("Event");
  });

  it("rejects an edit that breaks the payload, naming the field", async () => {
    const visit = defined((await pendingOf("EVENT")).find((c) => payloadOf(c).type === "VISIT"));
    await expect(edit(visit.id, { type: "PICNIC" }, "reviewer@test")).rejects.toMatchObject({
      code: "INVALID",
      problems: [expect.objectContaining({ field: "payload.type" })],
    });
  });

  it("rejects a candidate, which then leaves the queue and can no longer be accepted", async () => {
    const visit = defined((await pendingOf("EVENT")).find((c) => payloadOf(c).type === "VISIT"));
    const rejected = await reject(visit.id, "reviewer@test");
    expect(rejected.status).toBe("REJECTED");
    expect((await pendingOf("EVENT")).map((c) => c.id)).not.toContain(visit.id);
    await expect(accept(visit.id, "reviewer@test")).rejects.toThrow(/already rejected/);
  });

  it("accepts a new actor and a citation of a known outlet", async () => {
    const haq = defined((await pendingOf("ACTOR")).find((c) => payloadOf(c).name === "Hamidul Haq"));
    const actor = await accept(haq.id, "reviewer@test");
    expect(await t.db.actor.findUniqueOrThrow({ where: { id: defined(actor.recordId) } })).toMatchObject({
      name: "Hamidul Haq",
      kind: "PERSON",
    });
    const [cite] = await pendingOf("CITATION");
    await accept(defined(cite).id, "reviewer@test");
    const cites = await t.db.sourceCitation.findMany({ where: { sourceId }, include: { outlet: true } });
    expect(cites.map((c) => c.outlet.key)).toEqual(["outlet-a"]);
  });
});
