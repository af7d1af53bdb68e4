import { defined, type EventType } from "@parley/schema";

/**
 * Keyword patterns for the sentences that report an event, per event type. A sentence may report
 * several (talks that produced a truce); each match becomes its own candidate.
 */
export const EVENT_PATTERNS: Array<[EventType, RegExp]> = [
  [
    "CEASEFIRE",
    /\b(?:cease-?fires?|truces?|cease hostilities|cessation of hostilities|armistice|humanitarian pauses?|pauses? in (?:the )?fighting)\b|\b(?:agree[ds]?|agreeing) (?:on [^.]{0,30} )?to (?:stop|end|halt) (?:the )?fighting\b/i,
  ],
  [
    "PRISONER_RELEASE",
    /\b(?:releas(?:e|ed|es|ing)|free(?:d|ing)?|handed over)\b[^.]*\b(?:prisoners?|detainees?|captives?|hostages?|commanders?)\b|\b(?:prisoners?|detainees?|captives?|hostages?)\b[^.]*\b(?:released|freed|handed over)\b|\bprisoner (?:release|swap|exchange)s?\b|\b(?:completed|carried out|conducted)\s+(?:the\s+|a\s+|an\s+|another\s+)?(?:\w+\s+){0,2}(?:exchange|swap)s?\b|\bgot back\b[^.]*\b(?:soldiers|prisoners|captives|detainees|fighters|hostages|servicemen)\b/i,
  ],
  [
    "AIRSTRIKE",
    /\bair ?strikes?\b|\bair raids?\b|\bdrone strikes?\b|\bbombardment\b|\b(?:launched|carried out|conducted)\s+(?:[\w-]+\s+){0,2}strikes\b|\b(?:strikes? (?:on|against)|striking)\s+(?:[\w-]+\s+){0,3}(?:sites?|targets?|positions?|bases?|facilities|hideouts?|camps?)\b/i,
  ],
  ["INFILTRATION", /\binfiltrat(?:ion|ions|ed|ing|e)\b/i],
  [
    "DIPLOMATIC_PROTEST",
    /\bdiplomatic protest\b|\blodged a (?:formal )?protest\b|\bsummoned the [^.]*(?:envoy|ambassador|charg)/i,
  ],
  ["PROTEST", /\bprotesters?\b|\bprotested\b|\bdemonstrat(?:ion|ions|ors)\b|\brall(?:y|ies)\b/i],
  [
    "ATTACK",
    /\bsuicide (?:attack|bomb(?:ing|er)?)s?\b|\bbomb(?:ing|ed|ings)\b|\bambush(?:ed)?\b|\battack(?:s|ed)?\b|\bkilled\b|\bfired\s+(?:[\w-]+\s+){0,2}(?:missiles?|rockets?|shells?|mortars?)\b|\bshell(?:ed|ing)\b/i,
  ],
  ["VISIT", /\bvisit(?:ed|s|ing)?\b|\btrip to\b|\barrived in\b[^.;,]{0,40}\bto meet\b/i],
  [
    "NEGOTIATION",
    /\bmet (?:with|in|at|on|for)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|next|new|latest|earlier|another) rounds?\b|\bmet (?:his|her|their|its) (?:\w+ ){0,2}counterparts?\b|\btalks\b|\bnegotiat(?:ions?|ing|e|ed)\b|\bdialogue\b|\bmeetings?\b|\bmediat(?:e|ed|es|ing|ion)\b/i,
  ],
  ["ARREST", /\barrest(?:ed|s)?\b(?! warrants?)|\bdetained\b/i],
  [
    "AGREEMENT",
    /\b(?:sign(?:ed|ing)?|reached|concluded|inked|struck|clinched|sealed)\b[^.]*\b(?:agreement|accord|deal|declaration|memorandum)\b|\bpeace (?:deal|agreement|accord)\b|\bagreement on\b|\bagree(?:d|s)?\s+(?:on|to)\s+(?:[\w,-]+\s+){0,3}(?:exchanges?|swaps?|releases?)\b|\bagreed to (?:exchange|swap|release|free)\b|\b(?:exchanges?|swaps?|release)\b[^.;,]{0,30}\bagreed\s*$/i,
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
  [
    "ARMED_CLASH",
    /\bclash(?:es|ed|ing)?\b|\bbloody conflict\b|\bborder fighting\b|\bexchanges? of fire\b|\bfighting between\b|\bgun ?battles?\b/i,
  ],
  [
    "STATEMENT",
    /\bissued a statement\b|\bin a (?:brief )?statement\b|\bpress conference\b|\bannounced\b|\b(?:refused to|urged|proposed|rubbished|denied)\b/i,
  ],
  ["OTHER", /\b(?:designated|lists)\b[^.]*\bterrorist organi[sz]ation\b|\bdeclared an? ["“]?undesirable/i],
];

/**
 * Outcomes a sentence only talks about: "ceasefire talks", "discuss a prisoner exchange", "pushed
 * for a ceasefire", "a deal that would…", "if a truce is agreed", "refused to sign a written
 * agreement". The words before the keyword, or the word after it, say it has not happened (the
 * talks themselves are still an event). A release one side says the other refuses ("refusing to
 * free dozens of prisoners") stays: it is what the sides dispute, and the reviewer needs the quote.
 */
const NOT_YET_BEFORE =
  /\b(?:consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|explor(?:e|es|ed|ing)|reviv(?:e|ing)|restor(?:e|ing)|salvag(?:e|ing))\b[^.;,]{0,40}$|\bto (?:work out|agree(?: on)?|reach|negotiate|secure|achieve|broker|seal|clinch|hammer out|finali[sz]e)\b[^.;,]{0,30}$|\b(?:discuss(?:ed|es|ing)?|push(?:ed|es|ing)? for|call(?:ed|s|ing)? for|demand(?:ed|s|ing)?|propos(?:ed|es|ing|al)|seek(?:s|ing)?|sought|urg(?:ed|es|ing)|wants?|hop(?:e|es|ed|ing)|aim(?:ed|s|ing)? (?:at|for)|goal|towards?|plans?|planned|would|could|might|prospects? (?:of|for)|possible|if|unless)\b[^.;,]{0,50}$/i;
/** An agreement one side would not make: "refused to sign a written agreement", "failed to reach a deal" (a truce it would not extend was still a truce). */
const REFUSED_BEFORE =
  /\b(?:refus(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|fail(?:ed|s|ing)?)\s+to\s+(?:(?:sign|agree|accept|reach|conclude|ratify)\b[^.;,]{0,30})?$/i;
/** Talks only in prospect: "a possible meeting between the presidents", "called for talks", "would hold talks". */
const TALKS_NOT_YET_BEFORE =
  /\b(?:possible|proposed|potential|planned|future|call(?:ed|s|ing)? for|push(?:ed|es|ing)? for|urg(?:ed|es|ing)|would|could|might|expected to|hop(?:e|es|ed|ing) (?:for|to))\b[^.;,]{0,30}$|\b(?:press|urg|push|ask|invit|encourag|forc|persuad)\w*\b[^.;]{0,120}\bto\s+$|\bfor\s+(?:the\s+|a\s+|new\s+|further\s+|future\s+)?$/i;
/** A release only agreed on: "agreed on a prisoner exchange", "the release of hostages agreed". */
const RELEASE_AGREED_BEFORE = /\bagree(?:d|s|ment|ing)?\s+(?:on|to)\s+(?:[\w,-]+\s+){0,3}$/i;
const RELEASE_AGREED_AFTER = /^\s*agreed\s*(?:$|[;,])/i;
/** A ceasefire only broken: "accused the army of violating the truce", "ceasefire violations". */
const BROKEN_BEFORE =
  /\b(?:violat(?:e|ed|es|ing|ions? of)|breach(?:ed|es|ing)?(?: of)?|br(?:oke|eak|eaks|eaking)|undermin(?:e|ed|es|ing))\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$/i;
const BROKEN_AFTER = /^\s+(?:violations?|breaches?)\b/i;
/** "50 hostages to be freed": a release to come. */
const RELEASE_TO_COME = /\bto be\s+(?:freed|released|handed over)$/i;
const NOT_YET_AFTER = /^[\s-]*(?:talks|negotiations|proposals?|plans?|efforts)\b/i;
const OUTCOMES: EventType[] = ["CEASEFIRE", "PRISONER_RELEASE", "AGREEMENT"];

/**
 * Violence a sentence says has stopped or only supposes: "the army stopped its air attacks", "no
 * further strikes", "the ceasefire could hold only if no attacks came from Afghan territory".
 */
const STOPPED_BEFORE =
  /\b(?:stop(?:ped|s)?|halt(?:ed|s)?|suspend(?:ed|s)?|cease[ds]?|refrain(?:ed|s)? from|no (?:more|further)|without|if|unless)\s+(?:[\w'’-]+\s+){0,3}$/i;
const VIOLENCE: EventType[] = ["ATTACK", "AIRSTRIKE", "ARMED_CLASH", "MILITARY_OPERATION"];
/** "With Qatar's mediation, the two sides signed a truce": the mediation is how the outcome came about, no event of its own. */
const MEDIATION_ONLY = /^(?:mediat(?:e|ed|es|ing|ion))$/i;

function every(sentence: string, pattern: RegExp, test: (m: RegExpExecArray) => boolean): boolean {
  const matches = [...sentence.matchAll(new RegExp(pattern.source, "gi"))];
  return matches.length > 0 && matches.every(test);
}

function onlyTalkedAbout(sentence: string, pattern: RegExp, type: EventType): boolean {
  return every(sentence, pattern, (m) => {
    const [before, after] = [sentence.slice(0, m.index), sentence.slice(m.index + m[0].length)];
    return (
      NOT_YET_BEFORE.test(before) ||
      NOT_YET_AFTER.test(after) ||
      (type === "CEASEFIRE" && (BROKEN_BEFORE.test(before) || BROKEN_AFTER.test(after))) ||
      (type !== "PRISONER_RELEASE" && REFUSED_BEFORE.test(before)) ||
      (type === "PRISONER_RELEASE" &&
        (RELEASE_AGREED_BEFORE.test(before) || RELEASE_AGREED_AFTER.test(after) || RELEASE_TO_COME.test(m[0])))
    );
  });
}

const onlyStopped = (sentence: string, pattern: RegExp) =>
  every(sentence, pattern, (m) => STOPPED_BEFORE.test(sentence.slice(0, m.index)));

export function eventTypesOf(sentence: string): EventType[] {
  let types = EVENT_PATTERNS.filter(
    ([type, pattern]) =>
      pattern.test(sentence) &&
      !(OUTCOMES.includes(type) && onlyTalkedAbout(sentence, pattern, type)) &&
      !(VIOLENCE.includes(type) && onlyStopped(sentence, pattern)) &&
      !(
        type === "NEGOTIATION" && every(sentence, pattern, (m) => TALKS_NOT_YET_BEFORE.test(sentence.slice(0, m.index)))
      ),
  ).map(([type]) => type);
  const negotiation = EVENT_PATTERNS.find(([type]) => type === "NEGOTIATION")?.[1];
  if (
    negotiation &&
    types.some((t) => OUTCOMES.includes(t)) &&
    every(sentence, negotiation, (m) => MEDIATION_ONLY.test(m[0]))
  )
    types = types.filter((t) => t !== "NEGOTIATION");
  // "killed" alone is an attack only when nothing else is reported: "a war that killed thousands"
  // beside a truce is background, and an air strike that killed is an air strike.
  if (
    types.includes("ATTACK") &&
    types.some((t) => t !== "ATTACK" && t !== "STATEMENT") &&
    !/\b(?:attack|bomb|ambush|suicide|fired|shell)/i.test(sentence)
  )
    types = types.filter((t) => t !== "ATTACK");
  // A ceasefire agreement is a ceasefire.
  if (types.includes("CEASEFIRE") && types.includes("AGREEMENT")) types = types.filter((t) => t !== "AGREEMENT");
  return types;
}

/** "Talks" after which the sentence's event came: "agreed on Thursday to a truce after two days of talks". */
const TALKS_BEFORE_THE_EVENT =
  /\b(?:after|following)\s+(?:(?:the|a|an|\w+ (?:days?|weeks?|months?|rounds?) of|several|months of|weeks of|days of|lengthy|long)\s+)*(?:[\w-]+\s+)?$/i;

/**
 * Whether a sentence's date (at `index`) dates its event of `type`: not for talks that came before
 * the dated event ("confirmed on Thursday that it had agreed … after two days of talks in Kabul"),
 * though "after the talks on Wednesday" dates the talks.
 */
export function datesEvent(sentence: string, type: EventType, index: number): boolean {
  const pattern = defined(EVENT_PATTERNS.find(([t]) => t === type))[1];
  // "the truce that ended in early October": the date is the truce's.
  const other = OTHER_EVENT_BEFORE_DATE.exec(sentence.slice(0, index));
  if (other && !new RegExp(pattern.source, "i").test(defined(other[1]))) return false;
  if (type !== "NEGOTIATION") return true;
  // "Last month, the minister told TV that the government was talking to the TTP": the telling's date.
  const reporting = REPORTED_THAT.exec(sentence);
  if (reporting && index < reporting.index + reporting[0].length)
    if (every(sentence, pattern, (m) => m.index >= reporting.index + reporting[0].length)) return false;
  return !every(sentence, pattern, (m) => m.index > index && TALKS_BEFORE_THE_EVENT.test(sentence.slice(0, m.index)));
}

/**
 * Which of a sentence's dates dates its event of `type`: of those that may, the one nearest the
 * first of the event's words ("The third round of talks opened on Thursday, after deadly border
 * clashes last month": the talks Thursday's, the clashes last month's).
 */
export function dateOfEvent<D extends { index: number; text: string }>(
  sentence: string,
  type: EventType,
  dates: D[],
): D | undefined {
  // "Their first direct negotiations since 2022": a bound, not the event's date.
  const fit = dates.filter(
    (d) => datesEvent(sentence, type, d.index) && !/\bfirst\b[^.;]{0,80}\bsince\s+$/i.test(sentence.slice(0, d.index)),
  );
  if (fit.length <= 1) return fit[0];
  const word = defined(EVENT_PATTERNS.find(([t]) => t === type))[1].exec(sentence);
  if (!word) return fit[0];
  const [from, to] = [word.index, word.index + word[0].length];
  const distance = (d: D) => Math.max(0, from - (d.index + d.text.length), d.index - to);
  return fit.reduce((best, d) => (distance(d) < distance(best) ? d : best));
}

const OTHER_EVENT_BEFORE_DATE =
  /\b(truce|cease-?fire|talks|negotiations|agreement|deal|accord|war|conflict|offensive|fighting|visit|meetings?)\s+(?:that|which)\s+(?:[\w-]+\s+){1,3}$/i;
const REPORTED_THAT = /\b(?:said|says|told|confirmed|announced|reported|added|stated)\b[^.;]*?\bthat\b/i;
