import { createActorInput, deleteInput, mergeActorsInput, updateActorInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { ActorKindEnum, AliasKindEnum } from "../shared/enums.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { clientMutationIdField, DeleteInput, reload, resultUnion } from "../shared/mutation.ts";
import { writeAndRead } from "../shared/write.ts";
import { createActor, deleteActor, updateActor } from "./actor.service.ts";
import { mergeActorsFor } from "./merge.service.ts";

export const AliasInput = builder.inputType("AliasInput", {
  description: "Another name of the actor.",
  fields: (t) => ({
    name: t.string({ required: true, description: "The name as written, at most 300 characters." }),
    kind: t.field({ type: AliasKindEnum, required: true, description: "How the name relates to the main name." }),
  }),
});

function actorFields(creating: boolean) {
  return builder.inputType(creating ? "CreateActorInput" : "UpdateActorInput", {
    description: creating
      ? "A new actor. Check `searchActors` first: an actor that already exists under another spelling should get an alias instead."
      : "Only the fields you give change; `null` clears an optional field; `aliases` replaces all aliases.",
    fields: (t) => ({
      clientMutationId: clientMutationIdField(t),
      ...(creating
        ? {}
        : {
            id: t.id({ required: true, description: "The actor's global ID." }),
            version: t.int({ required: true, description: "The version you read." }),
          }),
      name: t.string({ required: creating, description: "The main name, at most 300 characters." }),
      kind: t.field({ type: ActorKindEnum, required: creating, description: "What the actor is." }),
      description: t.string({ description: "Who or what the actor is, at most 4000 characters." }),
      country: t.string({ description: "ISO 3166-1 alpha-2, such as PK." }),
      externalIds: t.field({ type: "JSON", description: 'Identifiers elsewhere, e.g. `{ "wikidata": "Q…" }`.' }),
      aliases: t.field({ type: [AliasInput], description: "Every other name, at most 200, each once." }),
    }),
  });
}

const MergeActorsInput = builder.inputType("MergeActorsInput", {
  description: "Two records of the same actor, and which one stays.",
  fields: (t) => ({
    clientMutationId: clientMutationIdField(t),
    survivorId: t.id({ required: true, description: "The actor that stays." }),
    mergedId: t.id({
      required: true,
      description: "The actor folded into the survivor; its ID keeps resolving to the survivor.",
    }),
    survivorVersion: t.int({ required: true, description: "The survivor's version as you read it." }),
  }),
});

const CreateActorInput = actorFields(true);
const UpdateActorInput = actorFields(false);

builder.mutationFields((t) => ({
  createActor: t.prismaField({
    type: "Actor",
    description: "Creates an actor with its aliases (editor). Answers with the actor as stored, at version 1.",
    errors: resultUnion("createActor", "actor", "The actor as stored.", [
      ValidationError,
      NotFoundError,
      ForbiddenError,
    ]),
    args: { input: t.arg({ type: CreateActorInput, required: true, description: "The actor to create." }) },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Creating an actor");
      const input = parseInput(createActorInput, args.input);
      return writeAndRead(
        { ctx, info, args },
        (tx) => createActor(tx, authorOf(viewer), input),
        (tx, id) => tx.actor.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  updateActor: t.prismaField({
    type: "Actor",
    description:
      "Changes an actor (editor), if it is still at the version you read. Answers with the actor as stored, at its next version.",
    errors: resultUnion("updateActor", "actor", "The actor as stored after the change.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    args: {
      input: t.arg({
        type: UpdateActorInput,
        required: true,
        description: "The actor, the version you read and the fields to change.",
      }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Changing an actor");
      const input = parseInput(updateActorInput, args.input);
      const id = targetId(input.id, "Actor");
      return writeAndRead(
        { ctx, info, args },
        (tx) => updateActor(tx, authorOf(viewer), id, input.id, input),
        (tx) => tx.actor.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  deleteActor: t.id({
    errors: resultUnion("deleteActor", "deletedId", "The global ID of the deleted actor.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    description: "Deletes an actor nothing refers to (admin); merge actors that are referred to instead.",
    args: { input: t.arg({ type: DeleteInput, required: true, description: "The actor and the version you read." }) },
    resolve: async (_root, args, ctx, info) => {
      const viewer = authorize(ctx, "ADMIN", "Deleting an actor");
      const input = parseInput(deleteInput, args.input);
      const id = targetId(input.id, "Actor");
      return writeAndRead(
        { ctx, info, args },
        (tx) => deleteActor(tx, authorOf(viewer), id, input.id, input.version),
        async () => input.id,
      );
    },
  }),
  mergeActors: t.prismaField({
    type: "Actor",
    errors: resultUnion(
      "mergeActors",
      "actor",
      "The surviving actor, with the merged one's names as aliases and its events, claims and positions.",
      [ValidationError, NotFoundError, ConflictError, ForbiddenError],
    ),
    description: "Folds one actor into another (admin): its names become aliases, its ID resolves to the survivor.",
    args: {
      input: t.arg({
        type: MergeActorsInput,
        required: true,
        description: "The two actors and the survivor's version.",
      }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "ADMIN", "Merging actors");
      const input = parseInput(mergeActorsInput, args.input);
      return writeAndRead(
        { ctx, info, args },
        (tx) => mergeActorsFor(tx, authorOf(viewer), input),
        (tx, id) => tx.actor.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
}));
