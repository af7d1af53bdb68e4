import type { ParticipantRole, PrismaClient } from "@parley/db";
import { defined } from "@parley/schema";
import { builder } from "../../builder.ts";
import { ParticipantRef } from "../events/event.type.ts";
import { engine, SEARCH_COST } from "../search/engine.ts";
import { counted, relationPage } from "../shared/connections.ts";
import { ActorKindEnum, AliasKindEnum, DatePrecisionEnum, ParticipantRoleEnum } from "../shared/enums.ts";
import { checkPageSize, pageComplexity } from "../shared/paging.ts";
import { RevisionConnection, revisionPage } from "../shared/revision.type.ts";

type Actor = Awaited<ReturnType<PrismaClient["actor"]["findFirstOrThrow"]>>;

/** How many companions `Actor.companions` lists at most. */
const COMPANIONS_MAX = 50;

const ActorRoleCountRef = builder.objectRef<{ role: ParticipantRole; count: number }>("ActorRoleCount").implement({
  description: "How many of an actor's appearances are in one role.",
  fields: (t) => ({
    role: t.field({ type: ParticipantRoleEnum, description: "The role.", resolve: (r) => r.role }),
    count: t.exposeInt("count", { description: "How many events the actor takes part in in this role." }),
  }),
});

const AffiliationRef = builder.prismaObject("Affiliation", {
  description: "A role or title an actor held, for an organisation, over a span of time.",
  fields: (t) => ({
    title: t.exposeString("title", { description: 'The role or title: "emir", "chief negotiator", "spokesman".' }),
    organisation: t.relation("organisation", {
      nullable: true,
      description: "The organisation it was held in; null for a title held on its own.",
    }),
    actor: t.relation("actor", { description: "The actor (usually a person) who held it." }),
    startDate: t.field({
      type: "Date",
      nullable: true,
      description: "Since when, at `startPrecision`; null when not known.",
      resolve: (a) => a.startDate,
    }),
    startPrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: "How precisely `startDate` is known; null with it.",
      resolve: (a) => a.startPrecision,
    }),
    endDate: t.field({
      type: "Date",
      nullable: true,
      description: "Until when, at `endPrecision`; null while it is held or when not known.",
      resolve: (a) => a.endDate,
    }),
    endPrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: "How precisely `endDate` is known; null with it.",
      resolve: (a) => a.endPrecision,
    }),
  }),
});

/** Implemented below ActorRef, whose field lists it. */
const ActorCompanionRef = builder.objectRef<{ actor: Actor; sharedEvents: number }>("ActorCompanion");

