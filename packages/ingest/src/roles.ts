import type { ActorKind, EventType, ParticipantRole } from "@parley/schema";
import { defined } from "@parley/schema";
import type { ActorMention } from "./actors.ts";
import type { Token } from "./tokens.ts";

type Rule = { role: ParticipantRole; before?: RegExp; after?: RegExp; types?: EventType[]; kinds?: ActorKind[] };
const TALKS: EventType[] = ["NEGOTIATION", "CEASEFIRE", "AGREEMENT", "PRISONER_RELEASE", "VISIT"];
const VIOLENCE: EventType[] = ["AIRSTRIKE", "ATTACK", "MILITARY_OPERATION", "TAKEOVER"];
/** Titles and describing words between a role's words and a name: "chaired by Turkish Foreign Minister", "facilitated by the interim". */
const TITLED = String.raw`(?:the\s+)?(?:(?!(?:and|or|with|between|by|of|to|for|in)\b)[\w'’.-]+\s+){0,4}`;
const titled = (words: string) => new RegExp(String.raw`\b(?:${words})\s+${TITLED}$`, "i");

/** What the words next to an actor's name say about its part in the event; PARTY otherwise. Data, tried in order. */
export const ROLE_RULES: Rule[] = [
  { role: "SPOKESPERSON", before: /\bspokes(?:man|person|woman)(?: for [^,.;]{1,40})?,?\s+$/i, kinds: ["PERSON"] },
  { role: "SPOKESPERSON", after: /^,\s*(?:a |the |its )?(?:chief |official )?spokes(?:man|person|woman)\b/i },
  {
    role: "MEDIATOR",
    before:
      /\b(?:mediation(?: efforts)? of|(?:mediated|brokered)(?: \w+ly)? by|mediators?(?: from)?|mediation by|envoy|through the mediation of)\s+(?:the\s+)?$/i,
    types: TALKS,
  },
  {
    role: "VISITOR",
    after: /^[^.;]{0,60}?\b(?:visited|arrived in|ended a [\w-]+ visit|visit to)\b/i,
    types: ["VISIT"],
  },
  // "After his visit to Juba on Wednesday, Ruto said": the visitor named after the visit.
  { role: "VISITOR", before: /\b(?:his|her|their) (?:visit|trip) to\b[^.;]{0,40}$/i, types: ["VISIT"] },
  // Whom a visitor meets receives the visit: "during which he met the head of the ruling council, X".
  { role: "HOST", before: /\b(?:met|meet|meeting|received by|hosted by|welcomed by)\b[^.;]{0,50}$/i, types: ["VISIT"] },
  {
    role: "MEDIATOR",
    before: titled("mediation(?: efforts)? of|mediated by|brokered by|through the mediation of"),
    types: TALKS,
  },
  // "The African Union's High Representative for the Horn of Africa, former Nigerian President Olusegun Obasanjo".
  {
    role: "MEDIATOR",
    before:
      /\b(?:[Ss]pecial [Ee]nvoys?|[Hh]igh [Rr]epresentative|[Ss]pecial [Rr]epresentative|[Mm]ediators?)\b(?: (?:for|to) [^,.;]{1,40})?,?\s+(?:(?:former|[A-Z][\w'’.-]*)\s+){0,4}$/,
    types: TALKS,
  },
  {
    role: "MEDIATOR",
    after:
      /^(?:['’]s)?\s+(?:joint\s+|special\s+)?(?:mediation|mediators?|high representative|special representative|special envoy)\b|^,\s*(?:the\s+)?(?:head|chief|leader|member) of the [\w' ]{0,30}mediation team\b/i,
    types: TALKS,
  },
  // "UN Special Envoy for Yemen Hans Grundberg": the envoy's brief names a place, in capitals.
  { role: "MEDIATOR", before: /\b[Ee]nvoy (?:for|to) (?:the )?[A-Z][\w']*(?: [A-Z][\w']*){0,3},?\s+$/, types: TALKS },
  {
    role: "MEDIATOR",
    after:
      /^['’]s mediation\b|^-(?:brokered|mediated)\b|^[^.;]{0,25}?\b(?<!\b(?:were|was|been|is|are|being) )(?:mediat(?:ed|es|ing|e)|had been mediating|were mediating|brokered)\b(?!\s+by\b)/i,
    types: TALKS,
  },
  // "Egypt and the United States mediated the deal together with Qatar".
  {
    role: "MEDIATOR",
    before: /\b(?:mediated|brokered)\b[^.;]{0,40}\b(?:together with|along with|alongside)\s+(?:the\s+)?$/i,
    types: TALKS,
  },
  // "Egypt is mediating", "thanked Türkiye and Qatar for their mediation".
  {
    role: "MEDIATOR",
    after:
      /^\s+(?:is|are|was|were|has been|have been|had been) (?:mediating|brokering|the mediators?)\b|^[^.;]{0,30}?\bfor (?:their|its|his|her) (?:mediation|mediating)\b/i,
    types: TALKS,
  },
  { role: "FACILITATOR", before: /\b(?:facilitated by|facilitators?|with the help of)\s+(?:the\s+)?$/i, types: TALKS },
  { role: "FACILITATOR", before: titled("facilitated by|with the help of"), types: TALKS },
  {
    role: "FACILITATOR",
    after:
      /^[^.;]{0,25}?\b(?<!\b(?:were|was|been|is|are|being) )(?:facilitat(?:ed|es|ing|e)|would oversee|will oversee|was coordinating)\b(?!\s+by\b)/i,
    types: TALKS,
  },
  { role: "GUARANTOR", before: /\bguarantors?(?: countries)?,?\s+$/i, types: TALKS },
  {
    role: "GUARANTOR",
    after: /^[^.;]{0,60}?\b(?:as guarantors?|guarantor countries|played the role of guarantor)\b/i,
    types: TALKS,
  },
  { role: "HOST", before: titled("hosted by|chaired by|presided over by|opened by"), types: TALKS },
  { role: "HOST", after: /^[^.;]{0,20}?\b(?:hosted|hosts|host|hosting|chaired|opened the round)\b/i, types: TALKS },
  {
    role: "DELEGATION_LEAD",
    before:
      /\b(?:led by|headed by|(?:chief|lead|top) negotiators?,?|head of the [\w' ]{0,20}delegation,?|heads? of the two delegations,?)\s+$/i,
  },
  {
    role: "DELEGATION_LEAD",
    after:
      /^,?\s*(?:who )?(?:had )?(?:led|is leading|leads|heads|headed) (?:his|her|the|a|its|[\w']+['’]s)\b[^.;]{0,20}(?:team|delegation|negotiators)|^,?\s*(?:the )?(?:head|chief) of the [\w' ]{0,20}delegation/i,
  },
  {
    role: "RELEASED",
    before: /\b(?:freeing|release|releasing|freed|return) of\s+(?:\w+\s+){0,3}$/i,
    types: ["PRISONER_RELEASE"],
  },
  {
    role: "RELEASING",
    after: /^\W*(?:\w+\s+){0,3}(?:released|freed|handed over|will release|would free|will free|to free)\b/i,
    types: ["PRISONER_RELEASE"],
  },
  // "13 captives held by Hamas … would be released".
  { role: "RELEASING", before: /\b(?:held|holding|kept|detained) by\s+(?:the\s+)?$/i, types: ["PRISONER_RELEASE"] },
  {
    role: "RELEASED",
    after: /^\s+(?:got back|received back|recovered|welcomed home)\b/i,
    types: ["PRISONER_RELEASE"],
  },
  {
    role: "PERPETRATOR",
    after:
      /^\W*(?:air ?strikes|attacks?|bombing)\b|^[^.;]{0,20}?\b(?:carried out|launched|conducted)\b[^.;]{0,20}\b(?:air ?strikes?|attacks?|strikes?|offensive)/i,
    types: ["AIRSTRIKE", "ATTACK", "MILITARY_OPERATION"],
  },
  // The subject of the deed, past an aside: "The MNDAA, based in the Kokang region, captured the town".
  {
    role: "PERPETRATOR",
    after:
      /^(?:,[^,.;]{0,60},)?\s+(?:\w+\s+)?(?:captured|seized|took control of|overran|attacked|struck|shelled|bombed|raided|ambushed|stormed|fired)\b/i,
    types: VIOLENCE,
  },
  // A person who tells of the event speaks for it: ", Federal Information Minister Fawad Chaudhry said on Monday".
  {
    role: "SPOKESPERSON",
    after: /^\s+(?:\w+\s+)?(?:said|says|announced|told|confirmed|stated|declared)\b/i,
    types: ["NEGOTIATION", "CEASEFIRE", "AGREEMENT", "PRISONER_RELEASE"],
    kinds: ["PERSON"],
  },
];

function ruleRole(
  sentence: string,
  start: number,
  end: number,
  type: EventType,
  kind?: ActorKind,
): ParticipantRole | null {
  const before = sentence.slice(Math.max(0, start - 80), start);
  const after = sentence.slice(end);
  for (const rule of ROLE_RULES) {
    if (rule.types && !rule.types.includes(type)) continue;
    if (rule.kinds && (kind === undefined || !rule.kinds.includes(kind))) continue;
    if (rule.before?.test(before) || rule.after?.test(after)) return rule.role;
  }
  return null;
}

const EXCHANGE = /\b(?:exchange|swap)s?\b|\beach side\b/i;
const SIDES: ActorKind[] = ["GOVERNMENT", "ARMED_GROUP", "SECURITY_FORCE"];

/** Roles an actor keeps through a report once a sentence has given it one: a third party stays one. */
export const LASTING_ROLES: ParticipantRole[] = ["MEDIATOR", "FACILITATOR", "GUARANTOR"];

export function roleOf(sentence: string, start: number, end: number, type: EventType): ParticipantRole {
  return ruleRole(sentence, start, end, type) ?? "PARTY";
}

/** Roles for a sentence's actors; names joined by "and" or commas ("mediated by Qatar and Türkiye") share the role read for one of them. */
export function rolesOf<A extends Pick<ActorMention, "from" | "to"> & { kind?: ActorKind }>(
  sentence: string,
  tokens: Token[],
  actors: A[],
  type: EventType,
): Array<A & { role: ParticipantRole }> {
  const roles = actors.map((a) =>
    ruleRole(sentence, defined(tokens[a.from]).start, defined(tokens[a.to - 1]).end, type, a.kind),
  );
  const joined = (i: number) =>
    /^\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?$/i.test(
      sentence.slice(
        defined(tokens[defined(actors[i - 1]).to - 1]).end,
        defined(tokens[defined(actors[i]).from]).start,
      ),
    );
  for (let i = 1; i < actors.length; i++)
    if (roles[i] === null && roles[i - 1] !== null && joined(i)) roles[i] = defined(roles[i - 1]);
  for (let i = actors.length - 2; i >= 0; i--)
    if (roles[i] === null && roles[i + 1] !== null && joined(i + 1)) roles[i] = defined(roles[i + 1]);
  // In an exchange each side releases: "Russia and Ukraine agreed on another prisoner exchange".
  const exchange = type === "PRISONER_RELEASE" && EXCHANGE.test(sentence);
  return actors.map((a, i) => ({
    ...a,
    role: roles[i] ?? (exchange && a.kind && SIDES.includes(a.kind) ? "RELEASING" : "PARTY"),
  }));
}
