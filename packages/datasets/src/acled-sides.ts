import { type ActorKind, defined, normalizeName, type ParticipantRole } from "@parley/schema";
import { readSummary } from "./acled-summary.ts";

/** An affiliation seen from a participant: `actor` is its organisation (`member`), or a member of it. */
export interface Tie {
  actor: { id: string };
  kind: ActorKind;
  country: string | null;
  member: boolean;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as known. */
  start: string | null;
  end: string | null;
}

/** What the side rules read of an event. */
export interface SidedEvent {
  key: string | null;
  title: string;
  summary: string;
  startDate: string;
  participants: {
    role: ParticipantRole;
    note?: string | null;
    actor: { id?: string; name: string; kind: ActorKind; country?: string | null };
    affiliations?: Tie[];
  }[];
}

export interface SideActor {
  name: string;
  kind: ActorKind;
  country: string | null;
  ids: Set<string>;
  roles: ParticipantRole[];
  notes: string[];
  ties: Tie[];
}

/** Actors by normalised name (as the importer tells them apart), split into the two sides and the third parties. */
export interface Sides {
  actors: Map<string, SideActor>;
  side1: string[];
  side2: string[];
  third: string[];
}

type Group = 1 | 2 | 3;
type Kind = Group | "party" | "representative" | "other";

const SIDE_1: ParticipantRole[] = ["PERPETRATOR", "RELEASING", "VISITOR", "ORGANISER"];
const SIDE_2: ParticipantRole[] = ["TARGET", "RELEASED"];
const THIRD: ParticipantRole[] = ["MEDIATOR", "HOST", "GUARANTOR", "FACILITATOR"];
const REPRESENTATIVE: ParticipantRole[] = ["DELEGATION_LEAD", "DELEGATE", "SPOKESPERSON"];
const STATE: ActorKind[] = ["GOVERNMENT", "SECURITY_FORCE"];

function actorsOf(e: SidedEvent): Map<string, SideActor> {
  const actors = new Map<string, SideActor>();
  for (const p of e.participants) {
    const key = normalizeName(p.actor.name);
    const a = actors.get(key) ?? {
      name: p.actor.name,
      kind: p.actor.kind,
      country: p.actor.country ?? null,
      ids: new Set(),
      roles: [],
      notes: [],
      ties: [],
    };
    if (!a.roles.includes(p.role)) a.roles.push(p.role);
    if (p.actor.id) a.ids.add(p.actor.id);
    if (p.note) a.notes.push(p.note);
    a.ties.push(...(p.affiliations ?? []));
    actors.set(key, a);
  }
  return actors;
}

/** A visit's host is the side visited; any other host stands between the sides. */
function kindOf(roles: ParticipantRole[], visit: boolean): Kind {
  if (roles.some((r) => SIDE_1.includes(r))) return 1;
  if (roles.some((r) => SIDE_2.includes(r) || (visit && r === "HOST"))) return 2;
  if (roles.includes("PARTY")) return "party";
  if (roles.some((r) => THIRD.includes(r))) return 3;
  return roles.some((r) => REPRESENTATIVE.includes(r)) ? "representative" : "other";
}

const current = (t: Tie, day: string) =>
  (!t.start || day.slice(0, t.start.length) >= t.start) && (!t.end || day.slice(0, t.end.length) <= t.end);
const mentions = (note: string, name: string) => ` ${normalizeName(note)} `.includes(` ${normalizeName(name)} `);

/**
 * The group of the first rule that points to placed actors of one group: an affiliation current on
 * the event's day, the participant's note naming one, the same state (a government's or security
 * force's country, its own or its organisation's), and for delegates and spokespeople the same
 * country. A rule that points to two groups leaves the actor unplaced: its side cannot be told.
 */
function linkedGroup(
  actor: SideActor,
  representative: boolean,
  placed: [SideActor, Group][],
  day: string,
): Group | null {
  const ties = actor.ties.filter((t) => current(t, day));
  const states = new Set([
    ...(STATE.includes(actor.kind) && actor.country ? [actor.country] : []),
    ...ties.filter((t) => t.member && STATE.includes(t.kind) && t.country).map((t) => defined(t.country)),
  ]);
  const rules: ((other: SideActor) => boolean)[] = [
    (o) => ties.some((t) => o.ids.has(t.actor.id)),
    (o) => actor.notes.some((n) => mentions(n, o.name)),
    (o) => STATE.includes(o.kind) && o.country !== null && states.has(o.country),
    (o) => representative && actor.country !== null && o.country === actor.country,
  ];
  for (const rule of rules) {
    const groups = new Set(placed.filter(([o]) => rule(o)).map(([, g]) => g));
    if (groups.size > 0) return groups.size === 1 ? defined([...groups][0]) : null;
  }
  return null;
}

