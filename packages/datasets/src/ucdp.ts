import type { DatePrecision, EventType, ParticipantRole } from "@parley/schema";
import { defined, uniqueBy } from "@parley/schema";
import { z } from "zod";
import { countryCode } from "./countries.ts";
import { clip, code, coordinate, isoDay, matching, parseRow, required, text, whole } from "./fields.ts";
import { placeInput } from "./keys.ts";
import type { DatasetActor, DatasetImporter, PlaceInput } from "./types.ts";
import { ucdpSources } from "./ucdp-sources.ts";

/**
 * UCDP Georeferenced Event Dataset (GED), CSV as UCDP and HDX publish it. Codebook meanings:
 * type_of_violence 1 state-based, 2 non-state, 3 one-sided; date_prec 1 exact day, 2 within 2–6
 * days, 3 the week, 4 within 8–30 days or the month, 5 within a year; where_prec 1 exact place,
 * 2 within about 25 km of it, 3 district (ADM2), 4 province (ADM1), 5 part of a country or a line
 * (border, road, river), 6 the country, 7 international waters or airspace.
 */

const TYPES: Record<string, EventType> = { "1": "ARMED_CLASH", "2": "ARMED_CLASH", "3": "VIOLENCE_AGAINST_CIVILIANS" };
const PRECISION: Record<string, DatePrecision> = { "1": "DAY", "2": "WEEK", "3": "WEEK", "4": "MONTH", "5": "YEAR" };
const PLACE_KIND: Record<string, PlaceInput["kind"]> = {
  "1": "SETTLEMENT",
  "2": "SETTLEMENT",
  "3": "DISTRICT",
  "4": "REGION",
  "5": "REGION",
  "6": "COUNTRY",
  "7": "REGION",
};
const WHERE: Record<string, string> = {
  "1": "exact place",
  "2": "within about 25 km of the place",
  "3": "district (ADM2) level",
  "4": "province (ADM1) level",
  "5": "a part of the country or a line such as a border",
  "6": "country level only",
  "7": "international waters or airspace",
};
const DATE_NOTE: Record<string, string> = {
  "1": "exact",
  "2": "within 2–6 days",
  "3": "within the week",
  "4": "within 8–30 days or the month",
  "5": "within the year",
};

const REQUIRED = [
  "id",
  "type_of_violence",
  "side_a",
  "side_b",
  "date_start",
  "date_end",
  "date_prec",
  "where_prec",
  "latitude",
  "longitude",
  "best",
  "low",
  "high",
  "country",
];

const rowSchema = z
  .object({
    id: matching(/^\d+$/, "must be UCDP's numeric event ID"),
    type_of_violence: code(["1", "2", "3"], "1 (state-based), 2 (non-state) or 3 (one-sided violence)"),
    side_a: required,
    side_b: required,
    side_a_id: matching(/^\d+$/, "must be UCDP's numeric actor ID"),
    side_b_id: matching(/^\d+$/, "must be UCDP's numeric actor ID"),
    date_start: isoDay,
    date_end: isoDay,
    date_prec: code(["1", "2", "3", "4", "5"], "a precision code from 1 (exact day) to 5 (within a year)"),
    where_prec: code(
      ["1", "2", "3", "4", "5", "6", "7"],
      "a precision code from 1 (exact place) to 7 (international waters)",
    ),
    latitude: coordinate("latitude"),
    longitude: coordinate("longitude"),
    where_coordinates: text,
    where_description: text,
    adm_1: text,
    adm_2: text,
    country: required,
    iso3: text,
    conflict_name: text,
    dyad_name: text,
    event_clarity: text,
    deaths_a: whole(),
    deaths_b: whole(),
    deaths_civilians: whole(),
    deaths_unknown: whole(),
    best: whole(),
    low: whole(),
    high: whole(),
    number_of_sources: text,
    source_article: text,
    source_office: text,
    source_date: text,
    source_headline: text,
    source_original: text,
  })
  .superRefine((r, ctx) => {
    if (r.date_end < r.date_start)
      ctx.addIssue({ code: "custom", path: ["date_end"], message: `must not be before date_start (${r.date_start})` });
    const sum = r.deaths_a + r.deaths_b + r.deaths_civilians + r.deaths_unknown;
    if (sum !== r.best)
      ctx.addIssue({
        code: "custom",
        path: ["best"],
        message: `must equal deaths_a + deaths_b + deaths_civilians + deaths_unknown (${sum})`,
      });
  });

type UcdpRow = z.infer<typeof rowSchema>;

