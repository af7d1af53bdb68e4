import type { ExportEvent, ExportPlace } from "../records.ts";
import type { ExportWriter } from "./writer.ts";

/**
 * A FeatureCollection with one Point per place of the exported events, with the place's name, kind,
 * country, and the count and IDs of its events. Places are gathered as events stream by (an ID per
 * event and place), then written at the end; places without coordinates are counted, not drawn.
 */
export function geojsonWriter(): ExportWriter {
  const places = new Map<string, { place: ExportPlace; events: string[] }>();
  let unplaced = 0;
  return {
    head: () => `{"type":"FeatureCollection","features":[\n`,
    event(e: ExportEvent) {
      for (const place of e.places) {
        if (place.lat === null || place.lon === null) {
          unplaced++;
          continue;
        }
        const entry = places.get(place.id) ?? { place, events: [] };
        entry.events.push(e.id);
        places.set(place.id, entry);
      }
      return "";
    },
    *tail() {
      let first = true;
      for (const { place, events } of places.values()) {
        const feature = {
          type: "Feature",
          id: place.id,
          geometry: { type: "Point", coordinates: [place.lon, place.lat] },
          properties: { name: place.name, kind: place.kind, country: place.country, key: place.key, eventCount: events.length, eventIds: events },
        };
        yield `${first ? "" : ",\n"}${JSON.stringify(feature)}`;
        first = false;
      }
      yield "\n]}\n";
    },
    notes: () => [`${places.size} place${places.size === 1 ? "" : "s"}`, ...(unplaced ? [`${unplaced} event place${unplaced === 1 ? "" : "s"} without coordinates left out`] : [])],
  };
}
