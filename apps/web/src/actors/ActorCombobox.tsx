"use client";

import { type KeyboardEvent, useEffect, useId, useState } from "react";

export interface ActorMatch {
  id: string;
  name: string;
  matchedName: string;
  /** Events the actor would give in the search the box belongs to (or in all); null when unknown. */
  events: number | null;
}

interface Props {
  label: string;
  placeholder: string;
  /** Search params whose events the counts are of; empty for every event. */
  context?: string;
  onPick(match: ActorMatch): void;
  /** Enter with no match chosen: the finder lists every match; left out, Enter does nothing then. */
  onEnter?(text: string): void;
  /** The field's name in a GET form, for pages without JavaScript. */
  name?: string;
  initial?: string;
}

function useMatches(query: string, context: string) {
  const [matches, setMatches] = useState<ActorMatch[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setMatches([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/actors?q=${encodeURIComponent(q)}${context ? `&search=${encodeURIComponent(context)}` : ""}`, {
        signal: controller.signal,
      })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then((body: { matches: ActorMatch[] }) => {
          setFailed(false);
          setMatches(body.matches);
        })
        .catch((error: Error) => {
          if (error.name !== "AbortError") setFailed(true);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, context]);
  return { matches, failed, clear: () => setMatches([]) };
}

/** A box that finds actors by any spelling (the API's `searchActors`), as an ARIA combobox: arrows move, Enter picks, Escape closes. */
export function ActorCombobox({ label, placeholder, context = "", onPick, onEnter, name, initial = "" }: Props) {
  const [query, setQuery] = useState(initial);
  const [active, setActive] = useState(-1);
  const { matches, failed, clear } = useMatches(query, context);
  // New matches: none is highlighted. Followed in this render, not an effect later.
  const [activeAmong, setActiveAmong] = useState(matches);
  if (activeAmong !== matches) {
    setActiveAmong(matches);
    setActive(-1);
  }
  const listId = useId();
  const open = matches.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  const pick = (m: ActorMatch) => {
    setQuery("");
    clear();
    onPick(m);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return;
      const n = matches.length;
      setActive((i) => (e.key === "ArrowDown" ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const m = matches[active] ?? (matches.length === 1 && !onEnter ? matches[0] : undefined);
      if (m) pick(m);
      else if (onEnter && query.trim()) onEnter(query.trim());
    } else if (e.key === "Escape" && (open || query)) {
      e.preventDefault();
      setQuery("");
      clear();
    }
  };

  return (
    <div className="actor-combobox">
      <label>
        <span className="visually-hidden">{label}</span>
        <input
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          placeholder={placeholder}
          name={name}
          value={query}
          data-no-autosubmit=""
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      {failed && <p className="muted">Actor lookup is not answering.</p>}
      <p className="visually-hidden" aria-live="polite">
        {query.trim().length >= 2 ? `${matches.length} ${matches.length === 1 ? "actor" : "actors"} found` : ""}
      </p>
      <div id={listId} role="listbox" className="actor-matches" aria-label="Matching actors" hidden={!open}>
        {matches.map((m, i) => (
          // The options take no focus and no keys of their own: focus stays in the box, whose arrows and Enter
          // move and pick (aria-activedescendant); a click picks too.
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys for every option.
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox's input (aria-activedescendant).
          <div
            key={m.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(m)}
          >
            <span className="match-name">
              {m.name}
              {m.matchedName !== m.name && <span className="muted"> (as “{m.matchedName}”)</span>}
            </span>
            {m.events !== null && (
              <span className="facet-count">{m.events === 1 ? "1 event" : `${m.events} events`}</span>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
