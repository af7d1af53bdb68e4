import Link from "next/link";
import { getClient } from "../graphql/client.ts";
import { ActorList } from "./ActorList.tsx";
import { ActorNameMatchesQuery } from "./actors.query.ts";
import { facetCounts } from "./event-counts.ts";

/** Every actor a name finds, best match first (the finder's form sent, or a page without JavaScript). */
export async function ActorMatchList({ query }: { query: string }) {
  const result = await getClient().query(ActorNameMatchesQuery, { query }).toPromise();
  const matches = result.data?.searchActors ?? [];
  const events = await facetCounts(
    "ACTOR",
    matches.map((m) => m.actor.id),
  ).catch(() => new Map<string, number>());
  return (
    <>
      <p role="status" className="result-count">
        {matches.length === 0
          ? `No actor goes by “${query}”`
          : `${matches.length} ${matches.length === 1 ? "actor goes" : "actors go"} by “${query}” or a name like it`}
        {" · "}
        <Link href="/actors">Every actor</Link>
      </p>
      <ActorList rows={matches.map((m) => ({ data: m.actor, matchedName: m.matchedName }))} events={events} />
    </>
  );
}
