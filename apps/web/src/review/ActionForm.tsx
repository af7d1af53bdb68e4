"use client";

import Link from "next/link";
import { type ReactNode, useActionState } from "react";
import { KeyHint } from "./KeyHint.tsx";
import type { Outcome } from "./outcome.ts";

type Action = (previous: Outcome | null, form: FormData) => Promise<Outcome>;

/**
 * A form posting to a server action, with or without JavaScript (React sends it as multipart, so
 * files go too). `hidden` carries the candidate and
 * the form's idempotency key, made when the page was rendered: sending the form twice, or again after
 * a failure, is one write. What the action answered is shown under the form.
 */
export function ActionForm(props: {
  action: Action;
  name: string;
  hidden: Record<string, string>;
  submit: string;
  shortcut?: string;
  className?: string;
  children?: ReactNode;
}) {
  const [outcome, formAction, pending] = useActionState(props.action, null);
  return (
    <form action={formAction} className={props.className} data-action={props.name}>
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button type="submit" disabled={pending} aria-keyshortcuts={props.shortcut}>
        {pending ? "Sending…" : props.submit}
        {props.shortcut && <KeyHint>{props.shortcut}</KeyHint>}
      </button>
      <OutcomeNote outcome={outcome} />
    </form>
  );
}

export function OutcomeNote({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  if (outcome.ok)
    return (
      <p className="outcome outcome-ok" role="status">
        {outcome.message} {outcome.link && <Link href={outcome.link.href}>{outcome.link.label}</Link>}
      </p>
    );
  return (
    <div className="outcome outcome-error" role="alert">
      <p>{outcome.message}</p>
      {outcome.problems && outcome.problems.length > 0 && (
        <ul>
          {outcome.problems.map((p) => (
            <li key={p.field + p.message}>
              <code>{p.field.replace(/^input\./, "")}</code> {p.message}
            </li>
          ))}
        </ul>
      )}
      {outcome.signIn && (
        <p>
          <Link href="/review">Sign in again</Link>
        </p>
      )}
    </div>
  );
}
