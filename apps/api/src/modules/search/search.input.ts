import {
  type ActorKind,
  defined,
  formatIssuePath,
  mapFilterIds,
  searchActorsSchema,
  searchEventsSchema,
} from "@parley/schema";
import type { ActorQuery, EventQuery } from "@parley/search";
import { GraphQLError } from "graphql";
import type { ZodError } from "zod";
import { requireId } from "../shared/lookup.ts";
import { deepFreeze, Recent } from "../shared/recent.ts";

/** A bad argument as a GraphQL error that names it (`filter.from`, `first`), code BAD_USER_INPUT. */
export function badInput(argument: string, message: string): GraphQLError {
  const text = message.includes("`") ? message : `\`${argument}\` ${message}`;
  return new GraphQLError(text, { extensions: { code: "BAD_USER_INPUT", argument } });
}

export function fromZod(error: ZodError): GraphQLError {
  const issue = defined(error.issues[0]);
  return badInput(formatIssuePath(issue.path), issue.message);
}

/** GraphQL sends explicit nulls for absent list fields; the shared schemas treat them as absent. */
export function withoutNulls<T extends object>(value: T | null | undefined): Partial<T> | undefined {
  if (!value) return undefined;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

export interface SearchEventsArgs {
  query?: string | null;
  filter?: Record<string, unknown> | null;
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  sort?: string | null;
}

/** Searches asked for lately, validated: a page of results asks the same search again and again. */
const recentQueries = new Recent<EventQuery>(1_000);

/**
 * Validates the arguments with the shared schema and turns global IDs into database IDs. The answer
 * is kept (frozen, as every request with the same arguments shares it); arguments it refuses are not.
 */
export function eventQueryFrom(args: SearchEventsArgs): EventQuery {
  return recentQueries.get(JSON.stringify(args), () => deepFreeze(validEventQuery(args)));
}

function validEventQuery(args: SearchEventsArgs): EventQuery {
  const filterArg = withoutNulls(args.filter);
  const parsed = searchEventsSchema.safeParse({
    query: args.query,
    filter: filterArg && {
      ...filterArg,
      participants: (filterArg.participants as Record<string, unknown>[] | undefined)?.map(withoutNulls),
    },
    first: args.first,
    last: args.last,
    after: args.after,
    before: args.before,
    sort: args.sort ?? undefined,
  });
  if (!parsed.success) throw fromZod(parsed.error);
  const { filter, ...rest } = parsed.data;
  return { ...rest, filter: filter && mapFilterIds(filter, (globalId, type, path) => requireId(globalId, type, path)) };
}

export function actorQueryFrom(args: {
  query: string;
  kinds?: readonly string[] | null;
  first?: number | null;
}): ActorQuery {
  const parsed = searchActorsSchema.safeParse({ query: args.query, kinds: args.kinds, first: args.first ?? undefined });
  if (!parsed.success) throw fromZod(parsed.error);
  return { ...parsed.data, kinds: parsed.data.kinds as ActorKind[] | null | undefined };
}
