import { dateOfDay } from "@parley/schema";
import { builder } from "../../builder.ts";
import { counted, nodeQuery } from "../shared/connections.ts";
import { EventTypeEnum } from "../shared/enums.ts";
import { nullsLastPage } from "../shared/keyset.ts";
import { requireId } from "../shared/lookup.ts";
import { connectionOf, pageComplexity, pageRequest, prismaPage } from "../shared/paging.ts";
import { EventRef } from "./event.type.ts";
import { ProcessRef } from "./process.type.ts";

const EventOrderEnum = builder.enumType("EventOrder", {
  description: "The order of `events`: by start date, then by ID among events of the same day.",
  values: { DATE_ASC: { description: "Oldest first." }, DATE_DESC: { description: "Newest first." } },
});

builder.queryFields((t) => ({
  event: t.prismaField({
    type: "Event",
    nullable: true,
    description: "An event by its global ID; null when no event has it (or it was deleted).",
    args: {
      id: t.arg.id({
        required: true,
        description: "The event's global ID, as `Event.id` gives it; another type's ID is BAD_USER_INPUT.",
      }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.event.findUnique({
        ...query,
        relationLoadStrategy: "join",
        where: { id: requireId(String(args.id), "Event") },
      }),
  }),
  events: t.connection(
    {
      type: EventRef,
      description: "Events in date order. For text, facets and relevance use `searchEvents`.",
      complexity: pageComplexity,
      args: {
        types: t.arg({
          type: [EventTypeEnum],
          required: false,
          description: "Events of any of these types; all types when left out or empty.",
        }),
        from: t.arg({
          type: "Date",
          required: false,
          description: "Events that end on or after this day (an event without an end, that start on or after it).",
        }),
        to: t.arg({ type: "Date", required: false, description: "Events that start on or before this day." }),
        contested: t.arg.boolean({
          required: false,
          description: "true: only events whose claims both assert and deny; false: only the others; left out: both.",
        }),
        processId: t.arg.id({ required: false, description: "Only the events of this process (its global ID)." }),
        orderBy: t.arg({
          type: EventOrderEnum,
          required: false,
          defaultValue: "DATE_ASC",
          description: "Oldest or newest first.",
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        const request = pageRequest(args, "Query.events");
        const where = eventWhere(args);
        const direction = args.orderBy === "DATE_DESC" ? "desc" : "asc";
        const rows = await ctx.db.event.findMany({
          ...(await nodeQuery(ctx, info, "Event")),
          ...prismaPage(request),
          where,
          orderBy: [{ startDate: direction }, { id: direction }],
        });
        return connectionOf(rows, request, "Query.events", () => ctx.db.event.count({ where })) as never;
      },
    },
    counted("EventConnection", "A page of events.", "events matching the arguments"),
    { name: "EventEdge" },
  ),
  processes: t.connection(
    {
      type: ProcessRef,
      description: "Peace processes and conflict episodes, oldest first (undated last).",
      complexity: pageComplexity,
      resolve: async (_root, args, ctx, info) => {
        const request = pageRequest(args, "Query.processes");
        const rows = await nullsLastPage(
          ctx.db.process,
          await nodeQuery(ctx, info, "Process"),
          prismaPage(request),
          {},
          "startDate",
          "asc",
        );
        return connectionOf(rows, request, "Query.processes", () => ctx.db.process.count()) as never;
      },
    },
    counted("ProcessConnection", "A page of processes.", "processes"),
    { name: "ProcessEdge" },
  ),
}));

interface EventArgs {
  types?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  contested?: boolean | null;
  processId?: string | number | null;
}

function eventWhere(args: EventArgs) {
  return {
    ...(args.types?.length ? { type: { in: args.types as never } } : {}),
    ...(args.contested !== null && args.contested !== undefined ? { contested: args.contested } : {}),
    ...(args.processId ? { processId: requireId(String(args.processId), "Process", "processId") } : {}),
    AND: [
      ...(args.to ? [{ startDate: { lte: dateOfDay(args.to) } }] : []),
      ...(args.from
        ? [
            {
              OR: [
                { endDate: { gte: dateOfDay(args.from) } },
                { endDate: null, startDate: { gte: dateOfDay(args.from) } },
              ],
            },
          ]
        : []),
    ],
  };
}