export const ActorRef = builder.prismaNode("Actor", {
  nullable: true,
  id: { field: "id" },
  description:
    "Anyone who acts or speaks in the record: a person, an armed group, a government or security force, a party, an international body, or a media outlet that publishes reports. ACLED's actors and UCDP's sides become actors; one actor keeps all its names as aliases.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The main name, as Parley writes it; other spellings are aliases." }),
    kind: t.field({ type: ActorKindEnum, description: "What the actor is.", resolve: (a) => a.kind }),
    description: t.exposeString("description", {
      nullable: true,
      description: "Who or what the actor is, in a few sentences; null when none was written.",
    }),
    country: t.exposeString("country", {
      nullable: true,
      description:
        "The ISO 3166-1 alpha-2 code of the actor's country, such as PK; null for international actors or when unknown.",
    }),
    externalIds: t.field({
      type: "JSON",
      description: 'Identifiers elsewhere, e.g. `{ "wikidata": "Q…" }`.',
      resolve: (a) => a.externalIds,
    }),
    version: t.exposeInt("version", {
      description: "Send it back with an update; a stale one is refused. Alias changes bump it too.",
    }),
    aliases: t.stringList({
      description:
        "Every other name the actor goes by: acronyms, transliterations, former names. Not paged: an actor has a handful (`updateActor` sets at most 200 at once).",
      select: { aliases: { select: { name: true }, orderBy: { id: "asc" } } },
      resolve: (a) => a.aliases.map((x) => x.name),
    }),
    aliasDetails: t.relation("aliases", {
      description:
        "The other names with what kind of name each is, to change or remove one; the same names as `aliases`, not paged.",
      query: { orderBy: { id: "asc" } },
    }),
    affiliations: t.relation("affiliations", {
      description: "The roles and titles this actor held, earliest first. Not paged: one actor's titles are few.",
      query: { orderBy: [{ startDate: "asc" }, { id: "asc" }] },
    }),
    members: t.connection(
      {
        type: AffiliationRef,
        description: "People affiliated with this organisation, earliest affiliation first (undated first).",
        complexity: pageComplexity,
        ...relationPage("Actor.members", "members", () => ({
          orderBy: [{ startDate: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        })),
      },
      counted(
        "ActorMemberConnection",
        "A page of the people affiliated with an organisation.",
        "affiliations with the organisation",
      ),
      { name: "ActorMemberEdge" },
    ),
    events: t.connection(
      {
        type: ParticipantRef,
        description: "The actor's part in events, filterable by role (which talks did Qatar mediate?), oldest first.",
        complexity: pageComplexity,
        args: {
          roles: t.arg({
            type: [ParticipantRoleEnum],
            required: false,
            description: "Only appearances in any of these roles; all roles when left out or empty.",
          }),
        },
        ...relationPage("Actor.events", "participations", (args) => ({
          where: (args.roles as ParticipantRole[] | null | undefined)?.length
            ? { role: { in: args.roles as ParticipantRole[] } }
            : undefined,
          orderBy: [{ eventStartDate: "asc" }, { id: "asc" }],
        })),
      },
      counted(
        "ActorParticipationConnection",
        "A page of an actor's appearances in events.",
        "appearances in events with the roles asked",
      ),
      { name: "ActorParticipationEdge" },
    ),
    roleCounts: t.field({
      type: [ActorRoleCountRef],
      description:
        "How many of the actor's appearances are in each role (party in 120 events, mediator in 12), the most first.",
      resolve: async (a, _args, ctx) => {
        const rows = await ctx.db.participant.groupBy({
          by: ["role"],
          where: { actorId: a.id },
          _count: { _all: true },
        });
        return rows
          .map((r) => ({ role: r.role, count: r._count._all }))
          .sort((x, y) => y.count - x.count || x.role.localeCompare(y.role));
      },
    }),
    companions: t.field({
      type: [ActorCompanionRef],
      description:
        "The actors that most often take part in the same events as this one, with how many events they share, counted over every event (from the search index). The most shared first.",
      complexity: SEARCH_COST.actors,
      args: {
        first: t.arg.int({
          required: false,
          defaultValue: 10,
          description: `How many companions, from 0 to ${COMPANIONS_MAX}.`,
        }),
      },
      resolve: async (a, args, ctx) => {
        const first = args.first ?? 10;
        checkPageSize({ first }, COMPANIONS_MAX);
        const counted = await engine(ctx).companions(a.id, first);
        const actors = new Map(
          (await ctx.db.actor.findMany({ where: { id: { in: counted.map((c) => c.actorId) } } })).map((x) => [x.id, x]),
        );
        return counted.flatMap((c) =>
          actors.has(c.actorId) ? [{ actor: defined(actors.get(c.actorId)), sharedEvents: c.events }] : [],
        );
      },
    }),
    revisions: t.connection(revisionPage("Actor"), RevisionConnection),
  }),
});

ActorCompanionRef.implement({
  description: "An actor that takes part in the same events as another, and in how many of them.",
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: "The other actor.", resolve: (c) => c.actor }),
    sharedEvents: t.exposeInt("sharedEvents", { description: "The events both take part in." }),
  }),
});

builder.prismaNode("ActorAlias", {
  nullable: true,
  name: "Alias",
  id: { field: "id" },
  description: "Another name of an actor, with what kind of name it is. Search finds actors by every alias.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The name as written." }),
    kind: t.field({
      type: AliasKindEnum,
      description: "How the name relates to the actor's main name.",
      resolve: (a) => a.kind,
    }),
  }),
});
