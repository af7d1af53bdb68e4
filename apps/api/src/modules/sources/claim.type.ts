import { builder } from "../../builder.ts";
import { counted, relationPage } from "../shared/connections.ts";
import { ClaimStanceEnum } from "../shared/enums.ts";
import { pageComplexity } from "../shared/paging.ts";
import { RevisionConnection, revisionPage } from "../shared/revision.type.ts";

export const ClaimRef = builder.prismaNode("Claim", {
  nullable: true,
  id: { field: "id" },
  description:
    "Provenance: a source asserts or denies something, in a short verbatim quote, through a speaker. A claim is about one event, one actor or one position; an event whose claims both assert and deny is contested.",
  fields: (t) => ({
    quote: t.exposeString("quote", {
      description: "The source's own words, verbatim and short (at most 1000 characters).",
    }),
    stance: t.field({
      type: ClaimStanceEnum,
      description: "Whether the quote asserts its subject or denies it.",
      resolve: (c) => c.stance,
    }),
    speakerLabel: t.exposeString("speakerLabel", {
      nullable: true,
      description: 'Who is quoted when not a known actor: "a senior Pakistani security official".',
    }),
    note: t.exposeString("note", {
      nullable: true,
      description: "An editor's note on the claim: context, doubts, a translation; null for none.",
    }),
    version: t.exposeInt("version", { description: "Send it back with an update; a stale one is refused." }),
    source: t.relation("source", { description: "The report the quote is taken from." }),
    speaker: t.relation("speaker", {
      nullable: true,
      description:
        "The known actor quoted; null when the source quotes someone unnamed (see `speakerLabel`) or no one.",
    }),
    event: t.relation("event", {
      nullable: true,
      description: "The event the claim is about, for claims about an event.",
    }),
    actor: t.relation("actor", {
      nullable: true,
      description: "The actor the claim is about, for claims about an actor.",
    }),
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
