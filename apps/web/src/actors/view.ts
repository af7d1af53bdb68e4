import { PAGE_SIZE, PARTICIPANT_ROLES, type ParticipantRole } from "@parley/schema";
import { href } from "../shared/links.ts";

type Params = Record<string, string | string[] | undefined>;

/** The page sizes an actor's timeline offers. */
export const TIMELINE_SIZES = [25, 50, 100] as const;

/**
 * What an actor page's URL chooses: one role (`?role=MEDIATOR`), the page size (`?per=50`) and a
 * page of appearances: the newest by default, older ones `?before=<cursor>`, newer ones
 * `?after=<cursor>`. `/actors/<id>?role=MEDIATOR` is "the talks this actor mediated".
 */
export interface ActorView {
  role: ParticipantRole | null;
  per: number;
  before: string | null;
  after: string | null;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** Reads the view from URL params; a value that does not parse is left out and named in `problems`. */
export function actorViewFromParams(params: Params): { view: ActorView; problems: string[] } {
  const problems: string[] = [];
  const role = first(params.role);
  const roleOk = role !== undefined && PARTICIPANT_ROLES.schema.safeParse(role).success;
  if (role !== undefined && !roleOk)
    problems.push(`ignored role=${role} (one of ${PARTICIPANT_ROLES.codes.join(", ")})`);
  const per = first(params.per);
  const perNumber = per === undefined ? NaN : Number(per);
  const perOk = Number.isInteger(perNumber) && perNumber >= 1 && perNumber <= PAGE_SIZE.max;
  if (per !== undefined && !perOk) problems.push(`ignored per=${per} (a whole number from 1 to ${PAGE_SIZE.max})`);
  const after = first(params.after) ?? null;
  return {
    view: {
      role: roleOk ? (role as ParticipantRole) : null,
      per: perOk ? perNumber : PAGE_SIZE.max,
      // One direction at a time: a link carries one of them.
      before: after ? null : (first(params.before) ?? null),
      after,
    },
    problems,
  };
}

/** The query's variables for a view: the newest page unless a cursor says otherwise. */
export function actorViewVariables(view: ActorView) {
  const roles = view.role ? [view.role] : null;
  if (view.after) return { roles, first: view.per, after: view.after, last: null, before: null };
  return { roles, first: null, after: null, last: view.per, before: view.before };
}

/** The link to an actor page showing a view; defaults are left out so links stay short. */
export function actorViewHref(id: string, view: Partial<ActorView>): string {
  const params = new URLSearchParams();
  if (view.role) params.set("role", view.role);
  if (view.per && view.per !== PAGE_SIZE.max) params.set("per", String(view.per));
  if (view.before) params.set("before", view.before);
  if (view.after) params.set("after", view.after);
  const query = params.toString();
  return `${href.actor(id)}${query ? `?${query}` : ""}#timeline`;
}
