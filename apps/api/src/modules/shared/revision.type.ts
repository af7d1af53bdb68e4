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

/** A record's history, oldest first. */
export function listRevisions(ctx: Context, query: object, entityType: EntityType, entityId: number) {
  return ctx.db.revision.findMany({ ...query, where: { entityType, entityId }, orderBy: { id: "asc" } });
}
