import type { ReactNode } from "react";

/**
 * The key that works a control, shown beside its words for the eye only: hidden from screen readers
 * so the control's name stays its words ("Edit", not "Edit e"); the shortcuts list says the keys.
 */
export function KeyHint({ children }: { children: ReactNode }) {
  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> is never focusable; the rule mistakes it for a control.
  return <kbd aria-hidden="true">{children}</kbd>;
}
