import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import { ACLED_SOURCE_COLUMNS, dayFromIso, defined, isoFromDay } from "@parley/schema";
import { seededRandom, zipf } from "./random.ts";
import * as V from "./vocabulary.ts";

/** Countries as ACLED writes them: ID prefix, numeric ISO code, name, region, a bounding box. */
const COUNTRIES = [
  ["PAK", 586, "Pakistan", "Caucasus and Central Asia", [24, 37], [61, 77]],
  ["AFG", 4, "Afghanistan", "Caucasus and Central Asia", [29, 38], [60, 75]],
  ["KEN", 404, "Kenya", "Eastern Africa", [-4.5, 4.5], [34, 41.5]],
  ["SOM", 706, "Somalia", "Eastern Africa", [-1.5, 11.5], [41, 51]],
  ["NIG", 566, "Nigeria", "Western Africa", [4.5, 13.5], [3, 14.5]],
  ["IND", 356, "India", "Southern Asia", [8, 34], [69, 89]],
  ["IRQ", 368, "Iraq", "Middle East", [29.5, 37], [39, 48]],
  ["SYR", 760, "Syria", "Middle East", [32.5, 37], [36, 42]],
  ["YEM", 887, "Yemen", "Middle East", [12.5, 18.5], [42.5, 53]],
  ["MLI", 466, "Mali", "Western Africa", [10.5, 24.5], [-12, 4]],
] as const;

/** ACLED event types with a sub-event type, disorder type, the share of rows and the actor types of the sides. */
const TYPES = [
  ["Battles", "Armed clash", "Political violence", 30, "State forces", "Rebel group"],
  ["Explosions/Remote violence", "Air/drone strike", "Political violence", 8, "State forces", "Rebel group"],
  [
    "Explosions/Remote violence",
    "Remote explosive/landmine/IED",
    "Political violence",
    7,
    "Rebel group",
    "State forces",
  ],
  ["Violence against civilians", "Attack", "Political violence", 15, "Political militia", "Civilians"],
  ["Protests", "Peaceful protest", "Demonstrations", 25, "Protesters", ""],
  ["Riots", "Violent demonstration", "Demonstrations", 8, "Rioters", "Civilians"],
  ["Strategic developments", "Arrests", "Strategic developments", 4, "State forces", "Protesters"],
  ["Strategic developments", "Agreement", "Strategic developments", 3, "Rebel group", "State forces"],
] as const;

