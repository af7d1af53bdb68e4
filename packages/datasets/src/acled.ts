import { type ActorKind, defined, normalizeName, type ParticipantRole } from "@parley/schema";
import { z } from "zod";
import {
  ACLED_ACTOR_TYPES,
  ACLED_GEO,
  ACLED_PRECISION,
  eventTypeOf,
  type ParleyTags,
  readParleyTags,
  restoreCell,
  sideRoles,
  THIRD_PARTY_ROLE,
} from "./acled-format.ts";
import { writeSummary } from "./acled-summary.ts";
import { countryCode } from "./countries.ts";
import {
  clip,
  code,
  coordinate,
  list,
  matching,
  optionalCode,
  optionalWhole,
  parseRow,
  readDate,
  required,
  text,
} from "./fields.ts";
import { outletActor, placeInput } from "./keys.ts";
import type { DatasetActor, DatasetImporter, EventInput } from "./types.ts";

/**
 * ACLED event CSV in both layouts: the current one (since March 2023: disorder_type,
 * civilian_targeting, tags; actor types as text) and the older one (data_id, iso3, numeric inter
 * codes, dates like 31-12-19). Events are keyed by event_id_cnty, which both layouts carry;
 * data_id is not used because ACLED renumbered it with every update.
 */

type Layout = "current" | "legacy";

const REQUIRED = [
  "event_id_cnty",
  "event_date",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "country",
  "location",
  "latitude",
  "longitude",
  "source",
  "notes",
  "fatalities",
];
const CURRENT = ["disorder_type", "civilian_targeting"];

/** ACLED actor types, by code (older layout) and by name (current layout). */
const INTER: Record<string, { code: number; kind: ActorKind }> = {};
for (const [n, name, kind] of ACLED_ACTOR_TYPES) {
  const key = normalizeName(name);
  INTER[String(n)] = { code: n, kind };
  INTER[key] = { code: n, kind };
  INTER[`${key}s`] = { code: n, kind };
}

const interType = z
  .string()
  .optional()
  .transform((v) => INTER[/^\d+$/.test((v ?? "").trim()) ? (v ?? "").trim() : normalizeName(v ?? "")] ?? null);

const rowSchema = z
  .object({
    event_id_cnty: matching(/^[A-Z]{2,4}\d+$/, "must be an ACLED event ID such as KEN7182"),
    event_date: required,
    year: text,
    time_precision: code(["1", "2", "3"], "1 (day), 2 (week) or 3 (month)"),
    event_type: required,
    sub_event_type: text,
    actor1: required,
    assoc_actor_1: text,
    inter1: interType,
    actor2: text,
    assoc_actor_2: text,
    inter2: interType,
    country: required,
    iso: text,
    iso3: text,
    admin1: text,
    admin2: text,
    admin3: text,
    location: required,
    latitude: coordinate("latitude"),
    longitude: coordinate("longitude"),
    geo_precision: optionalCode(["1", "2", "3"], "1, 2 or 3", "1"),
    source: text,
    source_scale: text,
    notes: text,
    fatalities: optionalWhole(),
    disorder_type: text,
    civilian_targeting: text,
    tags: text,
    third_parties: text,
  })
  .superRefine((r, ctx) => {
    if (!r.inter1)
      ctx.addIssue({
        code: "custom",
        path: ["inter1"],
        message: "must be an ACLED actor type (1–8, or a name such as State forces)",
      });
    if (r.actor2 && !r.inter2)
      ctx.addIssue({
        code: "custom",
        path: ["inter2"],
        message: "must be an ACLED actor type (1–8, or a name such as Civilians)",
      });
    if (!eventTypeOf(r.event_type, r.sub_event_type))
      ctx.addIssue({ code: "custom", path: ["event_type"], message: `"${r.event_type}" is not an ACLED event type` });
    const year = /^\d{4}$/.test(r.year) ? Number(r.year) : undefined;
    if (!readDate(r.event_date, year))
      ctx.addIssue({
        code: "custom",
        path: ["event_date"],
        message: `must be a real day (2019-12-31, 31 December 2019 or 31-12-19), not "${r.event_date}"`,
      });
  });

type AcledRow = z.infer<typeof rowSchema>;

function actor(name: string, kind: ActorKind): DatasetActor {
  const clipped = clip(name, 300);
  return { key: `acled-actor:${normalizeName(clipped)}`, name: clipped, kind };
}

