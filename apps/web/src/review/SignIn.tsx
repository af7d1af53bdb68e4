"use client";

import { useActionState } from "react";
import { OutcomeNote } from "./ActionForm.tsx";
import { signIn } from "./actions.ts";

/** Sign-in with an API token; the server checks it with the API and keeps it in an HTTP-only cookie. */
export function SignIn({ notice }: { notice?: string }) {
  const [outcome, action, pending] = useActionState(signIn, null);
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Review: sign in</h1>
      <p>
        Reviewing ingested reports is for editors and admins. Sign in with an editor&apos;s or admin&apos;s API token (
        <code>pnpm parley token create --role editor</code>).
      </p>
      {notice && (
        <p className="outcome outcome-error" role="alert">
          {notice}
        </p>
      )}
      <form action={action} data-action="sign-in">
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          placeholder="prly_…"
        />
        <button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Sign in"}
        </button>
        <OutcomeNote outcome={outcome} />
      </form>
      <p className="muted">
        The token is kept in a cookie only this site&apos;s server reads (HTTP-only, same-site), for eight hours or
        until you sign out.
      </p>
    </section>
  );
}
