import { builder } from "../../builder.ts";
import { counted, nodeQuery } from "../shared/connections.ts";
import { connectionOf, pageComplexity, pageRequest, prismaPage } from "../shared/paging.ts";
import { CandidateRef, CandidateStatusEnum, requireEditor } from "./candidate.type.ts";

builder.queryFields((t) => ({
  candidates: t.connection(
    {
      type: CandidateRef,
      description: "Candidates from ingested reports, oldest first (editors and admins only).",
      complexity: pageComplexity,
      args: {
        status: t.arg({
          type: CandidateStatusEnum,
          required: false,
          defaultValue: "PENDING",
          description: "The candidates in this state of review.",
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        requireEditor(ctx);
        const request = pageRequest(args, "Query.candidates");
        const where = { status: args.status ?? "PENDING" };
        const rows = await ctx.db.candidate.findMany({
          ...(await nodeQuery(ctx, info, "Candidate")),
          ...prismaPage(request),
          where,
          orderBy: { id: "asc" },
        });
        return connectionOf(rows, request, "Query.candidates", () => ctx.db.candidate.count({ where })) as never;
      },
    },
    counted("CandidateConnection", "A page of candidates.", "candidates with the status asked"),
    { name: "CandidateEdge" },
  ),
}));
