"use client";

import { useState } from "react";

/**
 * A facet value's box. It follows the URL (the server's `selected`) without being re-created, so a
 * keyboard user's focus stays on it while the results change.
 */
export function FacetCheckbox({
  name,
  value,
  selected,
  label,
}: {
  name: string;
  value: string;
  selected: boolean;
  /** What a screen reader says: the value and its count in words ("Ceasefire 12 results"). */
  label: string;
}) {
  const [checked, setChecked] = useState(selected);
  const [shown, setShown] = useState(selected);
  // The URL changed the selection: follow it in this render, not an effect later.
  if (shown !== selected) {
    setShown(selected);
    setChecked(selected);
  }
  return (
    <input
      type="checkbox"
      name={name}
      value={value}
      checked={checked}
      aria-label={label}
      onChange={(e) => setChecked(e.target.checked)}
    />
  );
}
