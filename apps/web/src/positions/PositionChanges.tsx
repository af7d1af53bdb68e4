import Link from "next/link";
import type { ResultOf } from "../graphql/tada.ts";
import { dateRangeLabel, positionKindLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import type { PositionPageQuery } from "./position.query.ts";

type Position = NonNullable<ResultOf<typeof PositionPageQuery>["position"]>;
type Step = {
  id: string;
  kind: string;
  summary: string;
  startDate: string;
  endDate: string | null;
  datePrecision: string;
  holder?: { id: string; name: string };
};

function StepItem({ step, note, current }: { step: Step; note?: string; current?: boolean }) {
  return (
    <li className={current ? "position-current" : undefined} aria-current={current ? "true" : undefined}>
      <time dateTime={step.startDate}>{dateRangeLabel(step.startDate, step.endDate, step.datePrecision)}</time>{" "}
      <span className={`position-kind kind-${step.kind.toLowerCase()}`}>{positionKindLabel(step.kind)}</span>{" "}
      {step.holder && <Link href={href.actor(step.holder.id)}>{step.holder.name}</Link>}
      {step.holder && ": "}
      {current ? <strong>{step.summary}</strong> : <Link href={href.position(step.id)}>{step.summary}</Link>}
      {note && <span className="muted"> ({note})</span>}
    </li>
  );
}

/** How the holder's stand on this issue moved, and who answered whom. */
export function PositionChanges({ position }: { position: Position }) {
  const sameIssue = position.holder.positions.edges.map((e) => e.node).filter((p) => p.issue === position.issue);
  const responses = position.responses.edges.map((e) => e.node);
  const replaced = new Map(
    sameIssue.flatMap((p): [string, string][] => (p.supersedes ? [[p.supersedes.id, p.id]] : [])),
  );
  return (
    <>
      <h3>{position.holder.name} on this issue, over time</h3>
      {sameIssue.length <= 1 ? (
        <p>No other position of {position.holder.name} on this issue is recorded: it has not changed.</p>
      ) : (
        <ol className="position-steps" aria-label="The holder's positions on this issue">
          {sameIssue.map((p) => (
            <StepItem
              key={p.id}
              step={p}
              current={p.id === position.id}
              note={replaced.has(p.id) ? "replaced by a later position" : undefined}
            />
          ))}
        </ol>
      )}
      <h3>Exchanges</h3>
      {!position.respondsTo && responses.length === 0 ? (
        <p>No other party&apos;s position is recorded as answering this one, or answered by it.</p>
      ) : (
        <ul className="position-steps" aria-label="Exchanges">
          {position.respondsTo && <StepItem step={position.respondsTo} note="answered by this position" />}
          {responses.map((r) => (
            <StepItem key={r.id} step={r} note="answers this position" />
          ))}
        </ul>
      )}
    </>
  );
}
