import { ONE_WAY_PROBLEM } from "@parley/schema/param-issues";

/** The page sizes every paged list offers. */
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * Which page of a list the URL asks for: `per` results from the start, after `after` or before
 * `before` (cursors the API gave), and `start`, the position of the page's first result, which
 * cursors cannot say, so that the page can say "21–40 of 46".
 */
export interface PageView {
  per: PageSize;
  after: string | null;
  before: string | null;
  start: number | null;
}

export function param(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** Reads the page from URL params; a value that does not parse is left out and named in `problems`. */
export function pageViewFromParams(params: Params, problems: string[]): PageView {
  const perText = param(params, "per");
  const per = PAGE_SIZES.find((n) => String(n) === perText);
  if (perText !== undefined && per === undefined)
    problems.push(`ignored per=${perText} (one of ${PAGE_SIZES.join(", ")})`);
  const startText = param(params, "start");
  const start = startText !== undefined && /^[1-9]\d{0,8}$/.test(startText) ? Number(startText) : null;
  if (startText !== undefined && start === null) problems.push(`ignored start=${startText} (a whole number from 1)`);
  const after = param(params, "after") ?? null;
  const before = after ? null : (param(params, "before") ?? null);
  // The search page has read the link's state already, and may have said this.
  if (after && param(params, "before") && !problems.includes(ONE_WAY_PROBLEM)) problems.push(ONE_WAY_PROBLEM);
  return { per: per ?? PAGE_SIZES[0], after, before, start: after || before ? start : 1 };
}

/** A connection's arguments for the page: forward by default, backward from `before`. */
export function connectionArgs(view: PageView) {
  if (view.before) return { first: null, after: null, last: view.per, before: view.before };
  return { first: view.per, after: view.after, last: null, before: null };
}

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor: string | null;
}

/**
 * The positions of the shown items, 1-based, or null when a link's cursor came without a `start`.
 * A page with nothing before it starts at 1 whatever the link said, and a page never ends past the total.
 */
export function shownRange(
  view: PageView,
  shown: number,
  total: number,
  pageInfo: PageInfo,
): { from: number; to: number } | null {
  if (shown === 0) return null;
  const atStart = view.before ? !pageInfo.hasPreviousPage : !view.after;
  let from = atStart ? 1 : view.start;
  if (from === null) return null;
  from = Math.max(1, Math.min(from, total - shown + 1));
  return { from, to: from + shown - 1 };
}

/** URL params of the neighbouring pages (null where there is none), to add to the list's other params. */
export function neighbourPages(view: PageView, shown: number, range: { from: number } | null, pageInfo: PageInfo) {
  const hasPrevious = view.before ? pageInfo.hasPreviousPage : view.after !== null;
  const perParam: [string, string][] = view.per === PAGE_SIZES[0] ? [] : [["per", String(view.per)]];
  const next: [string, string][] | null =
    pageInfo.hasNextPage && pageInfo.endCursor
      ? [
          ...perParam,
          ["after", pageInfo.endCursor],
          ...(range ? [["start", String(range.from + shown)] as [string, string]] : []),
        ]
      : null;
  const previous: [string, string][] | null =
    hasPrevious && pageInfo.startCursor
      ? [
          ...perParam,
          ["before", pageInfo.startCursor],
          ...(range && range.from > 1
            ? [["start", String(Math.max(1, range.from - view.per))] as [string, string]]
            : []),
        ]
      : null;
  return { previous, next };
}

const count = new Intl.NumberFormat("en-GB");

/** "21–40 of 46 events", "46 events", "1 event", or "No events" (with the plural's words). */
export function rangeLabel(
  range: { from: number; to: number } | null,
  shown: number,
  total: number,
  one: string,
  many: string,
): string {
  if (total === 0) return `No ${many}`;
  const noun = total === 1 ? one : many;
  if (range && (range.from > 1 || range.to < total))
    return `${count.format(range.from)}–${count.format(range.to)} of ${count.format(total)} ${noun}`;
  if (!range && shown < total) return `${count.format(shown)} of ${count.format(total)} ${noun}`;
  return `${count.format(total)} ${noun}`;
}
