/** A place of an event as the ACLED row and the map read it. */
export interface LocatedPlace {
  name: string;
  kind: string;
  country: string;
  lat: number | null;
  lon: number | null;
  /** The places it lies within, the nearest first (Kabul: Afghanistan). */
  within?: { name: string; kind: string }[];
}

/** The place a row or a map point stands for: the first with coordinates, else the first. */
export function primaryPlace<P extends LocatedPlace>(places: P[]): P | undefined {
  return places.find((p) => p.lat !== null && p.lon !== null) ?? places[0];
}

/**
 * ACLED's admin1, admin2 and admin3 from the place and the places it lies within: the outermost
 * region, then the outermost district and the district within that. Countries, settlements and sites
 * are no admin areas; a region within a region (the former tribal districts within Khyber
 * Pakhtunkhwa) adds nothing.
 */
export function adminAreas(place: LocatedPlace): [string, string, string] {
  const outermostFirst = [place, ...(place.within ?? [])].reverse();
  const regions = outermostFirst.filter((p) => p.kind === "REGION");
  const districts = outermostFirst.filter((p) => p.kind === "DISTRICT");
  return [regions[0]?.name ?? "", districts[0]?.name ?? "", districts[1]?.name ?? ""];
}
