import type { EventType } from "@parley/schema";

/**
 * Keyword patterns for the sentences that report an event, per event type. A sentence may report
 * several (talks that produced a truce); each match becomes its own candidate.
 */
export const EVENT_PATTERNS: Array<[EventType, RegExp]> = [
  ["CEASEFIRE", /\b(?:cease-?fires?|truces?|cease hostilities|armistice)\b/i],
  [
    "PRISONER_RELEASE",
    /\b(?:releas(?:e|ed|es|ing)|free(?:d|ing)?|handed over)\b[^.]*\b(?:prisoners?|detainees?|captives?|hostages?|commanders?)\b|\b(?:prisoners?|detainees?|hostages?)\b[^.]*\b(?:released|freed|handed over)\b|\bprisoner (?:release|swap|exchange)s?\b/i,
  ],
  ["AIRSTRIKE", /\bair ?strikes?\b|\bair raids?\b|\bdrone strikes?\b|\bbombardment\b/i],
  ["INFILTRATION", /\binfiltrat(?:ion|ions|ed|ing|e)\b/i],
  [
    "DIPLOMATIC_PROTEST",
    /\bdiplomatic protest\b|\blodged a (?:formal )?protest\b|\bsummoned the [^.]*(?:envoy|ambassador|charg)/i,
  ],
  ["PROTEST", /\bprotesters?\b|\bprotested\b|\bdemonstrat(?:ion|ions|ors)\b|\brall(?:y|ies)\b/i],
  [
    "ATTACK",
    /\bsuicide (?:attack|bomb(?:ing|er)?)s?\b|\bbomb(?:ing|ed|ings)\b|\bambush(?:ed)?\b|\battack(?:s|ed)?\b|\bkilled\b/i,
  ],
  ["VISIT", /\bvisit(?:ed|s|ing)?\b|\btrip to\b/i],
  [
    "NEGOTIATION",
    /\bmet (?:with|in|at|on|for)\b|\btalks\b|\bnegotiat(?:ions?|ing|e|ed)\b|\bdialogue\b|\bmeetings?\b|\bmediat(?:e|ed|es|ing|ion)\b/i,
  ],
  ["ARREST", /\barrest(?:ed|s)?\b|\bdetained\b/i],
  [
    "AGREEMENT",
    /\b(?:sign(?:ed|ing)?|reached|concluded)\b[^.]*\b(?:agreement|accord|deal|declaration|memorandum)\b|\bpeace (?:deal|agreement|accord)\b|\bagreement on\b/i,
  ],
  [
    "TAKEOVER",
    /\btook over\b|\btakeover\b|\bseiz(?:ed|ing) (?:power|kabul|control|the capital)\b|\bcoup\b|\boverran the capital\b|\btook power\b/i,
  ],
  [
    "MILITARY_OPERATION",
    /\bmilitary operations?\b|\bcounter-insurgency operations?\b|\boffensive\b|\bcaptured\b|\bintervened\b/i,
  ],
  ["FORMATION", /\b(?:was|were) formed\b|\bformally united\b|\bfounded\b|\bfirst emerged\b/i],
  ["ARMED_CLASH", /\bclash(?:es)?\b|\bbloody conflict\b|\bborder fighting\b|\bexchanges? of fire\b/i],
  [
    "STATEMENT",
    /\bissued a statement\b|\bin a (?:brief )?statement\b|\bpress conference\b|\bannounced\b|\b(?:refused to|urged|proposed|rubbished|denied)\b/i,
  ],
  ["OTHER", /\b(?:designated|lists)\b[^.]*\bterrorist organi[sz]ation\b|\bdeclared an? ["“]?undesirable/i],
];

export function eventTypesOf(sentence: string): EventType[] {
  const types = EVENT_PATTERNS.filter(([, pattern]) => pattern.test(sentence)).map(([type]) => type);
  // "the talks produced a truce" is a ceasefire; "killed" alone is an attack only when nothing else is reported.
  if (types.includes("AIRSTRIKE") && types.includes("ATTACK") && !/\battack/i.test(sentence))
    return types.filter((t) => t !== "ATTACK");
  // A ceasefire agreement is a ceasefire.
  if (types.includes("CEASEFIRE") && types.includes("AGREEMENT")) return types.filter((t) => t !== "AGREEMENT");
  return types;
}
