/** A stretch of the report's text and the candidates whose sentence or name covers it (none for plain text). */
export interface Segment {
  /** Where the stretch starts in the report's text. */
  start: number;
  text: string;
  candidates: string[];
}

/** Where each of `needles` stands in `text`: every occurrence, so a name is marked wherever the report uses it. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/**
 * The report cut at every start and end of a candidate's words (`marks`: a candidate's ID and its
 * sentences or names), each piece knowing which candidates cover it; overlapping marks nest.
 */
export function segments(text: string, marks: { id: string; words: string[] }[]): Segment[] {
  const ranges = marks.flatMap(({ id, words }) =>
    [...new Set(words)].flatMap((w) => occurrences(text, w).map((start) => ({ id, start, end: start + w.length }))),
  );
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const pieces: Segment[] = [];
  const [first = 0, ...rest] = cuts;
  let start = first;
  for (const end of rest) {
    const candidates = [...new Set(ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.id))];
    const last = pieces.at(-1);
    if (last && last.candidates.join() === candidates.join()) last.text += text.slice(start, end);
    else pieces.push({ start, text: text.slice(start, end), candidates });
    start = end;
  }
  return pieces;
}
