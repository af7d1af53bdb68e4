"use client";

import { useEffect, useId, useState } from "react";
import { useSearchSubmit } from "./SearchForm.tsx";

interface Match {
  id: string;
  name: string;
  matchedName: string;
}

/** A filter box for the actor facet: finds actors by any spelling through `searchActors`. */
export function ActorFilter() {
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<Match[]>([]);
  const [failed, setFailed] = useState(false);
  const listId = useId();
  const submit = useSearchSubmit();

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setMatches([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/actors?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then((body: { matches: Match[] }) => {
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
  }, [query]);

  return (
    <div className="actor-filter">
      <label>
        <span className="visually-hidden">Find an actor by any spelling</span>
        <input
          type="search"
          placeholder="Find an actor…"
          value={query}
          data-no-autosubmit=""
          aria-controls={listId}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") e.preventDefault();
          }}
        />
      </label>
      {failed && <p className="muted">Actor lookup is not answering.</p>}
      <ul id={listId} className="actor-matches" aria-label="Matching actors">
        {matches.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              onClick={() => {
                setQuery("");
                setMatches([]);
                submit([["actor", m.id]]);
              }}
            >
              {m.name}
              {m.matchedName !== m.name && <span className="muted"> (as “{m.matchedName}”)</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
