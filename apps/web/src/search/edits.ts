/**
 * The edits a search form's buttons ask for, as URL params: `remove=<key>=<value>` takes one value out
 * (`remove=type=CEASEFIRE`; `remove=from` takes `from` and `to`, the date range), `clear=1` starts
 * again. The form sends them with its fields; the page (without JavaScript) and the form (with it)
 * both apply them here, so each button is a plain submit button that works either way.
 */
export const EDIT_KEYS = ["remove", "clear"] as const;

/** Keys that only say where a page of results starts: any edit of the search drops them. */
const PAGING_KEYS = ["after", "before", "start"];

/** The params after the edits they carry, or null when they carry none. */
export function applyEdits(params: URLSearchParams): URLSearchParams | null {
  if (!EDIT_KEYS.some((k) => params.has(k))) return null;
  if (params.has("clear")) {
    const kept = new URLSearchParams();
    for (const key of ["sort", "per"]) for (const v of params.getAll(key)) kept.append(key, v);
    return kept;
  }
  const removals = params.getAll("remove");
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    if (key === "remove" || PAGING_KEYS.includes(key)) continue;
    const removed = removals.some((r) => {
      const eq = r.indexOf("=");
      const rKey = eq === -1 ? r : r.slice(0, eq);
      if (eq === -1) return rKey === key || (rKey === "from" && key === "to");
      return rKey === key && r.slice(eq + 1) === value;
    });
    if (!removed) out.append(key, value);
  }
  return out;
}

/** The `remove` value that takes one param value out: `type=CEASEFIRE`, or a key alone for all its values. */
export const removal = (key: string, value?: string) => (value === undefined ? key : `${key}=${value}`);
