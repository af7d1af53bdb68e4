import { z } from "zod";
import { partialDate } from "./dates.ts";
import { aliasSchema, endNotBeforeStart, fatalitiesSchema, fields, spanFields, vocab } from "./records.ts";
import { DATE_PRECISIONS } from "./vocabulary.ts";

/**
 * The format of reviewable data files (YAML or JSON): the demo dataset and anything loaded with
 * `pnpm parley load`. Records name each other by key; keys are stable, so loading is an upsert.
 */
export const recordKey = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*(?::[a-z0-9][a-z0-9-]*)?$/,
    "must be a key of lower-case letters, digits and hyphens, such as ttp or voa-2022-05-18",
  );

const claimFileSchema = z
  .object({
    quote: fields.quote,
    stance: vocab.stance.default("ASSERTS"),
    speaker: recordKey.optional(),
    speakerLabel: fields.label.optional(),
    source: recordKey.optional(),
    note: fields.description.optional(),
  })
  .strict();

const actorFileSchema = z
  .object({
    key: recordKey,
    name: fields.name,
    kind: vocab.actorKind,
    description: fields.description.optional(),
    country: fields.country.optional(),
    externalIds: fields.externalIds.optional(),
    aliases: z.array(aliasSchema.strict()).default([]),
    affiliations: z
      .array(
        z
          .object({ organisation: recordKey.optional(), title: fields.label, ...spanFields })
          .strict()
          .refine(...endNotBeforeStart),
      )
      .default([]),
    claims: z.array(claimFileSchema).default([]),
  })
  .strict();

const placeFileSchema = z
  .object({
    key: recordKey,
    name: fields.name,
    country: fields.country,
    kind: z.enum(["COUNTRY", "REGION", "DISTRICT", "SETTLEMENT", "SITE"]).default("SETTLEMENT"),
    within: recordKey.optional(),
    lat: fields.latitude.optional(),
    lon: fields.longitude.optional(),
  })
  .strict();

const processFileSchema = z
  .object({ key: recordKey, name: fields.name, description: fields.description.optional(), ...spanFields })
  .strict()
  .refine(...endNotBeforeStart);

const sourceFileSchema = z
  .object({
    key: recordKey,
    title: fields.title,
    outlet: recordKey.optional(),
    url: fields.url.optional(),
    publishedAt: partialDate,
    language: fields.language.default("en"),
    author: fields.label.optional(),
    document: z.string().max(300).optional(),
    cites: z.array(recordKey).default([]),
  })
  .strict();

const eventFileSchema = z
  .object({
    key: recordKey,
    ...spanFields,
    type: vocab.eventType,
    title: fields.title,
    summary: fields.summary.default(""),
    precision: DATE_PRECISIONS.schema.optional(),
    places: z.array(recordKey).default([]),
    fatalities: fatalitiesSchema.optional(),
    outcome: vocab.outcome.optional(),
    process: recordKey.optional(),
    participants: z
      .array(z.object({ actor: recordKey, role: vocab.role, note: fields.label.optional() }).strict())
      .default([]),
    links: z.array(z.object({ kind: vocab.linkKind, event: recordKey }).strict()).default([]),
    claims: z.array(claimFileSchema).default([]),
  })
  .strict()
  .refine(...endNotBeforeStart)
  .refine((e) => e.start !== undefined, { message: "an event needs a `start` date", path: ["start"] });

/**
 * A negotiating position. `start` is when it was stated (or first reported held), `end` when it was
 * dropped, if known; `respondsTo` names another actor's position it answers, `supersedes` an earlier
 * position of the same holder that it replaces. Its claims carry the quotes, as an event's do.
 */
const positionFileSchema = z
  .object({
    key: recordKey,
    holder: recordKey,
    kind: vocab.positionKind,
    issue: vocab.positionIssue,
    summary: fields.title,
    ...spanFields,
    precision: DATE_PRECISIONS.schema.optional(),
    process: recordKey.optional(),
    event: recordKey.optional(),
    respondsTo: recordKey.optional(),
    supersedes: recordKey.optional(),
    claims: z.array(claimFileSchema).min(1, "a position needs at least one claim: the quote that states it"),
  })
  .strict()
  .refine(...endNotBeforeStart)
  .refine((p) => p.start !== undefined, {
    message: "a position needs a `start` date: when it was stated",
    path: ["start"],
  })
  .refine((p) => !p.respondsTo || p.respondsTo !== p.key, {
    message: "a position cannot respond to itself",
    path: ["respondsTo"],
  })
  .refine((p) => !p.supersedes || p.supersedes !== p.key, {
    message: "a position cannot supersede itself",
    path: ["supersedes"],
  });

export const dataFileSchema = z
  .object({
    sources: z.array(sourceFileSchema).default([]),
    actors: z.array(actorFileSchema).default([]),
    places: z.array(placeFileSchema).default([]),
    processes: z.array(processFileSchema).default([]),
    events: z.array(eventFileSchema).default([]),
    positions: z.array(positionFileSchema).default([]),
  })
  .strict();

export type DataFile = z.infer<typeof dataFileSchema>;
export type ActorRecord = z.infer<typeof actorFileSchema>;
export type PlaceRecord = z.infer<typeof placeFileSchema>;
export type ProcessRecord = z.infer<typeof processFileSchema>;
export type SourceRecord = z.infer<typeof sourceFileSchema>;
export type EventRecord = z.infer<typeof eventFileSchema>;
export type PositionRecord = z.infer<typeof positionFileSchema>;
export type ClaimRecord = z.infer<typeof claimFileSchema>;

/** "events[3].participants[1].actor" from a zod issue path. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    "",
  );
}
