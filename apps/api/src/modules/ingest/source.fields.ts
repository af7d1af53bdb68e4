import type { CandidateStatus } from "@parley/db";
import { builder } from "../../builder.ts";
import { counted, nodeQuery, relationPage } from "../shared/connections.ts";
import { connectionOf, type PageArgs, pageComplexity, pageRequest, prismaPage } from "../shared/paging.ts";
import { SourceRef } from "../sources/source.type.ts";
import { CandidateRef, CandidateStatusEnum, requireEditor } from "./candidate.type.ts";

// What ingestion adds to a source: its stored text and its candidates, for editors and admins only.

builder.prismaObjectField(SourceRef, "text", (t) =>
  t.string({
    nullable: true,
    description:
      "The report's plain text as ingested, which its candidates quote (editors and admins only, like candidates); null for a source that was not ingested, and for anyone else (with a FORBIDDEN error).",
    select: { text: true },
    resolve: (source, _args, ctx) => {
      requireEditor(ctx);
      return source.text;
    },
  }),
);

const candidatesPage = relationPage("Source.candidates", "candidates", (args) => ({
  where: args.status ? { status: args.status as CandidateStatus } : undefined,
  orderBy: { id: "asc" },
}));

builder.prismaObjectField(SourceRef, "candidates", (t) =>
  t.connection(
    {
      type: CandidateRef,
      nullable: true,
      description:
        "The candidates ingesting this report proposed, in the order found (editors and admins only: anyone else gets null and a FORBIDDEN error).",
      complexity: pageComplexity,
      args: {
        status: t.arg({
          type: CandidateStatusEnum,
          required: false,
          description: "Only the candidates in this state of review; every state when left out.",
        }),
      },
      extensions: candidatesPage.extensions,
      resolve: (source, args, ctx) => {
        requireEditor(ctx);
        return candidatesPage.resolve(source, args as PageArgs);
      },
    },
    counted(
      "SourceCandidateConnection",
      "A page of a source's candidates.",
      "candidates of the source in the state asked",
    ),
    { name: "SourceCandidateEdge" },
  ),
);

builder.queryField("candidateSources", (t) =>
  t.connection(
    {
      type: SourceRef,
      description:
        "The review queue by report: the sources holding candidates in this state of review, oldest ingested first (editors and admins only).",
      complexity: pageComplexity,
      args: {
        status: t.arg({
          type: CandidateStatusEnum,
          required: false,
          defaultValue: "PENDING",
          description: "Sources with at least one candidate in this state.",
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        requireEditor(ctx);
        const request = pageRequest(args, "Query.candidateSources");
        const where = { candidates: { some: { status: args.status ?? "PENDING" } } };
        const rows = await ctx.db.source.findMany({
          ...(await nodeQuery(ctx, info, "Source")),
          ...prismaPage(request),
          where,
          orderBy: { id: "asc" },
        });
        return connectionOf(rows, request, "Query.candidateSources", () => ctx.db.source.count({ where })) as never;
      },
    },
    counted(
      "CandidateSourceConnection",
      "A page of the sources holding candidates.",
      "sources holding candidates in the state asked",
    ),
    { name: "CandidateSourceEdge" },
  ),
);
