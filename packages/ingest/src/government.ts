import { defined, normalizeName } from "@parley/schema";
import type { Knowledge } from "./knowledge.ts";
import type { GovernmentMention } from "./metonymy.ts";
import { range } from "./places.ts";
import { STATES, type State, stateByCapital, stateByDemonym, stateByName } from "./states.ts";
import type { Token } from "./tokens.ts";

/** Words before "government" that describe it without naming its state. */
const DESCRIBING = new Set(
  "federal national central interim civilian transitional elected internationally recognised recognized military-led army-backed".split(
    " ",
  ),
);

/**
 * Whose "the government" is when the report says only that: the state of a known armed group the
 * sentence names ("the government and the banned TTP" is Pakistan's), else the state the report
 * names most, when it names it at least twice and twice as often as any other.
 */
export class BareGovernments {
  private readonly counts = new Map<string, number>();
  private readonly groups: Map<string, string>;

  constructor(knowledge: Knowledge) {
    this.groups = new Map(
      knowledge.actors
        .filter((a) => a.kind === "ARMED_GROUP" && a.country)
        .map((a) => [String(a.id), defined(a.country)] as const),
    );
  }

  /** Counts the states a sentence names (by name, demonym or capital). */
  note(tokens: Token[]) {
    for (const t of tokens) {
      if (!t.capitalised) continue;
      const key = normalizeName(t.text);
      const state = stateByName.get(key) ?? stateByDemonym.get(key) ?? stateByCapital.get(key);
      if (state) this.counts.set(state.code, (this.counts.get(state.code) ?? 0) + 1);
    }
  }

  private mainState(): State | undefined {
    const [first, second] = [...this.counts.entries()].sort((a, b) => b[1] - a[1]);
    if (!first || first[1] < 2 || (second && second[1] * 2 > first[1])) return undefined;
    return STATES.find((s) => s.code === first[0]);
  }

  /** "The government", "the federal government" in a sentence, outside the words already read (`taken`). */
  find(sentence: string, tokens: Token[], taken: Set<number>, actorIds: number[]): GovernmentMention[] {
    const found: GovernmentMention[] = [];
    for (const [i, token] of tokens.entries()) {
      if (token.text !== "government" || taken.has(i) || tokens[i + 1]?.text.toLowerCase() === "of") continue;
      let from = i;
      while (from > 0 && DESCRIBING.has(defined(tokens[from - 1]).text.toLowerCase())) from--;
      const article = tokens[from - 1]?.text.toLowerCase();
      if (article !== "the" && article !== "and") continue;
      if (range(from, i).some((k) => taken.has(k))) continue;
      const groupState = actorIds.map((id) => this.groups.get(String(id))).find(Boolean);
      const state = groupState ? STATES.find((s) => s.code === groupState) : this.mainState();
      if (!state) continue;
      found.push({
        state,
        text: sentence.slice(defined(tokens[from]).start, token.end),
        from,
        to: i + 1,
        notPlace: true,
      });
    }
    return found;
  }
}
