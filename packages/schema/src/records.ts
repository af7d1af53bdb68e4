import { z } from "zod";
import { type PartialDate, partialDate } from "./dates.ts";
import {
  ACTOR_KINDS,
  ALIAS_KINDS,
  CLAIM_STANCES,
  EVENT_LINK_KINDS,
  EVENT_OUTCOMES,
  EVENT_TYPES,
  PARTICIPANT_ROLES,
  POSITION_ISSUES,
  POSITION_KINDS,
} from "./vocabulary.ts";

/** Field rules shared by data files and API inputs, so a title or a quote has one limit everywhere. */
export const fields = {
  name: z.string().trim().min(1, "must not be empty").max(300, "may be at most 300 characters"),
  title: z.string().trim().min(1, "must not be empty").max(300, "may be at most 300 characters"),
  summary: z.string().trim().max(4000, "may be at most 4000 characters"),
  description: z.string().trim().max(4000, "may be at most 4000 characters"),
  quote: z.string().trim().min(1, "must not be empty").max(1000, "may be at most 1000 characters"),
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as PK"),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or ps"),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  deaths: z.number().int().min(0, "must not be negative"),
  label: z.string().trim().min(1).max(300),
  externalIds: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, "keys are lower-case names such as wikidata"),
    z.string().min(1).max(200),
  ),
};

export const fatalitiesSchema = z
  .object({ low: fields.deaths.optional(), best: fields.deaths.optional(), high: fields.deaths.optional() })
  .refine((f) => f.low === undefined || f.high === undefined || f.low <= f.high, {
    message: "`low` must not exceed `high`",
    path: ["low"],
  })
  .refine((f) => f.best === undefined || ((f.low ?? f.best) <= f.best && f.best <= (f.high ?? f.best)), {
    message: "`best` must lie between `low` and `high`",
    path: ["best"],
  });

export const aliasSchema = z.object({ name: fields.name, kind: ALIAS_KINDS.schema });
export type AliasInput = z.infer<typeof aliasSchema>;

/** The dates of a span, as data files write them. */
export const spanFields = { start: partialDate.optional(), end: partialDate.optional() };

/** Refinement for a span whose end, if any, is not before its start. */
export const endNotBeforeStart: [
  (v: { start?: PartialDate | undefined; end?: PartialDate | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (v) => !v.start || !v.end || v.start.date <= v.end.date,
  { message: "`end` must not be before `start`", path: ["end"] },
];

export const vocab = {
  actorKind: ACTOR_KINDS.schema,
  eventType: EVENT_TYPES.schema,
  outcome: EVENT_OUTCOMES.schema,
  role: PARTICIPANT_ROLES.schema,
  stance: CLAIM_STANCES.schema,
  linkKind: EVENT_LINK_KINDS.schema,
  positionKind: POSITION_KINDS.schema,
  positionIssue: POSITION_ISSUES.schema,
};
