/** A stretch of a search highlight: plain or marked text, and where it starts in what the API sent. */
export interface HighlightPiece {
  at: number;
  text: string;
  marked: boolean;
}

/** The five characters the API escapes (packages/search `toHtml`), back to themselves. */
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const unescapeHtml = (html: string) =>
  html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);

/**
 * A highlight as the API sends it (escaped text with the matches in <mark>…</mark>) as its plain and
 * marked stretches, to render as text and <mark> elements: no HTML of the API's goes into the page.
 */
export function highlightPieces(html: string): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  let marked = false;
  let at = 0;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) pieces.push({ at, text: unescapeHtml(part), marked });
    at += part.length;
  }
  return pieces;
}
