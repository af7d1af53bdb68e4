import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td";

/** The article's text from an HTML page: Readability drops navigation, ads and footers; blocks become paragraphs. */
export function htmlToText(html: string): { title: string | null; text: string } {
  const { document } = parseHTML(html);
  const title = document.querySelector("title")?.textContent?.trim() || null;
  const article = new Readability(document.cloneNode(true) as never, { charThreshold: 100 }).parse();
  const container = parseHTML(`<!doctype html><html><body>${article?.content ?? document.body?.innerHTML ?? ""}</body></html>`).document;
  const blocks = [...container.querySelectorAll(BLOCKS)]
    .filter((el) => !el.querySelector(BLOCKS))
    .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const text = blocks.length ? blocks.join("\n\n") : (container.body?.textContent ?? "").replace(/\s+/g, " ").trim();
  return { title: article?.title?.trim() || title, text };
}

const BOILERPLATE = [
  /^-?\s*advertisement\s*-?$/i,
  /^(accessibility links|breaking news|trending|show more|back to top button|related stories|recent articles|access more)$/i,
  /^(sign up|subscribe|follow us|mail us|stay on top|discover more|please consider|adblock detected|to find out more)/i,
];

/** Plain-text reports as copied from the web: keeps paragraphs, drops lines that are page furniture. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => !BOILERPLATE.some((pattern) => pattern.test(line)))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const ABBREVIATION = /(?:\b(?:Lt|Gen|Col|Maj|Capt|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|Inc|Ltd|Co)|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z])\.\s*$/;
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

export interface Sentence {
  index: number;
  text: string;
  /** Offset of the sentence in the text it was split from. */
  start: number;
}

/** Sentences by the Unicode rules (ICU), rejoined after abbreviations such as "Lt. Gen." or "Feb.". */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphsOf(text)) {
    let pending: { text: string; start: number } | null = null;
    for (const { segment, index } of segmenter.segment(paragraph.text)) {
      if (pending && ABBREVIATION.test(pending.text)) pending.text += segment;
      else {
        if (pending) sentences.push({ index: sentences.length, text: pending.text.trim(), start: pending.start });
        pending = { text: segment, start: paragraph.start + index };
      }
    }
    if (pending && pending.text.trim()) sentences.push({ index: sentences.length, text: pending.text.trim(), start: pending.start });
  }
  return sentences.filter((s) => s.text.length > 0);
}

function paragraphsOf(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const pattern = /[^\n]+/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}
