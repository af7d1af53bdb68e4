import { type ActorKind, defined } from "@parley/schema";
import type { ActorMention } from "./actors.ts";
import type { PlaceMention } from "./places.ts";
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

/** Actors named by a description: a region's forces or council, a ruling military ("the junta"). */
export class DescribedActors {
  private ruler: string | undefined;

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
      const from = tokens.findIndex((t) => t.start === m.index);
      const to = tokens.findIndex((t) => t.end === m.index + m[0].length) + 1;
      if (from < 0 || to <= from || tokens.slice(from, to).some((_, k) => taken.has(from + k))) continue;
      found.push({ actorId: null, text: m[0], name: m[0], kind: "SECURITY_FORCE", from, to });
    }
    for (const m of sentence.matchAll(RULERS)) {
      const start = m.index + m[0].length - defined(m[1]).length;
      const from = tokens.findIndex((t) => t.start === start);
      const to = tokens.findIndex((t) => t.end === m.index + m[0].length) + 1;
      if (from < 0 || to <= from || tokens.slice(from, to).some((_, k) => taken.has(from + k))) continue;
      // One ruler a report: "the regime" after "the junta" is the junta.
      this.ruler ??= defined(m[1]).toLowerCase();
      found.push({ actorId: null, text: defined(m[1]), name: this.ruler, kind: "SECURITY_FORCE", from, to });
    }
    return found;
  }
}
