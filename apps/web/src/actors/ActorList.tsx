import Link from "next/link";
import { type FragmentOf, graphql, readFragment } from "../graphql/tada.ts";
import { actorKindLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";

export const ActorRowFragment = graphql(`
  fragment ActorRow on Actor {
    id name kind country aliases
  }
`);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Row {
  data: FragmentOf<typeof ActorRowFragment>;
  /** The name that matched a lookup, when it is not the main one. */
  matchedName?: string;
}

/** Actors with their kind, country, other names and how many events each took part in. */
export function ActorList({ rows, events }: { rows: Row[]; events: Map<string, number> }) {
  return (
    <ol className="record-list actor-list" aria-label="Actors">
      {rows.map(({ data, matchedName }) => {
        const a = readFragment(ActorRowFragment, data);
        const count = events.get(a.id);
        return (
          <li key={a.id}>
            <h2>
              <Link href={href.actor(a.id)}>{a.name}</Link>
              {matchedName && matchedName !== a.name && <span className="muted"> (as “{matchedName}”)</span>}
            </h2>
            <p className="event-meta">
              <span>{actorKindLabel(a.kind)}</span>
              {a.country && <span>{a.country}</span>}
              {count !== undefined && <span className="actor-events">{plural(count, "event", "events")}</span>}
            </p>
            {a.aliases.length > 0 && (
              <p className="muted">
                Also: {a.aliases.slice(0, 6).join(" · ")}
                {a.aliases.length > 6 ? " …" : ""}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
