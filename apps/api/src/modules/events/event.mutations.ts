import { writeAndRead } from "../shared/versioning.ts";
import { createEventInput, deleteInput, updateEventInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { DatePrecisionEnum, EventLinkKindEnum, EventOutcomeEnum, EventTypeEnum, ParticipantRoleEnum } from "../shared/enums.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { DeleteInput, reload, resultUnion } from "../shared/mutation.ts";
import { createEvent, deleteEvent, updateEvent } from "./event.service.ts";

const ParticipantInput = builder.inputType("ParticipantInput", {
  fields: (t) => ({
    actorId: t.id({ required: true }),
    role: t.field({ type: ParticipantRoleEnum, required: true }),
    note: t.string(),
  }),
});

const EventLinkInput = builder.inputType("EventLinkInput", {
  description: 'Reads "<this event> <kind> <eventId>": this truce EXTENDS that one.',
  fields: (t) => ({ kind: t.field({ type: EventLinkKindEnum, required: true }), eventId: t.id({ required: true }) }),
});

const FatalitiesInput = builder.inputType("FatalitiesInput", {
  fields: (t) => ({ low: t.int(), best: t.int(), high: t.int() }),
});

/** The same fields for creating and patching; `required` only when creating. */
function eventFields(creating: boolean) {
  return builder.inputType(creating ? "CreateEventInput" : "UpdateEventInput", {
    description: creating
      ? undefined
      : "Only the fields you give change; `null` clears an optional field; a list you give replaces the stored one.",
    fields: (t) => ({
      ...(creating ? {} : { id: t.id({ required: true }), version: t.int({ required: true, description: "The version you read." }) }),
      type: t.field({ type: EventTypeEnum, required: creating }),
      title: t.string({ required: creating }),
      summary: t.string(),
      startDate: t.field({ type: "Date", required: creating }),
      endDate: t.field({ type: "Date" }),
      datePrecision: t.field({ type: DatePrecisionEnum, description: "How precise `startDate` is; DAY when left out." }),
      outcome: t.field({ type: EventOutcomeEnum }),
      fatalities: t.field({ type: FatalitiesInput, description: "Replaces all three figures." }),
      processId: t.id(),
      placeIds: t.idList(),
      participants: t.field({ type: [ParticipantInput] }),
      links: t.field({ type: [EventLinkInput], description: "Links from this event to others." }),
    }),
  });
}

const CreateEventInput = eventFields(true);
const UpdateEventInput = eventFields(false);

builder.mutationFields((t) => ({
  createEvent: t.prismaField({
    type: "Event",
    errors: resultUnion("createEvent", "event"),
    args: { input: t.arg({ type: CreateEventInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Creating an event");
      const input = parseInput(createEventInput, args.input);
      return writeAndRead(ctx.db, (tx) => createEvent(tx, authorOf(viewer), input), (tx, id) => tx.event.findUniqueOrThrow({ ...reload(query), where: { id } }));
    },
  }),
  updateEvent: t.prismaField({
    type: "Event",
    errors: resultUnion("updateEvent", "event"),
    args: { input: t.arg({ type: UpdateEventInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Changing an event");
      const input = parseInput(updateEventInput, args.input);
      const id = targetId(input.id, "Event");
      return writeAndRead(ctx.db, (tx) => updateEvent(tx, authorOf(viewer), id, input.id, input), (tx) => tx.event.findUniqueOrThrow({ ...reload(query), where: { id } }));
    },
  }),
  deleteEvent: t.id({
    errors: resultUnion("deleteEvent", "deletedId"),
    description: "Deletes an event with its participants, places, links and claims (admin).",
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = authorize(ctx, "ADMIN", "Deleting an event");
      const input = parseInput(deleteInput, args.input);
      const id = targetId(input.id, "Event");
      await ctx.db.$transaction((tx) => deleteEvent(tx, authorOf(viewer), id, input.id, input.version));
      return input.id;
    },
  }),
}));
