import { acceptCandidate, CandidateError, rejectCandidate, updateCandidate } from "@parley/db";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { EventTypeEnum } from "../shared/enums.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { databaseId } from "../shared/ids.ts";
import { CandidateRef } from "./candidate.type.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";

const ERRORS = [ValidationError, NotFoundError, ForbiddenError];

/** Runs a review operation for an editor, turning expected failures into the result union's errors. */
async function review<T>(ctx: Context, globalId: string, work: (id: number, reviewer: string) => Promise<T>): Promise<T> {
  const viewer = authorize(ctx, "EDITOR", "Reviewing candidates");
  const id = databaseId(globalId, "Candidate");
  if (id === null) throw new NotFoundError("Candidate", globalId);
  try {
    return await work(id, authorOf(viewer));
  } catch (error) {
    if (error instanceof CandidateError) throw error.code === "NOT_FOUND" ? new NotFoundError("Candidate", globalId) : new ValidationError(error.problems);
    throw error;
  }
}

const errorOptions = (name: string) => ({
  types: ERRORS,
  union: { name: `${name}Result`, description: `What the review answers: \`${name}Success\`, or the expected failure that stopped it.` },
  result: { name: `${name}Success`, description: "The review was done and committed." },
  dataField: { name: "candidate", description: "The candidate as it now stands." },
});

builder.mutationFields((t) => ({
  acceptCandidate: t.field({
    type: CandidateRef,
    description: "Turns a pending candidate into the record it proposes: an event (with its place, participants and a claim quoting the report), an actor, or a citation.",
    errors: errorOptions("AcceptCandidate"),
    args: {
      id: t.arg.id({ required: true, description: "The candidate's global ID." }),
      title: t.arg.string({ required: false, description: "The event's title, for an event candidate; made from its type and quote when left out." }),
      type: t.arg({ type: EventTypeEnum, required: false, description: "The event's type, for an event candidate, when the one found is wrong." }),
      date: t.arg({ type: "Date", required: false, description: "The event's day, when the sentence gives none." }),
    },
    resolve: (_root, args, ctx) =>
      review(ctx, String(args.id), (id, reviewer) => {
        const patch: Record<string, unknown> = {};
        if (args.title) patch.title = args.title;
        if (args.type) patch.type = args.type;
        if (args.date) Object.assign(patch, { date: args.date, precision: "DAY" });
        return acceptCandidate(ctx.db, id, reviewer, patch);
      }),
  }),
  rejectCandidate: t.field({
    type: CandidateRef,
    description: "Rejects a pending candidate: nothing is created.",
    errors: errorOptions("RejectCandidate"),
    args: { id: t.arg.id({ required: true, description: "The candidate's global ID." }) },
    resolve: (_root, args, ctx) => review(ctx, String(args.id), (id, reviewer) => rejectCandidate(ctx.db, id, reviewer)),
  }),
  updateCandidate: t.field({
    type: CandidateRef,
    description: "Edits a pending candidate: the given fields replace those of its payload, which is validated again.",
    errors: errorOptions("UpdateCandidate"),
    args: { id: t.arg.id({ required: true, description: "The candidate's global ID." }), payload: t.arg({ type: "JSON", required: true, description: "The payload fields to replace." }) },
    resolve: (_root, args, ctx) =>
      review(ctx, String(args.id), (id, reviewer) => {
        const patch = args.payload;
        if (typeof patch !== "object" || patch === null || Array.isArray(patch)) throw new ValidationError([{ field: "payload", message: "must be an object of payload fields" }]);
        return updateCandidate(ctx.db, id, patch as Record<string, unknown>, reviewer);
      }),
  }),
}));
