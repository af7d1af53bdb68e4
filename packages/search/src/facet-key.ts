/** A facet value as the index keys it: a code (event type, role, country) or a record's database ID (actor, place, outlet). */
export type FacetKey = string | number;
