"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useRef, useTransition, type ReactNode } from "react";

type Submit = (extra?: [string, string][]) => void;
const SubmitContext = createContext<Submit>(() => {});

/** Applies the form's current state (plus any extra params) as the new search. */
export function useSearchSubmit(): Submit {
  return useContext(SubmitContext);
}

/** Params of a form as the URL carries them: empty values left out, paging reset. */
export function formParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (typeof value === "string" && value !== "" && key !== "after") params.append(key, value);
  }
  return params;
}

/**
 * The whole search state is one GET form, so it works without JavaScript; with it, every change
 * becomes a client-side navigation to the new URL and the server renders the new results.
 */
export function SearchForm({ children }: { children: ReactNode }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();

  const go: Submit = (extra = []) => {
    if (!form.current) return;
    const params = formParams(form.current);
    for (const [key, value] of extra) params.append(key, value);
    (window as { __parleyNavStart?: number }).__parleyNavStart = performance.now();
    startTransition(() => router.push(`/?${params.toString()}`, { scroll: false }));
  };

  return (
    <form
      ref={form}
      method="get"
      action="/"
      role="search"
      aria-busy={pending}
      className={pending ? "search-form is-pending" : "search-form"}
      onChange={(e) => {
        // Typing in the text box waits for Enter; ticks, toggles and selects apply at once.
        const target: EventTarget = e.target;
        if (target instanceof HTMLInputElement && (target.type === "search" || target.dataset.noAutosubmit !== undefined)) return;
        go();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        go();
      }}
    >
      <p className="visually-hidden" aria-live="polite">
        {pending ? "Updating results…" : ""}
      </p>
      {pending && <div className="pending-bar" aria-hidden="true" />}
      <SubmitContext.Provider value={go}>{children}</SubmitContext.Provider>
    </form>
  );
}
