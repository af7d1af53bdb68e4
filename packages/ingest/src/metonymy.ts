import { defined, normalizeName } from "@parley/schema";
import { STATE_BACKED, type State, stateByCapital, stateByDemonym, stateByName } from "./states.ts";
import type { Token } from "./tokens.ts";

/** The words that make a state's name, adjective or capital stand for its government: data, not code per case. */
export const GOVERNMENT_NOUNS = [
  "government",
  "authorities",
  "administration",
  "cabinet",
  "officials",
  "delegation",
  "foreign ministry",
  "ministry of foreign affairs",
  "foreign office",
  "state department",
  "interim government",
  "leadership",
  "delegations",
  "governments",
];
/** Words before a name that make it a place ("talks in Kabul"), and after it ("Kabul airport"). */
const LOCATIVE_BEFORE = new Set(
  "in at to for from near into inside outside across around via through toward towards within on over capital city".split(
    " ",
  ),
);
const PLACE_AFTER = new Set(
  "province city capital border airport port region state district town palace hotel valley strip crossing airspace soil territory".split(
    " ",
  ),
);
const DIRECTIONS = new Set(
  "north south east west central northern southern eastern western northeastern northwestern southeastern southwestern north-eastern north-western south-eastern south-western neighbouring neighboring".split(
    " ",
  ),
);
const MOVEMENT_VERBS =
  /^(?:visit|reach|leav|left|arriv|travel|fl(?:y|ew)|return|land|enter|head|went|go|come|came|bomb|attack|strik|struck|hit|shell|captur|seiz|took|take)/i;

/** A state listed after the words of a third party's part stands for its government: "the joint mediation of Qatar, Egypt and the United States". */
const THIRD_PARTY_BEFORE =
  /\b(?:mediation of|mediated by|brokered by|hosted by|facilitated by|guaranteed by|thanked)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*(?:,|,?\s+and)\s+(?:the\s+)?)*$/u;

export interface GovernmentMention {
  state: State;
  text: string;
  from: number;
  to: number;
  /** The name stands only for the government ("Islamabad said"): it is no place here. */
  notPlace: boolean;
}

const lower = (t: Token | undefined) => t?.text.toLowerCase() ?? "";
const isVerb = (t: Token | undefined) => t?.pos === "VERB" || t?.pos === "AUX";

/**
 * Governments by metonymy: "the Pakistani government", "Qatar's foreign ministry", "the government
 * of Colombia", and a capital or a state's name where it acts rather than locates ("Islamabad said",
 * "Pakistan and Afghanistan agreed", "Riyadh and Washington have hosted").
 */
export function findGovernments(sentence: string, tokens: Token[]): GovernmentMention[] {
  const found: GovernmentMention[] = [];
  const nounAt = (i: number) =>
    GOVERNMENT_NOUNS.map((n) => n.split(" ")).find((words) => words.every((w, k) => lower(tokens[i + k]) === w))
      ?.length ?? 0;
  const span = (from: number, to: number) => sentence.slice(defined(tokens[from]).start, defined(tokens[to - 1]).end);
  for (let i = 0; i < tokens.length; i++) {
    // "Iran-backed rebels", "China-brokered talks": the state that backs or brokers is its government.
    const compound = STATE_BACKED.exec(defined(tokens[i]).text);
    const backer =
      compound &&
      (stateByName.get(normalizeName(defined(compound[1]))) ?? stateByDemonym.get(normalizeName(defined(compound[1]))));
    if (backer) {
      found.push({ state: backer, text: defined(tokens[i]).text, from: i, to: i + 1, notPlace: false });
      continue;
    }
    const one = normalizeName(defined(tokens[i]).text);
    const two = i + 1 < tokens.length ? normalizeName(span(i, i + 2)) : "";
    const width = two && (stateByName.has(two) || stateByCapital.has(two) || stateByDemonym.has(two)) ? 2 : 1;
    const key = width === 2 ? two : one;
    if (!defined(tokens[i]).capitalised) continue;
    const after = i + width;
    const possessive = /^['’]s\b/.test(sentence.slice(defined(tokens[after - 1]).end));
    const byDemonym = stateByDemonym.get(key);
    const byName = stateByName.get(key);
    const byCapital = stateByCapital.get(key);
    // "the Russian and Ukrainian delegations": the first adjective has the noun too.
    if (byDemonym && lower(tokens[after]) === "and" && tokens[after + 1]?.capitalised) {
      const second = normalizeName(defined(tokens[after + 1]).text);
      if (stateByDemonym.has(second) && [0, 1].some((skip) => nounAt(after + 2 + skip) > 0)) {
        found.push({ state: byDemonym, text: span(i, after), from: i, to: after, notPlace: true });
        continue;
      }
    }
    // "Yemen's rebels and government": the possessive holds for both.
    if ((byName || byCapital) && possessive && lower(tokens[after + 1]) === "and" && nounAt(after + 2)) {
      const to = after + 2 + nounAt(after + 2);
      found.push({ state: defined(byName ?? byCapital), text: span(i, to), from: i, to, notPlace: false });
      i = to - 1;
      continue;
    }
    // "the Pakistani government", "Afghan interim government", "Qatar's foreign ministry"
    for (const skip of [0, 1]) {
      const noun = nounAt(after + skip);
      if (noun && (byDemonym || ((byName || byCapital) && possessive))) {
        found.push({
          state: defined(byDemonym ?? byName ?? byCapital),
          text: span(i, after + skip + noun),
          from: i,
          to: after + skip + noun,
          notPlace: Boolean(byCapital && !byName),
        });
        i = after + skip + noun - 1;
        break;
      }
    }
    if (found.at(-1)?.to === i + 1) continue;
    const state = byName ?? byCapital;
    if (!state) continue;
    // "government of Colombia"
    if (lower(tokens[i - 1]) === "of" && lower(tokens[i - 2]) === "government") {
      found.push({ state, text: span(i - 2, after), from: i - 2, to: after, notPlace: false });
      continue;
    }
    // "in northeastern Myanmar", "in Venezuela and Mexico": places.
    let start = i;
    if (lower(tokens[i - 1]) === "and")
      for (start = i - 1; start > 0 && (tokens[start - 1]?.capitalised || lower(tokens[start - 1]) === "and"); )
        start--;
    const lead = DIRECTIONS.has(lower(tokens[start - 1])) ? tokens[start - 2] : tokens[start - 1];
    if (lead && (LOCATIVE_BEFORE.has(lower(lead)) || (isVerb(lead) && MOVEMENT_VERBS.test(lead.text)))) continue;
    const before = tokens[i - 1];
    const next = tokens[after];
    if (PLACE_AFTER.has(lower(next)) || (next?.capitalised && !isVerb(next) && !possessive)) continue;
    const acts =
      THIRD_PARTY_BEFORE.test(sentence.slice(0, defined(tokens[i]).start)) ||
      (isVerb(next) && /^\s+$/.test(sentence.slice(defined(tokens[after - 1]).end, defined(next).start))) ||
      (lower(next) === "and" && isVerb(tokens[after + 2])) ||
      (before !== undefined && (isVerb(before) || lower(before) === "and" || lower(before) === "with"));
    if (acts)
      found.push({
        state,
        text: tokens.slice(i, after).length ? span(i, after) : defined(tokens[i]).text,
        from: i,
        to: after,
        notPlace: Boolean(byCapital && !byName),
      });
  }
  return found;
}
