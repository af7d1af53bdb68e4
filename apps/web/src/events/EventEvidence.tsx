import Link from "next/link";
import type { ReactNode } from "react";
import { positionKindLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { type Claim, Evidence } from "./Evidence.tsx";
import { evidenceGroups, type StatedPosition } from "./evidence-groups.ts";

const factId = (p: StatedPosition) => `fact-${p.id.replace(/[^A-Za-z0-9]/g, "")}`;

/** An event's quotes grouped under the fact each supports: the event itself, then each position stated at it. */
export function EventEvidence({
  claims,
  positions,
  contested,
}: {
  claims: Claim[];
  positions: StatedPosition[];
  contested: boolean;
}) {
  const [event, ...stated] = evidenceGroups(claims, positions);
  const notes = new Map<string, ReactNode>(
    [...event.alsoSupports].map(([id, ps]) => [
      id,
      <>
        Also evidence of{" "}
        {ps.map((p, i) => (
          <span key={p.id}>
            {i > 0 && "; "}
            <a href={`#${factId(p)}`}>
              {p.holder.name}&apos;s {positionKindLabel(p.kind).toLowerCase()}
            </a>
          </span>
        ))}
      </>,
    ]),
  );
  return (
    <>
      <section aria-labelledby="fact-event" className="fact">
        <h3 id="fact-event">That it happened as described</h3>
        {contested && (
          <p className="notice">The sources disagree about this event: one side asserts what the other denies.</p>
        )}
        <Evidence claims={event.claims} contested={contested} notes={notes} columnHeading="h4" />
      </section>
      {stated.map(({ position, claims: own, shownAbove }) => (
        <section key={position.id} aria-labelledby={factId(position)} className="fact">
          <h3 id={factId(position)}>
            <span className={`position-kind kind-${position.kind.toLowerCase()}`}>
              {positionKindLabel(position.kind)}
            </span>{" "}
            <Link href={href.actor(position.holder.id)}>{position.holder.name}</Link>:{" "}
            <Link href={href.position(position.id)}>{position.summary}</Link>
          </h3>
          {shownAbove > 0 && (
            <p className="muted">
              {shownAbove === position.claims.length
                ? shownAbove === 1
                  ? "Its quote is"
                  : "Its quotes are"
                : shownAbove === 1
                  ? "One of its quotes is"
                  : `${shownAbove} of its quotes are`}{" "}
              shown above, under the event.
            </p>
          )}
          {own.length > 0 && <Evidence claims={own} contested={false} what="position" />}
        </section>
      ))}
    </>
  );
}
