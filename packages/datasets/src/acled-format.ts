import {
  type ActorKind,
  DATE_PRECISIONS,
  type DatePrecision,
  defined,
  EVENT_TYPES,
  type EventType,
  normalizeName,
  PARTICIPANT_ROLES,
  type ParticipantRole,
} from "@parley/schema";
import { list } from "./fields.ts";

/**
 * ACLED's vocabulary both ways: what the importer (acled.ts) reads and the exporter (acled-row.ts)
 * writes, kept in one place so that writing and reading back are each other's inverse.
 */

export { ACLED_COLUMNS } from "@parley/schema";

/**
 * Parley's column after ACLED's own (tools that read ACLED's columns by name or position ignore it):
 * the actors on neither side (mediators, hosts, guarantors, facilitators, and participants whose
 * side cannot be told), whose roles `parley:role` tags give; without a tag, an actor there is a
 * PARTICIPANT.
 */
export const THIRD_PARTY_ROLE: ParticipantRole = "PARTICIPANT";

/** ACLED actor types: code (older layout), name (current layout) and the actor kind Parley gives them. */
export const ACLED_ACTOR_TYPES = [
  [1, "State forces", "SECURITY_FORCE"],
  [2, "Rebel group", "ARMED_GROUP"],
  [3, "Political militia", "ARMED_GROUP"],
  [4, "Identity militia", "ARMED_GROUP"],
  [5, "Rioters", "CIVIL_SOCIETY"],
  [6, "Protesters", "CIVIL_SOCIETY"],
  [7, "Civilians", "OTHER"],
  [8, "External/Other forces", "OTHER"],
] as const satisfies readonly (readonly [number, string, ActorKind])[];

/** ACLED's actor type for a Parley actor: by kind, and within a kind by ACLED's naming habits. */
export function acledActorType(kind: ActorKind, name: string): string {
  if (kind === "SECURITY_FORCE" || kind === "GOVERNMENT") return "State forces";
  if (kind === "ARMED_GROUP")
    return /\b(communal|ethnic|clan|tribal) militia\b/i.test(name)
      ? "Identity militia"
      : /\bmilitia\b/i.test(name)
        ? "Political militia"
        : "Rebel group";
  if (kind === "CIVIL_SOCIETY") return /^rioters\b/i.test(name) ? "Rioters" : "Protesters";
  return /^civilians\b/i.test(name) ? "Civilians" : "External/Other forces";
}

export const ACLED_PRECISION: Record<string, DatePrecision> = { "1": "DAY", "2": "WEEK", "3": "MONTH" };

export const ACLED_GEO: Record<string, { kind: "SETTLEMENT" | "REGION"; label: string }> = {
  "1": { kind: "SETTLEMENT", label: "the place itself" },
  "2": { kind: "SETTLEMENT", label: "near the place or in its area" },
  "3": { kind: "REGION", label: "only the wider region" },
};

/** Parley's event type for an ACLED event type and sub-event type. */
export function eventTypeOf(type: string, sub: string): EventType | null {
  const t = type.toLowerCase();
  const s = sub.toLowerCase();
  if (t === "battles") return "ARMED_CLASH";
  if (t === "explosions/remote violence") return s === "air/drone strike" ? "AIRSTRIKE" : "ATTACK";
  if (t === "violence against civilians") return "VIOLENCE_AGAINST_CIVILIANS";
  if (t === "protests") return "PROTEST";
  if (t === "riots") return "RIOT";
  if (t === "strategic developments") return s === "agreement" ? "AGREEMENT" : s === "arrests" ? "ARREST" : "OTHER";
  return null;
}

const VIOLENCE = "Political violence";
const STRATEGIC = "Strategic developments";

