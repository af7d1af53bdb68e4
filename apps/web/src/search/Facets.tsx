import { FACET_FIELDS, FACET_FILTERS, type FacetField } from "@parley/schema";
import type { SearchData } from "./load.ts";
import { ActorFilter } from "./ActorFilter.tsx";
import { FacetGroup } from "./FacetGroup.tsx";

type Facet = SearchData["facets"][number];

/** Every facet of the search, in the vocabulary's order; `context` is the search's URL params, for the actor finder's counts. */
export function Facets({ facets, context }: { facets: Facet[]; context: string }) {
  const order = FACET_FIELDS.codes;
  const sorted = [...facets].sort((a, b) => order.indexOf(a.field as FacetField) - order.indexOf(b.field as FacetField));
  return (
    <>
      {sorted.map((facet) => {
        const field = facet.field as FacetField;
        return (
          <FacetGroup key={field} name={FACET_FILTERS[field].param} legend={FACET_FIELDS.labels[field]} values={facet.values}>
            {field === "ACTOR" && <ActorFilter context={context} />}
          </FacetGroup>
        );
      })}
    </>
  );
}
