import { createEventInput, deleteInput, updateEventInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import {
  DatePrecisionEnum,
  EventLinkKindEnum,
  EventOutcomeEnum,
  EventTypeEnum,
  ParticipantRoleEnum,
} from "../shared/enums.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { clientMutationIdField, DeleteInput, reload, resultUnion } from "../shared/mutation.ts";
import { writeAndRead } from "../shared/write.ts";
import { createEvent, deleteEvent, updateEvent } from "./event.service.ts";

const ParticipantInput = builder.inputType("ParticipantInput", {
  description: "An actor taking part in the event, in one role; the same actor may come again in another role.",
  fields: (t) => ({
    actorId: t.id({
      required: true,
      description: "The actor's global ID; an actor merged into another counts as the survivor.",
    }),
    role: t.field({ type: ParticipantRoleEnum, required: true, description: "The part the actor plays." }),
    note: t.string({ description: "What the role alone does not say, at most 300 characters." }),
  }),
});

const EventLinkInput = builder.inputType("EventLinkInput", {
  description: 'Reads "<this event> <kind> <eventId>": this truce EXTENDS that one.',
  fields: (t) => ({
    kind: t.field({ type: EventLinkKindEnum, required: true, description: "How this event relates to the other." }),
    eventId: t.id({ required: true, description: "The other event's global ID; not this event's own." }),
  }),
});

const FatalitiesInput = builder.inputType("FatalitiesInput", {
  description:
    "Deaths reported, as a best estimate with a low and a high one around it (UCDP's low/best/high). Leave out or null what is not known: unknown is not zero.",
  fields: (t) => ({
    low: t.int({ description: "The lowest reported count, 0 or more, not above `best`." }),
    best: t.int({ description: "The most likely count, 0 or more." }),
    high: t.int({ description: "The highest reported count, 0 or more, not below `best`." }),
  }),
});

/** The same fields for creating and patching; `required` only when creating. */
function eventFields(creating: boolean) {
  return builder.inputType(creating ? "CreateEventInput" : "UpdateEventInput", {
    description: creating
      ? "A new event. Its claims, the quotes that support it, are added afterwards with `createClaim(input: { eventId, … })`."
      : "Only the fields you give change; `null` clears an optional field; a list you give replaces the stored one.",
    fields: (t) => ({
      clientMutationId: clientMutationIdField(t),
      ...(creating
        ? {}
        : {
            id: t.id({ required: true, description: "The event's global ID." }),
            version: t.int({ required: true, description: "The version you read." }),
          }),
      type: t.field({ type: EventTypeEnum, required: creating, description: "What kind of event it is." }),
      title: t.string({ required: creating, description: "A one-line headline, at most 300 characters." }),
      summary: t.string({
        description: "A few sentences on what happened, in your words, at most 4000 characters; empty when left out.",
      }),
      startDate: t.field({
        type: "Date",
        required: creating,
        description: "The day it happened or began (the first day of the period, for a coarser `datePrecision`).",
      }),
      endDate: t.field({
        type: "Date",
        description: "The last day, for an event that spans days; not before `startDate`.",
      }),
      datePrecision: t.field({
        type: DatePrecisionEnum,
        description: "How precise `startDate` is; DAY when left out.",
      }),
      outcome: t.field({ type: EventOutcomeEnum, description: "How it ended, for talks, ceasefires and agreements." }),
      fatalities: t.field({ type: FatalitiesInput, description: "Replaces all three figures." }),
      processId: t.id({ description: "The global ID of the process the event belongs to." }),
      placeIds: t.idList({ description: "The global IDs of the places where it happened, at most 50, each once." }),
      participants: t.field({
        type: [ParticipantInput],
        description: "The actors taking part, at most 200, each actor once per role.",
      }),
      links: t.field({ type: [EventLinkInput], description: "Links from this event to others, at most 50." }),
    }),
  });
}

const CreateEventInput = eventFields(true);
const UpdateEventInput = eventFields(false);

builder.mutationFields((t) => ({
  createEvent: t.prismaField({
    type: "Event",
    description: "Creates an event (editor). Answers with the event as stored, at version 1.",
    errors: resultUnion("createEvent", "event", "The event as stored.", [
      ValidationError,
      NotFoundError,
      ForbiddenError,
    ]),
    args: { input: t.arg({ type: CreateEventInput, required: true, description: "The event to create." }) },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Creating an event");
      const input = parseInput(createEventInput, args.input);
      return writeAndRead(
        { ctx, info, args },
        (tx) => createEvent(tx, authorOf(viewer), input),
        (tx, id) => tx.event.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  updateEvent: t.prismaField({
    type: "Event",
    description:
      "Changes an event (editor), if it is still at the version you read. Answers with the event as stored, at its next version.",
    errors: resultUnion("updateEvent", "event", "The event as stored after the change.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    args: {
      input: t.arg({
        type: UpdateEventInput,
        required: true,
        description: "The event, the version you read and the fields to change.",
      }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Changing an event");
      const input = parseInput(updateEventInput, args.input);
      const id = targetId(input.id, "Event");
      return writeAndRead(
        { ctx, info, args },
        (tx) => updateEvent(tx, authorOf(viewer), id, input.id, input),
        (tx) => tx.event.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  deleteEvent: t.id({
    errors: resultUnion("deleteEvent", "deletedId", "The global ID of the deleted event.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    description: "Deletes an event with its participants, places, links and claims (admin).",
    args: { input: t.arg({ type: DeleteInput, required: true, description: "The event and the version you read." }) },
    resolve: async (_root, args, ctx, info) => {
      const viewer = authorize(ctx, "ADMIN", "Deleting an event");
      const input = parseInput(deleteInput, args.input);
      const id = targetId(input.id, "Event");
      return writeAndRead(
        { ctx, info, args },
        (tx) => deleteEvent(tx, authorOf(viewer), id, input.id, input.version),
        async () => input.id,
      );
    },
  }),
}));
