import { type ActorKind, defined, normalizeName } from "@parley/schema";
import type { ActorMention } from "./actors.ts";
import type { Knowledge } from "./knowledge.ts";
import { type PlaceMention, range } from "./places.ts";
import { stateByDemonym, stateByName } from "./states.ts";
import type { Token } from "./tokens.ts";

/** Words after a region's name that make it a group named by its region: "Tigray forces", "the Tigray regional council". */
const REGION_GROUP: Array<[RegExp, ActorKind]> = [
  [/^\s+((?:regional|local)\s+)?(?:forces|rebels|fighters|militias?)\b/i, "ARMED_GROUP"],
  [/^\s+((?:regional|local|interim)\s+)?(?:authorities|council|government|administration|leadership)\b/i, "GOVERNMENT"],
];
/** How reports name a ruling military without naming it: "the junta", "the military regime". */
const RULERS = /\b(?:the|a|its)\s+((?:ruling\s+|military\s+)?(?:junta|regime)|military government)\b(?!\s+of\b)/gi;

/** "The Saudi-led coalition": a coalition named by its leader. */
const LED = /\b(\p{Lu}[\p{L}'’]*-led)\s+(coalition|alliance|forces|force|mission)\b/gu;

/** A state's army by its formal name: "Sudanese Armed Forces", "Pakistan Army". */
const FORMAL_ARMY =
  /\b(\p{Lu}[\p{L}'’-]+)\s+(?:Armed Forces|Army|Defen[cs]e Forces?|National Army|National Defen[cs]e Forces?)\b/gu;
/** The same army described: "the Sudanese army", "the military", "the army" (not "the army of …", "the army chief"). */
const ARMY = /\b(?:(\p{Lu}[\p{L}'’-]+)|the)\s+(army|military|armed forces)\b(?!\s+of\b)/gu;

/** The tokens from the one that starts at `start` to the one that ends at `end`, when none of them is `taken`. */
function freeSpan(
  tokens: Token[],
  start: number,
  end: number,
  taken: Set<number>,
): { from: number; to: number } | null {
  const from = tokens.findIndex((t) => t.start === start);
  const to = tokens.findIndex((t) => t.end === end) + 1;
  return from < 0 || to <= from || range(from, to).some((k) => taken.has(k)) ? null : { from, to };
}

const stateOf = (word: string) => stateByName.get(normalizeName(word)) ?? stateByDemonym.get(normalizeName(word));

/** Actors named by a description: a region's forces or council, a ruling military ("the junta"), a state's army. */
export class DescribedActors {
  private ruler: string | undefined;
  /** Each state's army named formally in the report, by state code. */
  private readonly armies = new Map<string, string>();
  private readonly known: Map<string, Knowledge["actors"][number]>;

  constructor(knowledge: Knowledge) {
    this.known = new Map(knowledge.actors.flatMap((a) => a.names.map((n) => [normalizeName(n), a] as const)));
  }

  /** Reads the formal names of armies in a sentence, before any sentence is read for actors. */
  note(sentence: string) {
    for (const m of sentence.matchAll(FORMAL_ARMY)) {
      const state = stateOf(defined(m[1]));
      if (state && !this.armies.has(state.code)) this.armies.set(state.code, m[0]);
    }
  }

  private army(sentence: string, tokens: Token[], taken: Set<number>): ActorMention[] {
    const found: ActorMention[] = [];
    for (const m of sentence.matchAll(ARMY)) {
      const state = m[1] ? stateOf(m[1]) : undefined;
      if (m[1] && !state) continue;
      const name = state
        ? this.armies.get(state.code)
        : this.armies.size === 1
          ? [...this.armies.values()][0]
          : undefined;
      const span = freeSpan(tokens, m.index + (m[1] ? 0 : 4), m.index + m[0].length, taken);
      if (!name || !span) continue;
      const { from, to } = span;
      if (
        tokens[to]?.pos === "NOUN" &&
        /^\s+$/.test(sentence.slice(defined(tokens[to - 1]).end, defined(tokens[to]).start))
      )
        continue;
      const known = this.known.get(normalizeName(name));
      const text = sentence.slice(defined(tokens[from]).start, defined(tokens[to - 1]).end);
      found.push(
        known
          ? { actorId: known.id, text, name: known.name, kind: known.kind, from, to }
          : { actorId: null, text, name, kind: "SECURITY_FORCE", from, to },
      );
    }
    return found;
  }

  find(sentence: string, tokens: Token[], places: PlaceMention[], taken: Set<number>): ActorMention[] {
    const found: ActorMention[] = [];
    for (const p of places) {
      if (p.kind !== "REGION" && p.kind !== "DISTRICT") continue;
      const after = sentence.slice(defined(tokens[p.to - 1]).end);
      for (const [words, kind] of REGION_GROUP) {
        const m = words.exec(after);
        if (!m) continue;
        const to = p.to + m[0].trim().split(/\s+/).length;
        if (to > tokens.length) break;
        const text = sentence.slice(defined(tokens[p.from]).start, defined(tokens[to - 1]).end);
        found.push({ actorId: null, text, name: text, kind, from: p.from, to });
        break;
      }
    }
    for (const m of sentence.matchAll(LED)) {
      const span = freeSpan(tokens, m.index, m.index + m[0].length, taken);
      if (span) found.push({ actorId: null, text: m[0], name: m[0], kind: "SECURITY_FORCE", ...span });
    }
    for (const m of sentence.matchAll(RULERS)) {
      const span = freeSpan(tokens, m.index + m[0].length - defined(m[1]).length, m.index + m[0].length, taken);
      if (!span) continue;
      // One ruler a report: "the regime" after "the junta" is the junta.
      this.ruler ??= defined(m[1]).toLowerCase();
      found.push({ actorId: null, text: defined(m[1]), name: this.ruler, kind: "SECURITY_FORCE", ...span });
    }
    return [...found, ...this.army(sentence, tokens, taken)];
  }
}
