import { builder } from "../../builder.ts";
import { ClaimStanceEnum, DatePrecisionEnum } from "../shared/enums.ts";
import { counted, relationPage } from "../shared/connections.ts";
import { pageComplexity } from "../shared/paging.ts";
import { RevisionConnection, revisionPage } from "../shared/revision.type.ts";
import { sourceEventsPage } from "./source.events.ts";
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
    claims: t.connection(
      {
        type: ClaimRef,
        description: "The claims drawn from this source, in the order they were recorded.",
        complexity: pageComplexity,
        ...relationPage("Source.claims", "claims", () => ({ orderBy: { id: "asc" } })),
      },
      counted("SourceClaimConnection", "A page of the claims drawn from a source.", "claims drawn from the source"),
      { name: "SourceClaimEdge" },
    ),
    events: t.connection(
      {
        type: EventRef,
        description: "The events this source's claims are about, each once, oldest first.",
        complexity: pageComplexity,
        resolve: sourceEventsPage,
      },
      counted("SourceEventConnection", "A page of the events a source reports on.", "events the source's claims are about"),
      { name: "SourceEventEdge" },
    ),
    revisions: t.connection(revisionPage("Source"), RevisionConnection),
  }),
});

export const ClaimRef = builder.prismaNode("Claim", {
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
    revisions: t.connection(revisionPage("Claim"), RevisionConnection),
  }),
});

// Claims are this domain's: it owns the field that lists an actor's.
builder.prismaObjectFields("Actor", (t) => ({
  quoted: t.connection(
    {
      type: ClaimRef,
      description: "Claims in which this actor is the speaker, in the order they were recorded.",
      complexity: pageComplexity,
      ...relationPage("Actor.quoted", "quoted", () => ({ orderBy: { id: "asc" } })),
    },
    counted("ActorQuotedConnection", "A page of the claims an actor is quoted in.", "claims quoting the actor"),
    { name: "ActorQuotedEdge" },
  ),
}));
