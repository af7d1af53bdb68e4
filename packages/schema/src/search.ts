import { z } from "zod";
import { isoDate } from "./dates.ts";
import { normalizeQueryText } from "./names.ts";
import {
  ACTOR_KINDS,
  DATE_INTERVALS,
  EVENT_SORTS,
  EVENT_TYPES,
  PARTICIPANT_ROLES,
  POSITION_ISSUES,
  POSITION_KINDS,
} from "./vocabulary.ts";

export const PAGE_SIZE = { default: 20, max: 100 } as const;
/** How many places `EventSearchResult.places` lists by default and at most. */
export const PLACE_COUNTS = { default: 200, max: 1000 } as const;
export const ACTOR_MATCHES = { default: 10, max: 50 } as const;
export const QUERY_MAX_LENGTH = 200;

const country = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as PK");
const id = z.string().min(1).max(200);
const MAX_FILTER_VALUES = 50;
/** A list of at most `max` values, refused with a message that gives the limit and the length. */
const bounded = <T extends z.ZodType>(item: T, max = MAX_FILTER_VALUES) =>
  z
    .array(item)
    .max(max, { error: (issue) => `may list at most ${max} values; got ${(issue.input as unknown[]).length}` });

/** How many "actor in roles" entries (`participants`) a filter may hold. */
export const MAX_PARTICIPANT_FILTERS = 10;

/** One "actor in roles" entry: the actor took part in any of the roles (in any role when none are given). */
export const participantFilterSchema = z.object({
  actorId: id,
  roles: bounded(PARTICIPANT_ROLES.schema, PARTICIPANT_ROLES.codes.length).optional(),
});
export type ParticipantFilter = z.infer<typeof participantFilterSchema>;

/** The filter's fields one by one, so a URL value can be checked against its own field. */
export const eventFilterFields = {
  types: bounded(EVENT_TYPES.schema).optional(),
  actorIds: bounded(id).optional(),
  roles: bounded(PARTICIPANT_ROLES.schema).optional(),
  countries: bounded(country).optional(),
  placeIds: bounded(id).optional(),
  outletIds: bounded(id).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  contested: z.boolean().optional(),
  participants: bounded(participantFilterSchema, MAX_PARTICIPANT_FILTERS).optional(),
};

export const eventFilterSchema = z
  .object(eventFilterFields)
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "`from` must not be after `to`", path: ["from"] });

export type EventFilter = z.infer<typeof eventFilterSchema>;

/**
 * The one wording of every page-size problem, wherever a page size is checked (connections, searches,
 * lists with a `first`): "`first` must be between 0 and 100; got 101". Null when the size is fine.
 */
export function pageSizeProblem(argument: string, value: number, max: number, min = 0): string | null {
  return Number.isInteger(value) && value >= min && value <= max
    ? null
    : `\`${argument}\` must be between ${min} and ${max}; got ${value}`;
}

/**
 * The one wording of a page asked for in both directions at once, wherever `first`/`after` and
 * `last`/`before` are taken (connections, searches): the argument at fault and why. Null when fine.
 */
export function pagingDirectionProblem(args: {
  first?: unknown;
  last?: unknown;
  after?: unknown;
  before?: unknown;
}): { argument: string; message: string } | null {
  const given = (v: unknown) => v !== null && v !== undefined;
  if (given(args.first) && given(args.last))
    return {
      argument: "last",
      message:
        "`first` and `last` cannot be given together: page forward with `first` (and `after`) or backward with `last` (and `before`)",
    };
  if (given(args.after) && given(args.before))
    return {
      argument: "before",
      message: "`after` and `before` cannot be given together: page forward from `after` or backward from `before`",
    };
  if (given(args.first) && given(args.before))
    return {
      argument: "before",
      message: "`before` pages backward: give it with `last`, or page forward with `first` and `after`",
    };
  if (given(args.last) && given(args.after))
    return {
      argument: "after",
      message: "`after` pages forward: give it with `first`, or page backward with `last` and `before`",
    };
  return null;
}

/** A page size from `min` to `max`, refused in the words of `pageSizeProblem`. */
export function pageSize(max: number = PAGE_SIZE.max, argument = "first", min = 1) {
  return z.number().superRefine((value, ctx) => {
    const problem = pageSizeProblem(argument, value, max, min);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** Search text: at most QUERY_MAX_LENGTH characters as sent, then normalised (`normalizeQueryText`). */
const queryText = z
  .string()
  .max(QUERY_MAX_LENGTH, {
    error: (issue) => `may be at most ${QUERY_MAX_LENGTH} characters; got ${(issue.input as string).length}`,
  })
  .transform(normalizeQueryText);

const cursorText = z.string().max(500);

/**
 * `searchEvents`: forward (`first`, `after`) or backward (`last`, `before`), never both ways at once;
 * 0 results is a page too (counts, facets and pictures only). Comes out with exactly one of `first`
 * and `last` set, PAGE_SIZE.default when neither was given.
 */
export const searchEventsSchema = z
  .object({
    query: queryText.nullish(),
    filter: eventFilterSchema.nullish(),
    first: pageSize(PAGE_SIZE.max, "first", 0).nullish(),
    last: pageSize(PAGE_SIZE.max, "last", 0).nullish(),
    after: cursorText.nullish(),
    before: cursorText.nullish(),
    sort: EVENT_SORTS.schema.default("RELEVANCE"),
  })
  .superRefine((input, ctx) => {
    const problem = pagingDirectionProblem(input);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.argument], message: problem.message });
  })
  .transform(({ first, last, ...rest }) => {
    const backward = last != null || rest.before != null;
    return {
      ...rest,
      first: backward ? undefined : (first ?? PAGE_SIZE.default),
      last: backward ? (last ?? PAGE_SIZE.default) : undefined,
    };
  });
export type SearchEventsInput = z.infer<typeof searchEventsSchema>;

export const histogramSchema = z.object({ interval: DATE_INTERVALS.schema });

export const searchActorsSchema = z.object({
  query: queryText.pipe(z.string().trim().min(1, "`query` must not be empty")),
  kinds: bounded(ACTOR_KINDS.schema, 20).nullish(),
  first: pageSize(ACTOR_MATCHES.max).default(ACTOR_MATCHES.default),
});
export type SearchActorsInput = z.infer<typeof searchActorsSchema>;

/** `searchPositions`: the same faceted model as events, over holder, kind, issue and process. */
export const positionFilterFields = {
  actorIds: z.array(id).max(50).optional(),
  kinds: z.array(POSITION_KINDS.schema).max(50).optional(),
  issues: z.array(POSITION_ISSUES.schema).max(50).optional(),
  processIds: z.array(id).max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export const positionFilterSchema = z
  .object(positionFilterFields)
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "`from` must not be after `to`", path: ["from"] });

export type PositionFilter = z.infer<typeof positionFilterSchema>;

export const searchPositionsSchema = z.object({
  query: z.string().max(QUERY_MAX_LENGTH).nullish(),
  filter: positionFilterSchema.nullish(),
  first: pageSize().default(PAGE_SIZE.default),
  after: z.string().max(500).nullish(),
});
export type SearchPositionsInput = z.infer<typeof searchPositionsSchema>;
