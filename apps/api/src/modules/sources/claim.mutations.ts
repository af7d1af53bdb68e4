import { createClaimInput, deleteInput, updateClaimInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { ClaimStanceEnum } from "../shared/enums.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { clientMutationIdField, DeleteInput, reload, resultUnion } from "../shared/mutation.ts";
import { writeAndRead } from "../shared/write.ts";
import { createClaim, deleteClaim, updateClaim } from "./claim.service.ts";

function claimFields(creating: boolean) {
  return builder.inputType(creating ? "CreateClaimInput" : "UpdateClaimInput", {
    description: creating
      ? "A claim is about exactly one event, actor or position; its speaker is a known actor (`speakerId`) or a description (`speakerLabel`)."
      : "Only the fields you give change. Naming a new `eventId`, `actorId` or `positionId` moves the claim; naming a speaker one way clears the other.",
    fields: (t) => ({
      clientMutationId: clientMutationIdField(t),
      ...(creating
        ? {}
        : {
            id: t.id({ required: true, description: "The claim's global ID." }),
            version: t.int({ required: true, description: "The version you read." }),
          }),
      sourceId: t.id({ required: creating, description: "The global ID of the source the quote is taken from." }),
      eventId: t.id({ description: "For a claim about an event: the event's global ID." }),
      actorId: t.id({ description: "For a claim about an actor: the actor's global ID." }),
      positionId: t.id({ description: "For a claim that reports a negotiating position." }),
      quote: t.string({
        required: creating,
        description: "The source's words, short and verbatim, at most 1000 characters.",
      }),
      stance: t.field({ type: ClaimStanceEnum, description: "ASSERTS when left out." }),
      speakerId: t.id({ description: "The global ID of the known actor quoted." }),
      speakerLabel: t.string({
        description: 'Who is quoted when not a known actor: "a senior Pakistani security official".',
      }),
      note: t.string({ description: "An editor's note: context, doubts, a translation; at most 4000 characters." }),
    }),
  });
}

const CreateClaimInput = claimFields(true);
const UpdateClaimInput = claimFields(false);

builder.mutationFields((t) => ({
  createClaim: t.prismaField({
    type: "Claim",
    description:
      "Records a claim (editor): a quote from a source asserting or denying an event, an actor's part or a position. It may make its event contested.",
    errors: resultUnion("createClaim", "claim", "The claim as stored.", [
      ValidationError,
      NotFoundError,
      ForbiddenError,
    ]),
    args: { input: t.arg({ type: CreateClaimInput, required: true, description: "The claim to record." }) },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Creating a claim");
      const input = parseInput(createClaimInput, args.input);
      return writeAndRead(
        { ctx, info, args },
        (tx) => createClaim(tx, authorOf(viewer), input),
        (tx, id) => tx.claim.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  updateClaim: t.prismaField({
    type: "Claim",
    description:
      "Changes or moves a claim (editor), if it is still at the version you read. Answers with the claim as stored, at its next version.",
    errors: resultUnion("updateClaim", "claim", "The claim as stored after the change.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    args: {
      input: t.arg({
        type: UpdateClaimInput,
        required: true,
        description: "The claim, the version you read and the fields to change.",
      }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Changing a claim");
      const input = parseInput(updateClaimInput, args.input);
      const id = targetId(input.id, "Claim");
      return writeAndRead(
        { ctx, info, args },
        (tx) => updateClaim(tx, authorOf(viewer), id, input.id, input),
        (tx) => tx.claim.findUniqueOrThrow({ ...reload(query), where: { id } }),
      );
    },
  }),
  deleteClaim: t.id({
    description: "Deletes a claim (editor); its event may stop being contested.",
    errors: resultUnion("deleteClaim", "deletedId", "The global ID of the deleted claim.", [
      ValidationError,
      NotFoundError,
      ConflictError,
      ForbiddenError,
    ]),
    args: { input: t.arg({ type: DeleteInput, required: true, description: "The claim and the version you read." }) },
    resolve: async (_root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Deleting a claim");
      const input = parseInput(deleteInput, args.input);
      const id = targetId(input.id, "Claim");
      return writeAndRead(
        { ctx, info, args },
        (tx) => deleteClaim(tx, authorOf(viewer), id, input.id, input.version),
        async () => input.id,
      );
    },
  }),
}));
