import { createHash } from "node:crypto";
import { normalizeName } from "@parley/schema";
import { clip } from "./fields.ts";
import type { DatasetActor, DatasetName, PlaceInput } from "./types.ts";

/** Stable keys for what imports create, so that a second import finds the same records. */

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** A place keyed by country, kind, name and coordinates rounded to 4 decimals (about 10 m). */
export function placeInput(p: Omit<PlaceInput, "key">): PlaceInput {
  const lat = round(p.lat);
  const lon = round(p.lon);
  const name = clip(p.name, 300);
  return {
    key: `geo:${p.country}:${p.kind}:${normalizeName(name)}@${lat.toFixed(4)},${lon.toFixed(4)}`,
    name,
    kind: p.kind,
    country: p.country,
    lat,
    lon,
  };
}

export function sourceKey(dataset: DatasetName, ...parts: string[]): string {
  return `${dataset}-source:${createHash("sha1").update(parts.join("\u241f")).digest("hex").slice(0, 16)}`;
}

export function outletActor(dataset: DatasetName, name: string): DatasetActor {
  const clipped = clip(name, 300);
  return { key: `${dataset}-outlet:${normalizeName(clipped)}`, name: clipped, kind: "MEDIA_OUTLET" };
}
