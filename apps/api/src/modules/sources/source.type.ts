import { builder } from "../../builder.ts";
import { ActorRef } from "../actors/actor.type.ts";
import { EventRef } from "../events/event.type.ts";
import { counted, relationPage } from "../shared/connections.ts";
import { DatePrecisionEnum } from "../shared/enums.ts";
import { pageComplexity } from "../shared/paging.ts";
import { RevisionConnection, revisionPage } from "../shared/revision.type.ts";
import { ClaimRef } from "./claim.type.ts";
import { sourceEventsPage } from "./source.events.ts";

export const SourceRef = builder.prismaNode("Source", {
  nullable: true,
  id: { field: "id" },
  description:
    "A report claims are taken from: a news article, an official statement, or what a dataset cites (UCDP's source articles; for ACLED, one source per outlet it names, so such a source can hold thousands of claims). Its outlet is the actor that published it.",
  fields: (t) => ({
    title: t.exposeString("title", { description: "The report's headline or title." }),
    url: t.exposeString("url", {
      nullable: true,
      description: "Where the report can be read (http or https); null for print, broadcast or unpublished sources.",
    }),
    publishedAt: t.field({
      type: "Date",
      nullable: true,
      description: "When it was published, at `publishedPrecision`; null when unknown.",
      resolve: (s) => s.publishedAt,
    }),
    publishedPrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: "How precisely `publishedAt` is known; null with it.",
      resolve: (s) => s.publishedPrecision,
    }),
    language: t.exposeString("language", {
      nullable: true,
      description: "The report's language as a BCP 47 tag, such as en or ps; null when unknown.",
    }),
    author: t.exposeString("author", { nullable: true, description: "The byline; null when the report has none." }),
    version: t.exposeInt("version", { description: "Send it back with an update; a stale one is refused." }),
    outlet: t.relation("outlet", {
      nullable: true,
      description: "The media outlet (an actor of kind MEDIA_OUTLET) that published it; null when not known.",
    }),
    cites: t.field({
      type: [ActorRef],
      description: 'The outlets this report cites ("told Dawn"), at most 50.',
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
      counted(
        "SourceEventConnection",
        "A page of the events a source reports on.",
        "events the source's claims are about",
      ),
      { name: "SourceEventEdge" },
    ),
    revisions: t.connection(revisionPage("Source"), RevisionConnection),
  }),
});