export interface AcledFileOptions {
  file: string;
  rows: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

const cell = (value: string | number) => {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Writes an ACLED-layout CSV of `rows` synthetic events, streaming (memory does not grow with the
 * row count): thousands of actors per country drawn with a Zipf skew, tens of thousands of places,
 * a few hundred outlets, a decade of dates. The same seed gives the same file. Written to
 * `<file>.partial` first and renamed at the end, so a file that exists is whole.
 */
export async function writeAcledFile(options: AcledFileOptions): Promise<void> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]) => defined(list[Math.floor(random() * list.length)]);
  const countryOf = zipf(random, COUNTRIES.length, 1.2);
  const typeTotal = TYPES.reduce((sum, t) => sum + t[3], 0);
  const typeOf = () => {
    let x = random() * typeTotal;
    for (const t of TYPES) {
      x -= t[3];
      if (x < 0) return t;
    }
    return defined(TYPES[0]);
  };
  const groupOf = zipf(random, 2000, 0.9);
  const placeOf = zipf(random, 4000, 0.9);
  const outletOf = zipf(random, 300, 1.1);
  const wordOf = zipf(random, V.TOPIC_WORDS.length, 1.0);
  const day0 = dayFromIso("2016-01-01");
  const span = dayFromIso("2026-01-01") - day0;
  const nextId = COUNTRIES.map(() => 1);

  const group = (i: number, region: string) =>
    `${defined(V.GROUP_PREFIXES[i % V.GROUP_PREFIXES.length])}-${defined(V.GROUP_CORES[Math.floor(i / 8) % V.GROUP_CORES.length])} ${region}${i >= 160 ? ` Brigade ${Math.floor(i / 160)}` : ""}`;
  const sideActor = (type: string, country: string, region: string) => {
    switch (type) {
      case "State forces":
        return `${pick(["Military", "Police"])} Forces of ${country} (2018-)`;
      case "Protesters":
        return `Protesters (${country})`;
      case "Rioters":
        return `Rioters (${country})`;
      case "Civilians":
        return `Civilians (${country})`;
      case "Political militia":
        return `${group(groupOf(), region)} Militia`;
      default:
        return group(groupOf(), region);
    }
  };
  const placeName = (i: number) =>
    `${defined(V.PLACE_SYLLABLES[i % V.PLACE_SYLLABLES.length])}${defined(V.PLACE_SUFFIXES[Math.floor(i / 18) % V.PLACE_SUFFIXES.length])}${i >= 216 ? ` ${Math.floor(i / 216)}` : ""}`;
  const outletName = (i: number) =>
    defined(V.OUTLET_FORMS[i % V.OUTLET_FORMS.length]).replace(
      "{w}",
      `${defined(V.OUTLET_WORDS[Math.floor(i / 6) % V.OUTLET_WORDS.length])}${i >= 96 ? ` ${Math.floor(i / 96)}` : ""}`,
    );

  const partial = `${options.file}.partial`;
  const out = createWriteStream(partial);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`${ACLED_SOURCE_COLUMNS.join(",")}\n`);
  let chunk = "";
  for (let n = 0; n < options.rows; n++) {
    const index = countryOf();
    const [prefix, iso, country, region, [lat0, lat1], [lon0, lon1]] = defined(COUNTRIES[index]);
    const [eventType, subType, disorder, , inter1, inter2] = typeOf();
    const number = defined(nextId[index]);
    nextId[index] = number + 1;
    const id = `${prefix}${number}`;
    const date = isoFromDay(day0 + Math.floor(random() * span));
    const admin = pick(V.REGIONS);
    const actor1 = sideActor(inter1, country, admin);
    const actor2 = inter2 ? sideActor(inter2, country, admin) : "";
    const assoc = random() < 0.15 ? `${group(groupOf(), admin)}; ${group(groupOf(), admin)}` : "";
    const placeIndex = placeOf();
    // Each place keeps its coordinates: a place is keyed by them.
    const place = seededRandom(placeIndex * 7919 + iso);
    const lat = (lat0 + place() * (lat1 - lat0)).toFixed(4);
    const lon = (lon0 + place() * (lon1 - lon0)).toFixed(4);
    const outlets = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => outletName(outletOf())))];
    const deaths = eventType === "Protests" ? 0 : Math.floor(-Math.log(1 - random()) * 3);
    const words = Array.from({ length: 8 + Math.floor(random() * 20) }, () => defined(V.TOPIC_WORDS[wordOf()]));
    const notes = `On ${date}, ${actor1.toLowerCase()} and ${actor2 ? actor2.toLowerCase() : "others"} in ${placeName(placeIndex)}: ${words.join(" ")}.`;
    const row = [
      id,
      date,
      date.slice(0, 4),
      random() < 0.85 ? 1 : random() < 0.7 ? 2 : 3,
      disorder,
      eventType,
      subType,
      actor1,
      assoc,
      inter1,
      actor2,
      "",
      inter2,
      `${inter1}-${inter2 || "Sole"}`,
      eventType === "Violence against civilians" ? "Civilian targeting" : "",
      iso,
      region,
      country,
      admin,
      `${admin} ${pick(["North", "South", "East", "West", "Central"])}`,
      "",
      placeName(placeIndex),
      lat,
      lon,
      random() < 0.8 ? 1 : random() < 0.5 ? 2 : 3,
      outlets.join("; "),
      pick(["National", "Subnational", "International", "Local partner-National"]),
      notes,
      deaths,
      random() < 0.05 ? "crowd size=no report" : "",
      1_700_000_000 + n,
    ];
    chunk += `${row.map(cell).join(",")}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = "";
      options.onProgress?.(n + 1, options.rows);
    }
  }
  await write(chunk);
  options.onProgress?.(options.rows, options.rows);
  out.end();
  await once(out, "finish");
  await rename(partial, options.file);
}
