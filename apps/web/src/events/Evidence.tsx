import { type DatePrecision, formatPartialDate } from "@parley/schema";
import Link from "next/link";
import type { ReactNode } from "react";
import { href } from "../shared/links.ts";

/** A claim as the event and position pages select it. */
export interface Claim {
  id: string;
  quote: string;
  stance: string;
  speakerLabel: string | null;
  speaker: { id: string; name: string } | null;
  source: {
    id: string;
    title: string;
    publishedAt: string | null;
    publishedPrecision: string | null;
    outlet: { id: string; name: string } | null;
  };
}

function ClaimItem({ claim, note, flat }: { claim: Claim; note?: ReactNode; flat?: boolean }) {
  const { source } = claim;
  return (
    <li className={`claim claim-${claim.stance.toLowerCase()}`}>
      {flat && claim.stance === "DENIES" && <p className="claim-stance">Denial</p>}
      <blockquote>“{claim.quote}”</blockquote>
      <p className="claim-attribution">
        {claim.speaker ? (
          <Link href={href.actor(claim.speaker.id)}>{claim.speaker.name}</Link>
        ) : (
          (claim.speakerLabel ?? "Unattributed")
        )}
        {" — "}
        <Link href={href.source(source.id)}>{source.title}</Link>
        {source.outlet && (
          <>
            {", "}
            <Link href={href.actor(source.outlet.id)}>{source.outlet.name}</Link>
          </>
        )}
        {source.publishedAt &&
          `, ${formatPartialDate({ date: source.publishedAt, precision: (source.publishedPrecision ?? "DAY") as DatePrecision })}`}
      </p>
      {note && <p className="claim-note">{note}</p>}
    </li>
  );
}

interface EvidenceProps {
  claims: Claim[];
  contested: boolean;
  what?: string;
  /** A line under a quote, by claim ID. */
  notes?: Map<string, ReactNode>;
  /** Headings of the asserted and denied columns: h3 on a record, h4 under a fact's own heading. */
  columnHeading?: "h3" | "h4";
}

/** The claims behind an event; when they disagree, assertions and denials side by side. */
export function Evidence({ claims, contested, what = "event", notes, columnHeading: Heading = "h3" }: EvidenceProps) {
  if (claims.length === 0) return <p>No source supports this {what} yet.</p>;
  if (!contested) {
    return (
      <ul className="claims">
        {claims.map((c) => (
          <ClaimItem key={c.id} claim={c} note={notes?.get(c.id)} flat />
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
          <Heading>{heading}</Heading>
          <ul className="claims">
            {claims
              .filter((c) => c.stance === stance)
              .map((c) => (
                <ClaimItem key={c.id} claim={c} note={notes?.get(c.id)} />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
