import { defined, normalizeName } from "@parley/schema";
import { City, Country, State } from "country-state-city";
import { indexByName, type Knowledge } from "./knowledge.ts";
import { STATE_BACKED, stateByCapital, stateByDemonym, stateByName } from "./states.ts";
import { ngrams, type Token } from "./tokens.ts";

export interface PlaceMention {
  /** The known place's ID, or null for a place from the gazetteer that the database lacks. */
  placeId: number | null;
  text: string;
  name: string;
  country: string;
  kind: "COUNTRY" | "REGION" | "DISTRICT" | "SETTLEMENT" | "SITE";
  lat: number | null;
  lon: number | null;
  from: number;
  to: number;
}

type Entry = Omit<PlaceMention, "text" | "from" | "to">;

/** A name ending so names a site where things happen ("Dolmabahçe Palace", "State House"): a place, not an actor. */
export const SITE =
  /\b(?:palace|hotel|hall|square|airport|stadium|prison|camp|crossing|bridge|mosque|embassy|compound|hospital|base|office|house)$/i;

let countries: Map<string, Entry[]> | undefined;
const regionsAndCities = new Map<string, Map<string, Entry[]>>();

/** Regions that belong to no one country, named in news as places. */
const REGIONS: Entry[] = [
  { placeId: null, name: "Horn of Africa", country: "", kind: "REGION", lat: 8, lon: 45 },
  { placeId: null, name: "Latin America", country: "", kind: "REGION", lat: -15, lon: -60 },
  { placeId: null, name: "Middle East", country: "", kind: "REGION", lat: 29, lon: 42 },
  { placeId: null, name: "Gaza Strip", country: "PS", kind: "REGION", lat: 31.42, lon: 34.38 },
  { placeId: null, name: "Gaza", country: "PS", kind: "REGION", lat: 31.42, lon: 34.38 },
  { placeId: null, name: "West Bank", country: "PS", kind: "REGION", lat: 31.95, lon: 35.3 },
];

/** Countries by every name world-countries knows (Türkiye and Turkey, Burma and Myanmar), with country-state-city's coordinates. */
function countryIndex(): Map<string, Entry[]> {
  if (countries) return countries;
  const entries = Country.getAllCountries().map(
    (c): Entry => ({
      placeId: null,
      name: c.name,
      country: c.isoCode,
      kind: "COUNTRY",
      lat: Number(c.latitude),
      lon: Number(c.longitude),
    }),
  );
  countries = indexByName(entries, (c) => [c.name]);
  for (const [key, state] of stateByName) {
    const entry = entries.find((e) => e.country === state.code);
    if (entry && !countries.has(key)) countries.set(key, [{ ...entry, name: state.name }]);
  }
  for (const region of REGIONS) countries.set(normalizeName(region.name), [region]);
  return countries;
}

/** Every country's capital, wherever the report is from. */
function capital(key: string): Entry | undefined {
  const state = stateByCapital.get(key);
  if (!state) return undefined;
  const town = placesOf(state.code)
    .get(key)
    ?.find((p) => p.kind === "SETTLEMENT");
  const country = countryIndex().get(normalizeName(state.name))?.[0];
  return town ?? (country ? { ...country, name: defined(state.capitals[0]), kind: "SETTLEMENT" } : undefined);
}

/** The regions and towns of one country (GeoNames-derived, from country-state-city), loaded on first use. */
function placesOf(country: string): Map<string, Entry[]> {
  let index = regionsAndCities.get(country);
  if (!index) {
    const regions = State.getStatesOfCountry(country).map(
      (s): Entry => ({
        placeId: null,
        name: s.name,
        country,
        kind: "REGION",
        lat: Number(s.latitude),
        lon: Number(s.longitude),
      }),
    );
    const towns = (City.getCitiesOfCountry(country) ?? []).map(
      (c): Entry => ({
        placeId: null,
        name: c.name,
        country,
        kind: "SETTLEMENT",
        lat: Number(c.latitude),
        lon: Number(c.longitude),
      }),
    );
    // "Tigray Region", "Shan State": reports drop the word for the kind of region.
    index = indexByName([...regions, ...towns], (p) => [
      p.name,
      p.name.replace(/\s+(?:Region|State|Governorate|Province|Division|District|Oblast)$/, ""),
    ]);
    regionsAndCities.set(country, index);
  }
  return index;
}

export class PlaceFinder {
  private readonly known: Map<string, Entry[]>;
  private readonly countries = new Set<string>();

  /** `stopNames`: never places (stopwords); `actorNames`: known actors, never looked up in the gazetteer's towns. */
  constructor(
    knowledge: Knowledge,
    private readonly stopNames: Set<string>,
    private readonly actorNames: Set<string> = new Set(),
  ) {
    this.known = indexByName(
      knowledge.places.map(
        (p): Entry => ({
          placeId: p.id,
          name: p.name,
          country: p.country,
          kind: p.kind as Entry["kind"],
          lat: p.lat,
          lon: p.lon,
        }),
      ),
      (p) => [p.name],
    );
  }

