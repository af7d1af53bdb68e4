import { encodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";

export const CandidateKindEnum = builder.enumType("CandidateKind", {
  description: "What an ingested report proposes: an event, a new actor, or an outlet it cites.",
  values: ["EVENT", "ACTOR", "CITATION"] as const,
});

export const CandidateStatusEnum = builder.enumType("CandidateStatus", {
  values: ["PENDING", "ACCEPTED", "REJECTED"] as const,
});

export const CandidateRef = builder.prismaNode("Candidate", {
  id: { field: "id" },
  description: "A record proposed by ingesting a report, waiting for an editor. Pending candidates are never events.",
  fields: (t) => ({
    kind: t.field({ type: CandidateKindEnum, resolve: (c) => c.kind }),
    status: t.field({ type: CandidateStatusEnum, resolve: (c) => c.status }),
    payload: t.field({ type: "JSON", description: "The proposed record: for an event its type, date, precision, place, actors and quote.", resolve: (c) => c.payload }),
    source: t.relation("source"),
    reviewer: t.exposeString("reviewer", { nullable: true }),
    reviewedAt: t.field({ type: "DateTime", nullable: true, resolve: (c) => c.reviewedAt }),
    createdAt: t.field({ type: "DateTime", resolve: (c) => c.createdAt }),
    recordId: t.id({
      nullable: true,
      description: "The global ID of the event or actor the candidate became when accepted.",
      resolve: (c) => (c.recordType && c.recordId !== null ? encodeGlobalID(c.recordType, c.recordId) : null),
    }),
  }),
});

/** Only editors and administrators review candidates. */
export function isEditor(ctx: Context): boolean {
  return ctx.viewer?.role === "EDITOR" || ctx.viewer?.role === "ADMIN";
}

export function requireEditor(ctx: Context): void {
  if (!isEditor(ctx)) throw new GraphQLError("Reviewing candidates needs an editor or admin token (Authorization: Bearer …).", { extensions: { code: "FORBIDDEN" } });
}
