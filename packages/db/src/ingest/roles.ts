import type { EventType, ParticipantRole } from "@parley/schema";

type Rule = { role: ParticipantRole; before?: RegExp; after?: RegExp; types?: EventType[] };

/** What the words next to an actor's name say about its part in the event; PARTY otherwise. */
const RULES: Rule[] = [
  { role: "MEDIATOR", before: /\b(?:mediation(?: efforts)? of|mediated by|mediators? from)\s+(?:the\s+)?$/i },
  { role: "MEDIATOR", after: /^[^.;]{0,25}?\b(?:mediat(?:ed|es|ing|e)|had been mediating|were mediating)\b/i },
  { role: "GUARANTOR", after: /^[^.;]{0,20}?\bplayed the role of guarantor\b/i },
  { role: "HOST", after: /^[^.;]{0,20}?\b(?:hosted|hosts|host)\b/i },
  { role: "DELEGATION_LEAD", before: /\b(?:led by|headed by)\s+$/i },
  { role: "DELEGATION_LEAD", after: /^[^.;]{0,40}?\b(?:led|is leading|leads) (?:his|her|the|a)\b[^.;]{0,20}(?:team|delegation)/i },
  { role: "SPOKESPERSON", before: /\bspokes(?:man|person|woman)\s+$/i },
  { role: "RELEASED", before: /\b(?:freeing|release|releasing) of\s+(?:\w+\s+){0,3}$/i, types: ["PRISONER_RELEASE"] },
  { role: "RELEASING", after: /^\W*(?:\w+\s+){0,2}(?:released|freed|handed over)\b/i, types: ["PRISONER_RELEASE"] },
  { role: "VISITOR", after: /^[^.;]{0,60}?\bvisited\b/i, types: ["VISIT"] },
  { role: "PERPETRATOR", after: /^\W*(?:air ?strikes|attacks?|bombing)\b/i, types: ["AIRSTRIKE", "ATTACK"] },
];

export function roleOf(sentence: string, start: number, end: number, type: EventType): ParticipantRole {
  const before = sentence.slice(Math.max(0, start - 60), start);
  const after = sentence.slice(end);
  for (const rule of RULES) {
    if (rule.types && !rule.types.includes(type)) continue;
    if ((rule.before && rule.before.test(before)) || (rule.after && rule.after.test(after))) return rule.role;
  }
  return "PARTY";
}
