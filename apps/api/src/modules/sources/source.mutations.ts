import { writeAndRead } from "../shared/versioning.ts";
import { createSourceInput, deleteInput, updateSourceInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { DatePrecisionEnum } from "../shared/enums.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { DeleteInput, reload, resultUnion } from "../shared/mutation.ts";
import { createSource, deleteSource, updateSource } from "./source.service.ts";

function sourceFields(creating: boolean) {
  return builder.inputType(creating ? "CreateSourceInput" : "UpdateSourceInput", {
    description: creating ? undefined : "Only the fields you give change; `null` clears an optional field; `citedOutletIds` replaces the list.",
    fields: (t) => ({
      ...(creating ? {} : { id: t.id({ required: true }), version: t.int({ required: true, description: "The version you read." }) }),
      title: t.string({ required: creating }),
      url: t.string(),
      publishedAt: t.field({ type: "Date" }),
      publishedPrecision: t.field({ type: DatePrecisionEnum, description: "How precise `publishedAt` is; DAY when left out." }),
      language: t.string({ description: "A language tag such as en or ps." }),
      author: t.string(),
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
    errors: resultUnion("createSource", "source"),
    args: { input: t.arg({ type: CreateSourceInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Creating a source");
      const input = parseInput(createSourceInput, args.input);
      return writeAndRead(ctx.db, (tx) => createSource(tx, authorOf(viewer), input), (tx, id) => tx.source.findUniqueOrThrow({ ...reload(query), where: { id } }));
    },
  }),
  updateSource: t.prismaField({
    type: "Source",
    errors: resultUnion("updateSource", "source"),
    args: { input: t.arg({ type: UpdateSourceInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Changing a source");
      const input = parseInput(updateSourceInput, args.input);
      const id = targetId(input.id, "Source");
      return writeAndRead(ctx.db, (tx) => updateSource(tx, authorOf(viewer), id, input.id, input), (tx) => tx.source.findUniqueOrThrow({ ...reload(query), where: { id } }));
    },
  }),
  deleteSource: t.id({
    errors: resultUnion("deleteSource", "deletedId"),
    description: "Deletes a source with its citations and the claims that rest on it (admin).",
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = authorize(ctx, "ADMIN", "Deleting a source");
      const input = parseInput(deleteInput, args.input);
      const id = targetId(input.id, "Source");
      await ctx.db.$transaction((tx) => deleteSource(tx, authorOf(viewer), id, input.id, input.version));
      return input.id;
    },
  }),
}));
