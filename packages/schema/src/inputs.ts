import { z } from "zod";
import { isoDate } from "./dates.ts";
import { normalizeName } from "./names.ts";
import { aliasSchema, fatalitiesSchema, fields, vocab } from "./records.ts";
import { ALIAS_KINDS, DATE_PRECISIONS } from "./vocabulary.ts";

/**
 * What the API's mutations accept. IDs are the API's opaque (Relay global) IDs; the API checks that
 * they name records of the right type. Updates are patches: a missing field is left as it is, `null`
 * clears a field that may be empty, and a list that is given replaces the stored one.
 */

export const recordId = z.string().trim().min(1, "must not be empty").max(200, "may be at most 200 characters");
export const recordVersion = z.number().int().min(1, "must be a version you read (1 or more)");

/** Refuses a list in which two items share a key, naming the later one. */
function distinct<T>(list: z.ZodType<T[]>, key: (item: T) => string, field: string | null, message: string) {
  return list.superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const k = key(item);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, index);
      else
        ctx.addIssue({
          code: "custom",
          message: `${message} (as at index ${first})`,
          path: field ? [index, field] : [index],
        });
    });
  });
}

const participantInput = z.object({ actorId: recordId, role: vocab.role, note: fields.label.nullish() });
const linkInput = z.object({ kind: vocab.linkKind, eventId: recordId });

const eventFields = {
  type: vocab.eventType,
  title: fields.title,
  summary: fields.summary,
  startDate: isoDate,
  endDate: isoDate.nullish(),
  datePrecision: DATE_PRECISIONS.schema,
  outcome: vocab.outcome.nullish(),
  fatalities: fatalitiesSchema.nullish(),
  processId: recordId.nullish(),
  placeIds: distinct(z.array(recordId).max(50), (id) => id, null, "lists this place twice"),
  participants: distinct(
    z.array(participantInput).max(200),
    (p) => `${p.actorId}|${p.role}`,
    "role",
    "gives this actor this role twice",
  ),
  links: distinct(z.array(linkInput).max(50), (l) => `${l.kind}|${l.eventId}`, "eventId", "repeats this link"),
};

/** A cross-field rule for `.refine(...rule)`, reported at one field. */
function rule<T>(
  check: (value: T) => boolean,
  field: string,
  message: string,
): [(value: T) => boolean, { message: string; path: string[] }] {
  return [check, { message, path: [field] }];
}

const endNotBeforeStartDate = rule(
  (e: { startDate?: string | undefined; endDate?: string | null | undefined }) =>
    !e.startDate || !e.endDate || e.startDate <= e.endDate,
  "endDate",
  "must not be before `startDate`",
);

export const createEventInput = z
  .object({
    ...eventFields,
    summary: eventFields.summary.default(""),
    datePrecision: eventFields.datePrecision.default("DAY"),
    placeIds: eventFields.placeIds.default([]),
    participants: eventFields.participants.default([]),
    links: eventFields.links.default([]),
  })
  .refine(...endNotBeforeStartDate);

export const updateEventInput = z
  .object({ id: recordId, version: recordVersion, ...z.object(eventFields).partial().shape })
  .refine(...endNotBeforeStartDate);

const aliasList = distinct(z.array(aliasSchema).max(200), (a) => normalizeName(a.name), "name", "repeats this name");

const actorFields = {
  name: fields.name,
  kind: vocab.actorKind,
  description: fields.description.nullish(),
  country: fields.country.nullish(),
  externalIds: fields.externalIds,
  aliases: aliasList,
};

export const createActorInput = z.object({
  ...actorFields,
  externalIds: actorFields.externalIds.default({}),
  aliases: actorFields.aliases.default([]),
});
export const updateActorInput = z.object({
  id: recordId,
  version: recordVersion,
  ...z.object(actorFields).partial().shape,
});

export const createAliasInput = z.object({ actorId: recordId, name: fields.name, kind: ALIAS_KINDS.schema });
/** Aliases belong to their actor: an alias change carries, and bumps, the actor's version. */
export const updateAliasInput = z.object({
  id: recordId,
  version: recordVersion,
  name: fields.name.optional(),
  kind: ALIAS_KINDS.schema.optional(),
});

export const mergeActorsInput = z
  .object({ survivorId: recordId, mergedId: recordId, survivorVersion: recordVersion })
  .refine((m) => m.survivorId !== m.mergedId, { message: "must not be the survivor itself", path: ["mergedId"] });

