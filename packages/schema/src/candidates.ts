import { z } from "zod";
import { isoDate } from "./dates.ts";
import { recordId } from "./inputs.ts";
import { fields } from "./records.ts";
import { ACTOR_KINDS, ALIAS_KINDS, DATE_PRECISIONS, EVENT_TYPES, PARTICIPANT_ROLES } from "./vocabulary.ts";

/**
 * What ingesting a report proposes, as a candidate stores it (database IDs for what the database
 * already knows), and what the API's review mutations accept to change it (global IDs).
 */

export const PLACE_KINDS = ["COUNTRY", "REGION", "DISTRICT", "SETTLEMENT", "SITE"] as const;

const candidatePlace = z.object({
  placeId: z.number().int().nullable(),
  text: z.string().optional(),
  name: fields.name,
  country: fields.country,
  kind: z.enum(PLACE_KINDS),
  lat: fields.latitude.nullable(),
  lon: fields.longitude.nullable(),
});

const candidateActor = z.object({
  actorId: z.number().int().nullable(),
  text: z.string(),
  name: fields.name,
  kind: ACTOR_KINDS.schema,
  role: PARTICIPANT_ROLES.schema.optional(),
});

export const eventCandidatePayload = z.object({
  type: EVENT_TYPES.schema,
  title: fields.title.optional(),
  date: isoDate.nullable(),
  precision: DATE_PRECISIONS.schema.nullable(),
  endDate: isoDate.nullable().default(null),
  place: candidatePlace.nullable(),
  actors: z.array(candidateActor).max(200),
  quote: fields.quote,
  /** Every sentence that proposed this event, when several did (the first is `quote`). */
  quotes: z.array(z.string()).max(50).default([]),
  /** The report's words for a date that needs the publication date, when the report has none. */
  unresolvedDate: z.string().optional(),
});
export const actorCandidatePayload = z.object({
  actorId: z.null(),
  text: z.string(),
  name: fields.name,
  kind: ACTOR_KINDS.schema,
});
export const citationCandidatePayload = z.object({
  actorId: z.number().int().nullable(),
  text: z.string(),
  name: fields.name,
  quote: z.string(),
});

export type EventCandidatePayload = z.infer<typeof eventCandidatePayload>;
export type ActorCandidatePayload = z.infer<typeof actorCandidatePayload>;
export type CitationCandidatePayload = z.infer<typeof citationCandidatePayload>;
export type CandidatePlace = z.infer<typeof candidatePlace>;
export type CandidateActor = z.infer<typeof candidateActor>;

/** The stored payload of each kind of candidate. */
export const CANDIDATE_PAYLOADS = {
  EVENT: eventCandidatePayload,
  ACTOR: actorCandidatePayload,
  CITATION: citationCandidatePayload,
} as const;

const placeInput = z.object({
  placeId: recordId.nullish(),
  name: fields.name,
  country: fields.country,
  kind: z.enum(PLACE_KINDS),
  lat: fields.latitude.nullish(),
  lon: fields.longitude.nullish(),
});

const actorInput = z.object({
  actorId: recordId.nullish(),
  text: fields.label.nullish(),
  name: fields.name,
  kind: ACTOR_KINDS.schema,
  role: PARTICIPANT_ROLES.schema.nullish(),
});

/** Changes to an event candidate: the fields given replace the payload's; `null` clears a field that may be empty. */
export const eventCandidatePatch = z.object({
  type: EVENT_TYPES.schema.optional(),
  title: fields.title.nullish(),
  date: isoDate.nullish(),
  precision: DATE_PRECISIONS.schema.nullish(),
  endDate: isoDate.nullish(),
  place: placeInput.nullish(),
  actors: z.array(actorInput).max(200).optional(),
  quote: fields.quote.optional(),
});
export const actorCandidatePatch = z.object({ name: fields.name.optional(), kind: ACTOR_KINDS.schema.optional() });
export const citationCandidatePatch = z.object({ outletId: recordId.nullish(), name: fields.name.optional() });

const patches = {
  event: eventCandidatePatch.nullish(),
  actor: actorCandidatePatch.nullish(),
  citation: citationCandidatePatch.nullish(),
};
const given = (c: { event?: unknown; actor?: unknown; citation?: unknown }) =>
  [c.event, c.actor, c.citation].filter((p) => p != null).length;

export const updateCandidateInput = z.object({ id: recordId, ...patches }).refine((c) => given(c) === 1, {
  message: "give the changes as exactly one of `event`, `actor` and `citation`, the one of the candidate's kind",
  path: ["event"],
});
export const acceptCandidateInput = z.object({ id: recordId, ...patches }).refine((c) => given(c) <= 1, {
  message: "give last changes as at most one of `event`, `actor` and `citation`, the one of the candidate's kind",
  path: ["event"],
});
export const rejectCandidateInput = z.object({ id: recordId });

export type EventCandidatePatch = z.infer<typeof eventCandidatePatch>;
export type UpdateCandidateInput = z.infer<typeof updateCandidateInput>;
export type AcceptCandidateInput = z.infer<typeof acceptCandidateInput>;

/** Reports are articles: a few hundred kilobytes, and no more than the CLI's `ingest` reads. */
export const MAX_REPORT_CHARACTERS = 5_000_000;

/** A report to ingest: its text or HTML, and what the report itself may not say. */
export const ingestReportInput = z.object({
  content: z
    .string()
    .refine((s) => s.trim().length > 0, "must not be empty")
    .refine((s) => s.length <= MAX_REPORT_CHARACTERS, `may be at most ${MAX_REPORT_CHARACTERS} characters`),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(300, "may be at most 300 characters")
    .regex(/^[^/\\]+$/, "must be a file name, without folders")
    .nullish(),
  outlet: fields.name.nullish(),
  date: isoDate.nullish(),
  url: fields.url.nullish(),
  title: fields.title.nullish(),
});
export type IngestReportInput = z.infer<typeof ingestReportInput>;

/** An actor candidate that names an actor Parley knows: the name becomes one of its aliases. */
export const mergeCandidateInput = z.object({
  id: recordId,
  actorId: recordId,
  aliasKind: ALIAS_KINDS.schema.nullish(),
});
export type MergeCandidateInput = z.infer<typeof mergeCandidateInput>;
