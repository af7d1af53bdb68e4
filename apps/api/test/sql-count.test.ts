import { defined } from "@parley/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();

const PAGE = `query($first: Int!) {
  events(first: $first, orderBy: DATE_DESC) {
    totalCount
    edges { cursor node {
      id title type startDate contested revisions(first: 5) { edges { node { action version } } }
      places { name country }
      process { name }
      related { label event { title participants { actor { name } } } }
      participants { role actor { id name aliases } }
      claims { quote stance speakerLabel speaker { name } source { title publishedAt outlet { name } cites { name } } revisions(first: 5) { totalCount edges { node { action } } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function statementsFor(first: number) {
  api.resetQueries();
  const res = await api.gql<{
    events: {
      edges: { node: { participants: unknown[]; claims: { source: { title: string } }[]; related: unknown[] } }[];
    };
  }>(PAGE, { first });
  expect(res.errors).toBeUndefined();
  expect(dataOf(res).events.edges).toHaveLength(first);
  return { statements: api.queries.length, events: dataOf(res).events.edges.map((e) => e.node) };
}

describe("SQL statements per page", () => {
  beforeAll(async () => {
    const db = api.t.db;
    const [actors, sources] = await Promise.all([
      db.actor.findMany({ take: 10, orderBy: { id: "asc" } }),
      db.source.findMany({ orderBy: { id: "asc" } }),
    ]);
    await db.event.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        key: `bulk-${i}`,
        type: "ATTACK" as const,
        title: `Bulk event ${i}`,
        startDate: new Date(Date.UTC(2030, 0, 1 + i)),
      })),
    });
    const events = await db.event.findMany({
      where: { key: { startsWith: "bulk-" } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    await db.eventLink.createMany({
      data: events
        .slice(1)
        .map((e, i) => ({ fromId: e.id, toId: defined(events[i], "events[i]").id, kind: "FOLLOWS" as const })),
    });
    await db.participant.createMany({
      data: events.flatMap((e, i) => [
        {
          eventId: e.id,
          actorId: defined(actors[i % actors.length], "actors[i % actors.length]").id,
          role: "PERPETRATOR" as const,
        },
        {
          eventId: e.id,
          actorId: defined(actors[(i + 1) % actors.length], "actors[(i + 1) % actors.length]").id,
          role: "TARGET" as const,
        },
      ]),
    });
    await db.claim.createMany({
      data: events.flatMap((e, i) => [
        {
          eventId: e.id,
          sourceId: defined(sources[i % sources.length], "sources[i % sources.length]").id,
          quote: `Quote ${i}`,
          speakerId: defined(actors[i % actors.length], "actors[i % actors.length]").id,
        },
        {
          eventId: e.id,
          sourceId: defined(sources[(i + 1) % sources.length], "sources[(i + 1) % sources.length]").id,
          quote: `Denial ${i}`,
          stance: "DENIES" as const,
          speakerLabel: "an official",
        },
      ]),
    });
  });

  it("is the same for a page of 100 events with participants, claims, sources and histories as for a page of 10", async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(
      hundred.events.every(
        (e) =>
          e.participants.length === 2 && e.claims.length === 2 && e.claims[0]?.source.title && e.related.length > 0,
      ),
    ).toBe(true);
    expect(hundred.statements).toBe(ten.statements);
    // About one statement per table the page reads, whatever its size.
    expect(hundred.statements).toBeLessThan(30);
  });
});
