import { randomUUID } from "node:crypto";
import type { CombinedError } from "@urql/core";
import Link from "next/link";
import { env } from "../env.ts";
import { makeClient } from "../graphql/client.ts";
import { type ResultOf, readFragment } from "../graphql/tada.ts";
import { ActorMatchesQuery } from "../search/actors.query.ts";
import { ApiUnavailable } from "../shared/ApiUnavailable.tsx";
import { signOut } from "./actions.ts";
import { CandidateCard, type Keys } from "./CandidateCard.tsx";
import { CandidateFields } from "./candidate.fragment.ts";
import { IngestForm } from "./IngestForm.tsx";
import { ReportText } from "./ReportText.tsx";
import { ReviewQueueQuery, ReviewSourceQuery } from "./review.query.ts";
import { Shortcuts } from "./Shortcuts.tsx";
import { SignIn } from "./SignIn.tsx";

type Source = NonNullable<ResultOf<typeof ReviewSourceQuery>["source"]>;

const TOKEN_GONE =
  "Your sign-in no longer works: the token was revoked, or this server does not know it. Sign in again.";
const refused = (error: CombinedError | undefined) =>
  Boolean(error?.graphQLErrors.some((e) => e.extensions?.code === "FORBIDDEN"));

/** Each form's idempotency key, new with every rendering: one key per change the editor means. */
const freshKeys = (): Keys => ({ accept: randomUUID(), edit: randomUUID(), reject: randomUUID(), merge: randomUUID() });

/** The words each candidate stands for in the report: an event's sentences, a citation's, a new actor's name. */
function marksOf(source: Source) {
  return (source.candidates?.edges ?? []).map(({ node }) => {
    const c = readFragment(CandidateFields, node);
    const p = c.payload;
    const words =
      p.__typename === "EventCandidatePayload"
        ? [p.quote, ...p.quotes]
        : p.__typename === "ActorCandidatePayload"
          ? [p.text, p.name]
          : [p.quote];
    return { id: c.id, kind: c.kind, words };
  });
}

/** Known actors whose names resemble each pending new actor's: where a merge most likely goes. */
async function mergeSuggestions(client: ReturnType<typeof makeClient>, source: Source) {
  const names = (source.candidates?.edges ?? [])
    .map(({ node }) => readFragment(CandidateFields, node))
    .filter((c) => c.status === "PENDING" && c.payload.__typename === "ActorCandidatePayload")
    .map((c) => [c.id, (c.payload as { name: string }).name] as const);
  const found = await Promise.all(
    names.map(([, name]) => client.query(ActorMatchesQuery, { query: name }).toPromise()),
  );
  return new Map(
    names.map(([id], i) => [
      id,
      (found[i]?.data?.searchActors ?? []).map((m) => ({ id: m.actor.id, name: m.actor.name })),
    ]),
  );
}

/** /review: the signed-in editor's queue of ingested reports, one report at a time with its candidates. */
export async function ReviewPage({ token, sourceId }: { token: string; sourceId: string | null }) {
  const client = makeClient({ token, timeoutMs: 10_000 });
  const queue = await client.query(ReviewQueueQuery, {}, { requestPolicy: "network-only" }).toPromise();
  if (refused(queue.error)) return <SignIn notice={TOKEN_GONE} />;
  if (!queue.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={queue.error} />;
  const { viewer, candidateSources } = queue.data;
  if (!viewer) return <SignIn notice={TOKEN_GONE} />;
  const reports = candidateSources.edges.map((e) => e.node);
  const selected = sourceId ?? reports[0]?.id ?? null;
  const result = selected
    ? await client.query(ReviewSourceQuery, { id: selected }, { requestPolicy: "network-only" }).toPromise()
    : null;
  const source = result?.data?.source ?? null;
  const suggestions = source ? await mergeSuggestions(client, source) : new Map();
  return (
    <div className="review">
      <div className="review-head">
        <h1>Review</h1>
        <p>
          Signed in as <strong>{viewer.name}</strong> ({viewer.role.toLowerCase()}).{" "}
        </p>
        <form action={signOut} data-action="sign-out">
          <button type="submit">Sign out</button>
        </form>
      </div>
      <IngestForm formKey={randomUUID()} open={reports.length === 0} />
      <div className="review-layout">
        <nav className="review-queue" aria-label="Reports waiting for review">
          <h2>Reports ({candidateSources.totalCount})</h2>
          {reports.length === 0 ? (
            <p>
              Nothing waits for review. Add a report above, or with <code>pnpm parley ingest</code>.
            </p>
          ) : (
            <ul>
              {reports.map((r) => (
                <li key={r.id} aria-current={r.id === selected ? "page" : undefined}>
                  <Link href={`/review?source=${encodeURIComponent(r.id)}`}>{r.title}</Link>
                  <span className="muted">
                    {" "}
                    {r.pending?.totalCount ?? 0} pending{r.outlet ? ` · ${r.outlet.name}` : ""}
                    {r.publishedAt ? ` · ${r.publishedAt}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </nav>
        {selected && !source ? (
          <section className="notice" role="alert">
            <h2>No such report</h2>
            <p>
              {result?.error ? `The API answered with an error: ${result.error.message}` : "No source has this ID."}
            </p>
          </section>
        ) : source ? (
          <section className="review-report" aria-labelledby="report-title">
            <h2 id="report-title">{source.title}</h2>
            <p className="muted">
              {source.outlet?.name ?? "Outlet unknown"} · {source.publishedAt ?? "no publication date"}
              {source.url && (
                <>
                  {" · "}
                  <a href={source.url} rel="noreferrer">
                    {source.url}
                  </a>
                </>
              )}
            </p>
            {!source.publishedAt && (
              <p className="warning" role="note">
                No publication date: dates that need one (“on Wednesday”) are left unresolved. Give such events a date
                before accepting them.
              </p>
            )}
            <div className="review-columns">
              <ReportText text={source.text ?? ""} marks={marksOf(source)} />
              <div>
                <h2>Candidates ({source.candidates?.totalCount ?? 0})</h2>
                <ol className="candidates">
                  {(source.candidates?.edges ?? []).map(({ node }) => (
                    <CandidateCard
                      key={node.id}
                      data={node}
                      keys={freshKeys()}
                      suggestions={suggestions.get(node.id) ?? []}
                    />
                  ))}
                </ol>
              </div>
            </div>
            <Shortcuts />
          </section>
        ) : null}
      </div>
    </div>
  );
}
