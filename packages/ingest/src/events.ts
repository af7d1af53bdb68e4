import type { EventType } from "@parley/schema";

/**
 * Keyword patterns for the sentences that report an event, per event type. A sentence may report
 * several (talks that produced a truce); each match becomes its own candidate.
 */
export const EVENT_PATTERNS: Array<[EventType, RegExp]> = [
  [
    "CEASEFIRE",
    /\b(?:cease-?fires?|truces?|cease hostilities|cessation of hostilities|armistice)\b|\b(?:agree[ds]?|agreeing) (?:on [^.]{0,30} )?to (?:stop|end|halt) (?:the )?fighting\b/i,
  ],
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

/**
 * Outcomes a sentence only talks about: "ceasefire talks", "discuss a prisoner exchange", "pushed
 * for a ceasefire", "a deal that would…". The words before the keyword, or the word after it, say
 * it has not happened (the talks themselves are still an event).
 */
const NOT_YET_BEFORE =
  /\b(?:discuss(?:ed|es|ing)?|push(?:ed|es|ing)? for|call(?:ed|s|ing)? for|demand(?:ed|s|ing)?|propos(?:ed|es|ing|al)|seek(?:s|ing)?|sought|urg(?:ed|es|ing)|wants?|hop(?:e|es|ed|ing)|aim(?:ed|s|ing)? (?:at|for)|goal|towards?|plans?|planned|would|could|might|prospects? (?:of|for)|possible)\b[^.;,]{0,50}$/i;
const NOT_YET_AFTER = /^[\s-]*(?:talks|negotiations|proposals?|plans?|efforts)\b/i;
const OUTCOMES: EventType[] = ["CEASEFIRE", "PRISONER_RELEASE", "AGREEMENT"];

function onlyTalkedAbout(sentence: string, pattern: RegExp): boolean {
  const global = new RegExp(pattern.source, "gi");
  const matches = [...sentence.matchAll(global)];
  return (
    matches.length > 0 &&
    matches.every(
      (m) =>
        NOT_YET_BEFORE.test(sentence.slice(0, m.index)) || NOT_YET_AFTER.test(sentence.slice(m.index + m[0].length)),
    )
  );
}

export function eventTypesOf(sentence: string): EventType[] {
  let types = EVENT_PATTERNS.filter(
    ([type, pattern]) => pattern.test(sentence) && !(OUTCOMES.includes(type) && onlyTalkedAbout(sentence, pattern)),
  ).map(([type]) => type);
  // "killed" alone is an attack only when nothing else is reported: "a war that killed thousands"
  // beside a truce is background, and an air strike that killed is an air strike.
  if (
    types.includes("ATTACK") &&
    types.some((t) => t !== "ATTACK" && t !== "STATEMENT") &&
    !/\b(?:attack|bomb|ambush|suicide)/i.test(sentence)
  )
    types = types.filter((t) => t !== "ATTACK");
  // A ceasefire agreement is a ceasefire.
  if (types.includes("CEASEFIRE") && types.includes("AGREEMENT")) types = types.filter((t) => t !== "AGREEMENT");
  return types;
}
