import { createAliasInput, deleteInput, updateAliasInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { AliasKindEnum } from "../shared/enums.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { clientMutationIdField, reload, resultUnion } from "../shared/mutation.ts";
import { writeAndRead } from "../shared/write.ts";
import { createAlias, deleteAlias, updateAlias } from "./alias.service.ts";

const CreateAliasInput = builder.inputType("CreateAliasInput", {
  description: "A name to add to an actor.",
  fields: (t) => ({
    clientMutationId: clientMutationIdField(t),
    actorId: t.id({ required: true, description: "The actor's global ID." }),
    name: t.string({
      required: true,
      description: "The name as written, at most 300 characters; not one the actor already has.",
    }),
    kind: t.field({ type: AliasKindEnum, required: true, description: "How the name relates to the main name." }),
  }),
});

const UpdateAliasInput = builder.inputType("UpdateAliasInput", {
  description: "An alias to change: only the fields you give change.",
  fields: (t) => ({
    clientMutationId: clientMutationIdField(t),
    id: t.id({ required: true, description: "The alias's global ID (`Alias.id`)." }),
    version: t.int({
      required: true,
      description: "The actor's version as you read it: aliases are part of their actor.",
    }),
    name: t.string({ description: "The name as written, at most 300 characters." }),
    kind: t.field({ type: AliasKindEnum, description: "How the name relates to the main name." }),
  }),
});

const DeleteAliasInput = builder.inputType("DeleteAliasInput", {
  description: "An alias to remove from its actor.",
  fields: (t) => ({
    clientMutationId: clientMutationIdField(t),
    id: t.id({ required: true, description: "The alias's global ID (`Alias.id`)." }),
    version: t.int({ required: true, description: "The actor's version as you read it." }),
  }),
});

builder.mutationFields((t) => ({
  createAlias: t.prismaField({
    type: "Actor",
    errors: resultUnion("createAlias", "actor", "The actor with its new alias, at its next version.", [
      ValidationError,
      NotFoundError,
      ForbiddenError,
    ]),
    description: "Adds a name to an actor (editor). Answers with the actor, whose version it bumps.",
    args: { input: t.arg({ type: CreateAliasInput, required: true, description: "The actor and the name." }) },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Adding an alias");
      const input = parseInput(createAliasInput, args.input);
      return writeAndRead(
        { ctx, info, args },
        (tx) => createAlias(tx, authorOf(viewer), input),
        (tx, id) => tx.actor.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  updateAlias: t.prismaField({
    type: "Actor",
    description:
      "Changes an alias (editor), if its actor is still at the version you read. Answers with the actor, whose version it bumps.",
    errors: resultUnion("updateAlias", "actor", "The alias's actor, at its next version.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    args: {
      input: t.arg({
        type: UpdateAliasInput,
        required: true,
        description: "The alias, its actor's version and the fields to change.",
      }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Changing an alias");
      const input = parseInput(updateAliasInput, args.input);
      return writeAndRead(
        { ctx, info, args },
        (tx) => updateAlias(tx, authorOf(viewer), input),
        async (tx, actorId) => {
          const id =
            actorId ??
            (
              await tx.actorAlias.findUniqueOrThrow({
                where: { id: targetId(input.id, "Alias") },
                select: { actorId: true },
              })
            ).actorId;
          return tx.actor.findUniqueOrThrow({ ...reload(query), where: { id } });
        },
      );
    },
  }),
  deleteAlias: t.prismaField({
    type: "Actor",
    description:
      "Removes a name from an actor (editor), if the actor is still at the version you read. Answers with the actor, whose version it bumps.",
    errors: resultUnion("deleteAlias", "actor", "The actor without the alias, at its next version.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    args: {
      input: t.arg({ type: DeleteAliasInput, required: true, description: "The alias and its actor's version." }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Removing an alias");
      const input = parseInput(deleteInput, args.input);
      return writeAndRead(
        { ctx, info, args },
        (tx) => deleteAlias(tx, authorOf(viewer), input),
        (tx, id) => tx.actor.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
}));
