import { defined } from "@parley/schema/defined";

const plain = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        defined(row[j]) + 1,
        defined(next[j - 1]) + 1,
        defined(row[j - 1]) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return defined(row[b.length]);
}

/**
 * The query with each word the API suggests a spelling for replaced by that spelling: the API gives
 * the nearest corpus word (lower-case, one or two edits away) of each word that matched little, so
 * each suggestion replaces the query word nearest to it. Null when no word would change.
 */
export function correctedQuery(query: string, suggestions: string[]): string | null {
  const parts = query.split(/(\s+|"|\bOR\b)/);
  let changed = false;
  for (const suggestion of suggestions) {
    let best = -1;
    let bestDistance = 3;
    parts.forEach((part, i) => {
      const word = part.replace(/^-/, "");
      if (!/\p{L}/u.test(word) || word === "OR") return;
      const d = editDistance(plain(word), suggestion);
      if (d > 0 && d < bestDistance) [best, bestDistance] = [i, d];
    });
    const part = parts[best];
    if (part !== undefined) {
      parts[best] = (part.startsWith("-") ? "-" : "") + suggestion;
      changed = true;
    }
  }
  return changed ? parts.join("") : null;
}
