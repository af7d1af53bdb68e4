import { defined } from "@parley/schema";
import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemEntity, type ItemSentence, type WinkMethods } from "wink-nlp";
import { type Token, tokenize } from "./tokens.ts";

export interface AnalysedSentence {
  index: number;
  text: string;
  /** Offset of the sentence in the text it was split from. */
  start: number;
  /** Words (tokens.ts) with the part of speech the model gives them. */
  tokens: Token[];
  /** Spans the model reads as lengths of time ("two days"), offsets in the sentence. */
  durations: Array<[number, number]>;
}

let nlp: WinkMethods | undefined;
const engine = () => (nlp ??= winkNLP(model));

/**
 * Sentences, parts of speech and duration entities from wink-nlp's English model. Each line is
 * read on its own (a headline or a caption is never joined to the next line); words keep the
 * tokenizer of tokens.ts, which keeps names such as "Tehreek-e-Taliban" whole, and take the part of
 * speech of the model's token they start in.
 */
export function analyse(text: string): AnalysedSentence[] {
  const its = engine().its;
  const sentences: AnalysedSentence[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const doc = engine().readDoc(line[0]);
    const words = doc.tokens().out(its.value) as string[];
    const tags = doc.tokens().out(its.pos) as string[];
    const starts: number[] = [];
    let cursor = 0;
    for (const word of words) {
      const at = line[0].indexOf(word, cursor);
      starts.push(at < 0 ? cursor : at);
      cursor = at < 0 ? cursor : at + word.length;
    }
    const spans: Array<[number, number]> = [];
    doc.entities().each((e: ItemEntity) => {
      if (e.out(its.type) !== "DURATION") return;
      const [first, last] = e.out(its.span) as unknown as [number, number];
      spans.push([defined(starts[first]), defined(starts[last]) + defined(words[last]).length]);
    });
    let from = 0;
    doc.sentences().each((s: ItemSentence) => {
      const raw = s.out();
      const at = line[0].indexOf(raw, from);
      const offset = at < 0 ? from : at;
      from = offset + raw.length;
      const sentenceText = raw.trim();
      if (!sentenceText) return;
      const lead = raw.length - raw.trimStart().length;
      const base = offset + lead;
      const tokens = tokenize(sentenceText).map((t) => {
        const k = starts.findLastIndex((s0) => s0 <= base + t.start);
        return { ...t, pos: tags[k] ?? "X" };
      });
      const durations = spans
        .filter(([a, b]) => a >= base && b <= base + sentenceText.length)
        .map(([a, b]): [number, number] => [a - base, b - base]);
      sentences.push({ index: sentences.length, text: sentenceText, start: line.index + base, tokens, durations });
    });
  }
  return sentences;
}
