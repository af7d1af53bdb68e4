import type { EventType, ParticipantRole } from "@parley/schema";
import { defined } from "@parley/schema";
import type { ActorMention } from "./actors.ts";
import type { Token } from "./tokens.ts";

type Rule = { role: ParticipantRole; before?: RegExp; after?: RegExp; types?: EventType[] };
const TALKS: EventType[] = ["NEGOTIATION", "CEASEFIRE", "AGREEMENT", "PRISONER_RELEASE", "VISIT"];

/** What the words next to an actor's name say about its part in the event; PARTY otherwise. Data, tried in order. */
export const ROLE_RULES: Rule[] = [
  { role: "SPOKESPERSON", before: /\bspokes(?:man|person|woman)(?: for [^,.;]{1,40})?,?\s+$/i },
  { role: "SPOKESPERSON", after: /^,\s*(?:a |the |its )?(?:chief |official )?spokes(?:man|person|woman)\b/i },
  {
    role: "MEDIATOR",
    before:
      /\b(?:mediation(?: efforts)? of|mediated by|brokered by|mediators?(?: from)?|mediation by|envoy|through the mediation of)\s+(?:the\s+)?$/i,
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
  { role: "FACILITATOR", before: /\b(?:facilitated by|facilitators?|with the help of)\s+(?:the\s+)?$/i, types: TALKS },
  {
    role: "FACILITATOR",
    after: /^[^.;]{0,25}?\b(?:facilitat(?:ed|es|ing|e)|would oversee|will oversee|was coordinating)\b/i,
    types: TALKS,
  },
  { role: "GUARANTOR", before: /\bguarantors?(?: countries)?,?\s+$/i, types: TALKS },
  {
    role: "GUARANTOR",
    after: /^[^.;]{0,60}?\b(?:as guarantors?|guarantor countries|played the role of guarantor)\b/i,
    types: TALKS,
  },
  { role: "HOST", before: /\bhosted by\s+(?:the\s+)?$/i, types: TALKS },
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
  {
    role: "VISITOR",
    after: /^[^.;]{0,60}?\b(?:visited|arrived in|ended a [\w-]+ visit|visit to)\b/i,
    types: ["VISIT"],
  },
  {
    role: "PERPETRATOR",
    after:
      /^\W*(?:air ?strikes|attacks?|bombing)\b|^[^.;]{0,20}?\b(?:carried out|launched|conducted)\b[^.;]{0,20}\b(?:air ?strikes?|attacks?|strikes?|offensive)/i,
    types: ["AIRSTRIKE", "ATTACK", "MILITARY_OPERATION"],
  },
];

function ruleRole(sentence: string, start: number, end: number, type: EventType): ParticipantRole | null {
  const before = sentence.slice(Math.max(0, start - 60), start);
  const after = sentence.slice(end);
  for (const rule of ROLE_RULES) {
    if (rule.types && !rule.types.includes(type)) continue;
    if (rule.before?.test(before) || rule.after?.test(after)) return rule.role;
  }
  return null;
}

/** Roles an actor keeps through a report once a sentence has given it one: a third party stays one. */
export const LASTING_ROLES: ParticipantRole[] = ["MEDIATOR", "FACILITATOR", "GUARANTOR"];

export function roleOf(sentence: string, start: number, end: number, type: EventType): ParticipantRole {
  return ruleRole(sentence, start, end, type) ?? "PARTY";
}

/** Roles for a sentence's actors; names joined by "and" or commas ("mediated by Qatar and Türkiye") share the role read for one of them. */
export function rolesOf<A extends Pick<ActorMention, "from" | "to">>(
  sentence: string,
  tokens: Token[],
  actors: A[],
  type: EventType,
): Array<A & { role: ParticipantRole }> {
  const roles = actors.map((a) =>
    ruleRole(sentence, defined(tokens[a.from]).start, defined(tokens[a.to - 1]).end, type),
  );
  const joined = (i: number) =>
    /^\s*(?:,|and|,\s*and|&)\s*$/i.test(
      sentence.slice(
        defined(tokens[defined(actors[i - 1]).to - 1]).end,
        defined(tokens[defined(actors[i]).from]).start,
      ),
    );
  for (let i = 1; i < actors.length; i++)
    if (roles[i] === null && roles[i - 1] !== null && joined(i)) roles[i] = defined(roles[i - 1]);
  for (let i = actors.length - 2; i >= 0; i--)
    if (roles[i] === null && roles[i + 1] !== null && joined(i + 1)) roles[i] = defined(roles[i + 1]);
  return actors.map((a, i) => ({ ...a, role: roles[i] ?? "PARTY" }));
}
