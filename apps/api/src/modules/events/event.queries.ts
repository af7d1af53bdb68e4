import { builder } from "../../builder.ts";
import { EventTypeEnum } from "../shared/enums.ts";
import { checkPageSize, connectionSizes } from "../shared/paging.ts";
import { requireId } from "../shared/lookup.ts";

const EventOrderEnum = builder.enumType("EventOrder", {
  values: { DATE_ASC: { description: "Oldest first" }, DATE_DESC: { description: "Newest first" } },
});

builder.queryFields((t) => ({
  event: t.prismaField({
    type: "Event",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.db.event.findUnique({ ...query, relationLoadStrategy: "join", where: { id: requireId(String(args.id), "Event") } }),
  }),
  events: t.prismaConnection(
  {
    type: "Event",
    cursor: "id",
    ...connectionSizes,
    description: "Events in date order. For text and facets use `searchEvents`.",
    args: {
      types: t.arg({ type: [EventTypeEnum], required: false }),
      from: t.arg({ type: "Date", required: false, description: "Events that end on or after this day." }),
      to: t.arg({ type: "Date", required: false, description: "Events that start on or before this day." }),
      contested: t.arg.boolean({ required: false }),
      processId: t.arg.id({ required: false }),
      orderBy: t.arg({ type: EventOrderEnum, required: false, defaultValue: "DATE_ASC" }),
    },
    totalCount: (_root, args, ctx) => {
      checkPageSize(args);
      return ctx.db.event.count({ where: eventWhere(args) });
    },
    resolve: (query, _root, args, ctx) => {
      checkPageSize(args);
      const direction = args.orderBy === "DATE_DESC" ? "desc" : "asc";
      return ctx.db.event.findMany({ ...query, where: eventWhere(args), orderBy: [{ startDate: direction }, { id: direction }] });
    },
  },
  { name: "EventConnection" },
  { name: "EventEdge" },
  ),
  processes: t.prismaField({
    type: ["Process"],
    resolve: (query, _root, _args, ctx) => ctx.db.process.findMany({ ...query, orderBy: [{ startDate: "asc" }, { id: "asc" }] }),
  }),
}));

interface EventArgs {
  types?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  contested?: boolean | null;
  processId?: string | number | null;
}

function eventWhere(args: EventArgs) {
  const day = (s: string) => new Date(`${s}T00:00:00Z`);
  return {
    ...(args.types?.length ? { type: { in: args.types as never } } : {}),
    ...(args.contested !== null && args.contested !== undefined ? { contested: args.contested } : {}),
    ...(args.processId ? { processId: requireId(String(args.processId), "Process", "processId") } : {}),
    AND: [
      ...(args.to ? [{ startDate: { lte: day(args.to) } }] : []),
      ...(args.from ? [{ OR: [{ endDate: { gte: day(args.from) } }, { endDate: null, startDate: { gte: day(args.from) } }] }] : []),
    ],
  };
}
