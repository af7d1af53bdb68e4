import { demoFiles, readDataFiles } from "@parley/db";
import type { Knowledge } from "../knowledge.ts";

/** What a fresh install knows (the demo dataset), read from its files: the evaluation needs no database. */
export function demoKnowledge(): Knowledge {
  const files = readDataFiles(demoFiles());
  const actors = files.flatMap(({ data }) => data.actors);
  const places = files.flatMap(({ data }) => data.places);
  return {
    actors: actors.map((a, i) => ({
      id: i + 1,
      name: a.name,
      kind: a.kind,
      country: a.country ?? null,
      names: [a.name, ...a.aliases.map((x) => x.name)],
    })),
    places: places.map((p, i) => ({
      id: i + 1,
      name: p.name,
      country: p.country,
      kind: p.kind,
      lat: p.lat ?? null,
      lon: p.lon ?? null,
    })),
  };
}
