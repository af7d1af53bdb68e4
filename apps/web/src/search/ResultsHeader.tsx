import { EVENT_SORTS, type SearchState } from "@parley/schema";
import { type FatalityFigures, fatalityTotalsLine } from "../shared/fatalities.ts";
import { PAGE_SIZES, type PageView, rangeLabel } from "../shared/paging.ts";
import { Downloads } from "./Downloads.tsx";

interface Props {
  state: SearchState;
  page: PageView;
  total: number;
  shown: number;
  range: { from: number; to: number } | null;
  /** Deaths summed over every result. */
  fatalities: FatalityFigures & { events: number };
}

/** How many results, which of them are shown, their deaths, their order and page size, and the downloads of all of them. */
export function ResultsHeader({ state, page, total, shown, range, fatalities }: Props) {
  return (
    <div className="results-header">
      <p className="result-count" role="status" aria-live="polite">
        {total === 0 ? "No events match" : rangeLabel(range, shown, total, "event", "events")}
      </p>
      {total > 0 && <p className="fatalities">{fatalityTotalsLine(fatalities, total)}</p>}
      <div className="result-controls">
        <label>
          Sort{" "}
          <select name="sort" defaultValue={state.sort} key={state.sort}>
            {EVENT_SORTS.codes.map((code) => (
              <option key={code} value={code}>
                {EVENT_SORTS.labels[code]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Per page{" "}
          <select name="per" defaultValue={String(page.per)} key={page.per}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Downloads state={state} totalCount={total} />
    </div>
  );
}
