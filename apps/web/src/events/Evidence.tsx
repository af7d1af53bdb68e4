import Link from "next/link";
import { formatPartialDate, type DatePrecision } from "@parley/schema";
import type { ResultOf } from "../graphql/tada.ts";
import { href } from "../shared/links.ts";
import type { EventPageQuery } from "./event.query.ts";

type Claim = NonNullable<ResultOf<typeof EventPageQuery>["event"]>["claims"][number];

function ClaimItem({ claim }: { claim: Claim }) {
  const { source } = claim;
  return (
    <li className={`claim claim-${claim.stance.toLowerCase()}`}>
      <blockquote>“{claim.quote}”</blockquote>
      <p className="claim-attribution">
        {claim.speaker ? <Link href={href.actor(claim.speaker.id)}>{claim.speaker.name}</Link> : (claim.speakerLabel ?? "Unattributed")}
        {" — "}
        <Link href={href.source(source.id)}>{source.title}</Link>
        {source.outlet && (
          <>
            {", "}
            <Link href={href.actor(source.outlet.id)}>{source.outlet.name}</Link>
          </>
        )}
        {source.publishedAt && `, ${formatPartialDate({ date: source.publishedAt, precision: (source.publishedPrecision ?? "DAY") as DatePrecision })}`}
      </p>
    </li>
  );
}

/** The claims behind an event; when they disagree, assertions and denials side by side. */
export function Evidence({ claims, contested }: { claims: Claim[]; contested: boolean }) {
  if (claims.length === 0) return <p>No source supports this event yet.</p>;
  if (!contested) {
    return (
      <ul className="claims">
        {claims.map((c) => (
          <ClaimItem key={c.id} claim={c} />
        ))}
      </ul>
    );
  }
  const columns = [
    { stance: "ASSERTS", heading: "Asserted" },
    { stance: "DENIES", heading: "Denied" },
  ] as const;
  return (
    <div className="contested-columns">
      {columns.map(({ stance, heading }) => (
        <section key={stance} aria-label={heading}>
          <h3>{heading}</h3>
          <ul className="claims">
            {claims.filter((c) => c.stance === stance).map((c) => (
              <ClaimItem key={c.id} claim={c} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