/** ACLED's nearest codes for each Parley type (disorder type, event type, sub-event type). */
export const ACLED_TYPE_OF: Record<EventType, readonly [string, string, string]> = {
  NEGOTIATION: [STRATEGIC, STRATEGIC, "Other"],
  CEASEFIRE: [STRATEGIC, STRATEGIC, "Agreement"],
  AGREEMENT: [STRATEGIC, STRATEGIC, "Agreement"],
  PRISONER_RELEASE: [STRATEGIC, STRATEGIC, "Agreement"],
  VISIT: [STRATEGIC, STRATEGIC, "Other"],
  STATEMENT: [STRATEGIC, STRATEGIC, "Other"],
  DIPLOMATIC_PROTEST: [STRATEGIC, STRATEGIC, "Other"],
  AIRSTRIKE: [VIOLENCE, "Explosions/Remote violence", "Air/drone strike"],
  ATTACK: [VIOLENCE, "Explosions/Remote violence", "Remote explosive/landmine/IED"],
  ARMED_CLASH: [VIOLENCE, "Battles", "Armed clash"],
  INFILTRATION: [VIOLENCE, "Battles", "Armed clash"],
  MILITARY_OPERATION: [VIOLENCE, "Battles", "Armed clash"],
  VIOLENCE_AGAINST_CIVILIANS: [VIOLENCE, "Violence against civilians", "Attack"],
  PROTEST: ["Demonstrations", "Protests", "Peaceful protest"],
  RIOT: ["Demonstrations", "Riots", "Violent demonstration"],
  ARREST: [STRATEGIC, STRATEGIC, "Arrests"],
  TAKEOVER: [STRATEGIC, STRATEGIC, "Non-violent transfer of territory"],
  FORMATION: [STRATEGIC, STRATEGIC, "Change to group/activity"],
  OTHER: [STRATEGIC, STRATEGIC, "Other"],
};

/** The importer's default roles: one-sided violence has a perpetrator and a target, the rest parties. */
export function sideRoles(eventType: string, civilianTargeting: string): [ParticipantRole, ParticipantRole] {
  return eventType.toLowerCase() === "violence against civilians" || civilianTargeting !== ""
    ? ["PERPETRATOR", "TARGET"]
    : ["PARTY", "PARTY"];
}

/**
 * What ACLED's columns cannot hold, carried in its `tags` column as `parley:` tags, which the
 * importer reads back: `parley:type=CEASEFIRE`, `parley:role=MEDIATOR:Qatar`, `parley:end=2022-06-03`,
 * `parley:precision=YEAR`, `parley:fatalities=low` (the count in `fatalities` is the low estimate: the
 * best one is unknown). Written only where the columns say otherwise. `parley:fatalities=unknown` is
 * read from older files, which wrote unknown deaths as 0; an empty `fatalities` cell says so now.
 */
export interface ParleyTags {
  type?: EventType;
  /** Roles by the actor's normalised name. */
  roles: Map<string, ParticipantRole[]>;
  endDate?: string;
  precision?: DatePrecision;
  fatalities?: "unknown" | "low";
}

export function writeParleyTags(t: ParleyTags & { roleNames?: Map<string, string> }): string[] {
  const out: string[] = [];
  if (t.type) out.push(`parley:type=${t.type}`);
  for (const [key, roles] of t.roles)
    for (const role of roles) out.push(`parley:role=${role}:${t.roleNames?.get(key) ?? key}`);
  if (t.endDate) out.push(`parley:end=${t.endDate}`);
  if (t.precision) out.push(`parley:precision=${t.precision}`);
  if (t.fatalities) out.push(`parley:fatalities=${t.fatalities}`);
  return out;
}

/** Splits a tags cell into its `parley:` tags, read, and the others; a bad `parley:` tag is a problem. */
export function readParleyTags(cell: string): { tags: ParleyTags; others: string[]; problem: string | null } {
  const tags: ParleyTags = { roles: new Map() };
  const others: string[] = [];
  for (const tag of list(cell)) {
    const m = /^parley:(\w+)=(.*)$/.exec(tag);
    if (!m) {
      others.push(tag);
      continue;
    }
    const [, name, value] = m as unknown as [string, string, string];
    const role = /^(\w+):(.+)$/.exec(value);
    if (name === "type" && EVENT_TYPES.schema.safeParse(value).success) tags.type = value as EventType;
    else if (name === "role" && role && PARTICIPANT_ROLES.schema.safeParse(role[1]).success) {
      const key = normalizeName(defined(role[2]));
      tags.roles.set(key, [...(tags.roles.get(key) ?? []), role[1] as ParticipantRole]);
    } else if (name === "end" && /^\d{4}-\d{2}-\d{2}$/.test(value)) tags.endDate = value;
    else if (name === "precision" && DATE_PRECISIONS.schema.safeParse(value).success)
      tags.precision = value as DatePrecision;
    else if (name === "fatalities" && (value === "unknown" || value === "low")) tags.fatalities = value;
    else return { tags, others, problem: `has a Parley tag it cannot read: "${tag}"` };
  }
  return { tags, others, problem: null };
}

/** Spreadsheets run a cell that starts with these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * A cell made safe against CSV (formula) injection: one that a spreadsheet would run gets a leading
 * apostrophe. Plain numbers (-3.3543) are left alone: a spreadsheet reads them as numbers.
 */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The inverse of neutralizeCell, applied to every cell an ACLED import reads. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) && !PLAIN_NUMBER.test(value.slice(1))
    ? value.slice(1)
    : value;
}
