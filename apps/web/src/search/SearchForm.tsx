"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useRef, useTransition } from "react";
import { PAGE_SIZES } from "../shared/paging.ts";
import { applyEdits } from "./edits.ts";

type Submit = (extra?: [string, string][]) => void;
const SubmitContext = createContext<Submit>(() => {});

/** Applies the form's current state (plus any extra params) as the new search. */
export function useSearchSubmit(): Submit {
  return useContext(SubmitContext);
}

const PAGING = new Set(["after", "before", "start"]);

/** Params of a form as the URL carries them: empty values left out, paging reset, a button's edit applied. */
export function formParams(form: HTMLFormElement, submitter?: HTMLElement | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form, submitter ?? undefined)) {
    if (typeof value !== "string" || value === "" || PAGING.has(key)) continue;
    if (key === "per" && value === String(PAGE_SIZES[0])) continue;
    params.append(key, value);
  }
  return applyEdits(params) ?? params;
}

/** The control to give focus back to once the new results are in, should React have replaced it. */
function focusTarget(form: HTMLFormElement, target: EventTarget | null): string | null {
  if (target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio")) {
    return `input[name="${CSS.escape(target.name)}"][value="${CSS.escape(target.value)}"]`;
  }
  if (target instanceof HTMLElement && target.id && form.contains(target)) return `#${CSS.escape(target.id)}`;
  return null;
}

/**
 * The whole search state is one GET form, so it works without JavaScript; with it, every change
 * becomes a client-side navigation to the new URL and the server renders the new results.
 */
export function SearchForm({ children, action = "/" }: { children: ReactNode; action?: string }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const refocus = useRef<string | null>(null);
  const [pending, startTransition] = useTransition();

  const navigate = (params: URLSearchParams) => {
    (window as { __parleyNavStart?: number }).__parleyNavStart = performance.now();
    startTransition(() => router.push(`${action}?${params.toString()}`, { scroll: false }));
  };
  const go: Submit = (extra = []) => {
    if (!form.current) return;
    const params = formParams(form.current);
    for (const [key, value] of extra) params.append(key, value);
    navigate(params);
  };

  // A box ticked in a facet moves up with the other chosen values; if React re-created it, focus follows it.
  useEffect(() => {
    if (pending || !refocus.current || !form.current) return;
    const selector = refocus.current;
    refocus.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    (
      form.current.querySelector<HTMLElement>(selector) ?? form.current.querySelector<HTMLElement>("#results-heading")
    )?.focus();
  }, [pending]);

  return (
    <search>
      <form
        ref={form}
        method="get"
        action={action}
        aria-busy={pending}
        className={pending ? "search-form is-pending" : "search-form"}
        onChange={(e) => {
          // Typing in a text box waits for Enter; ticks, toggles and selects apply at once.
          const target: EventTarget = e.target;
          if (target instanceof HTMLElement && target.dataset.noAutosubmit !== undefined) return;
          if (
            target instanceof HTMLInputElement &&
            (target.type === "search" || target.type === "text" || target.type === "date")
          )
            return;
          refocus.current = focusTarget(e.currentTarget, target);
          go();
        }}
        onSubmit={(e) => {
          e.preventDefault();
          const submitter = (e.nativeEvent as SubmitEvent).submitter;
          refocus.current =
            submitter?.getAttribute("name") === "remove"
              ? "#active-filters-heading"
              : focusTarget(e.currentTarget, submitter);
          navigate(formParams(e.currentTarget, submitter));
        }}
      >
        <p className="visually-hidden" aria-live="polite">
          {pending ? "Updating results…" : ""}
        </p>
        {pending && <div className="pending-bar" aria-hidden="true" />}
        <SubmitContext.Provider value={go}>{children}</SubmitContext.Provider>
      </form>
    </search>
  );
}
