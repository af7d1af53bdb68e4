import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { forbidden } from "../auth/access.ts";
import { readableBy, readRefusal, type ReadRule } from "../auth/read-rules.ts";

/** Candidates are unreviewed: only editors and admins read them, however they are reached. */
const CANDIDATE_READERS: ReadRule = { role: "EDITOR", action: "Reading candidates" };

export const CandidateKindEnum = builder.enumType("CandidateKind", {
  description: "What an ingested report proposes: an event, a new actor, or an outlet it cites.",
  values: ["EVENT", "ACTOR", "CITATION"] as const,
});

export const CandidateStatusEnum = builder.enumType("CandidateStatus", {
  values: ["PENDING", "ACCEPTED", "REJECTED"] as const,
});

export const CandidateRef = builder.prismaNode("Candidate", {
  nullable: true,
  id: { field: "id" },
  description: "A record proposed by ingesting a report, waiting for an editor. Pending candidates are never events. Editors and admins only, however a candidate is reached.",
  extensions: readableBy(CANDIDATE_READERS.role, CANDIDATE_READERS.action),
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

/** Refuses a list of candidates (its count included) to anyone who may not read them. */
export function requireEditor(ctx: Context): void {
  const refusal = readRefusal(CANDIDATE_READERS, ctx);
  if (refusal) throw forbidden(refusal);
}
