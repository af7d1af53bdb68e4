import { type FragmentOf, readFragment } from "../graphql/tada.ts";
import { EventChangesFields } from "./changes.fragment.ts";

const ACTION = { CREATE: "Created", UPDATE: "Changed", DELETE: "Deleted", MERGE: "Merged" } as Record<string, string>;

/** The fields a change touched, as the revision records them (`{ field: [before, after] }`). */
function fieldsOf(changes: unknown): string {
  return changes && typeof changes === "object" ? Object.keys(changes).join(", ") : "";
}

/** The event's history: who created and changed it, and when (a review in the browser signs with its token's name). */
export function EventChanges({ data }: { data: FragmentOf<typeof EventChangesFields> }) {
  const { revisions } = readFragment(EventChangesFields, data);
  return (
    <section aria-labelledby="changes">
      <h2 id="changes">Changes</h2>
      {revisions.edges.length === 0 ? (
        <p>No changes recorded.</p>
      ) : (
        <ol className="changes">
          {revisions.edges.map(({ cursor, node }) => (
            <li key={cursor}>
              <time dateTime={node.at}>{node.at.slice(0, 16).replace("T", " ")}</time> ·{" "}
              {ACTION[node.action] ?? node.action} by {node.author}
              {fieldsOf(node.changes) && <span className="muted"> ({fieldsOf(node.changes)})</span>}
            </li>
          ))}
        </ol>
      )}
      {revisions.totalCount > revisions.edges.length && (
        <p className="muted">
          The latest {revisions.edges.length} of {revisions.totalCount} changes.
        </p>
      )}
    </section>
  );
}
