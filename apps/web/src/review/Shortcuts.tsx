"use client";

import { useEffect, useState } from "react";
import { KeyHint } from "./KeyHint.tsx";

const KEYS: [string, string][] = [
  ["j or ↓", "next candidate"],
  ["k or ↑", "previous candidate"],
  ["a", "accept"],
  ["e", "edit"],
  ["m", "merge into an existing actor"],
  ["r", "reject"],
  ["Esc", "close the form"],
  ["?", "show these keys"],
];

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The candidate being worked on, and its words in the report. */
function select(card: HTMLElement) {
  for (const other of document.querySelectorAll(".candidate.current")) other.classList.remove("current");
  for (const mark of document.querySelectorAll("mark.current")) mark.classList.remove("current");
  card.classList.add("current");
  card.focus({ preventScroll: true });
  card.scrollIntoView({ block: "nearest" });
  const marks = document.querySelectorAll(`mark[data-candidates~="${card.dataset.candidate}"]`);
  for (const mark of marks) mark.classList.add("current");
  marks[0]?.scrollIntoView({ block: "nearest" });
}

function open(card: HTMLElement, action: string) {
  const details = card.querySelector<HTMLDetailsElement>(`details[data-action="${action}"]`);
  if (!details) return;
  details.open = true;
  details.querySelector<HTMLElement>("input:not([type=hidden]), select")?.focus();
}

/** Keyboard review: move between pending candidates and act on the current one with one key. */
export function Shortcuts() {
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const cards = () => [...document.querySelectorAll<HTMLElement>(".candidate[data-pending]")];
    // Once the current candidate is reviewed, the next pending one (else the one before) takes its place.
    const current = () => {
      const chosen = document.querySelector<HTMLElement>(".candidate.current");
      if (!chosen || chosen.hasAttribute("data-pending")) return chosen;
      const list = cards();
      const after =
        list.find((card) => chosen.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING) ?? list.at(-1);
      if (after) select(after);
      return after ?? null;
    };
    const first = cards()[0];
    if (first && !current()) select(first);
    const onClick = (event: MouseEvent) => {
      const card = (event.target as HTMLElement).closest<HTMLElement>(".candidate[data-pending]");
      if (card && !card.classList.contains("current")) select(card);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        const details = (event.target as HTMLElement).closest?.("details");
        if (details instanceof HTMLDetailsElement) {
          details.open = false;
          const card = details.closest<HTMLElement>(".candidate");
          if (card) select(card);
        }
        setHelp(false);
        return;
      }
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const list = cards();
      const card = current() ?? list[0];
      const at = card ? list.indexOf(card) : -1;
      const step = (by: number) => {
        const next = list[Math.min(list.length - 1, Math.max(0, at + by))];
        if (next) select(next);
      };
      const moves: Record<string, number> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };
      const handled: Record<string, () => void> = {
        a: () => card?.querySelector<HTMLFormElement>('form[data-action="accept"]')?.requestSubmit(),
        r: () => card?.querySelector<HTMLFormElement>('form[data-action="reject"]')?.requestSubmit(),
        e: () => card && open(card, "edit"),
        m: () => card && open(card, "merge"),
        "?": () => setHelp((shown) => !shown),
      };
      const by = moves[event.key];
      const run = by === undefined ? handled[event.key] : () => step(by);
      if (!run) return;
      event.preventDefault();
      run();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, []);
  return (
    <aside className="shortcuts" aria-label="Keyboard shortcuts">
      <button type="button" onClick={() => setHelp((shown) => !shown)} aria-expanded={help}>
        Keyboard shortcuts <KeyHint>?</KeyHint>
      </button>
      {help && (
        <dl>
          {KEYS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      )}
    </aside>
  );
}
