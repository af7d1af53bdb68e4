import { builder } from "../../builder.ts";
import { ClaimStanceEnum, DatePrecisionEnum } from "../shared/enums.ts";
import { listRevisions, RevisionRef } from "../shared/revision.type.ts";
import { ActorRef } from "../actors/actor.type.ts";
import { EventRef } from "../events/event.type.ts";

export const SourceRef = builder.prismaNode("Source", {
  nullable: true,
  id: { field: "id" },
  fields: (t) => ({
    title: t.exposeString("title"),
    url: t.exposeString("url", { nullable: true }),
    publishedAt: t.field({ type: "Date", nullable: true, resolve: (s) => s.publishedAt }),
    publishedPrecision: t.field({ type: DatePrecisionEnum, nullable: true, resolve: (s) => s.publishedPrecision }),
    language: t.exposeString("language", { nullable: true }),
    author: t.exposeString("author", { nullable: true }),
    version: t.exposeInt("version"),
    outlet: t.relation("outlet", { nullable: true }),
    cites: t.field({
      type: [ActorRef],
      description: "The outlets this report cites.",
      select: (_args, _ctx, nested) => ({ cites: { select: { outlet: nested(true) } } }),
      resolve: (s) => s.cites.map((c) => c.outlet),
    }),
    claims: t.relation("claims", { query: { orderBy: { id: "asc" } } }),
    events: t.field({
      type: [EventRef],
      description: "The events this source's claims are about.",
      select: (_args, _ctx, nested) => ({ claims: { where: { eventId: { not: null } }, select: { event: nested(true) } } }),
      resolve: (s) => {
        const seen = new Map<number, NonNullable<(typeof s.claims)[number]["event"]>>();
        for (const c of s.claims) if (c.event && !seen.has(c.event.id)) seen.set(c.event.id, c.event);
        return [...seen.values()];
      },
    }),
    revisions: t.prismaField({ type: [RevisionRef], resolve: (_query, s, _args, ctx) => listRevisions(ctx, "Source", s.id) }),
  }),
});

builder.prismaNode("Claim", {
  nullable: true,
  id: { field: "id" },
  description: "Provenance: a source asserts or denies something, in a short verbatim quote, through a speaker.",
  fields: (t) => ({
    quote: t.exposeString("quote"),
    stance: t.field({ type: ClaimStanceEnum, resolve: (c) => c.stance }),
    speakerLabel: t.exposeString("speakerLabel", { nullable: true, description: 'Who is quoted when not a known actor: "a senior Pakistani security official".' }),
    note: t.exposeString("note", { nullable: true }),
    version: t.exposeInt("version"),
    source: t.relation("source"),
    speaker: t.relation("speaker", { nullable: true }),
    event: t.relation("event", { nullable: true }),
    actor: t.relation("actor", { nullable: true, description: "The actor the claim is about, for claims about an actor." }),
    revisions: t.prismaField({ type: [RevisionRef], resolve: (_query, c, _args, ctx) => listRevisions(ctx, "Claim", c.id) }),
  }),
});
