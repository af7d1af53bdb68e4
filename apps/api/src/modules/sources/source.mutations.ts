import { createSourceInput, deleteInput, updateSourceInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { DatePrecisionEnum } from "../shared/enums.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { clientMutationIdField, DeleteInput, reload, resultUnion } from "../shared/mutation.ts";
import { writeAndRead } from "../shared/write.ts";
import { createSource, deleteSource, updateSource } from "./source.service.ts";

function sourceFields(creating: boolean) {
  return builder.inputType(creating ? "CreateSourceInput" : "UpdateSourceInput", {
    description: creating
      ? "A new source. Its claims are added afterwards with `createClaim(input: { sourceId, … })`."
      : "Only the fields you give change; `null` clears an optional field; `citedOutletIds` replaces the list.",
    fields: (t) => ({
      clientMutationId: clientMutationIdField(t),
      ...(creating
        ? {}
        : {
            id: t.id({ required: true, description: "The source's global ID." }),
            version: t.int({ required: true, description: "The version you read." }),
          }),
      title: t.string({ required: creating, description: "The report's headline or title, at most 300 characters." }),
      url: t.string({ description: "Where the report can be read: an http or https URL, at most 2000 characters." }),
      publishedAt: t.field({
        type: "Date",
        description: "When it was published (the first day of the period, for a coarser `publishedPrecision`).",
      }),
      publishedPrecision: t.field({
        type: DatePrecisionEnum,
        description: "How precise `publishedAt` is; DAY when left out.",
      }),
      language: t.string({ description: "A language tag such as en or ps." }),
      author: t.string({ description: "The byline, at most 300 characters." }),
      outletId: t.id({ description: "The actor (media outlet) that published it." }),
      citedOutletIds: t.idList({ description: "Outlets the report cites." }),
    }),
  });
}

const CreateSourceInput = sourceFields(true);
const UpdateSourceInput = sourceFields(false);

builder.mutationFields((t) => ({
  createSource: t.prismaField({
    type: "Source",
    description: "Records a source (editor). Answers with the source as stored, at version 1.",
    errors: resultUnion("createSource", "source", "The source as stored.", [
      ValidationError,
      NotFoundError,
      ForbiddenError,
    ]),
    args: { input: t.arg({ type: CreateSourceInput, required: true, description: "The source to record." }) },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Creating a source");
      const input = parseInput(createSourceInput, args.input);
      return writeAndRead(
        { ctx, info, args },
        (tx) => createSource(tx, authorOf(viewer), input),
        (tx, id) => tx.source.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  updateSource: t.prismaField({
    type: "Source",
    description:
      "Changes a source (editor), if it is still at the version you read. Answers with the source as stored, at its next version.",
    errors: resultUnion("updateSource", "source", "The source as stored after the change.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    args: {
      input: t.arg({
        type: UpdateSourceInput,
        required: true,
        description: "The source, the version you read and the fields to change.",
      }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Changing a source");
      const input = parseInput(updateSourceInput, args.input);
      const id = targetId(input.id, "Source");
      return writeAndRead(
        { ctx, info, args },
        (tx) => updateSource(tx, authorOf(viewer), id, input.id, input),
        (tx) => tx.source.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  deleteSource: t.id({
    errors: resultUnion("deleteSource", "deletedId", "The global ID of the deleted source.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    description: "Deletes a source with its citations and the claims that rest on it (admin).",
    args: { input: t.arg({ type: DeleteInput, required: true, description: "The source and the version you read." }) },
    resolve: async (_root, args, ctx, info) => {
      const viewer = authorize(ctx, "ADMIN", "Deleting a source");
      const input = parseInput(deleteInput, args.input);
      const id = targetId(input.id, "Source");
      return writeAndRead(
        { ctx, info, args },
        (tx) => deleteSource(tx, authorOf(viewer), id, input.id, input.version),
        async () => input.id,
      );
    },
  }),
}));
