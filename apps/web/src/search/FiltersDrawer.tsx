"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * The filters: a column beside the results on wide screens, a drawer on narrow ones, opened by a
 * "Filters" button and left open while ticks change the results. Until this has run (or without
 * JavaScript) narrow screens show the filters after the results.
 */
export function FiltersDrawer({ active, total, children }: { active: number; total: number; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="filters-toggle"
        aria-expanded={open}
        aria-controls="filters"
        onClick={() => setOpen(true)}
      >
        Filters{active > 0 ? ` (${active} active)` : ""}
      </button>
      <aside
        id="filters"
        className="filters"
        aria-label="Filters"
        data-drawer={ready ? (open ? "open" : "closed") : undefined}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) close();
        }}
      >
        <div className="drawer-head">
          <h2 ref={heading} tabIndex={-1}>
            Filters
          </h2>
          <button type="button" className="drawer-close" onClick={close}>
            Show {total === 1 ? "1 result" : `${total} results`}
          </button>
        </div>
        {children}
      </aside>
    </>
  );
}
