import { defined, normalizeName } from "@parley/schema";

export interface Token {
  text: string;
  start: number;
  end: number;
  capitalised: boolean;
  /** Universal part-of-speech tag (PROPN, VERB…) when the text went through nlp.ts. */
  pos?: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-/.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Words with their offsets; a possessive "'s" and a final full stop are not part of the word. */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(WORD)) {
    let text = m[0].replace(/['’]s$/u, "");
    if (/\.$/.test(text) && !/^(?:[A-Z]\.)+$/.test(text)) text = text.slice(0, -1);
    tokens.push({
      text,
      start: m.index,
      end: m.index + text.length,
      capitalised: /^\p{Lu}/u.test(text) || /^\d/.test(text),
    });
  }
  return tokens;
}

export interface Span {
  from: number;
  to: number;
  text: string;
  key: string;
}

/** Every n-gram of up to `max` tokens, longest first, as normalised keys. */
export function* ngrams(sentence: string, tokens: Token[], max = 6): Generator<Span> {
  for (let n = Math.min(max, tokens.length); n >= 1; n--) {
    for (let from = 0; from + n <= tokens.length; from++) {
      const to = from + n;
      const text = sentence.slice(defined(tokens[from]).start, defined(tokens[to - 1]).end);
      yield { from, to, text, key: normalizeName(text) };
    }
  }
}