function byRoles(e: SidedEvent, actors: Map<string, SideActor>): Map<string, Group> {
  const keys = [...actors.keys()];
  const visit = keys.some((k) => defined(actors.get(k)).roles.includes("VISITOR"));
  const kinds = new Map(keys.map((k) => [k, kindOf(defined(actors.get(k)).roles, visit)]));
  const group = new Map<string, Group>();
  for (const [k, kind] of kinds) if (typeof kind === "number") group.set(k, kind);
  const has = (g: Group) => [...group.values()].includes(g);
  const parties = keys.filter((k) => kinds.get(k) === "party");
  const joining: Group = !has(1) ? 1 : !has(2) ? 2 : 1;
  if (!has(1) && !has(2)) for (const [i, k] of parties.entries()) group.set(k, i === 0 ? 1 : 2);
  else for (const k of parties) group.set(k, joining);

  const unplaced = () => keys.filter((k) => !group.has(k));
  const link = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const k of unplaced()) {
        const g = linkedGroup(
          defined(actors.get(k)),
          kinds.get(k) === "representative",
          [...group].map(([o, og]) => [defined(actors.get(o)), og]),
          e.startDate,
        );
        if (g === null) continue;
        group.set(k, g);
        changed = true;
      }
    }
  };
  link();
  if (!has(1) && !has(2)) {
    // With no side, the event is its first actor's (a statement, a mediator's appeal); an organisation
    // rather than the spokesperson who spoke for it.
    const seed =
      unplaced().find((k) => kinds.get(k) !== "representative") ??
      unplaced()[0] ??
      keys.find((k) => group.get(k) === 3);
    if (seed) group.set(seed, 1);
    link();
  }
  for (const k of unplaced()) group.set(k, kinds.get(k) === "representative" && !has(2) ? 1 : 3);
  return group;
}

type Split = [string[], string[], string[]];

/** An event from ACLED keeps its sides: its title names the two main actors, its summary its third parties. */
function fromAcled(e: SidedEvent, actors: Map<string, SideActor>): Split | null {
  const named = e.key?.startsWith("acled:") ? /^.+? in .+?: (.+)$/.exec(e.title)?.[1] : undefined;
  if (named === undefined) return null;
  const [main1, main2] = named.split(" – ").map(normalizeName);
  const listed = new Set(readSummary(e.summary)?.facts.thirdParties.map(normalizeName));
  const visit = [...actors.values()].some((a) => a.roles.includes("VISITOR"));
  const keys = [...actors.keys()];
  const third = keys.filter(
    (k) => listed.has(k) || (k !== main1 && k !== main2 && kindOf(defined(actors.get(k)).roles, visit) === 3),
  );
  const rest = keys.filter((k) => !third.includes(k));
  const at = main2 ? rest.indexOf(main2) : rest.length;
  if (at > 0) return [rest.slice(0, at), rest.slice(at), third];
  // the same actor on both sides (rioters against rioters) is one participant in Parley
  if (at === 0) return [rest, rest.slice(0, 1), third];
  return null;
}

/**
 * ACLED's two sides and Parley's third parties. Side 1 the perpetrators, releasing side, visitors or
 * organisers, else the first party; side 2 the targets, the released, a visit's host, else the other
 * parties; third the mediators, hosts, guarantors and facilitators. Delegates, spokespeople and other
 * participants join the group they are linked to (linkedGroup); a delegate or spokesperson who links
 * to none is side 1's when there is no side 2, and everyone else unlinked is a third party: never an
 * ally by default. ACLED requires actor1, so a lone side 2 becomes side 1.
 */
export function acledSides(e: SidedEvent): Sides {
  const actors = actorsOf(e);
  const kept = fromAcled(e, actors);
  if (kept) return { actors, side1: kept[0], side2: kept[1], third: kept[2] };
  const group = byRoles(e, actors);
  // in the order they were placed: those their roles place before those linked to them
  const of = (g: Group) => [...group].filter(([, og]) => og === g).map(([k]) => k);
  const [side1, side2, third] = [of(1), of(2), of(3)];
  return side1.length === 0 ? { actors, side1: side2, side2: [], third } : { actors, side1, side2, third };
}
