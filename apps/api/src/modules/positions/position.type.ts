import { builder } from "../../builder.ts";
import { counted, relationPage } from "../shared/connections.ts";
import { DatePrecisionEnum, PositionIssueEnum, PositionKindEnum } from "../shared/enums.ts";
import { pageComplexity } from "../shared/paging.ts";
import { RevisionConnection, revisionPage } from "../shared/revision.type.ts";

const byDate = { orderBy: [{ startDate: "asc" as const }, { id: "asc" as const }] };

export const PositionRef = builder.prismaNode("Position", {
  nullable: true,
  id: { field: "id" },
  description:
    "A negotiating position: what an actor demands, refuses, offers, pledges or commits to on one issue, since when, and the claims that report it.",
  fields: (t) => ({
    kind: t.field({
      type: PositionKindEnum,
      description: "What the position is: a demand, an offer, a refusal…",
      resolve: (p) => p.kind,
    }),
    issue: t.field({ type: PositionIssueEnum, description: "What it is about.", resolve: (p) => p.issue }),
    summary: t.exposeString("summary", {
      description: "The position in our words; the claims hold the verbatim quotes.",
    }),
    startDate: t.field({
      type: "Date",
      description: "When it was stated, or first reported held.",
      resolve: (p) => p.startDate,
    }),
    endDate: t.field({
      type: "Date",
      nullable: true,
      description: "When it was dropped or ran out, if known.",
      resolve: (p) => p.endDate,
    }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      description: "How precisely `startDate` is known.",
      resolve: (p) => p.datePrecision,
    }),
    version: t.exposeInt("version", { description: "Send it back with an update; a stale one is refused." }),
    holder: t.relation("actor", { description: "The actor holding the position." }),
    process: t.relation("process", {
      nullable: true,
      description: "The process the position is taken in; null for none.",
    }),
    event: t.relation("event", { nullable: true, description: "Where it was stated: a round of talks, a statement." }),
    claims: t.relation("claims", {
      description: "The evidence: quotes, speakers, sources, stances. Not paged: one position's reports are few.",
      query: { orderBy: { id: "asc" } },
    }),
    respondsTo: t.relation("respondsTo", { nullable: true, description: "Another actor's position this one answers." }),
    supersedes: t.relation("supersedes", {
      nullable: true,
      description: "The earlier position of the same holder this one replaces.",
    }),
    supersededBy: t.relation("supersededBy", {
      description: "Later positions of the holder that replace this one (one, rarely two); empty while it stands.",
      query: byDate,
    }),
    revisions: t.connection(revisionPage("Position"), RevisionConnection),
  }),
});

// Declared apart from the type: a field whose type is the type being defined.
builder.prismaObjectFields("Position", (t) => ({
  responses: t.connection(
    {
      type: PositionRef,
      description: "Other actors' positions answering this one, oldest first.",
      complexity: pageComplexity,
      ...relationPage("Position.responses", "responses", () => byDate),
    },
    counted(
      "PositionResponseConnection",
      "A page of the positions answering a position.",
      "positions answering this one",
    ),
    { name: "PositionResponseEdge" },
  ),
}));

// Positions are read from the records they belong to; this domain owns those fields.
builder.prismaObjectFields("Actor", (t) => ({
  positions: t.connection(
    {
      type: PositionRef,
      description: "The positions this actor holds or held, oldest first.",
      complexity: pageComplexity,
      ...relationPage("Actor.positions", "positions", () => byDate),
    },
    counted("ActorPositionConnection", "A page of an actor's positions.", "positions of the actor"),
    { name: "ActorPositionEdge" },
  ),
}));
builder.prismaObjectFields("Process", (t) => ({
  positions: t.connection(
    {
      type: PositionRef,
      description: "Every party's positions in this process, oldest first.",
      complexity: pageComplexity,
      ...relationPage("Process.positions", "positions", () => byDate),
    },
    counted("ProcessPositionConnection", "A page of the positions taken in a process.", "positions in the process"),
    { name: "ProcessPositionEdge" },
  ),
}));
builder.prismaObjectFields("Event", (t) => ({
  positions: t.relation("positions", { description: "Positions stated at this event.", query: byDate }),
}));
builder.prismaObjectFields("Claim", (t) => ({
  position: t.relation("position", {
    nullable: true,
    description: "The position the claim reports, for claims about a position.",
  }),
}));
