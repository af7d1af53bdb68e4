import type { ParticipantRole, PrismaClient } from "@parley/db";
import { builder } from "../../builder.ts";
import { badInput } from "../search/search.input.ts";
import { engine, SEARCH_COST } from "../search/engine.ts";
import { connectionSizes, checkPageSize } from "../shared/paging.ts";
import { ActorKindEnum, AliasKindEnum, DatePrecisionEnum, ParticipantRoleEnum } from "../shared/enums.ts";
import { listRevisions, RevisionRef } from "../shared/revision.type.ts";

type Actor = Awaited<ReturnType<PrismaClient["actor"]["findFirstOrThrow"]>>;

/** How many companions `Actor.companions` lists at most. */
const COMPANIONS_MAX = 50;

const ActorRoleCountRef = builder.objectRef<{ role: ParticipantRole; count: number }>("ActorRoleCount").implement({
  description: "How many of an actor's appearances are in one role.",
  fields: (t) => ({
    role: t.field({ type: ParticipantRoleEnum, resolve: (r) => r.role }),
    count: t.exposeInt("count"),
  }),
});

/** Implemented below ActorRef, whose field lists it. */
const ActorCompanionRef = builder.objectRef<{ actor: Actor; sharedEvents: number }>("ActorCompanion");

export const ActorRef = builder.prismaNode("Actor", {
  nullable: true,
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.field({ type: ActorKindEnum, resolve: (a) => a.kind }),
    description: t.exposeString("description", { nullable: true }),
    country: t.exposeString("country", { nullable: true, description: "ISO 3166-1 alpha-2." }),
    externalIds: t.field({ type: "JSON", description: 'Identifiers elsewhere, e.g. `{ "wikidata": "Q…" }`.', resolve: (a) => a.externalIds }),
    version: t.exposeInt("version"),
    aliases: t.stringList({
      description: "Every other name the actor goes by.",
      select: { aliases: { select: { name: true }, orderBy: { id: "asc" } } },
      resolve: (a) => a.aliases.map((x) => x.name),
    }),
    aliasDetails: t.relation("aliases", { query: { orderBy: { id: "asc" } } }),
    affiliations: t.relation("affiliations", { query: { orderBy: [{ startDate: "asc" }, { id: "asc" }] } }),
    members: t.relation("members", { description: "People affiliated with this organisation.", query: { orderBy: [{ startDate: "asc" }, { id: "asc" }] } }),
    events: t.relatedConnection("participations", {
      cursor: "id",
      totalCount: true,
      ...connectionSizes,
      description: "The actor's part in events, filterable by role (which talks did Qatar mediate?).",
      args: { roles: t.arg({ type: [ParticipantRoleEnum], required: false }) },
      query: (args) => {
        checkPageSize(args as { first?: number | null; last?: number | null });
        return { where: args.roles?.length ? { role: { in: args.roles } } : {}, orderBy: [{ eventStartDate: "asc" }, { id: "asc" }] };
      },
    }, { name: "ActorParticipationConnection" }, { name: "ActorParticipationEdge" }),
    roleCounts: t.field({
      type: [ActorRoleCountRef],
      description: "How many of the actor's appearances are in each role (party in 120 events, mediator in 12), the most first.",
      resolve: async (a, _args, ctx) => {
        const rows = await ctx.db.participant.groupBy({ by: ["role"], where: { actorId: a.id }, _count: { _all: true } });
        return rows.map((r) => ({ role: r.role, count: r._count._all })).sort((x, y) => y.count - x.count || x.role.localeCompare(y.role));
      },
    }),
    companions: t.field({
      type: [ActorCompanionRef],
      description:
        "The actors that most often take part in the same events as this one, with how many events they share, counted over every event (from the search index). The most shared first.",
      complexity: SEARCH_COST.actors,
      args: { first: t.arg.int({ required: false, defaultValue: 10, description: `At most ${COMPANIONS_MAX}.` }) },
      resolve: async (a, args, ctx) => {
        const first = args.first ?? 10;
        if (first < 0 || first > COMPANIONS_MAX) throw badInput("first", `must be between 0 and ${COMPANIONS_MAX}; got ${first}`);
        const counted = await engine(ctx).companions(a.id, first);
        const actors = new Map((await ctx.db.actor.findMany({ where: { id: { in: counted.map((c) => c.actorId) } } })).map((x) => [x.id, x]));
        return counted.flatMap((c) => (actors.has(c.actorId) ? [{ actor: actors.get(c.actorId)!, sharedEvents: c.events }] : []));
      },
    }),
    quoted: t.relation("quoted", { description: "Claims in which this actor is the speaker." }),
    revisions: t.prismaField({ type: [RevisionRef], resolve: (_query, a, _args, ctx) => listRevisions(ctx, "Actor", a.id) }),
  }),
});

ActorCompanionRef.implement({
  description: "An actor that takes part in the same events as another, and in how many of them.",
  fields: (t) => ({
    actor: t.field({ type: ActorRef, resolve: (c) => c.actor }),
    sharedEvents: t.exposeInt("sharedEvents", { description: "The events both take part in." }),
  }),
});

builder.prismaNode("ActorAlias", {
  nullable: true,
  name: "Alias",
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.field({ type: AliasKindEnum, resolve: (a) => a.kind }),
  }),
});

builder.prismaObject("Affiliation", {
  description: "A role or title an actor held, for an organisation, over a span of time.",
  fields: (t) => ({
    title: t.exposeString("title"),
    organisation: t.relation("organisation", { nullable: true }),
    actor: t.relation("actor"),
    startDate: t.field({ type: "Date", nullable: true, resolve: (a) => a.startDate }),
    startPrecision: t.field({ type: DatePrecisionEnum, nullable: true, resolve: (a) => a.startPrecision }),
    endDate: t.field({ type: "Date", nullable: true, resolve: (a) => a.endDate }),
    endPrecision: t.field({ type: DatePrecisionEnum, nullable: true, resolve: (a) => a.endPrecision }),
  }),
});
