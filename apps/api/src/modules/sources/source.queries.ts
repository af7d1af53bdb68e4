import { builder } from "../../builder.ts";
import { requireId } from "../shared/lookup.ts";
import { checkPageSize, connectionSizes } from "../shared/paging.ts";

builder.queryFields((t) => ({
  source: t.prismaField({
    type: "Source",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.db.source.findUnique({ ...query, relationLoadStrategy: "join", where: { id: requireId(String(args.id), "Source") } }),
  }),
  sources: t.prismaConnection(
  {
    type: "Source",
    cursor: "id",
    ...connectionSizes,
    description: "Sources, newest first.",
    args: { outletId: t.arg.id({ required: false }) },
    totalCount: (_root, args, ctx) => {
      checkPageSize(args);
      return ctx.db.source.count({ where: sourceWhere(args) });
    },
    resolve: (query, _root, args, ctx) => {
      checkPageSize(args);
      return ctx.db.source.findMany({ ...query, where: sourceWhere(args), orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }] });
    },
  },
  { name: "SourceConnection" },
  { name: "SourceEdge" },
  ),
}));

function sourceWhere(args: { outletId?: string | number | null }) {
  return args.outletId ? { outletId: requireId(String(args.outletId), "Actor", "outletId") } : {};
}
