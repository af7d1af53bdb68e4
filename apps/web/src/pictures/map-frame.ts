import { type GeoPermissibleObjects, geoBounds, geoMercator, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import { MAP } from "./map-view.ts";

export interface MapPlace {
  id: string;
  name: string;
  country: string;
  lat: number | null;
  lon: number | null;
  /** How many of the events are there. */
  count: number;
}

/** A place on the drawn map: its position in the map's units. */
export interface PlacedPlace {
  id: string;
  name: string;
  country: string;
  count: number;
  x: number;
  y: number;
}

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const land = feature(topology, topology.objects.countries).features;
const landBounds = land.map((f) => ({
  f,
  b: geoBounds(f as GeoPermissibleObjects) as [[number, number], [number, number]],
}));

function overlaps(
  [[w, s], [e, n]]: [[number, number], [number, number]],
  box: { west: number; east: number; south: number; north: number },
) {
  if (w > e) return n >= box.south && s <= box.north; // crosses the antimeridian: keep if latitudes meet
  return e >= box.west && w <= box.east && n >= box.south && s <= box.north;
}

/**
 * The map of some places, drawn on the server from Natural Earth's borders (world-atlas, bundled):
 * fitted to the places, with the land around them for panning. The 1:110m borders, clipped to that
 * area and rounded to a tenth of a unit, keep the page small (the 1:50m ones made the search page
 * several hundred kilobytes heavier, for detail only a deep zoom shows).
 */
export function mapFrame(places: MapPlace[]): { land: string[]; places: PlacedPlace[] } | null {
  const located = places.filter((p): p is MapPlace & { lat: number; lon: number } => p.lat !== null && p.lon !== null);
  if (located.length === 0) return null;
  const lats = located.map((p) => p.lat);
  const lons = located.map((p) => p.lon);
  const pad = Math.max(
    2,
    (Math.max(...lons) - Math.min(...lons)) * 0.15,
    (Math.max(...lats) - Math.min(...lats)) * 0.15,
  );
  const box = {
    west: Math.min(...lons) - pad,
    east: Math.max(...lons) + pad,
    south: Math.max(-80, Math.min(...lats) - pad),
    north: Math.min(80, Math.max(...lats) + pad),
  };
  const frame: GeoPermissibleObjects = {
    type: "MultiPoint",
    coordinates: [
      [box.west, box.south],
      [box.east, box.north],
    ],
  };
  const projection = geoMercator().fitExtent(
    [
      [40, 30],
      [MAP.width - 40, MAP.height - 30],
    ],
    frame,
  );
  const path = geoPath(
    projection.clipExtent([
      [-10, -10],
      [MAP.width + 10, MAP.height + 10],
    ]),
  ).digits(1);
  const span = { lon: box.east - box.west, lat: box.north - box.south };
  const context = {
    west: box.west - span.lon / 4,
    east: box.east + span.lon / 4,
    south: box.south - span.lat / 4,
    north: box.north + span.lat / 4,
  };
  return {
    land: landBounds
      .filter(({ b }) => overlaps(b, context))
      .map(({ f }) => path(f as GeoPermissibleObjects) ?? "")
      .filter(Boolean),
    places: located.map((p) => {
      const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
      return {
        id: p.id,
        name: p.name,
        country: p.country,
        count: p.count,
        x: Math.round(x * 10) / 10,
        y: Math.round(y * 10) / 10,
      };
    }),
  };
}
