import { builder } from "../../builder.ts";
import { checkPageSize, connectionSizes } from "../shared/paging.ts";
import { CandidateStatusEnum, requireEditor } from "./candidate.type.ts";

builder.queryFields((t) => ({
  candidates: t.prismaConnection(
    {
      type: "Candidate",
      cursor: "id",
      ...connectionSizes,
      description: "Candidates from ingested reports, oldest first (editors and admins only).",
      args: { status: t.arg({ type: CandidateStatusEnum, required: false, defaultValue: "PENDING" }) },
      totalCount: (_root, args, ctx) => {
        requireEditor(ctx);
        checkPageSize(args);
        return ctx.db.candidate.count({ where: { status: args.status ?? "PENDING" } });
      },
      resolve: (query, _root, args, ctx) => {
        requireEditor(ctx);
        checkPageSize(args);
        return ctx.db.candidate.findMany({ ...query, where: { status: args.status ?? "PENDING" }, orderBy: { id: "asc" } });
      },
    },
    { name: "CandidateConnection" },
    { name: "CandidateEdge" },
  ),
}));
