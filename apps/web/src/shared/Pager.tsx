import Link from "next/link";
import { neighbourPages, PAGE_SIZES, type PageView } from "./paging.ts";

interface PagerProps {
  /** The list's path and its other params (filters), which every page link keeps. */
  path: string;
  params: URLSearchParams;
  view: PageView;
  shown: number;
  range: { from: number } | null;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor: string | null };
  /** False for a list the API pages forward only: the way back is the first page. */
  backward?: boolean;
  /** The page-size links; the search page has its own control in its form. */
  sizes?: boolean;
  what: string;
  total: number;
}

const linkTo = (path: string, params: URLSearchParams, extra: [string, string][]) => {
  const all = new URLSearchParams(params);
  for (const [k, v] of extra) all.append(k, v);
  const query = all.toString();
  return query ? `${path}?${query}` : path;
};

/** Previous and next pages of a list (and its page sizes), as links that keep the list's other params. */
export function Pager({
  path,
  params,
  view,
  shown,
  range,
  pageInfo,
  backward = true,
  sizes = true,
  what,
  total,
}: PagerProps) {
  const { previous, next } = neighbourPages(view, shown, range, pageInfo);
  const perParam: [string, string][] = view.per === PAGE_SIZES[0] ? [] : [["per", String(view.per)]];
  const paged = view.after !== null || view.before !== null;
  return (
    <nav className="pager" aria-label={`Pages of ${what}`}>
      {backward && previous && (
        <Link href={linkTo(path, params, previous)} rel="prev">
          ← Previous page
        </Link>
      )}
      {!backward && paged && <Link href={linkTo(path, params, perParam)}>← First page</Link>}
      {next && (
        <Link href={linkTo(path, params, next)} rel="next">
          Next page →
        </Link>
      )}
      {sizes && total > PAGE_SIZES[0] && (
        <span className="per-page">
          Per page:{" "}
          {PAGE_SIZES.map((n, i) => (
            <span key={n}>
              {i > 0 && " · "}
              {n === view.per ? (
                <strong aria-current="true">{n}</strong>
              ) : (
                <Link href={linkTo(path, params, n === PAGE_SIZES[0] ? [] : [["per", String(n)]])}>{n}</Link>
              )}
            </span>
          ))}
        </span>
      )}
    </nav>
  );
}
