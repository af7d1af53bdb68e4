import type { ResultOf } from "../graphql/tada.ts";
import type { ActorPageQuery } from "./actor.query.ts";

type Appearance = NonNullable<ResultOf<typeof ActorPageQuery>["actor"]>["events"]["edges"][number]["node"];

export interface Companion {
  id: string;
  name: string;
  events: number;
  roles: Map<string, number>;
}

/** The actors that most often share events with this one, and in which roles they appeared. */
export function companions(actorId: string, appearances: Appearance[], limit = 12): Companion[] {
  const byId = new Map<string, Companion>();
  const seenEvents = new Set<string>();
  for (const { event } of appearances) {
    if (seenEvents.has(event.id)) continue;
    seenEvents.add(event.id);
    const counted = new Set<string>();
    for (const p of event.participants) {
      if (p.actor.id === actorId) continue;
      const c = byId.get(p.actor.id) ?? { id: p.actor.id, name: p.actor.name, events: 0, roles: new Map() };
      if (!counted.has(p.actor.id)) c.events++;
      counted.add(p.actor.id);
      c.roles.set(p.role, (c.roles.get(p.role) ?? 0) + 1);
      byId.set(p.actor.id, c);
    }
  }
  return [...byId.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)).slice(0, limit);
}
