import { createPositionInput, deleteInput, updatePositionInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { DatePrecisionEnum, PositionIssueEnum, PositionKindEnum } from "../shared/enums.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { clientMutationIdField, DeleteInput, reload, resultUnion } from "../shared/mutation.ts";
import { writeAndRead } from "../shared/write.ts";
import { createPosition, deletePosition, updatePosition } from "./position.service.ts";

/** The same fields for creating and patching; `required` only when creating. */
function positionFields(creating: boolean) {
  return builder.inputType(creating ? "CreatePositionInput" : "UpdatePositionInput", {
    description: creating
      ? "A position's evidence is added with `createClaim(input: { positionId, … })`, as for events."
      : "Only the fields you give change; `null` clears an optional field.",
    fields: (t) => ({
      clientMutationId: clientMutationIdField(t),
      ...(creating
        ? {}
        : {
            id: t.id({ required: true, description: "The position's global ID." }),
            version: t.int({ required: true, description: "The version you read." }),
          }),
      actorId: t.id({ required: creating, description: "The holder's global ID." }),
      kind: t.field({ type: PositionKindEnum, required: creating, description: "What the position is." }),
      issue: t.field({ type: PositionIssueEnum, required: creating, description: "What it is about." }),
      summary: t.string({ required: creating, description: "The position in your own words, at most 300 characters." }),
      startDate: t.field({
        type: "Date",
        required: creating,
        description: "When it was stated, or first reported held.",
      }),
      endDate: t.field({ type: "Date", description: "When it was dropped, if known." }),
      datePrecision: t.field({
        type: DatePrecisionEnum,
        description: "How precise `startDate` is; DAY when left out.",
      }),
      processId: t.id({ description: "The global ID of the process it is taken in." }),
      eventId: t.id({ description: "The event at which it was stated." }),
      respondsToId: t.id({ description: "Another actor's position this one answers." }),
      supersedesId: t.id({ description: "An earlier position of the same holder this one replaces." }),
    }),
  });
}

const CreatePositionInput = positionFields(true);
const UpdatePositionInput = positionFields(false);

builder.mutationFields((t) => ({
  createPosition: t.prismaField({
    type: "Position",
    description: "Records a negotiating position (editor). Answers with the position as stored, at version 1.",
    errors: resultUnion("createPosition", "position", "The position as stored.", [
      ValidationError,
      NotFoundError,
      ForbiddenError,
    ]),
    args: { input: t.arg({ type: CreatePositionInput, required: true, description: "The position to record." }) },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Creating a position");
      const input = parseInput(createPositionInput, args.input);
      return writeAndRead(
        { ctx, info, args },
        (tx) => createPosition(tx, authorOf(viewer), input),
        (tx, id) => tx.position.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  updatePosition: t.prismaField({
    type: "Position",
    description:
      "Changes a position (editor), if it is still at the version you read. Answers with the position as stored, at its next version.",
    errors: resultUnion("updatePosition", "position", "The position as stored after the change.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    args: {
      input: t.arg({
        type: UpdatePositionInput,
        required: true,
        description: "The position, the version you read and the fields to change.",
      }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Changing a position");
      const input = parseInput(updatePositionInput, args.input);
      const id = targetId(input.id, "Position");
      return writeAndRead(
        { ctx, info, args },
        (tx) => updatePosition(tx, authorOf(viewer), id, input.id, input),
        (tx) => tx.position.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  deletePosition: t.id({
    errors: resultUnion("deletePosition", "deletedId", "The global ID of the deleted position.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    description: "Deletes a position with its claims (admin).",
    args: {
      input: t.arg({ type: DeleteInput, required: true, description: "The position and the version you read." }),
    },
    resolve: async (_root, args, ctx, info) => {
      const viewer = authorize(ctx, "ADMIN", "Deleting a position");
      const input = parseInput(deleteInput, args.input);
      const id = targetId(input.id, "Position");
      return writeAndRead(
        { ctx, info, args },
        (tx) => deletePosition(tx, authorOf(viewer), id, input.id, input.version),
        async () => input.id,
      );
    },
  }),
}));