/** Side 1, side 2 and the third parties with their default roles, unless `parley:role` tags give an actor's roles. */
function participants(r: AcledRow, tags: ParleyTags): EventInput["participants"] {
  const [role1, role2] = sideRoles(r.event_type, r.civilian_targeting);
  const groups: [string[], ActorKind | undefined, ParticipantRole][] = [
    [r.actor1 ? [r.actor1, ...list(r.assoc_actor_1)] : [], r.inter1?.kind, role1],
    [r.actor2 ? [r.actor2, ...list(r.assoc_actor_2)] : [], r.inter2?.kind, role2],
    [list(r.third_parties), "OTHER", THIRD_PARTY_ROLE],
  ];
  return groups.flatMap(([names, kind, role]) =>
    names.flatMap((name) =>
      (tags.roles.get(normalizeName(name)) ?? [role]).map((r) => ({ actor: actor(name, kind ?? "OTHER"), role: r })),
    ),
  );
}

function summary(r: AcledRow, otherTags: string[]): string {
  const facts = {
    id: r.event_id_cnty,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    disorderType: r.disorder_type,
    civilianTargeting: r.civilian_targeting !== "",
    adminAreas: [r.admin1, r.admin2, r.admin3],
    thirdParties: list(r.third_parties),
    tags: otherTags.join("; "),
    geoPrecision: r.geo_precision,
  };
  return clip(writeSummary(r.notes, facts), 4000);
}

export const acled: DatasetImporter<Layout> = {
  name: "acled",
  label: "ACLED",
  requiredColumns: REQUIRED,
  idColumn: "event_id_cnty",
  detectLayout(columns) {
    const has = new Set(columns);
    const missing = REQUIRED.filter((c) => !has.has(c));
    if (missing.length)
      return { problem: `the header lacks the ACLED column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` };
    return { layout: CURRENT.every((c) => has.has(c)) ? "current" : "legacy" };
  },
  mapRow(raw) {
    const parsed = parseRow(rowSchema, Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, restoreCell(v)])));
    if (!parsed.ok) return parsed;
    const r = parsed.data;
    const parley = readParleyTags(r.tags);
    if (parley.problem) return { ok: false, problems: [{ field: "tags", message: parley.problem }] };
    const tags = parley.tags;
    const country = countryCode({ numeric: r.iso, iso3: r.iso3, name: r.country });
    if (!country)
      return {
        ok: false,
        problems: [{ field: "country", message: `"${r.country}" is not a country name Parley knows` }],
      };
    const key = `acled:${r.event_id_cnty}`;
    const year = /^\d{4}$/.test(r.year) ? Number(r.year) : undefined;
    const where =
      r.admin1 && normalizeName(r.admin1) !== normalizeName(r.location) ? `${r.location}, ${r.admin1}` : r.location;
    const quote = r.notes ? clip(r.notes, 1000) : `${r.event_type}: ${r.sub_event_type}`;
    const note = r.notes
      ? `ACLED's summary of the reporting${r.source_scale ? ` (source scale: ${r.source_scale})` : ""}, not the outlet's own words.`
      : "ACLED gives no notes for this event; the quote is its event type.";
    return {
      ok: true,
      event: {
        key,
        type: tags.type ?? defined(eventTypeOf(r.event_type, r.sub_event_type)),
        title: clip(
          `${r.sub_event_type || r.event_type} in ${where}: ${[r.actor1, r.actor2].filter(Boolean).join(" – ")}`,
          300,
        ),
        summary: summary(r, parley.others),
        startDate: defined(readDate(r.event_date, year)),
        endDate: tags.endDate ?? null,
        datePrecision: tags.precision ?? defined(ACLED_PRECISION[r.time_precision]),
        fatalitiesLow: tags.fatalities === "low" ? r.fatalities : null,
        fatalitiesBest: tags.fatalities ? null : r.fatalities,
        fatalitiesHigh: null,
        places: [
          placeInput({
            name: r.location,
            kind: defined(ACLED_GEO[r.geo_precision]).kind,
            country,
            lat: r.latitude,
            lon: r.longitude,
          }),
        ],
        participants: participants(r, tags),
        claims: list(r.source).map((outlet) => {
          const source = {
            key: `acled-source:${normalizeName(clip(outlet, 300))}`,
            title: clip(outlet, 300),
            publishedAt: null,
            outlet: outletActor("acled", outlet),
          };
          return { key: `${key}/${source.key}`, source, quote, speakerLabel: null, note };
        }),
      },
    };
  },
};
