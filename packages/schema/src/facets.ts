import type { EventFilter } from "./search.ts";
import type { FacetField, ParticipantRole } from "./vocabulary.ts";

/** The global ID type of the values of a facet whose values are records. */
export type FacetIdType = "Actor" | "Place";

export interface FacetFilter {
  /** The field of `EventFilter` that holds the facet's selected values. */
  filter: keyof EventFilter & ("types" | "actorIds" | "roles" | "countries" | "placeIds" | "outletIds");
  /** The URL parameter the search page writes each selected value to (`?country=PK&country=AF`). */
  param: string;
  /** Values are global IDs of this type (the API's `FacetValue.value`); absent: codes. */
  idType?: FacetIdType;
}

/**
 * Each facet's filter field and URL parameter: the one definition the URL codec, the search engine,
 * the API and the web app read.
 */
export const FACET_FILTERS = {
  TYPE: { filter: "types", param: "type" },
  ACTOR: { filter: "actorIds", param: "actor", idType: "Actor" },
  ROLE: { filter: "roles", param: "role" },
  COUNTRY: { filter: "countries", param: "country" },
  PLACE: { filter: "placeIds", param: "place", idType: "Place" },
  OUTLET: { filter: "outletIds", param: "outlet", idType: "Actor" },
} as const satisfies Record<FacetField, FacetFilter>;

/** The URL parameter of `participants` entries: `p=<actor ID>:MEDIATOR,HOST`, or `p=<actor ID>` for any role. */
export const PARTICIPANT_PARAM = "p";

/** Every URL parameter the search page reads. */
export const SEARCH_PARAMS = [
  "q",
  ...Object.values(FACET_FILTERS).map((f) => f.param),
  PARTICIPANT_PARAM,
  "from",
  "to",
  "contested",
  "sort",
  "after",
  "before",
] as const;

/** How a facet's record IDs are named in messages: "an actor", "a place". */
export function idTypeName(type: FacetIdType): string {
  return type === "Actor" ? "an actor" : "a place";
}

/** A filter whose record IDs (facet values and participants) are of type T: database IDs for the search engine. */
export type FilterWithIds<T> = Omit<EventFilter, "actorIds" | "placeIds" | "outletIds" | "participants"> & {
  actorIds?: T[];
  placeIds?: T[];
  outletIds?: T[];
  participants?: { actorId: T; roles?: ParticipantRole[] }[];
};

/**
 * The filter with every global ID turned into `id(globalId, type, path)`: where the API and exports
 * turn the IDs a client sends into database IDs, each naming the place of an ID it refuses
 * (`filter.actorIds`, `filter.participants[1].actorId`).
 */
export function mapFilterIds<T>(
  filter: EventFilter,
  id: (globalId: string, type: FacetIdType, path: string) => T,
): FilterWithIds<T> {
  const { actorIds, placeIds, outletIds, participants, ...rest } = filter;
  const out: FilterWithIds<T> = { ...rest };
  for (const { filter: key, idType } of Object.values(FACET_FILTERS) as FacetFilter[]) {
    const values = filter[key] as string[] | undefined;
    if (idType && values)
      out[key as "actorIds" | "placeIds" | "outletIds"] = values.map((v) => id(v, idType, `filter.${key}`));
  }
  if (participants)
    out.participants = participants.map((p, i) => ({
      actorId: id(p.actorId, "Actor", `filter.participants[${i}].actorId`),
      ...(p.roles ? { roles: p.roles } : {}),
    }));
  return out;
}
