import { geoBounds, geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";

export interface MapPlace {
  id: string;
  name: string;
  country: string;
  lat: number | null;
  lon: number | null;
  /** How many of the shown events happened there. */
  count: number;
}

const WIDTH = 720;
const HEIGHT = 420;

const topology = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const land = feature(topology, topology.objects.countries).features;
const landBounds = land.map((f) => ({ f, b: geoBounds(f as GeoPermissibleObjects) }));

function overlaps(b: [[number, number], [number, number]], box: { west: number; east: number; south: number; north: number }) {
  const [[w, s], [e, n]] = b;
  if (w > e) return n >= box.south && s <= box.north; // crosses the antimeridian: keep if latitudes meet
  return e >= box.west && w <= box.east && n >= box.south && s <= box.north;
}

/** The places of the shown events on a map drawn offline from Natural Earth (world-atlas). */
export function PlacesMap({ places }: { places: MapPlace[] }) {
  const located = places.filter((p): p is MapPlace & { lat: number; lon: number } => p.lat !== null && p.lon !== null);
  if (located.length === 0) return <p className="muted">None of these events has a place with coordinates.</p>;

  const lats = located.map((p) => p.lat);
  const lons = located.map((p) => p.lon);
  const pad = Math.max(2, (Math.max(...lons) - Math.min(...lons)) * 0.15, (Math.max(...lats) - Math.min(...lats)) * 0.15);
  const box = { west: Math.min(...lons) - pad, east: Math.max(...lons) + pad, south: Math.min(...lats) - pad, north: Math.max(...lats) + pad };
  const frame: GeoPermissibleObjects = {
    type: "MultiPoint",
    coordinates: [
      [box.west, box.south],
      [box.east, box.north],
    ],
  };
  const projection = geoMercator().fitExtent(
    [
      [10, 10],
      [WIDTH - 10, HEIGHT - 10],
    ],
    frame,
  );
  const path = geoPath(projection);
  const shown = landBounds.filter(({ b }) => overlaps(b as [[number, number], [number, number]], box));
  const max = Math.max(...located.map((p) => p.count));
  const labelled = new Set([...located].sort((a, b) => b.count - a.count).slice(0, 8).map((p) => p.id));

  return (
    <figure className="picture">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="map-caption" className="places-map">
        <rect width={WIDTH} height={HEIGHT} className="map-sea" />
        {shown.map(({ f }, i) => (
          <path key={i} d={path(f as GeoPermissibleObjects) ?? undefined} className="map-land" />
        ))}
        {located.map((p) => {
          const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
          const r = 4 + 10 * Math.sqrt(p.count / max);
          return (
            <g key={p.id} className="map-place">
              <circle cx={x} cy={y} r={r}>
                <title>{`${p.name} (${p.country}): ${p.count} ${p.count === 1 ? "event" : "events"}`}</title>
              </circle>
              {labelled.has(p.id) && (
                <text x={x + r + 3} y={y + 4}>
                  {p.name}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id="map-caption">
        {located.length} {located.length === 1 ? "place" : "places"} of these events; circles grow with the number of events.
        Borders: Natural Earth.
      </figcaption>
    </figure>
  );
}
