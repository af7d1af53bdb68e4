import Link from "next/link";
import { formatPartialDate, type DatePrecision } from "@parley/schema";
import { href } from "../shared/links.ts";

/** A claim as the event and position pages select it. */
export interface Claim {
  id: string;
  quote: string;
  stance: string;
  speakerLabel: string | null;
  speaker: { id: string; name: string } | null;
  source: { id: string; title: string; publishedAt: string | null; publishedPrecision: string | null; outlet: { id: string; name: string } | null };
}

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
export function Evidence({ claims, contested, what = "event" }: { claims: Claim[]; contested: boolean; what?: string }) {
  if (claims.length === 0) return <p>No source supports this {what} yet.</p>;
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
