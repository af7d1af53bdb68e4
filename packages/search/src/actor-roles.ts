import { defined } from "@parley/schema";
import { RoaringBitmap32 } from "./bitmap.ts";

/**
 * Events by (actor, role): the events each actor took part in in each role, one bitmap per pair that
 * occurs. The ACTOR and ROLE bitmaps say who took part and which roles were held, not who held which;
 * these make "the TTP as mediator" one bitmap, and a role facet bound to chosen actors one union per
 * role. Kept by role, then actor: a role's map lists the actors that ever held it.
 */
export class ActorRoles {
  readonly byRole = new Map<string, Map<number, RoaringBitmap32>>();

  /** The events of the actor in this role (read-only: it may be the index's own bitmap). */
  get(actorId: number, role: string): RoaringBitmap32 | undefined {
    return this.byRole.get(role)?.get(actorId);
  }

  /** The actors that hold the role in some event, with their events in it. */
  actorsIn(role: string): ReadonlyMap<number, RoaringBitmap32> {
    return this.byRole.get(role) ?? new Map();
  }

  /** Events where any of the actors took part in any of the roles: a new bitmap. */
  events(actorIds: readonly number[], roles: readonly string[]): RoaringBitmap32 {
    const parts: RoaringBitmap32[] = [];
    for (const role of roles) {
      const actors = this.byRole.get(role);
      if (!actors) continue;
      for (const actorId of actorIds) {
        const events = actors.get(actorId);
        if (events && !events.isEmpty) parts.push(events);
      }
    }
    return parts.length === 1 ? defined(parts[0]).clone() : RoaringBitmap32.orMany(parts);
  }

  /** The map of one role's actors, made when first needed. */
  roleMap(role: string): Map<number, RoaringBitmap32> {
    let actors = this.byRole.get(role);
    if (!actors) {
      actors = new Map();
      this.byRole.set(role, actors);
    }
    return actors;
  }

  add(id: number, participants: readonly { actorId: number; role: string }[]) {
    for (const { actorId, role } of participants) {
      const actors = this.roleMap(role);
      let events = actors.get(actorId);
      if (!events) {
        events = new RoaringBitmap32();
        actors.set(actorId, events);
      }
      events.add(id);
    }
  }

  /**
   * Takes the event out of every pair of its actors and roles. Which actor held which role is not
   * kept per event; every combination is at most a few dozen bitmaps, and removing an absent ID is
   * a no-op.
   */
  remove(id: number, actorIds: readonly number[], roles: readonly string[]) {
    for (const role of roles) {
      const actors = this.byRole.get(role);
      if (actors) for (const actorId of actorIds) actors.get(actorId)?.remove(id);
    }
  }

  bitmaps(): RoaringBitmap32[] {
    return [...this.byRole.values()].flatMap((actors) => [...actors.values()]);
  }
}
