import { builder } from "../../builder.ts";
import { counted, nodeQuery } from "../shared/connections.ts";
import { nullsLastPage } from "../shared/keyset.ts";
import { requireId } from "../shared/lookup.ts";
import { connectionOf, pageComplexity, pageRequest, prismaPage } from "../shared/paging.ts";
import { SourceRef } from "./source.type.ts";

builder.queryFields((t) => ({
  source: t.prismaField({
    type: "Source",
    nullable: true,
    description: "A source by its global ID; null when no source has it (or it was deleted).",
    args: {
      id: t.arg.id({
        required: true,
        description: "The source's global ID, as `Source.id` gives it; another type's ID is BAD_USER_INPUT.",
      }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.source.findUnique({
        ...query,
        relationLoadStrategy: "join",
        where: { id: requireId(String(args.id), "Source") },
      }),
  }),
  sources: t.connection(
    {
      type: SourceRef,
      description: "Sources, newest first (undated last).",
      complexity: pageComplexity,
      args: {
        outletId: t.arg.id({
          required: false,
          description: "Only the sources this outlet (an actor's global ID) published.",
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        const request = pageRequest(args, "Query.sources");
        const where = sourceWhere(args);
        const rows = await nullsLastPage(
          ctx.db.source,
          await nodeQuery(ctx, info, "Source"),
          prismaPage(request),
          where,
          "publishedAt",
          "desc",
        );
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
