import { writeAndRead } from "../shared/versioning.ts";
import { targetId } from "../shared/input.ts";
import { createAliasInput, deleteInput, updateAliasInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { AliasKindEnum } from "../shared/enums.ts";
import { parseInput } from "../shared/input.ts";
import { reload, resultUnion } from "../shared/mutation.ts";
import { createAlias, deleteAlias, updateAlias } from "./alias.service.ts";

const CreateAliasInput = builder.inputType("CreateAliasInput", {
  fields: (t) => ({
    actorId: t.id({ required: true }),
    name: t.string({ required: true }),
    kind: t.field({ type: AliasKindEnum, required: true }),
  }),
});

const UpdateAliasInput = builder.inputType("UpdateAliasInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The actor's version as you read it: aliases are part of their actor." }),
    name: t.string(),
    kind: t.field({ type: AliasKindEnum }),
  }),
});

const DeleteAliasInput = builder.inputType("DeleteAliasInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The actor's version as you read it." }),
  }),
});

builder.mutationFields((t) => ({
  createAlias: t.prismaField({
    type: "Actor",
    errors: resultUnion("createAlias", "actor"),
    description: "Adds a name to an actor. Answers with the actor, whose version it bumps.",
    args: { input: t.arg({ type: CreateAliasInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Adding an alias");
      const input = parseInput(createAliasInput, args.input);
      return writeAndRead(ctx.db, (tx) => createAlias(tx, authorOf(viewer), input), (tx, id) => tx.actor.findUniqueOrThrow({ ...reload(query), where: { id } }));
    },
  }),
  updateAlias: t.prismaField({
    type: "Actor",
    errors: resultUnion("updateAlias", "actor"),
    args: { input: t.arg({ type: UpdateAliasInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Changing an alias");
      const input = parseInput(updateAliasInput, args.input);
      return writeAndRead(ctx.db, (tx) => updateAlias(tx, authorOf(viewer), input), async (tx, actorId) => {
        const id = actorId ?? (await tx.actorAlias.findUniqueOrThrow({ where: { id: targetId(input.id, "Alias") }, select: { actorId: true } })).actorId;
        return tx.actor.findUniqueOrThrow({ ...reload(query), where: { id } });
      });
    },
  }),
  deleteAlias: t.prismaField({
    type: "Actor",
    errors: resultUnion("deleteAlias", "actor"),
    args: { input: t.arg({ type: DeleteAliasInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Removing an alias");
      const input = parseInput(deleteInput, args.input);
      return writeAndRead(ctx.db, (tx) => deleteAlias(tx, authorOf(viewer), input), (tx, id) => tx.actor.findUniqueOrThrow({ ...reload(query), where: { id } }));
    },
  }),
}));
