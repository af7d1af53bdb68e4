import { createRequire } from "node:module";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));

/** Names UCDP and ACLED use that the ISO list spells otherwise. */
const DATASET_NAMES: Record<string, string> = {
  "dr congo": "CD",
  "democratic republic of congo": "CD",
  "republic of congo": "CG",
  "bosnia-herzegovina": "BA",
  syria: "SY",
  laos: "LA",
  "kingdom of eswatini": "SZ",
  "macedonia, fyr": "MK",
  "east timor": "TL",
  "cote d'ivoire": "CI",
  palestine: "PS",
  "russia (soviet union)": "RU",
  "yemen (north yemen)": "YE",
  "serbia (yugoslavia)": "RS",
};

function byName(name: string): string | undefined {
  const plain = name.trim();
  return DATASET_NAMES[plain.toLowerCase()] ?? countries.getAlpha2Code(plain, "en") ?? undefined;
}

/**
 * The ISO 3166-1 alpha-2 code of a country given as alpha-3 code, numeric code or English name
 * ("Cambodia (Kampuchea)" is tried whole, then without and then within the parentheses).
 */
export function countryCode(input: { iso3?: string; numeric?: string; name?: string }): string | null {
  if (input.iso3?.trim()) {
    const code = countries.alpha3ToAlpha2(input.iso3.trim().toUpperCase());
    if (code) return code;
  }
  if (input.numeric?.trim() && /^\d{1,3}$/.test(input.numeric.trim())) {
    const code = countries.numericToAlpha2(input.numeric.trim().padStart(3, "0"));
    if (code) return code;
  }
  const name = input.name?.trim();
  if (!name) return null;
  const outside = name.replace(/\s*\([^)]*\)\s*/g, " ").trim();
  const inside = /\(([^)]+)\)/.exec(name)?.[1];
  return byName(name) ?? byName(outside) ?? (inside ? byName(inside) : undefined) ?? null;
}

/** How ACLED names a country: its English name and its ISO numeric code (as a number, "4" for AF). */
export function acledCountry(alpha2: string): { name: string; iso: string } {
  const numeric = countries.alpha2ToNumeric(alpha2);
  return { name: countries.getName(alpha2, "en") ?? alpha2, iso: numeric ? String(Number(numeric)) : "" };
}
