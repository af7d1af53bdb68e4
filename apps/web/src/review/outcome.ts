import type { CombinedError } from "@urql/core";

/** What a form shows after it was sent: a success, or a problem and whether sending it again is safe. */
export type Outcome =
  | { ok: true; message: string; link?: { href: string; label: string } }
  | { ok: false; message: string; problems?: { field: string; message: string }[]; signIn?: boolean };

/** A mutation's typed answer: its success, or one of the errors its union lists. */
export interface Answer {
  __typename: string;
  message?: string;
  problems?: { field: string; message: string }[];
  reason?: string;
}

const SAFE_AGAIN =
  "Sending this form again is safe: it carries the same key, so the change is made once whatever happened.";

/**
 * The write answers of docs/operations.md, said for an editor: what happened to the change, and what
 * to do. `DATABASE_UNAVAILABLE` is a promise that nothing was saved; `OUTCOME_UNKNOWN` and no answer
 * at all may have saved it, and the form's idempotency key makes sending it again safe in every case.
 */
export function failureOf(error: CombinedError): Outcome {
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code as string | undefined;
  switch (code) {
    case "DATABASE_UNAVAILABLE":
      return {
        ok: false,
        message: `Not saved: Parley's database is unavailable right now (DATABASE_UNAVAILABLE), so nothing was changed. Try again in a few seconds. ${SAFE_AGAIN}`,
      };
    case "OUTCOME_UNKNOWN":
      return {
        ok: false,
        message: `Perhaps saved: the database went away while saving, and Parley could not yet tell whether the change was stored (OUTCOME_UNKNOWN). Send it again: ${SAFE_AGAIN.slice("Sending this form again is safe: ".length)}`,
      };
    case "RATE_LIMITED":
      return {
        ok: false,
        message: `Not saved: too many requests from this token right now (RATE_LIMITED). Wait a minute, then send it again.`,
      };
    case "PAYLOAD_TOO_LARGE":
      return {
        ok: false,
        message:
          "Not saved: the report is too large for the API (PAYLOAD_TOO_LARGE). Paste only the article's text, or upload a smaller file.",
      };
    case "BAD_USER_INPUT":
      if (/clientMutationId|Idempotency-Key/.test(String(first?.extensions?.argument)))
        return {
          ok: false,
          message:
            "Not saved: this form was already used for a change that was made. Reload the page to make a new one.",
        };
      return { ok: false, message: `Not saved: ${first?.message ?? "the API refused the input."}` };
    case undefined:
      if (error.networkError)
        return {
          ok: false,
          message: `No answer from the API (${error.networkError.message}): the change may or may not have been saved. ${SAFE_AGAIN}`,
        };
  }
  return {
    ok: false,
    message: `Not saved: the API answered with an error${code ? ` (${code})` : ""}: ${first?.message ?? error.message}. ${SAFE_AGAIN}`,
  };
}

/** A typed answer that is no success. */
export function refusalOf(answer: Answer): Outcome {
  switch (answer.__typename) {
    case "ValidationError":
      return {
        ok: false,
        message: "Not saved: fix what is marked and send it again.",
        problems: answer.problems ?? [],
      };
    case "NotFoundError":
      return { ok: false, message: `Not saved: ${answer.message ?? "the record no longer exists."} Reload the page.` };
    case "ForbiddenError":
      return { ok: false, message: `Not saved: ${answer.message ?? "this token may not do that."}`, signIn: true };
    default:
      return { ok: false, message: `Not saved: ${answer.message ?? answer.__typename}` };
  }
}
