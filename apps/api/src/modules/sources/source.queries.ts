import type { PrismaClient } from "@parley/db";
import { builder } from "../../builder.ts";
import { requireId } from "../shared/lookup.ts";
import { counted, nodeQuery } from "../shared/connections.ts";
import { connectionOf, pageComplexity, pageRequest, prismaPage } from "../shared/paging.ts";
import { SourceRef } from "./source.type.ts";

builder.queryFields((t) => ({
  source: t.prismaField({
    type: "Source",
    nullable: true,
    description: "A source by its global ID; null when no source has it (or it was deleted).",
    args: { id: t.arg.id({ required: true, description: "The source's global ID, as `Source.id` gives it; another type's ID is BAD_USER_INPUT." }) },
    resolve: (query, _root, args, ctx) => ctx.db.source.findUnique({ ...query, relationLoadStrategy: "join", where: { id: requireId(String(args.id), "Source") } }),
  }),
  sources: t.connection(
    {
      type: SourceRef,
      description: "Sources, newest first (undated last).",
      complexity: pageComplexity,
      args: { outletId: t.arg.id({ required: false, description: "Only the sources this outlet (an actor's global ID) published." }) },
      resolve: async (_root, args, ctx, info) => {
        const request = pageRequest(args, "Query.sources");
        const where = sourceWhere(args);
        const rows = await sourcePage(ctx.db, { ...(await nodeQuery(ctx, info, "Source")), ...prismaPage(request) }, where);
        return connectionOf(rows, request, "Query.sources", () => ctx.db.source.count({ where })) as never;
      },
    },
    counted("SourceConnection", "A page of sources.", "sources matching the arguments"),
    { name: "SourceEdge" },
  ),
}));

function sourceWhere(args: { outletId?: string | number | null }) {
  return args.outletId ? { outletId: requireId(String(args.outletId), "Actor", "outletId") } : {};
}

type SourceWhere = NonNullable<Parameters<PrismaClient["source"]["findMany"]>[0]>["where"];

/** Newest first, undated last; and the same order backwards. */
const NEWEST_FIRST = [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }] as const;
const OLDEST_FIRST = [{ publishedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }] as const;

/**
 * One page of sources. Prisma pages a cursor over a nullable column (`publishedAt`) in memory: it
 * reads every source after the cursor with no LIMIT (prisma/orm issues 15710 and 27094), 1.4–1.6 s
 * a page at 250,000 sources. So the cursor the connection gives (`cursor`, `skip: 1`, `take`, negative
 * for `last`/`before`) becomes a WHERE on the order's keys here, and the page a LIMIT.
 */
async function sourcePage(db: PrismaClient, query: object, where: SourceWhere) {
  const { cursor, skip: _skip, take, ...rest } = query as { cursor?: { id: number }; skip?: number; take: number };
  // Without a cursor Prisma writes the LIMIT itself.
  if (!cursor) return db.source.findMany({ ...query, where, orderBy: [...NEWEST_FIRST] });
  const at = await db.source.findUnique({ where: { id: cursor.id }, select: { publishedAt: true } });
  if (!at) return [];
  const { publishedAt: date } = at;
  const id = cursor.id;
  if (take >= 0) {
    const later: SourceWhere = date
      ? { OR: [{ publishedAt: { lt: date } }, { publishedAt: date, id: { lt: id } }, { publishedAt: null }] }
      : { publishedAt: null, id: { lt: id } };
    return db.source.findMany({ ...rest, where: { AND: [where ?? {}, later] }, orderBy: [...NEWEST_FIRST], take });
  }
  const earlier: SourceWhere = date
    ? { OR: [{ publishedAt: { gt: date } }, { publishedAt: date, id: { gt: id } }] }
    : { OR: [{ publishedAt: { not: null } }, { id: { gt: id } }] };
  const rows = await db.source.findMany({ ...rest, where: { AND: [where ?? {}, earlier] }, orderBy: [...OLDEST_FIRST], take: -take });
  return rows.reverse();
}
