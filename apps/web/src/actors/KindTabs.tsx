import { ACTOR_KINDS, type ActorKind } from "@parley/schema";
import Link from "next/link";

/** The actor kinds with how many actors each has (empty kinds left out), the chosen one marked. */
export function KindTabs({ counts, current }: { counts: Record<ActorKind, number>; current: ActorKind | null }) {
  const total = ACTOR_KINDS.codes.reduce((n, k) => n + counts[k], 0);
  return (
    <nav className="role-tabs" aria-label="Kinds of actor">
      <Link href="/actors" aria-current={current === null ? "page" : undefined}>
        Every kind <span className="count">{total}</span>
      </Link>
      {ACTOR_KINDS.codes
        .filter((k) => counts[k] > 0 || k === current)
        .map((k) => (
          <Link key={k} href={`/actors?kind=${k}`} aria-current={current === k ? "page" : undefined}>
            {ACTOR_KINDS.labels[k]} <span className="count">{counts[k]}</span>
          </Link>
        ))}
    </nav>
  );
}
