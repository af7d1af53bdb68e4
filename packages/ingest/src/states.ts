import { normalizeName } from "@parley/schema";
import countries from "world-countries";

/** A state as reports name it: its names, the adjectives for its people, its capital. */
export interface State {
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
}

/** Names news use that the world-countries data lacks or spells otherwise. */
const EXTRA_NAMES: Record<string, string[]> = {
  TR: ["Turkey"],
  US: ["U.S.", "America"],
  GB: ["Britain"],
  CD: ["Democratic Republic of Congo"],
  PS: ["Palestinian territories"],
};
const EXTRA_DEMONYMS: Record<string, string[]> = {
  SA: ["Saudi"],
  MM: ["Myanmar"],
  GB: ["UK"],
  US: ["US", "U.S."],
  AE: ["UAE"],
  PS: ["Palestinian"],
  YE: ["Yemeni"],
  KR: ["South Korean"],
};
const EXTRA_CAPITALS: Record<string, string[]> = {
  US: ["Washington"],
  UA: ["Kiev"],
  YE: ["Sanaa", "Sana'a"],
  MM: ["Naypyitaw", "Nay Pyi Taw"],
};
/** Short codes that are also words ("US" is a name, "IN" is not). */
const CODE_NAMES = new Set(["US", "UK", "UAE", "USA", "DRC"]);

export const STATES: State[] = countries.map((c) => ({
  code: c.cca2,
  name: c.cca2 === "TR" ? "Turkey" : c.name.common,
  names: [
    c.name.common,
    c.name.official,
    ...c.altSpellings.filter(
      (s) => (s.length > 3 || CODE_NAMES.has(s)) && /^[\p{Script=Latin}\s.'’,-]+$/u.test(s) && !s.includes(","),
    ),
    ...(EXTRA_NAMES[c.cca2] ?? []),
  ],
  demonyms: [
    ...new Set(
      [c.demonyms.eng?.m, c.demonyms.eng?.f, ...(EXTRA_DEMONYMS[c.cca2] ?? [])].filter((d): d is string => Boolean(d)),
    ),
  ],
  capitals: [...c.capital.map((x) => x.replace(/ D\.C\.$/, "")), ...(EXTRA_CAPITALS[c.cca2] ?? [])],
}));

const index = (names: (s: State) => string[]) => {
  const map = new Map<string, State>();
  for (const state of STATES)
    for (const n of names(state)) if (!map.has(normalizeName(n))) map.set(normalizeName(n), state);
  return map;
};
export const stateByName = index((s) => s.names);
export const stateByDemonym = index((s) => s.demonyms);
export const stateByCapital = index((s) => s.capitals);

/** "Government of Colombia": the name a government without a record of its own is proposed under. */
export const governmentName = (state: State) =>
  `Government of ${/^(?:United|Netherlands|Philippines|Gambia|Bahamas)\b/.test(state.name) ? "the " : ""}${state.name}`;

/** A state's name or people joined to what it does for others: "Iran-backed", "China-brokered" (group 1: the state's word). */
export const STATE_BACKED = /^(\p{Lu}[\p{L}'’]*)-(?:backed|brokered|mediated|sponsored|supported|funded|armed)$/u;
