import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { forbidden } from "../auth/access.ts";
import { readableBy, readRefusal } from "../auth/read-rules.ts";
import { CANDIDATE_READERS, CandidatePayloadRef, type TaggedPayload } from "./candidate.payload.ts";

export const CandidateKindEnum = builder.enumType("CandidateKind", {
  description: "What an ingested report proposes: an event, a new actor, or an outlet it cites.",
  values: {
    EVENT: {
      description:
        "An event found in a sentence of the report: its type, date, place, actors and the sentence as its quote.",
    },
    ACTOR: { description: "An actor named in the report that Parley does not know yet." },
    CITATION: { description: 'An outlet the report cites ("told Dawn"), to record as cited by the source.' },
  },
});

export const CandidateStatusEnum = builder.enumType("CandidateStatus", {
  description: "Where a candidate is in review.",
  values: {
    PENDING: { description: "Waiting for an editor; not part of the record." },
    ACCEPTED: { description: "Accepted: the record it proposed was created (see `recordId`)." },
    REJECTED: { description: "Rejected: nothing was created." },
  },
});

export const CandidateRef = builder.prismaNode("Candidate", {
  nullable: true,
  id: { field: "id" },
  description:
    "A record proposed by ingesting a report, waiting for an editor. Pending candidates are never events. Editors and admins only, however a candidate is reached.",
  extensions: readableBy(CANDIDATE_READERS.role, CANDIDATE_READERS.action),
  fields: (t) => ({
    kind: t.field({ type: CandidateKindEnum, description: "What the candidate proposes.", resolve: (c) => c.kind }),
    status: t.field({ type: CandidateStatusEnum, description: "Where it is in review.", resolve: (c) => c.status }),
    payload: t.field({
      type: CandidatePayloadRef,
      description:
        "The proposed record, typed by `kind`: for an event its type, date, place, actors and quote. Change it with `updateCandidate` before accepting.",
      resolve: (c) => ({ ...(c.payload as object), candidateKind: c.kind }) as TaggedPayload,
    }),
    source: t.relation("source", { description: "The ingested report the candidate was found in." }),
    reviewer: t.exposeString("reviewer", {
      nullable: true,
      description: "Who last edited, accepted or rejected it (`token:<id> (<name>)`); null while untouched.",
    }),
    reviewedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When it was accepted or rejected; null while pending.",
      resolve: (c) => c.reviewedAt,
    }),
    createdAt: t.field({ type: "DateTime", description: "When the report was ingested.", resolve: (c) => c.createdAt }),
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
