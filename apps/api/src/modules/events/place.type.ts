import { builder } from "../../builder.ts";

export const PlaceKindEnum = builder.enumType("PlaceKind", {
  description: "How large a place is, from a country down to a single site.",
  values: {
    COUNTRY: { description: "A country." },
    REGION: { description: "A first-level division (province, state), or a wider area; ACLED's admin1." },
    DISTRICT: { description: "A second- or third-level division (district, tehsil); ACLED's admin2 and admin3." },
    SETTLEMENT: { description: "A town, city or village." },
    SITE: { description: "A single site: a border crossing, a building, a camp." },
  },
});

export const PlaceRef = builder.prismaNode("Place", {
  nullable: true,
  id: { field: "id" },
  description: "Where events happen: a country, region, district, settlement or site, with coordinates where known.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The place's name in English, as commonly written." }),
    kind: t.field({ type: PlaceKindEnum, description: "How large the place is.", resolve: (p) => p.kind }),
    country: t.exposeString("country", {
      description: "The ISO 3166-1 alpha-2 code of the country the place is in, such as PK.",
    }),
    lat: t.exposeFloat("lat", {
      nullable: true,
      description: "Latitude in decimal degrees (WGS 84); null when the place has no coordinates.",
    }),
    lon: t.exposeFloat("lon", {
      nullable: true,
      description: "Longitude in decimal degrees (WGS 84); null when the place has no coordinates.",
    }),
    parent: t.relation("parent", {
      nullable: true,
      description: "The place this one lies within; null for a country or where not recorded.",
    }),
  }),
});
