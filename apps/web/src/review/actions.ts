"use server";

import { defined } from "@parley/schema/defined";
import type { TypedDocumentNode } from "@urql/core";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { makeClient } from "../graphql/client.ts";
import { href } from "../shared/links.ts";
import { editInput, mergeTarget, text } from "./form-input.ts";
import { type Answer, failureOf, type Outcome, refusalOf } from "./outcome.ts";
import {
  AcceptCandidateMutation,
  IngestReportMutation,
  MergeCandidateMutation,
  RejectCandidateMutation,
  UpdateCandidateMutation,
} from "./review.mutation.ts";
import { ViewerQuery } from "./review.query.ts";
import { endSession, fromThisSite, sessionToken, startSession } from "./session.ts";

/** A write may wait for its outcome (docs/operations.md says to allow about 30 s); ingesting reads a whole report first. */
const WRITE_TIMEOUT_MS = 60_000;

const NOT_FROM_HERE: Outcome = { ok: false, message: "Refused: this form was not sent from a page of this site." };

export async function signIn(_previous: Outcome | null, form: FormData): Promise<Outcome> {
  if (!(await fromThisSite())) return NOT_FROM_HERE;
  const token = text(form, "token") ?? "";
  if (!/^prly_\S+$/.test(token))
    return {
      ok: false,
      message:
        "That is not a Parley API token: tokens start with prly_ and have no spaces. Copy the whole token `pnpm parley token create --role editor` printed.",
    };
  const result = await makeClient({ token }).query(ViewerQuery, {}, { requestPolicy: "network-only" }).toPromise();
  if (result.error)
    return {
      ok: false,
      message: `Could not check the token with the API: ${result.error.message}. Try again in a moment.`,
    };
  const viewer = result.data?.viewer;
  if (!viewer)
    return {
      ok: false,
      message:
        "Parley does not know this token, or it has been revoked: check that it was copied whole, or ask an admin for a new one.",
    };
  if (viewer.role === "READER")
    return {
      ok: false,
      message: `“${viewer.name}” is a reader's token: reviewing needs an editor's or an admin's token.`,
    };
  await startSession(token);
  redirect("/review");
}

export async function signOut(): Promise<void> {
  if (await fromThisSite()) await endSession();
  redirect("/review");
}

/** Sends one write with the signed-in editor's token; a success re-renders the review page (with fresh keys for the next writes). */
async function send<Data, Field extends keyof Data & string>(
  document: TypedDocumentNode<Data, { input: never }>,
  field: Field,
  input: object,
  success: (answer: Extract<NonNullable<Data[Field]>, { __typename: `${string}Success` }>) => Outcome,
): Promise<Outcome> {
  if (!(await fromThisSite())) return NOT_FROM_HERE;
  const token = await sessionToken();
  if (!token)
    return { ok: false, message: "Not saved: you are signed out. Sign in again, then send it again.", signIn: true };
  // The form's fields go as they came: the API parses the input and answers what is wrong with it.
  const variables = { input: input as never };
  const result = await makeClient({ token, timeoutMs: WRITE_TIMEOUT_MS }).mutation(document, variables).toPromise();
  const data = result.data?.[field];
  const answer = data as Answer | undefined;
  if (!answer)
    return result.error
      ? failureOf(result.error)
      : {
          ok: false,
          message:
            "No answer from the API: the change may or may not have been saved. Sending this form again is safe.",
        };
  if (!answer.__typename.endsWith("Success")) return refusalOf(answer);
  revalidatePath("/review");
  return success(data as Extract<NonNullable<Data[Field]>, { __typename: `${string}Success` }>);
}

const recordLink = (candidate: { kind: string; recordId: string | null }) =>
  candidate.recordId
    ? {
        href: candidate.kind === "EVENT" ? href.event(candidate.recordId) : href.actor(candidate.recordId),
        label: candidate.kind === "EVENT" ? "Open the event" : "Open the actor",
      }
    : undefined;

export async function accept(_previous: Outcome | null, form: FormData): Promise<Outcome> {
  const date = text(form, "date");
  const event = date ? { event: { date, precision: "DAY" } } : {};
  return send(
    AcceptCandidateMutation,
    "acceptCandidate",
    { id: text(form, "id"), clientMutationId: text(form, "key"), ...event },
    ({ candidate }) => ({
      ok: true,
      message: candidate.kind === "EVENT" ? "Accepted: the event is now in the record." : "Accepted.",
      link: recordLink(candidate),
    }),
  );
}

export async function edit(_previous: Outcome | null, form: FormData): Promise<Outcome> {
  return send(
    UpdateCandidateMutation,
    "updateCandidate",
    { id: text(form, "id"), clientMutationId: text(form, "key"), ...editInput(form) },
    () => ({ ok: true, message: "Saved: the candidate is changed, still waiting to be accepted." }),
  );
}

export async function reject(_previous: Outcome | null, form: FormData): Promise<Outcome> {
  return send(
    RejectCandidateMutation,
    "rejectCandidate",
    { id: text(form, "id"), clientMutationId: text(form, "key") },
    () => ({ ok: true, message: "Rejected: nothing was created." }),
  );
}

export async function merge(_previous: Outcome | null, form: FormData): Promise<Outcome> {
  const actorId = mergeTarget(form);
  if (!actorId)
    return {
      ok: false,
      message: "Not saved: choose the actor to merge into, or paste the link of its page.",
      problems: [{ field: "input.actorId", message: "is required" }],
    };
  return send(
    MergeCandidateMutation,
    "mergeCandidate",
    { id: text(form, "id"), clientMutationId: text(form, "key"), actorId },
    ({ candidate }) => ({
      ok: true,
      message: "Merged: the name is now an alias of the actor.",
      link: recordLink({ kind: "ACTOR", recordId: candidate.recordId }),
    }),
  );
}

export async function ingest(_previous: Outcome | null, form: FormData): Promise<Outcome> {
  const file = form.get("file");
  const upload = file instanceof File && file.size > 0 ? file : null;
  const content = upload ? await upload.text() : (text(form, "content") ?? "");
  if (!content.trim())
    return {
      ok: false,
      message: "Not saved: paste the report's text or choose an HTML file.",
      problems: [{ field: "input.content", message: "is empty" }],
    };
  const input = {
    clientMutationId: text(form, "key"),
    content,
    fileName: upload?.name ?? null,
    outlet: text(form, "outlet"),
    date: text(form, "date"),
    url: text(form, "url"),
    title: text(form, "title"),
  };
  let sourceId: string | null = null;
  const outcome = await send(IngestReportMutation, "ingestReport", input, ({ source }) => {
    sourceId = source.id;
    return { ok: true, message: `Stored “${source.title}” with ${defined(source.candidates).totalCount} candidates.` };
  });
  if (sourceId) redirect(`/review?source=${encodeURIComponent(sourceId)}`);
  return outcome;
}
