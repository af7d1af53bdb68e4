import type { SearchState } from "@parley/schema";
import Link from "next/link";
import { correctedQuery } from "./did-you-mean.ts";
import { pageParams } from "./page-params.ts";

/** "Did you mean …?": the search with the words the API suggests, its filters kept. */
export function DidYouMean({ state, suggestions }: { state: SearchState; suggestions: string[] }) {
  const corrected = correctedQuery(state.query, suggestions);
  if (corrected === null) return null;
  return (
    <p className="did-you-mean">
      Did you mean <Link href={`/?${pageParams({ ...state, query: corrected })}`}>{corrected}</Link>?
    </p>
  );
}
