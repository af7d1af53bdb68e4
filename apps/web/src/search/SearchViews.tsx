"use client";

import { type ReactNode, useEffect, useState } from "react";

const NARROW = "(max-width: 50rem)";

/** True on a narrow screen, once known (the server renders the wide layout). */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    setNarrow(query.matches);
    const change = () => setNarrow(query.matches);
    query.addEventListener("change", change);
    return () => query.removeEventListener("change", change);
  }, []);
  return narrow;
}

/** The list and the pictures of the results: side by side on wide screens, two tabs on narrow ones. */
export function SearchViews({ list, pictures }: { list: ReactNode; pictures: ReactNode }) {
  const narrow = useNarrow();
  const [view, setView] = useState<"list" | "pictures">("list");
  const tab = (id: "list" | "pictures", label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={view === id}
      aria-controls={`panel-${id}`}
      tabIndex={view === id ? 0 : -1}
      onClick={() => setView(id)}
      onKeyDown={(e) => {
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          const other = id === "list" ? "pictures" : "list";
          setView(other);
          document.getElementById(`tab-${other}`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );
  // The same elements either way, so that switching layouts never re-creates the list or the map.
  const panel = (id: "list" | "pictures") =>
    narrow ? { role: "tabpanel", "aria-labelledby": `tab-${id}`, hidden: view !== id } : {};
  return (
    <div className={narrow ? "search-views narrow" : "search-views"}>
      <div role="tablist" aria-label="Show the results as" className="view-tabs" hidden={!narrow}>
        {tab("list", "List")}
        {tab("pictures", "Timeline and map")}
      </div>
      <div id="panel-list" className="view-list" {...panel("list")}>
        {list}
      </div>
      <div id="panel-pictures" className="view-pictures" {...panel("pictures")}>
        {pictures}
      </div>
    </div>
  );
}
