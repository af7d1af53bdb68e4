import {
  decodeGlobalId,
  defined,
  mapFilterIds,
  PAGE_SIZE,
  SEARCH_PARAMS,
  type SearchState,
  searchStateFromParams,
} from "@parley/schema";
import type { EventQuery } from "@parley/search";

export const EXPORT_FORMATS = ["csv", "json", "geojson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The URL keys an export reads: the search page's own, and the format. */
const KEYS = new Set(["format", ...SEARCH_PARAMS]);

export interface ExportIssue {
  /** The URL key (`type`, `from`, `format`); the CLI names it as its option. */
  key: string;
  value: string | null;
  message: string;
}

/** An export request that cannot be read; nothing was exported. */
export class ExportRequestError extends Error {
  constructor(readonly issues: ExportIssue[]) {
    super(issues.map((i) => `${i.key}${i.value !== null ? `=${i.value}` : ""}: ${i.message}`).join("; "));
    this.name = "ExportRequestError";
  }
}

export interface ExportRequest {
  format: ExportFormat;
  state: SearchState;
  /** The search as the engine takes it; the export walks every page of it. */
  query: EventQuery;
}

/**
 * Reads an export from the search page's URL parameters plus `format`, with the shared schemas the
 * page and the API use. Unlike the page, which leaves out what it cannot read, an export refuses it:
 * a file with fewer filters than asked for would hold the wrong events. `after` and `before` (the page) are ignored.
 */
export function exportRequestFromParams(params: URLSearchParams): ExportRequest {
  const issues: ExportIssue[] = [];
  for (const key of new Set(params.keys())) {
    if (!KEYS.has(key))
      issues.push({ key, value: params.get(key), message: `is not a search parameter (use ${[...KEYS].join(", ")})` });
  }
  const format = params.get("format");
  if (!format) issues.push({ key: "format", value: null, message: `is required: ${EXPORT_FORMATS.join(", ")}` });
  else if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    issues.push({ key: "format", value: format, message: `must be one of ${EXPORT_FORMATS.join(", ")}` });
  const { state, issues: stateIssues } = searchStateFromParams(params);
  issues.push(...stateIssues);
  if (issues.length) throw new ExportRequestError(issues);
  // The URL codec has refused every ID that is not one of its type.
  const filter = mapFilterIds(state.filter, (value, type) => defined(decodeGlobalId(value, type)));
  return {
    format: format as ExportFormat,
    state: { ...state, after: null, before: null },
    query: { query: state.query || null, filter, first: PAGE_SIZE.max, after: null, sort: state.sort },
  };
}
