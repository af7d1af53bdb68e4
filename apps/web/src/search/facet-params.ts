import type { FacetField } from "@parley/schema";

/** The URL parameter each facet writes; the same names `searchStateFromParams` reads. */
export const FACET_PARAM: Record<FacetField, string> = {
  TYPE: "type",
  ACTOR: "actor",
  ROLE: "role",
  COUNTRY: "country",
  PLACE: "place",
  OUTLET: "outlet",
};
