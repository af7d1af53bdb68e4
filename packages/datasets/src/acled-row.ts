import type { EventType } from "@parley/schema";
import { defined } from "@parley/schema";
import {
  ACLED_COLUMNS,
  ACLED_GEO,
  ACLED_TYPE_OF,
  acledActorType,
  eventTypeOf,
  neutralizeCell,
  type ParleyTags,
  sideRoles,
  THIRD_PARTY_ROLE,
  writeParleyTags,
} from "./acled-format.ts";
import { adminAreas, type LocatedPlace, primaryPlace } from "./acled-location.ts";
import { acledSides, type SidedEvent } from "./acled-sides.ts";
import { readSummary, type SummaryFacts } from "./acled-summary.ts";
import { acledCountry } from "./countries.ts";

/** What the ACLED writer needs of an event (the export's event record has it). */
export interface AcledWritable extends SidedEvent {
  databaseId: number;
  type: EventType;
  endDate: string | null;
  datePrecision: string;
  fatalities: { low: number | null; best: number | null };
  updatedAt: string;
  places: LocatedPlace[];
  claims: { note: string | null; source: { title: string; outlet: { name: string } | null } }[];
}

const PRECISION_CODE: Record<string, string> = { DAY: "1", WEEK: "2", MONTH: "3", YEAR: "3" };
const GEO_CODE: Record<string, string> = { SETTLEMENT: "1", SITE: "1", DISTRICT: "2", REGION: "3", COUNTRY: "3" };

/** ACLED's admin areas: an event from ACLED keeps its own (older imports kept only admin1, in the title). */
function adminOf(
  e: AcledWritable,
  origin: SummaryFacts | null,
  place: LocatedPlace | undefined,
  location: string,
): string[] {
  if (!origin) return place ? adminAreas(place) : ["", "", ""];
  if (origin.adminAreas.length) return [0, 1, 2].map((i) => origin.adminAreas[i] ?? "");
  const prefix = `${origin.subEventType || origin.eventType} in ${location}, `;
  return [e.title.startsWith(prefix) ? (/^(.+?): /.exec(e.title.slice(prefix.length))?.[1] ?? "") : "", "", ""];
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
  if (origin && eventTypeOf(origin.eventType, origin.subEventType) === e.type)
    [disorderType, eventType, subEventType] = [origin.disorderType, origin.eventType, origin.subEventType];
  else if (eventTypeOf(eventType, subEventType) !== e.type) tags.type = e.type;
  const civilianTargeting = (
    origin && eventType === origin.eventType
      ? origin.civilianTargeting
      : e.type === "VIOLENCE_AGAINST_CIVILIANS"
  )
    ? "Civilian targeting"
    : "";

  const { actors, side1, side2, third } = acledSides(e);
  const defaults = [...sideRoles(eventType, civilianTargeting), THIRD_PARTY_ROLE];
  const roleNames = new Map<string, string>();
  [side1, side2, third].forEach((group, i) => {
    for (const key of group) {
      const { roles, name } = defined(actors.get(key));
      if (roles.length !== 1 || roles[0] !== defaults[i]) {
        tags.roles.set(key, roles);
        roleNames.set(key, name);
      }
    }
  });
  if (actors.size === 0) problems.push("has no participant (ACLED requires actor1)");
  const names = (keys: string[]) => keys.map((k) => defined(actors.get(k)).name);
  const typeOf = ([first]: string[]) =>
    first === undefined ? "" : acledActorType(defined(actors.get(first)).kind, defined(actors.get(first)).name);
  const [inter1, inter2] = [typeOf(side1), typeOf(side2)];

  if (e.endDate && e.endDate !== e.startDate) tags.endDate = e.endDate;
  if (e.datePrecision === "YEAR") tags.precision = "YEAR";
  // ACLED counts the most conservative report: a low estimate stands in for an unknown best one.
  const fatalities = e.fatalities.best ?? e.fatalities.low;
  if (e.fatalities.best === null && e.fatalities.low !== null) tags.fatalities = "low";

  const place = primaryPlace(e.places);
  const located = place !== undefined && place.lat !== null && place.lon !== null;
  if (!place) problems.push("has no place (ACLED requires country, location, latitude and longitude)");
  else if (!located) problems.push("has no place with coordinates (ACLED requires latitude and longitude)");
  if (e.places.length > 1) losses.push(`${e.places.length} places: ACLED holds one`);
  const geoPrecision = place
    ? origin &&
      defined(ACLED_GEO[origin.geoPrecision]).kind === (GEO_CODE[place.kind] === "3" ? "REGION" : "SETTLEMENT")
      ? origin.geoPrecision
      : (GEO_CODE[place.kind] ?? "1")
    : "";
  const country = place ? acledCountry(place.country) : { name: "", iso: "" };
  const [admin1, admin2, admin3] = adminOf(e, origin, place, place?.name ?? "");

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
    actor1: names(side1)[0] ?? "",
    assoc_actor_1: names(side1).slice(1).join("; "),
    inter1,
    actor2: names(side2)[0] ?? "",
    assoc_actor_2: names(side2).slice(1).join("; "),
    inter2,
    interaction: inter2 ? `${inter1}-${inter2}` : inter1 ? `${inter1} only` : "",
    civilian_targeting: civilianTargeting,
    iso: country.iso,
    region: "",
    country: country.name,
    admin1: admin1 ?? "",
    admin2: admin2 ?? "",
    admin3: admin3 ?? "",
    location: place?.name ?? "",
    latitude: located ? String(place.lat) : "",
    longitude: located ? String(place.lon) : "",
    geo_precision: geoPrecision,
    source: outlets.join("; "),
    source_scale: sourceScale,
    notes: origin ? defined(imported).notes : e.summary,
    fatalities: fatalities === null ? "" : String(fatalities),
    tags: [...otherTags, ...writeParleyTags({ ...tags, roleNames })].join("; "),
    timestamp: String(Math.floor(Date.parse(e.updatedAt) / 1000)),
    third_parties: names(third).join("; "),
  };
  return { cells: ACLED_COLUMNS.map((c) => neutralizeCell(row[c])), problems, losses };
}
