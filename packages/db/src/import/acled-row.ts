import { normalizeName, type ActorKind, type EventType, type ParticipantRole } from "@parley/schema";
import {
  ACLED_COLUMNS, ACLED_GEO, ACLED_TYPE_OF, acledActorType, eventTypeOf, neutralizeCell, readSummary, sideRoles, writeParleyTags, type ParleyTags,
} from "./acled-format.ts";
import { acledCountry } from "./countries.ts";

/** What the ACLED writer needs of an event (the export's event record has it). */
export interface AcledWritable {
  databaseId: number;
  key: string | null;
  type: EventType;
  title: string;
  summary: string;
  startDate: string;
  endDate: string | null;
  datePrecision: string;
  fatalities: { best: number | null };
  updatedAt: string;
  places: { name: string; kind: string; country: string; lat: number | null; lon: number | null }[];
  participants: { role: ParticipantRole; actor: { name: string; kind: ActorKind } }[];
  claims: { note: string | null; source: { title: string; outlet: { name: string } | null } }[];
}

const PRECISION_CODE: Record<string, string> = { DAY: "1", WEEK: "2", MONTH: "3", YEAR: "3" };
const GEO_CODE: Record<string, string> = { SETTLEMENT: "1", SITE: "1", DISTRICT: "2", REGION: "3", COUNTRY: "3" };

interface Side {
  names: string[];
  kind: ActorKind;
}

/** Actors in the order they were stored, each once, with every role it has. */
function actorsOf(e: AcledWritable) {
  const actors = new Map<string, { name: string; kind: ActorKind; roles: ParticipantRole[] }>();
  for (const p of e.participants) {
    const key = normalizeName(p.actor.name);
    const actor = actors.get(key) ?? { name: p.actor.name, kind: p.actor.kind, roles: [] };
    if (!actor.roles.includes(p.role)) actor.roles.push(p.role);
    actors.set(key, actor);
  }
  return actors;
}

/**
 * Splits the participants into ACLED's two sides: perpetrators against targets, else the first party
 * against the other parties; an event that came from ACLED keeps its sides (its title names the two
 * main actors). Actors in other roles join side 1.
 */
function sides(e: AcledWritable, actors: ReturnType<typeof actorsOf>): [string[], string[]] {
  const keys = [...actors.keys()];
  const named = e.key?.startsWith("acled:") ? /^.+? in .+?: (.+)$/.exec(e.title)?.[1] : undefined;
  if (named !== undefined) {
    const main2 = named.split(" – ")[1];
    const at = main2 ? keys.indexOf(normalizeName(main2)) : keys.length;
    if (at > 0) return [keys.slice(0, at), keys.slice(at)];
    // the same actor on both sides (rioters against rioters) is one participant in Parley
    if (at === 0) return [keys, keys.slice(0, 1)];
  }
  const withRole = (role: ParticipantRole) => keys.filter((k) => actors.get(k)!.roles.includes(role));
  let [side1, side2] = [withRole("PERPETRATOR"), withRole("TARGET").filter((k) => !withRole("PERPETRATOR").includes(k))];
  if (side1.length === 0 && side2.length === 0) [side1, side2] = [withRole("PARTY").slice(0, 1), withRole("PARTY").slice(1)];
  side1 = [...side1, ...keys.filter((k) => !side1.includes(k) && !side2.includes(k))];
  return side1.length === 0 ? [side2, []] : [side1, side2];
}

/** ACLED's admin1, which the importer puts in the title ("Attack in Watamu, Kilifi: …"). */
function admin1Of(e: AcledWritable, subOrType: string, location: string): string {
  const prefix = `${subOrType} in ${location}, `;
  return e.key?.startsWith("acled:") && e.title.startsWith(prefix) ? (/^(.+?): /.exec(e.title.slice(prefix.length))?.[1] ?? "") : "";
}

/**
 * One event as a row of ACLED's current layout (ACLED_COLUMNS), every cell neutralised against
 * formula injection. `problems` says what the row lacks that ACLED requires; `losses` what of the
 * event it cannot hold.
 */