function actor(id: string, name: string): DatasetActor {
  const kind =
    id === "1" || /^civilians$/i.test(name) ? "OTHER" : /^government of /i.test(name) ? "GOVERNMENT" : "ARMED_GROUP";
  return { key: `ucdp-actor:${id}`, name, kind, externalId: { system: "ucdp", id } };
}

function summary(r: UcdpRow, where: string): string {
  const parts = [
    `UCDP GED event ${r.id}${r.conflict_name ? ` in the conflict ${r.conflict_name}` : ""}${r.dyad_name ? ` (dyad ${r.dyad_name})` : ""}.`,
    `Location: ${[r.where_description, [r.adm_2, r.adm_1].filter(Boolean).join(", ")].filter(Boolean).join("; ") || where} (${WHERE[r.where_prec]}).`,
    `Date: ${r.date_start === r.date_end ? r.date_start : `${r.date_start} to ${r.date_end}`} (${DATE_NOTE[r.date_prec]}).`,
    `Deaths: ${r.side_a} ${r.deaths_a}, ${r.side_b} ${r.deaths_b}, civilians ${r.deaths_civilians}, unknown ${r.deaths_unknown} (low ${r.low}, best ${r.best}, high ${r.high}).`,
    r.event_clarity === "2" ? "UCDP notes that the reports are too unclear to tell this event apart from others." : "",
    r.source_original ? `Information from: ${r.source_original}.` : "",
  ];
  return clip(parts.filter(Boolean).join(" "), 4000);
}

export const ucdp: DatasetImporter<"ged"> = {
  name: "ucdp",
  label: "UCDP GED",
  requiredColumns: [...REQUIRED, "side_a_new_id", "side_b_new_id"],
  idColumn: "id",
  detectLayout(columns) {
    const has = new Set(columns);
    const missing = REQUIRED.filter((c) => !has.has(c));
    if (!has.has("side_a_new_id") && !has.has("side_a_dset_id")) missing.push("side_a_new_id");
    if (!has.has("side_b_new_id") && !has.has("side_b_dset_id")) missing.push("side_b_new_id");
    if (missing.length)
      return { problem: `the header lacks the UCDP GED column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` };
    return { layout: "ged" };
  },
  isMetaRow: (row) => /^#/.test(row.year ?? "") || /^#/.test(row.date_start ?? ""),
  mapRow(raw) {
    const parsed = parseRow(rowSchema, {
      ...raw,
      side_a_id: raw.side_a_new_id || raw.side_a_dset_id || "",
      side_b_id: raw.side_b_new_id || raw.side_b_dset_id || "",
    });
    if (!parsed.ok) return parsed;
    const r = parsed.data;
    const country = countryCode({ iso3: r.iso3, name: r.country });
    if (!country)
      return {
        ok: false,
        problems: [{ field: "country", message: `"${r.country}" is not a country name Parley knows` }],
      };

    const key = `ucdp:${r.id}`;
    const where = r.where_coordinates || r.adm_2 || r.adm_1 || r.country;
    const place = placeInput({
      name: where,
      kind: defined(PLACE_KIND[r.where_prec]),
      country,
      lat: r.latitude,
      lon: r.longitude,
    });
    const oneSided = r.type_of_violence === "3";
    const roles: [ParticipantRole, ParticipantRole] = oneSided ? ["PERPETRATOR", "TARGET"] : ["PARTY", "PARTY"];
    const type = defined(TYPES[r.type_of_violence]);
    const sides = `${r.side_a} – ${r.side_b}`;
    const claims = ucdpSources(r).map((s) => ({
      key: `${key}/${s.source.key}`,
      source: s.source,
      quote: s.quote,
      speakerLabel: r.source_original ? clip(r.source_original, 300) : null,
      note: s.note,
    }));
    return {
      ok: true,
      event: {
        key,
        type,
        title: clip(`${oneSided ? "Violence against civilians" : "Armed clash"} in ${where}: ${sides}`, 300),
        summary: summary(r, where),
        startDate: r.date_start,
        endDate: r.date_end === r.date_start ? null : r.date_end,
        datePrecision: defined(PRECISION[r.date_prec]),
        fatalitiesLow: r.low,
        fatalitiesBest: r.best,
        fatalitiesHigh: r.high,
        places: [place],
        participants: [
          { actor: actor(r.side_a_id, r.side_a), role: roles[0] },
          { actor: actor(r.side_b_id, r.side_b), role: roles[1] },
        ],
        claims: uniqueBy(claims, (c) => c.key),
      },
    };
  },
};
