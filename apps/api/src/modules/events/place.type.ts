import { builder } from "../../builder.ts";

export const PlaceKindEnum = builder.enumType("PlaceKind", { values: ["COUNTRY", "REGION", "DISTRICT", "SETTLEMENT", "SITE"] as const });

export const PlaceRef = builder.prismaNode("Place", {
  nullable: true,
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.field({ type: PlaceKindEnum, resolve: (p) => p.kind }),
    country: t.exposeString("country", { description: "ISO 3166-1 alpha-2." }),
    lat: t.exposeFloat("lat", { nullable: true }),
    lon: t.exposeFloat("lon", { nullable: true }),
    parent: t.relation("parent", { nullable: true, description: "The place this one lies within." }),
  }),
});