export function acledRow(e: AcledWritable): { cells: string[]; problems: string[]; losses: string[] } {
  const problems: string[] = [];
  const losses: string[] = [];
  const imported = e.key?.startsWith("acled:") ? readSummary(e.summary) : null;
  const origin = imported && `acled:${imported.facts.id}` === e.key ? imported.facts : null;
  const tags: ParleyTags = { roles: new Map() };

  let [disorderType, eventType, subEventType] = ACLED_TYPE_OF[e.type];
  if (origin && eventTypeOf(origin.eventType, origin.subEventType) === e.type) [disorderType, eventType, subEventType] = [origin.disorderType, origin.eventType, origin.subEventType];
  else if (eventTypeOf(eventType, subEventType) !== e.type) tags.type = e.type;
  const civilianTargeting = (origin && eventType === origin.eventType ? origin.civilianTargeting : e.type === "VIOLENCE_AGAINST_CIVILIANS") ? "Civilian targeting" : "";

  const actors = actorsOf(e);
  const [side1, side2] = sides(e, actors);
  const defaults = sideRoles(eventType, civilianTargeting);
  const roleNames = new Map<string, string>();
  [side1, side2].forEach((side, i) => {
    for (const key of side) {
      const { roles, name } = actors.get(key)!;
      if (roles.length !== 1 || roles[0] !== defaults[i]) {
        tags.roles.set(key, roles);
        roleNames.set(key, name);
      }
    }
  });
  if (actors.size === 0) problems.push("has no participant (ACLED requires actor1)");
  const side = (keys: string[]): Side => ({ names: keys.map((k) => actors.get(k)!.name), kind: actors.get(keys[0] ?? "")?.kind ?? "OTHER" });
  const [a, b] = [side(side1), side(side2)];
  const inter1 = a.names.length ? acledActorType(a.kind, a.names[0]!) : "";
  const inter2 = b.names.length ? acledActorType(b.kind, b.names[0]!) : "";

  if (e.endDate && e.endDate !== e.startDate) tags.endDate = e.endDate;
  if (e.datePrecision === "YEAR") tags.precision = "YEAR";
  if (e.fatalities.best === null) tags.fatalitiesUnknown = true;

  const place = e.places.find((p) => p.lat !== null && p.lon !== null);
  if (!place) problems.push("has no place with coordinates (ACLED requires location, latitude and longitude)");
  if (e.places.length > 1) losses.push(`${e.places.length} places: ACLED holds one`);
  const geoPrecision = place ? (origin && ACLED_GEO[origin.geoPrecision]!.kind === (GEO_CODE[place.kind] === "3" ? "REGION" : "SETTLEMENT") ? origin.geoPrecision : GEO_CODE[place.kind] ?? "1") : "";
  const country = place ? acledCountry(place.country) : { name: "", iso: "" };

  const outlets = [...new Set(e.claims.map((c) => c.source.outlet?.name ?? c.source.title))];
  const sourceScale = e.claims.map((c) => /\(source scale: (.+?)\)/.exec(c.note ?? "")?.[1]).find(Boolean) ?? "";
  const otherTags = origin?.tags ? [origin.tags] : [];

  const row: Record<(typeof ACLED_COLUMNS)[number], string> = {
    event_id_cnty: e.key?.startsWith("acled:") ? e.key.slice(6) : `PRLY${e.databaseId}`,
    event_date: e.startDate,
    year: e.startDate.slice(0, 4),
    time_precision: PRECISION_CODE[e.datePrecision] ?? "1",
    disorder_type: disorderType,
    event_type: eventType,
    sub_event_type: subEventType,
    actor1: a.names[0] ?? "",
    assoc_actor_1: a.names.slice(1).join("; "),
    inter1,
    actor2: b.names[0] ?? "",
    assoc_actor_2: b.names.slice(1).join("; "),
    inter2,
    interaction: inter2 ? `${inter1}-${inter2}` : inter1 ? `${inter1} only` : "",
    civilian_targeting: civilianTargeting,
    iso: country.iso,
    region: "",
    country: country.name,
    admin1: place ? admin1Of(e, subEventType || eventType, place.name) : "",
    admin2: "",
    admin3: "",
    location: place?.name ?? "",
    latitude: place ? String(place.lat) : "",
    longitude: place ? String(place.lon) : "",
    geo_precision: geoPrecision,
    source: outlets.join("; "),
    source_scale: sourceScale,
    notes: origin ? imported!.notes : e.summary,
    fatalities: String(e.fatalities.best ?? 0),
    tags: [...otherTags, ...writeParleyTags({ ...tags, roleNames })].join("; "),
    timestamp: String(Math.floor(Date.parse(e.updatedAt) / 1000)),
  };
  return { cells: ACLED_COLUMNS.map((c) => neutralizeCell(row[c])), problems, losses };
}
