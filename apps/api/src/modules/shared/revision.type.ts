import type { EntityType } from "@parley/db";
import { defined } from "@parley/schema";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { batchLoader, counted, fieldKey, loadedPage } from "./connections.ts";
import { RevisionActionEnum } from "./enums.ts";
import { type PageArgs, type PageRequest, pageComplexity } from "./paging.ts";

export const RevisionRef = builder.prismaObject("Revision", {
  description: "One change to a record: who made it, when, and the fields before and after.",
  fields: (t) => ({
    action: t.field({ type: RevisionActionEnum, description: "What the change did.", resolve: (r) => r.action }),
    version: t.exposeInt("version", {
      nullable: true,
      description:
        "The record's version after the change; null for changes made outside the API's versioning (imports, candidate reviews).",
    }),
    author: t.exposeString("author", {
      description: 'Who made it: `token:<id> (<token name>)` for the API, or the importer or loader ("demo dataset").',
    }),
    at: t.field({ type: "DateTime", description: "When the change was committed.", resolve: (r) => r.createdAt }),
    changes: t.field({
      type: "JSON",
      description: "`{ field: [before, after] }` for updates; the whole record for creations.",
      resolve: (r) => r.changes,
    }),
  }),
});

export const RevisionConnection = builder.connectionObject(
  {
    type: RevisionRef,
    ...(counted(
      "RevisionConnection",
      "A page of a record's history, oldest change first.",
      "revisions of the record",
    ) as { name: string }),
  },
  { name: "RevisionEdge" },
);

type Revision = Awaited<ReturnType<Context["db"]["revision"]["findMany"]>>[number];

/**
 * One page of history for each record of a list, in one statement: revisions point at records of
 * several tables (entity type and ID), so they are no Prisma relation to page with the parent.
 */
function pages(ctx: Context, entityType: EntityType, request: PageRequest) {
  const { size, backward, cursorId } = request;
  return async (ids: readonly number[]): Promise<Revision[][]> => {
    const after = cursorId === null ? null : BigInt(cursorId);
    const rows = backward
      ? await ctx.db.$queryRaw<(Revision & { parent: number })[]>`
          SELECT r.*, k.parent FROM unnest(${ids}::int[]) AS k(parent) CROSS JOIN LATERAL (
            SELECT r.id, r.action::text AS action, r.version, r.author, r.changes, r.created_at AS "createdAt" FROM revision r
             WHERE r.entity_type = ${entityType} AND r.entity_id = k.parent AND (${after}::bigint IS NULL OR r.id < ${after}::bigint)
             ORDER BY r.id DESC LIMIT ${size + 1}) r`
      : await ctx.db.$queryRaw<(Revision & { parent: number })[]>`
          SELECT r.*, k.parent FROM unnest(${ids}::int[]) AS k(parent) CROSS JOIN LATERAL (
            SELECT r.id, r.action::text AS action, r.version, r.author, r.changes, r.created_at AS "createdAt" FROM revision r
             WHERE r.entity_type = ${entityType} AND r.entity_id = k.parent AND (${after}::bigint IS NULL OR r.id > ${after}::bigint)
             ORDER BY r.id ASC LIMIT ${size + 1}) r`;
    const byParent = new Map(ids.map((id) => [id, [] as Revision[]]));
    for (const row of rows) byParent.get(row.parent)?.push(row);
    if (backward) for (const list of byParent.values()) list.sort((a, b) => (a.id < b.id ? -1 : 1));
    return ids.map((id) => defined(byParent.get(id)));
  };
}

function counts(ctx: Context, entityType: EntityType) {
  return async (ids: readonly number[]): Promise<number[]> => {
    const rows = await ctx.db.revision.groupBy({
      by: ["entityId"],
      where: { entityType, entityId: { in: [...ids] } },
      _count: { _all: true },
    });
    const byParent = new Map(rows.map((r) => [r.entityId, r._count._all]));
    return ids.map((id) => byParent.get(id) ?? 0);
  };
}

/** The options of a record's `revisions` connection: its history, oldest change first. */
export function revisionPage(entityType: EntityType) {
  const scope = `${entityType}.revisions`;
  return {
    type: RevisionRef,
    description: `Every change to the ${entityType.toLowerCase()}, oldest first: who made it, when, and what changed.`,
    complexity: pageComplexity,
    resolve: (parent: { id: number }, args: PageArgs, ctx: Context, info: GraphQLResolveInfo) =>
      loadedPage(
        args,
        scope,
        (request) => batchLoader(ctx, fieldKey(scope, info, args), pages(ctx, entityType, request)).load(parent.id),
        () => batchLoader(ctx, `${scope}|count`, counts(ctx, entityType)).load(parent.id),
      ) as never,
  };
}
