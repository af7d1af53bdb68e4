import type { SearchState } from "@parley/schema";
import { pageParams } from "./page-params.ts";

const FORMATS = [
  ["csv", "CSV (ACLED columns)"],
  ["json", "JSON"],
  ["geojson", "GeoJSON"],
] as const;

/** Downloads of every result of the current search (all pages), in each export format. */
export function Downloads({ state, totalCount }: { state: SearchState; totalCount: number }) {
  if (totalCount === 0) return null;
  const params = pageParams(state);
  return (
    <p className="downloads">
      Download {totalCount === 1 ? "this event" : `all ${totalCount.toLocaleString("en-GB")} events`}:{" "}
      {FORMATS.map(([format, label], i) => (
        <span key={format}>
          {i > 0 && " · "}
          <a href={`/export?format=${format}${params.size ? `&${params}` : ""}`} download data-format={format}>
            {label}
          </a>
        </span>
      ))}
    </p>
  );
}
