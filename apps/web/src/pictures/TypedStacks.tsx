import type { SearchState } from "@parley/schema";
import { getClient } from "../graphql/client.ts";
import { TypeStacks } from "./MonthChart.tsx";
import { type Bucket, monthsOf } from "./months.ts";
import { TypeMonthsQuery } from "./type-months.query.ts";

/**
 * The month timeline's bars by type: one histogram per type with results, asked together. Streamed
 * into the timeline in a Suspense boundary of its own, so the results never wait for it.
 */
export async function TypedStacks({ state, total, types }: { state: SearchState; total: Bucket[]; types: string[] }) {
  const results = await Promise.all(
    types.map((type) =>
      getClient()
        .query(TypeMonthsQuery, { query: state.query || null, filter: { ...state.filter, types: [type as never] } })
        .toPromise(),
    ),
  );
  const byType: Record<string, Bucket[]> = {};
  for (const [i, type] of types.entries()) {
    const data = results[i]?.data;
    if (data) byType[type] = data.searchEvents.histogram;
  }
  return <TypeStacks months={monthsOf(total, byType)} types={types.filter((t) => byType[t])} />;
}
