import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.ts";
import { batchLoader, fieldKey, loadedPage, nodeQuery } from "../shared/connections.ts";
import type { PageArgs, PageRequest } from "../shared/paging.ts";

const SCOPE = "Source.events";

interface Row {
  parent: number;
  id: number;
  day: Date;
}

type Event = Awaited<ReturnType<Context["db"]["event"]["findMany"]>>[number];

/**
 * A page of each listed source's events, oldest first, in two statements for the whole list: the
 * events reach a source through its claims, which no Prisma relation pages by event. The first finds
 * each source's page of event IDs (after the cursor event's date and ID), the second reads those
 * events with what the selection asks of them.
 */
function pages(ctx: Context, info: GraphQLResolveInfo, { size, backward, cursorId }: PageRequest) {
  return async (sourceIds: readonly number[]): Promise<Event[][]> => {
    const ids = [...sourceIds];
    const rows = backward
      ? await ctx.db.$queryRaw<Row[]>`
          SELECT k.parent, e.id, e.start_date AS day FROM unnest(${ids}::int[]) AS k(parent) CROSS JOIN LATERAL (
            SELECT e.id, e.start_date FROM event e
             WHERE e.id IN (SELECT c.event_id FROM claim c WHERE c.source_id = k.parent)
               AND (${cursorId}::int IS NULL OR (e.start_date, e.id) < (SELECT start_date, id FROM event WHERE id = ${cursorId}::int))
             ORDER BY e.start_date DESC, e.id DESC LIMIT ${size + 1}) e`
      : await ctx.db.$queryRaw<Row[]>`
          SELECT k.parent, e.id, e.start_date AS day FROM unnest(${ids}::int[]) AS k(parent) CROSS JOIN LATERAL (
            SELECT e.id, e.start_date FROM event e
             WHERE e.id IN (SELECT c.event_id FROM claim c WHERE c.source_id = k.parent)
               AND (${cursorId}::int IS NULL OR (e.start_date, e.id) > (SELECT start_date, id FROM event WHERE id = ${cursorId}::int))
             ORDER BY e.start_date ASC, e.id ASC LIMIT ${size + 1}) e`;
    const query = await nodeQuery(ctx, info, "Event");
    const events = rows.length
      ? await ctx.db.event.findMany({ ...query, where: { id: { in: [...new Set(rows.map((r) => r.id))] } } })
      : [];
    const byId = new Map(events.map((e) => [e.id, e]));
    rows.sort((a, b) => a.day.getTime() - b.day.getTime() || a.id - b.id);
    return ids.map((parent) => rows.filter((r) => r.parent === parent).flatMap((r) => byId.get(r.id) ?? []));
  };
}

function counts(ctx: Context) {
  return async (sourceIds: readonly number[]): Promise<number[]> => {
    const rows = await ctx.db.$queryRaw<{ parent: number; count: number }[]>`
      SELECT source_id AS parent, count(DISTINCT event_id)::int AS count FROM claim
       WHERE source_id = ANY(${[...sourceIds]}::int[]) AND event_id IS NOT NULL GROUP BY source_id`;
    const byParent = new Map(rows.map((r) => [r.parent, r.count]));
    return sourceIds.map((id) => byParent.get(id) ?? 0);
  };
}

export function sourceEventsPage(source: { id: number }, args: PageArgs, ctx: Context, info: GraphQLResolveInfo) {
  return loadedPage(
    args,
    SCOPE,
    (request) => batchLoader(ctx, fieldKey(SCOPE, info, args), pages(ctx, info, request)).load(source.id),
    () => batchLoader(ctx, `${SCOPE}|count`, counts(ctx)).load(source.id),
  ) as never;
}
