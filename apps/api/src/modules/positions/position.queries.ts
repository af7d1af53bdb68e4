import { PAGE_SIZE, QUERY_MAX_LENGTH, searchPositionsSchema } from "@parley/schema";
import { CursorError, type PositionQuery } from "@parley/search";
import { builder } from "../../builder.ts";
import { engine } from "../search/engine.ts";
import { badInput, fromZod, withoutNulls } from "../search/search.input.ts";
import { requireId } from "../shared/lookup.ts";
import { PositionFilterInput, PositionSearchResultRef } from "./position.search.type.ts";

function positionQueryFrom(args: {
  query?: string | null;
  filter?: Record<string, unknown> | null;
  first?: number | null;
  after?: string | null;
}): PositionQuery {
  const parsed = searchPositionsSchema.safeParse({
    query: args.query,
    filter: withoutNulls(args.filter),
    first: args.first ?? undefined,
    after: args.after,
  });
  if (!parsed.success) throw fromZod(parsed.error);
  const { filter, ...rest } = parsed.data;
  return {
    ...rest,
    filter: filter && {
      ...filter,
      actorIds: filter.actorIds?.map((v) => requireId(v, "Actor", "filter.actorIds")),
      processIds: filter.processIds?.map((v) => requireId(v, "Process", "filter.processIds")),
    },
  };
}

builder.queryFields((t) => ({
  position: t.prismaField({
    type: "Position",
    nullable: true,
    description: "A position by its global ID; null when no position has it (or it was deleted).",
    args: {
      id: t.arg.id({
        required: true,
        description: "The position's global ID, as `Position.id` gives it; another type's ID is BAD_USER_INPUT.",
      }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.position.findUnique({
        ...query,
        relationLoadStrategy: "join",
        where: { id: requireId(String(args.id), "Position") },
      }),
  }),
  searchPositions: t.field({
    type: PositionSearchResultRef,
    description:
      "Negotiating positions by text (summary, holder's names, quotes) and facets, newest first, with disjunctive facet counts.",
    args: {
      query: t.arg.string({
        required: false,
        description: `Words in the summary, the holder's names and the quotes, at most ${QUERY_MAX_LENGTH} characters; every position when left out.`,
      }),
      filter: t.arg({
        type: PositionFilterInput,
        required: false,
        description: "Facet and date filters; every position when left out.",
      }),
      first: t.arg.int({
        required: false,
        defaultValue: PAGE_SIZE.default,
        description: `How many results, from 1 to ${PAGE_SIZE.max}.`,
      }),
      after: t.arg.string({
        required: false,
        description: "The `endCursor` of the previous page of this same search.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      const input = positionQueryFrom(args);
      try {
        return await engine(ctx).searchPositions(input);
      } catch (error) {
        if (error instanceof CursorError) throw badInput("after", error.message);
        throw error;
      }
    },
  }),
}));
