import type { Db } from "@parley/db";
import type { ActorKind } from "@parley/schema";
import { normalizeName } from "@parley/schema";

export interface KnownActor {
  id: number;
  name: string;
  kind: ActorKind;
  country: string | null;
  names: string[];
}

export interface KnownPlace {
  id: number;
  name: string;
  country: string;
  kind: string;
  lat: number | null;
  lon: number | null;
}

/** What the database already knows, against which a report's names are matched. */
export interface Knowledge {
  actors: KnownActor[];
  places: KnownPlace[];
}

export async function loadKnowledge(db: Db): Promise<Knowledge> {
  const actors = await db.actor.findMany({
    select: { id: true, name: true, kind: true, country: true, aliases: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const places = await db.place.findMany({
    select: { id: true, name: true, country: true, kind: true, lat: true, lon: true },
    orderBy: { id: "asc" },
  });
  return {
    actors: actors.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      country: a.country,
      names: [a.name, ...a.aliases.map((x) => x.name)],
    })),
    places,
  };
}

export const emptyKnowledge: Knowledge = { actors: [], places: [] };

/** normalizeName of a name, keyed to every record under it. */
export function indexByName<T>(records: T[], names: (record: T) => string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const record of records) {
    for (const name of names(record)) {
      const key = normalizeName(name);
      if (!key) continue;
      const list = index.get(key) ?? [];
      if (!list.includes(record)) list.push(record);
      index.set(key, list);
    }
  }
  return index;
}
