import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@parley/db";
import { paths } from "@parley/db";

/** The datasets shared beside the repository (not part of it); tests that need them skip without. */
export function sharedDataFile(name: string): string | null {
  const file = path.join(paths.repoRoot, "..", "shared", "data", name);
  if (existsSync(file)) return file;
  console.log(`Skipping: ${file} is absent (the shared datasets live beside the repository).`);
  return null;
}

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes a CSV into a fresh temporary folder and returns its path. */
export function csvFile(columns: string[], rows: (Record<string, string> | string[])[], name = "data.csv"): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-import-")), name);
  const lines = [columns, ...rows.map((r) => (Array.isArray(r) ? r : columns.map((c) => r[c] ?? "")))];
  writeFileSync(file, `${lines.map((l) => l.map(cell).join(",")).join("\n")}\n`);
  return file;
}

export const UCDP_COLUMNS = (
  "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id," +
  "dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office," +
  "source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt," +
  "priogrid_gid,country,iso3,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians," +
  "deaths_unknown,best,high,low,gwnoa,gwnob"
).split(",");

/** A valid UCDP GED row (a clash between the Government of Pakistan and the TTP), with changes. */
export function ucdpRow(id: number, changes: Record<string, string> = {}): Record<string, string> {
  return {
    id: String(id),
    relid: `PAK-2021-1-${id}`,
    year: "2021",
    active_year: "1",
    code_status: "Clear",
    type_of_violence: "1",
    conflict_dset_id: "209",
    conflict_new_id: "209",
    conflict_name: "Pakistan: Government",
    dyad_dset_id: "846",
    dyad_new_id: "846",
    dyad_name: "Government of Pakistan - TTP",
    side_a_dset_id: "142",
    side_a_new_id: "142",
    side_a: "Government of Pakistan",
    side_b_dset_id: "356",
    side_b_new_id: "356",
    side_b: "TTP",
    number_of_sources: "1",
    source_article: '"Dawn,2021-05-04,Two soldiers martyred in North Waziristan attack"',
    source_office: "Dawn",
    source_date: "2021-05-04",
    source_headline: "Two soldiers martyred in North Waziristan attack",
    source_original: "ISPR",
    where_prec: "1",
    where_coordinates: "Miran Shah town",
    where_description: "Miranshah",
    adm_1: "Khyber Pakhtunkhwa province",
    adm_2: "North Waziristan district",
    latitude: "33.000590",
    longitude: "70.071170",
    geom_wkt: "POINT (70.07117 33.00059)",
    priogrid_gid: "172701",
    country: "Pakistan",
    iso3: "PAK",
    country_id: "770",
    region: "Asia",
    event_clarity: "1",
    date_prec: "1",
    date_start: "2021-05-03 00:00:00.000",
    date_end: "2021-05-03 00:00:00.000",
    deaths_a: "2",
    deaths_b: "1",
    deaths_civilians: "0",
    deaths_unknown: "0",
    best: "3",
    high: "4",
    low: "3",
    gwnoa: "770",
    gwnob: "",
    ...changes,
  };
}

export const ACLED_CURRENT_COLUMNS = (
  "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2," +
  "assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude," +
  "geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
).split(",");

/** A valid row of the current ACLED layout (text actor types, ISO dates), with changes. */
export function acledRow(id: string, changes: Record<string, string> = {}): Record<string, string> {
  return {
    event_id_cnty: id,
    event_date: "2024-03-16",
    year: "2024",
    time_precision: "1",
    disorder_type: "Political violence",
    event_type: "Battles",
    sub_event_type: "Armed clash",
    actor1: "Military Forces of Pakistan (2018-)",
    assoc_actor_1: "",
    inter1: "State forces",
    actor2: "Unidentified Armed Group (Pakistan)",
    assoc_actor_2: "",
    inter2: "Rebel group",
    interaction: "State forces-Rebel group",
    civilian_targeting: "",
    iso: "586",
    region: "Caucasus and Central Asia",
    country: "Pakistan",
    admin1: "Khyber Pakhtunkhwa",
    admin2: "North Waziristan",
    admin3: "Mir Ali",
    location: "Mir Ali",
    latitude: "32.9669",
    longitude: "70.2769",
    geo_precision: "1",
    source: "Dawn; Express Tribune",
    source_scale: "National",
    notes: "On 16 March 2024, militants attacked a military post in Mir Ali; 7 soldiers were killed.",
    fatalities: "7",
    tags: "",
    timestamp: "1710892800",
    ...changes,
  };
}

/** Counts and a checksum of every record key, to compare two databases. */
export async function fingerprint(db: PrismaClient) {
  const rows = await db.$queryRawUnsafe<{ what: string; n: number; sum: string | null }[]>(`
    SELECT 'event' AS what, count(*)::int AS n, md5(string_agg(key, ',' ORDER BY key)) AS sum FROM event
    UNION ALL SELECT 'actor', count(*)::int, md5(string_agg(coalesce(key, name), ',' ORDER BY coalesce(key, name))) FROM actor
    UNION ALL SELECT 'place', count(*)::int, md5(string_agg(key, ',' ORDER BY key)) FROM place
    UNION ALL SELECT 'source', count(*)::int, md5(string_agg(key, ',' ORDER BY key)) FROM source
    UNION ALL SELECT 'claim', count(*)::int, md5(string_agg(key, ',' ORDER BY key)) FROM claim
    UNION ALL SELECT 'participant', count(*)::int, md5(string_agg(e.key || a.name || p.role, ',' ORDER BY e.key, a.name, p.role))
      FROM participant p JOIN event e ON e.id = p.event_id JOIN actor a ON a.id = p.actor_id
    UNION ALL SELECT 'revision', count(*)::int, md5(string_agg(entity_type || action, ',' ORDER BY entity_type, action)) FROM revision`);
  return Object.fromEntries(rows.map((r) => [r.what, { n: r.n, sum: r.sum }]));
}
