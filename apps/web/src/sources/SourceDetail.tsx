import { type DatePrecision, formatPartialDate } from "@parley/schema";
import Link from "next/link";
import type { ResultOf } from "../graphql/tada.ts";
import { FirstPageNotice } from "../shared/FirstPage.tsx";
import { href } from "../shared/links.ts";
import type { SourcePageQuery } from "./source.query.ts";

type Source = NonNullable<ResultOf<typeof SourcePageQuery>["source"]>;

/** The Wayback Machine's copy nearest to now: it redirects to the latest capture of the address. */
export const archivedCopy = (url: string) => `https://web.archive.org/web/${url}`;

const hostOf = (url: string) => {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
};

export function SourceDetail({ source }: { source: Source }) {
  const claims = source.claims.edges.map((e) => e.node);
  return (
    <article className="record" aria-labelledby="record-title">
      <p className="event-meta">
        <span className="event-type">Source</span>
      </p>
      <h1 id="record-title">{source.title}</h1>
      <dl className="facts">
        <dt>Outlet</dt>
        <dd>
          {source.outlet ? (
            <Link href={href.actor(source.outlet.id)}>{source.outlet.name}</Link>
          ) : (
            "Not named in the report"
          )}
        </dd>
        {source.publishedAt && (
          <>
            <dt>Published</dt>
            <dd>
              <time dateTime={source.publishedAt}>
                {formatPartialDate({
                  date: source.publishedAt,
                  precision: (source.publishedPrecision ?? "DAY") as DatePrecision,
                })}
              </time>
            </dd>
          </>
        )}
        {source.author && (
          <>
            <dt>Author</dt>
            <dd>{source.author}</dd>
          </>
        )}
        {source.url && (
          <>
            <dt>Read it</dt>
            <dd>
              <a href={source.url} rel="noreferrer noopener">
                Original at {hostOf(source.url)}
              </a>
              {" · "}
              <a href={archivedCopy(source.url)} rel="noreferrer noopener">
                Archived copy
              </a>{" "}
              <span className="muted">(Internet Archive)</span>
              <br />
              <span className="source-url">{source.url}</span>
            </dd>
          </>
        )}
        {source.cites.length > 0 && (
          <>
            <dt>Cites</dt>
            <dd>
              {source.cites.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ", "}
                  <Link href={href.actor(o.id)}>{o.name}</Link>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <h2>Claims taken from this source</h2>
      {claims.length === 0 ? (
        <p>No claims are drawn from this source yet.</p>
      ) : (
        <ul className="claims">
          {claims.map((c) => (
            <li key={c.id} className={`claim claim-${c.stance.toLowerCase()}`}>
              <blockquote>“{c.quote}”</blockquote>
              <p className="claim-attribution">
                {c.stance === "DENIES" ? "Denied by " : ""}
                {c.speaker ? (
                  <Link href={href.actor(c.speaker.id)}>{c.speaker.name}</Link>
                ) : (
                  (c.speakerLabel ?? "Unattributed")
                )}
                {c.event && (
                  <>
                    {" — about "}
                    <Link href={href.event(c.event.id)}>{c.event.title}</Link>
                  </>
                )}
                {c.actor && (
                  <>
                    {" — about "}
                    <Link href={href.actor(c.actor.id)}>{c.actor.name}</Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <FirstPageNotice shown={claims.length} total={source.claims.totalCount} what="claims" />
    </article>
  );
}