  /** Countries named anywhere in the report decide whose regions and towns are looked up. */
  noteCountries(sentence: string, tokens: Token[]) {
    for (const span of ngrams(sentence, tokens, 4)) {
      if (!defined(tokens[span.from]).capitalised) continue;
      for (const p of [...(this.known.get(span.key) ?? []), ...(countryIndex().get(span.key) ?? [])])
        if (p.kind === "COUNTRY") this.countries.add(p.country);
      const state = stateByDemonym.get(span.key) ?? stateByCapital.get(span.key);
      if (state) this.countries.add(state.code);
    }
  }

  /** `headline`: title-case lines capitalise common words, so only known places and countries are looked up. */
  find(sentence: string, tokens: Token[], headline = false, blocked: Set<number> = new Set()): PlaceMention[] {
    const found: PlaceMention[] = [];
    const taken = new Set<number>(blocked);
    for (const span of ngrams(sentence, tokens, 4)) {
      if (!defined(tokens[span.from]).capitalised || this.stopNames.has(span.key) || span.key.length < 3) continue;
      if (range(span.from, span.to).some((i) => taken.has(i))) continue;
      const entry = this.lookup(span.key, headline);
      if (!entry) continue;
      // "Vladimir" of "Vladimir Medinsky" is no town: a gazetteer town does not sit inside a longer capitalised name.
      const inName = (k: number) =>
        tokens[k]?.capitalised === true &&
        !this.stopNames.has(defined(tokens[k]).text.toLowerCase()) &&
        /^\p{L}/u.test(defined(tokens[k]).text) &&
        sentence
          .slice(defined(tokens[Math.min(k, span.from)]).end, defined(tokens[Math.max(k, span.from)]).start)
          .trim() === "";
      if (
        entry.placeId === null &&
        entry.kind !== "COUNTRY" &&
        !stateByCapital.has(span.key) &&
        entry.kind !== "REGION" &&
        (inName(span.from - 1) || inName(span.to))
      )
        continue;
      for (const i of range(span.from, span.to)) taken.add(i);
      found.push({ ...entry, text: span.text, from: span.from, to: span.to });
    }
    // "State House in Nairobi", "Al Udeid Air Base": a named site, in the country of the sentence's
    // other places, else of the first country the report names.
    for (const span of ngrams(sentence, tokens, 4)) {
      if (headline || span.to - span.from < 2 || !SITE.test(span.text)) continue;
      const words = range(span.from, span.to);
      if (
        words.some(
          (i) =>
            taken.has(i) ||
            !defined(tokens[i]).capitalised ||
            this.stopNames.has(normalizeName(defined(tokens[i]).text)),
        )
      )
        continue;
      const country = found.find((p) => p.country !== "")?.country ?? [...this.countries][0];
      if (!country) continue;
      for (const i of words) taken.add(i);
      found.push({
        placeId: null,
        name: span.text,
        country,
        kind: "SITE",
        lat: null,
        lon: null,
        text: span.text,
        from: span.from,
        to: span.to,
      });
    }
    // "Iran-backed", "China-brokered": the country is named too.
    for (const [i, token] of tokens.entries()) {
      const prefix = STATE_BACKED.exec(token.text)?.[1];
      const country = prefix && !taken.has(i) ? countryIndex().get(normalizeName(prefix))?.[0] : undefined;
      if (country) found.push({ ...country, text: defined(prefix), from: i, to: i + 1 });
    }
    return found.sort((a, b) => a.from - b.from);
  }

  private lookup(key: string, headline: boolean): Entry | undefined {
    const known = this.known.get(key)?.[0];
    if (known) return known;
    const country = countryIndex().get(key)?.[0];
    if (country) return country;
    const city = capital(key);
    if (city) return city;
    if (headline || this.actorNames.has(key)) return undefined;
    for (const code of this.countries) {
      const local = placesOf(code).get(key);
      if (local) return local.find((p) => p.kind === "SETTLEMENT") ?? local[0];
    }
    return undefined;
  }
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

export const placeKey = (p: { name: string; country: string }) => `${p.country}:${normalizeName(p.name)}`;

type Placed = Pick<PlaceMention, "name" | "country" | "kind">;

/** Whether `inner` lies within `outer`: a place in its country, a town in its region ("Lashio" in "Shan State"). */
export function within(inner: Placed, outer: Placed): boolean {
  if (!inner.country || inner.country !== outer.country || inner.kind === "COUNTRY") return false;
  if (outer.kind === "COUNTRY") return true;
  if (outer.kind !== "REGION" || inner.kind === "REGION") return false;
  const region = State.getStatesOfCountry(outer.country).find(
    (s) => normalizeName(s.name) === normalizeName(outer.name),
  );
  return (
    region !== undefined &&
    City.getCitiesOfState(outer.country, region.isoCode).some(
      (c) => normalizeName(c.name) === normalizeName(inner.name),
    )
  );
}
