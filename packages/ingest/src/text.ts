import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { analyse } from "./nlp.ts";

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td";

/** The article's text from an HTML page: Readability drops navigation, ads and footers; blocks become paragraphs. */
export function htmlToText(html: string): { title: string | null; text: string } {
  const { document } = parseHTML(html);
  const title = document.querySelector("title")?.textContent?.trim() || null;
  const article = new Readability(document.cloneNode(true) as never, { charThreshold: 100 }).parse();
  const container = parseHTML(
    `<!doctype html><html><body>${article?.content ?? document.body?.innerHTML ?? ""}</body></html>`,
  ).document;
  const blocks = [...container.querySelectorAll(BLOCKS)]
    .filter((el) => !el.querySelector(BLOCKS))
    .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const text = blocks.length ? blocks.join("\n\n") : (container.body?.textContent ?? "").replace(/\s+/g, " ").trim();
  return {
    title: headlineOf(document.querySelector("h1")?.textContent ?? null, article?.title?.trim() || title),
    text,
  };
}

/** The report's headline: the page's h1 when the title holds it, else the longest part of a "Site | Headline" title. */
function headlineOf(h1: string | null, title: string | null): string | null {
  const heading = h1?.replace(/\s+/g, " ").trim();
  if (heading && (!title || title.includes(heading))) return heading;
  if (!title) return null;
  return title.split(/\s+[|–—-]\s+/).reduce((a, b) => (b.length > a.length ? b : a));
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

export interface Sentence {
  index: number;
  text: string;
  /** Offset of the sentence in the text it was split from. */
  start: number;
}

/** Sentences as wink-nlp's English model splits them (after "Lt. Gen." or "Feb." no sentence ends), line by line. */
export function splitSentences(text: string): Sentence[] {
  return analyse(text).map(({ index, text: sentence, start }) => ({ index, text: sentence, start }));
}
