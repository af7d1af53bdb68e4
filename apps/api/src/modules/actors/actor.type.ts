import { builder } from "../../builder.ts";
import { connectionSizes, checkPageSize } from "../shared/paging.ts";
import { ActorKindEnum, AliasKindEnum, DatePrecisionEnum, ParticipantRoleEnum } from "../shared/enums.ts";
import { listRevisions, RevisionRef } from "../shared/revision.type.ts";

export const ActorRef = builder.prismaNode("Actor", {
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
        return { where: args.roles?.length ? { role: { in: args.roles } } : {}, orderBy: [{ event: { startDate: "asc" } }, { id: "asc" }] };
      },
    }, { name: "ActorParticipationConnection" }, { name: "ActorParticipationEdge" }),
    quoted: t.relation("quoted", { description: "Claims in which this actor is the speaker." }),
    revisions: t.prismaField({ type: [RevisionRef], resolve: (_query, a, _args, ctx) => listRevisions(ctx, "Actor", a.id) }),
  }),
});

builder.prismaNode("ActorAlias", {
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
