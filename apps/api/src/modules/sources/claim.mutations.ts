import { writeAndRead } from "../shared/versioning.ts";
import { createClaimInput, deleteInput, updateClaimInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { ClaimStanceEnum } from "../shared/enums.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { DeleteInput, reload, resultUnion } from "../shared/mutation.ts";
import { createClaim, deleteClaim, updateClaim } from "./claim.service.ts";

function claimFields(creating: boolean) {
  return builder.inputType(creating ? "CreateClaimInput" : "UpdateClaimInput", {
    description: creating
      ? "A claim is about exactly one event, actor or position; its speaker is a known actor (`speakerId`) or a description (`speakerLabel`)."
      : "Only the fields you give change. Naming a new `eventId`, `actorId` or `positionId` moves the claim; naming a speaker one way clears the other.",
    fields: (t) => ({
      ...(creating ? {} : { id: t.id({ required: true }), version: t.int({ required: true, description: "The version you read." }) }),
      sourceId: t.id({ required: creating }),
      eventId: t.id(),
      actorId: t.id(),
      positionId: t.id({ description: "For a claim that reports a negotiating position." }),
      quote: t.string({ required: creating, description: "Short and verbatim." }),
      stance: t.field({ type: ClaimStanceEnum, description: "ASSERTS when left out." }),
      speakerId: t.id(),
      speakerLabel: t.string({ description: 'Who is quoted when not a known actor: "a senior Pakistani security official".' }),
      note: t.string(),
    }),
  });
}

const CreateClaimInput = claimFields(true);
const UpdateClaimInput = claimFields(false);

builder.mutationFields((t) => ({
  createClaim: t.prismaField({
    type: "Claim",
    errors: resultUnion("createClaim", "claim"),
    args: { input: t.arg({ type: CreateClaimInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Creating a claim");
      const input = parseInput(createClaimInput, args.input);
      return writeAndRead(ctx.db, (tx) => createClaim(tx, authorOf(viewer), input), (tx, id) => tx.claim.findUniqueOrThrow({ ...reload(query), where: { id } }));
    },
  }),
  updateClaim: t.prismaField({
    type: "Claim",
    errors: resultUnion("updateClaim", "claim"),
    args: { input: t.arg({ type: UpdateClaimInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Changing a claim");
      const input = parseInput(updateClaimInput, args.input);
      const id = targetId(input.id, "Claim");
      return writeAndRead(ctx.db, (tx) => updateClaim(tx, authorOf(viewer), id, input.id, input), (tx) => tx.claim.findUniqueOrThrow({ ...reload(query), where: { id } }));
    },
  }),
  deleteClaim: t.id({
    errors: resultUnion("deleteClaim", "deletedId"),
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = authorize(ctx, "EDITOR", "Deleting a claim");
      const input = parseInput(deleteInput, args.input);
      const id = targetId(input.id, "Claim");
      await ctx.db.$transaction((tx) => deleteClaim(tx, authorOf(viewer), id, input.id, input.version));
      return input.id;
    },
  }),
}));
