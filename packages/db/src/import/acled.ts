import { normalizeName, type ActorKind, type DatePrecision, type EventType, type ParticipantRole } from "@parley/schema";
import { z } from "zod";
import { countryCode } from "./countries.ts";
import { clip, code, coordinate, list, matching, optionalCode, parseRow, readDate, required, text, whole } from "./fields.ts";
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
  "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
  "actor2", "assoc_actor_2", "inter2", "country", "location", "latitude", "longitude", "source", "notes", "fatalities",
];
const CURRENT = ["disorder_type", "civilian_targeting"];

/** ACLED actor types, by code (older layout) and by name (current layout). */
const INTER: Record<string, { code: number; kind: ActorKind }> = {};
(
  [
    [1, "state forces", "SECURITY_FORCE"], [2, "rebel group", "ARMED_GROUP"], [3, "political militia", "ARMED_GROUP"],
    [4, "identity militia", "ARMED_GROUP"], [5, "rioters", "CIVIL_SOCIETY"], [6, "protesters", "CIVIL_SOCIETY"],
    [7, "civilians", "OTHER"], [8, "external other forces", "OTHER"],
  ] as const
).forEach(([n, name, kind]) => {
  INTER[String(n)] = { code: n, kind };
  INTER[name] = { code: n, kind };
  INTER[`${name}s`] = { code: n, kind };
});

const interType = z.string().optional().transform((v) => INTER[/^\d+$/.test((v ?? "").trim()) ? (v ?? "").trim() : normalizeName(v ?? "")] ?? null);

const PRECISION: Record<string, DatePrecision> = { "1": "DAY", "2": "WEEK", "3": "MONTH" };
const GEO: Record<string, { kind: "SETTLEMENT" | "REGION"; label: string }> = {
  "1": { kind: "SETTLEMENT", label: "the place itself" },
  "2": { kind: "SETTLEMENT", label: "near the place or in its area" },
  "3": { kind: "REGION", label: "only the wider region" },
};

function eventType(type: string, sub: string): EventType | null {
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
    location: required,
    latitude: coordinate("latitude"),
    longitude: coordinate("longitude"),
    geo_precision: optionalCode(["1", "2", "3"], "1, 2 or 3", "1"),
    source: text,
    source_scale: text,
    notes: text,
    fatalities: whole(),
    disorder_type: text,
    civilian_targeting: text,
    tags: text,
  })
  .superRefine((r, ctx) => {
    if (!r.inter1) ctx.addIssue({ code: "custom", path: ["inter1"], message: "must be an ACLED actor type (1–8, or a name such as State forces)" });
    if (r.actor2 && !r.inter2) ctx.addIssue({ code: "custom", path: ["inter2"], message: "must be an ACLED actor type (1–8, or a name such as Civilians)" });
    if (!eventType(r.event_type, r.sub_event_type)) ctx.addIssue({ code: "custom", path: ["event_type"], message: `"${r.event_type}" is not an ACLED event type` });
    const year = /^\d{4}$/.test(r.year) ? Number(r.year) : undefined;
    if (!readDate(r.event_date, year)) ctx.addIssue({ code: "custom", path: ["event_date"], message: `must be a real day (2019-12-31, 31 December 2019 or 31-12-19), not "${r.event_date}"` });
  });

type AcledRow = z.infer<typeof rowSchema>;

function actor(name: string, kind: ActorKind): DatasetActor {
  const clipped = clip(name, 300);
  return { key: `acled-actor:${normalizeName(clipped)}`, name: clipped, kind };
}

function participants(r: AcledRow): EventInput["participants"] {
  const oneSided = r.event_type.toLowerCase() === "violence against civilians" || r.civilian_targeting !== "";
  const sides: [string, string, ActorKind | undefined, ParticipantRole][] = [
    [r.actor1, r.assoc_actor_1, r.inter1?.kind, oneSided ? "PERPETRATOR" : "PARTY"],
    [r.actor2, r.assoc_actor_2, r.inter2?.kind, oneSided ? "TARGET" : "PARTY"],
  ];
  return sides.flatMap(([main, associated, kind, role]) =>
    main ? [main, ...list(associated)].map((name) => ({ actor: actor(name, kind ?? "OTHER"), role })) : [],
  );
}

function summary(r: AcledRow): string {
  const facts = [
    `ACLED event ${r.event_id_cnty}: ${r.event_type}${r.sub_event_type ? ` / ${r.sub_event_type}` : ""}`,
    r.disorder_type ? `disorder type ${r.disorder_type}` : "",
    r.civilian_targeting ? "civilians targeted" : "",
    r.tags ? `tags: ${r.tags}` : "",
    `located ${GEO[r.geo_precision]!.label}`,
  ];
  return clip(`${r.notes}${r.notes ? " " : ""}(${facts.filter(Boolean).join("; ")}.)`, 4000);
}

export const acled: DatasetImporter<Layout> = {
  name: "acled",
  label: "ACLED",
  requiredColumns: REQUIRED,
  idColumn: "event_id_cnty",
  detectLayout(columns) {
    const has = new Set(columns);
    const missing = REQUIRED.filter((c) => !has.has(c));
    if (missing.length) return { problem: `the header lacks the ACLED column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` };
    return { layout: CURRENT.every((c) => has.has(c)) ? "current" : "legacy" };
  },
  mapRow(raw) {
    const parsed = parseRow(rowSchema, raw);
    if (!parsed.ok) return parsed;
    const r = parsed.data;
    const country = countryCode({ numeric: r.iso, iso3: r.iso3, name: r.country });
    if (!country) return { ok: false, problems: [{ field: "country", message: `"${r.country}" is not a country name Parley knows` }] };
    const key = `acled:${r.event_id_cnty}`;
    const year = /^\d{4}$/.test(r.year) ? Number(r.year) : undefined;
    const where = r.admin1 && normalizeName(r.admin1) !== normalizeName(r.location) ? `${r.location}, ${r.admin1}` : r.location;
    const quote = r.notes ? clip(r.notes, 1000) : `${r.event_type}: ${r.sub_event_type}`;
    const note = r.notes
      ? `ACLED's summary of the reporting${r.source_scale ? ` (source scale: ${r.source_scale})` : ""}, not the outlet's own words.`
      : "ACLED gives no notes for this event; the quote is its event type.";
    return {
      ok: true,
      event: {
        key,
        type: eventType(r.event_type, r.sub_event_type)!,
        title: clip(`${r.sub_event_type || r.event_type} in ${where}: ${[r.actor1, r.actor2].filter(Boolean).join(" – ")}`, 300),
        summary: summary(r),
        startDate: readDate(r.event_date, year)!,
        endDate: null,
        datePrecision: PRECISION[r.time_precision]!,
        fatalitiesLow: null,
        fatalitiesBest: r.fatalities,
        fatalitiesHigh: null,
        places: [placeInput({ name: r.location, kind: GEO[r.geo_precision]!.kind, country, lat: r.latitude, lon: r.longitude })],
        participants: participants(r),
        claims: list(r.source).map((outlet) => {
          const source = { key: `acled-source:${normalizeName(clip(outlet, 300))}`, title: clip(outlet, 300), publishedAt: null, outlet: outletActor("acled", outlet) };
          return { key: `${key}/${source.key}`, source, quote, speakerLabel: null, note };
        }),
      },
    };
  },
};