const sourceFields = {
  title: fields.title,
  url: fields.url.nullish(),
  publishedAt: isoDate.nullish(),
  publishedPrecision: DATE_PRECISIONS.schema.nullish(),
  language: fields.language.nullish(),
  author: fields.label.nullish(),
  outletId: recordId.nullish(),
  citedOutletIds: distinct(z.array(recordId).max(50), (id) => id, null, "cites this outlet twice"),
};

export const createSourceInput = z.object({ ...sourceFields, citedOutletIds: sourceFields.citedOutletIds.default([]) });
export const updateSourceInput = z.object({
  id: recordId,
  version: recordVersion,
  ...z.object(sourceFields).partial().shape,
});

const claimFields = {
  sourceId: recordId,
  eventId: recordId.nullish(),
  actorId: recordId.nullish(),
  positionId: recordId.nullish(),
  quote: fields.quote,
  stance: vocab.stance,
  speakerId: recordId.nullish(),
  speakerLabel: fields.label.nullish(),
  note: fields.description.nullish(),
};

type ClaimTarget = {
  eventId?: string | null | undefined;
  actorId?: string | null | undefined;
  positionId?: string | null | undefined;
};
type ClaimSpeaker = { speakerId?: string | null | undefined; speakerLabel?: string | null | undefined };

const oneTarget = rule(
  (c: ClaimTarget) => (c.eventId ? 1 : 0) + (c.actorId ? 1 : 0) + (c.positionId ? 1 : 0) === 1,
  "eventId",
  "give exactly one of `eventId`, `actorId` and `positionId`: a claim is about an event, an actor or a position",
);
const oneSpeaker = rule(
  (c: ClaimSpeaker) => !(c.speakerId && c.speakerLabel),
  "speakerLabel",
  "give `speakerId` (a known actor) or `speakerLabel` (a description), not both",
);

export const createClaimInput = z
  .object({ ...claimFields, stance: claimFields.stance.default("ASSERTS") })
  .refine(...oneTarget)
  .refine(...oneSpeaker);

/** Moving a claim names its new target; the other target is cleared. */
export const updateClaimInput = z
  .object({ id: recordId, version: recordVersion, ...z.object(claimFields).partial().shape })
  .refine(
    (c) => (c.eventId === undefined && c.actorId === undefined && c.positionId === undefined) || oneTarget[0](c),
    oneTarget[1],
  )
  .refine(...oneSpeaker);

const positionFields = {
  actorId: recordId,
  kind: vocab.positionKind,
  issue: vocab.positionIssue,
  summary: fields.title,
  startDate: isoDate,
  endDate: isoDate.nullish(),
  datePrecision: DATE_PRECISIONS.schema,
  processId: recordId.nullish(),
  eventId: recordId.nullish(),
  respondsToId: recordId.nullish(),
  supersedesId: recordId.nullish(),
};

/** A position's evidence is its claims: create them with `createClaim(positionId:)`, as for events. */
export const createPositionInput = z
  .object({ ...positionFields, datePrecision: positionFields.datePrecision.default("DAY") })
  .refine(...endNotBeforeStartDate);
export const updatePositionInput = z
  .object({ id: recordId, version: recordVersion, ...z.object(positionFields).partial().shape })
  .refine(...endNotBeforeStartDate);

/** Deleting carries the version too: a record changed since it was read is not deleted. */
export const deleteInput = z.object({ id: recordId, version: recordVersion });

export type CreateEventInput = z.infer<typeof createEventInput>;
export type UpdateEventInput = z.infer<typeof updateEventInput>;
export type CreateActorInput = z.infer<typeof createActorInput>;
export type UpdateActorInput = z.infer<typeof updateActorInput>;
export type CreateAliasInput = z.infer<typeof createAliasInput>;
export type UpdateAliasInput = z.infer<typeof updateAliasInput>;
export type MergeActorsInput = z.infer<typeof mergeActorsInput>;
export type CreateSourceInput = z.infer<typeof createSourceInput>;
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;
export type CreateClaimInput = z.infer<typeof createClaimInput>;
export type UpdateClaimInput = z.infer<typeof updateClaimInput>;
export type CreatePositionInput = z.infer<typeof createPositionInput>;
export type UpdatePositionInput = z.infer<typeof updatePositionInput>;
export type DeleteInput = z.infer<typeof deleteInput>;
