import DataLoader from "dataloader";
import type { EntityType } from "@parley/db";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { RevisionActionEnum } from "./enums.ts";

export const RevisionRef = builder.prismaObject("Revision", {
  description: "One change to a record: who made it, when, and the fields before and after.",
  fields: (t) => ({
    action: t.field({ type: RevisionActionEnum, resolve: (r) => r.action }),
    version: t.exposeInt("version", { nullable: true }),
    author: t.exposeString("author"),
    at: t.field({ type: "DateTime", resolve: (r) => r.createdAt }),
    changes: t.field({ type: "JSON", description: "`{ field: [before, after] }` for updates; the whole record for creations.", resolve: (r) => r.changes }),
  }),
});

type Revisions = Awaited<ReturnType<Context["db"]["revision"]["findMany"]>>;

/**
 * Revisions point at records of several tables (entity type and ID), so Prisma cannot load them as
 * a relation; one loader per request gathers the records a page asks about into one statement.
 */
const loaders = new WeakMap<Context, DataLoader<string, Revisions>>();

function revisionLoader(ctx: Context): DataLoader<string, Revisions> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (keys) => {
      const wanted = keys.map((key) => key.split(":") as [EntityType, string]);
      const rows = await ctx.db.revision.findMany({
        where: { OR: [...new Set(wanted.map(([type]) => type))].map((type) => ({ entityType: type, entityId: { in: wanted.filter(([t]) => t === type).map(([, id]) => Number(id)) } })) },
        orderBy: { id: "asc" },
      });
      const byKey = new Map<string, Revisions>(keys.map((key) => [key, []]));
      for (const row of rows) byKey.get(`${row.entityType}:${row.entityId}`)?.push(row);
      return keys.map((key) => byKey.get(key)!);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

/** A record's history, oldest first. */
export function listRevisions(ctx: Context, entityType: EntityType, entityId: number): Promise<Revisions> {
  return revisionLoader(ctx).load(`${entityType}:${entityId}`);
}
