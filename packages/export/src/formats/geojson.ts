import { acledSides, primaryPlace } from "@parley/datasets";
import { defined } from "@parley/schema";
import type { ExportEvent } from "../records.ts";
import type { ExportWriter } from "./writer.ts";

const names = (list: { name: string }[]) => list.map((x) => x.name).join("; ");

/** One event as a Feature: a Point at the place the ACLED row names, flat properties a GIS table can hold. */
function feature(e: ExportEvent) {
  const place = primaryPlace(e.places);
  const located = place !== undefined && place.lat !== null && place.lon !== null;
  const { actors, side1, side2, third } = acledSides(e);
  const named = (keys: string[]) => names(keys.map((k) => defined(actors.get(k))));
  return {
    type: "Feature",
    id: e.id,
    geometry: located ? { type: "Point", coordinates: [place.lon, place.lat] } : null,
    properties: {
      key: e.key,
      type: e.type,
      title: e.title,
      startDate: e.startDate,
      endDate: e.endDate,
      datePrecision: e.datePrecision,
      fatalities: e.fatalities.best,
      fatalitiesLow: e.fatalities.low,
      fatalitiesHigh: e.fatalities.high,
      contested: e.contested,
      location: place?.name ?? null,
      country: place?.country ?? null,
      places: names(e.places),
      side1: named(side1),
      side2: named(side2),
      thirdParties: named(third),
    },
  };
}

/**
 * A FeatureCollection with one Feature per event, in the search's order, written as it goes: a Point
 * at its first place with coordinates (the CSV row's location), every place named in `places`. An
 * event without coordinates is a Feature with a null geometry (RFC 7946, 3.2): GIS tools list it in
 * the attribute table and draw nothing, so counts match the search.
 */
export function geojsonWriter(): ExportWriter {
  let count = 0;
  let unlocated = 0;
  let spread = 0;
  return {
    head: () => `{"type":"FeatureCollection","features":[\n`,
    event(e: ExportEvent) {
      const f = feature(e);
      if (f.geometry === null) unlocated++;
      if (e.places.filter((p) => p.lat !== null && p.lon !== null).length > 1) spread++;
      return `${count++ === 0 ? "" : ",\n"}${JSON.stringify(f)}`;
    },
    tail: () => "\n]}\n",
    notes: () => [
      ...(unlocated
        ? [`${unlocated} event${unlocated === 1 ? "" : "s"} without coordinates: a feature with a null geometry`]
        : []),
      ...(spread
        ? [
            `${spread} event${spread === 1 ? "" : "s"} with places in more than one spot: a point at the first, all named in places`,
          ]
        : []),
    ],
  };
}
