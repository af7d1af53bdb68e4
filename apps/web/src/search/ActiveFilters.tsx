import type { Chip } from "./active-filters.ts";

/**
 * Every active filter as a chip that removes it, and "Clear all": each a submit button of the
 * search form whose edit the form (or, without JavaScript, the page) applies.
 */
export function ActiveFilters({ chips }: { chips: Chip[] }) {
  if (chips.length === 0) return null;
  return (
    <section className="active-filters" aria-labelledby="active-filters-heading">
      <h2 id="active-filters-heading" className="active-filters-heading" tabIndex={-1}>
        Filters
      </h2>
      <ul>
        {chips.map((chip) => (
          <li key={chip.remove}>
            <button type="submit" name="remove" value={chip.remove} className="chip">
              <span className="visually-hidden">Remove </span>
              {chip.text}
              <span className="chip-x" aria-hidden="true">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="submit" name="clear" value="1" className="chip-clear">
        Clear all
      </button>
    </section>
  );
}
