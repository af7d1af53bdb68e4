import { FACET_FIELDS, type FacetField } from "@parley/schema";
import type { ResultOf } from "../graphql/tada.ts";
import type { SearchPageQuery } from "./search.query.ts";
import { ActorFilter } from "./ActorFilter.tsx";

type Facet = ResultOf<typeof SearchPageQuery>["searchEvents"]["facets"][number];

/** The URL parameter each facet writes; the same names `searchStateFromParams` reads. */
export const FACET_PARAM: Record<FacetField, string> = {
  TYPE: "type",
  ACTOR: "actor",
  ROLE: "role",
  COUNTRY: "country",
  PLACE: "place",
  OUTLET: "outlet",
};

const countFormat = new Intl.NumberFormat("en-GB");

function FacetPanel({ facet }: { facet: Facet }) {
  const field = facet.field as FacetField;
  const name = FACET_PARAM[field];
  const legendId = `facet-${name}`;
  return (
    <fieldset className="facet" aria-labelledby={legendId}>
      <legend id={legendId}>{FACET_FIELDS.labels[field]}</legend>
      {field === "ACTOR" && <ActorFilter />}
      {facet.values.length === 0 ? (
        <p className="muted">None in these results.</p>
      ) : (
        <ul>
          {facet.values.map((v) => (
            <li key={v.value}>
              <label className={v.count === 0 && !v.selected ? "facet-empty" : undefined}>
                {/* Keyed by state: a navigation that changes the selection must reset the box. */}
                <input key={String(v.selected)} type="checkbox" name={name} value={v.value} defaultChecked={v.selected} />
                <span className="facet-label">{v.label}</span>
                <span className="facet-count" aria-label={`${v.count} events`}>
                  {countFormat.format(v.count)}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

export function Facets({ facets }: { facets: Facet[] }) {
  const order = FACET_FIELDS.codes;
  const sorted = [...facets].sort((a, b) => order.indexOf(a.field as FacetField) - order.indexOf(b.field as FacetField));
  return (
    <>
      {sorted.map((facet) => (
        <FacetPanel key={facet.field} facet={facet} />
      ))}
    </>
  );
}
