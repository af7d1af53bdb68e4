import type { Claim } from "./Evidence.tsx";

export interface StatedPosition {
  id: string;
  kind: string;
  summary: string;
  holder: { id: string; name: string };
  claims: Claim[];
}

export interface EvidenceGroup<P extends StatedPosition | null = StatedPosition | null> {
  /** The event itself (null), or a position stated at it. */
  position: P;
  /** The quotes shown under this fact, each once on the page. */
  claims: Claim[];
  /** For the event's quotes: the positions each one also supports, by claim ID. */
  alsoSupports: Map<string, StatedPosition[]>;
  /** For a position: how many of its quotes are shown under the event already. */
  shownAbove: number;
}

const words = (quote: string) => quote.trim().replace(/\s+/g, " ").toLowerCase();

/** The same words from the same report, or one quote cut from the other: the same quote. */
const sameQuote = (a: Claim, b: Claim) =>
  a.source.id === b.source.id && (words(a.quote).includes(words(b.quote)) || words(b.quote).includes(words(a.quote)));

/** Each quote once, the longest cut of it kept. */
function distinct(claims: Claim[], shown: Claim[]): Claim[] {
  const kept: Claim[] = [];
  for (const claim of claims) {
    if (shown.some((s) => sameQuote(s, claim))) continue;
    const i = kept.findIndex((k) => sameQuote(k, claim));
    const same = kept[i];
    if (!same) kept.push(claim);
    else if (claim.quote.length > same.quote.length) kept[i] = { ...same, quote: claim.quote };
  }
  return kept;
}

/**
 * The event's evidence by the fact each quote supports: the event itself, then each position stated
 * at it. Every quote is shown once, in its longest cut. A quote that is evidence of the event and of
 * a position stays under the event (whose asserted and denied columns must stay whole) and names the
 * position; the position's group says how many of its quotes are above.
 */
export function evidenceGroups(
  eventClaims: Claim[],
  positions: StatedPosition[],
): [EvidenceGroup<null>, ...EvidenceGroup<StatedPosition>[]] {
  const alsoSupports = new Map<string, StatedPosition[]>();
  const eventShown = distinct(eventClaims, []).map((claim) => {
    const backing = positions.flatMap((p) => p.claims.filter((c) => sameQuote(c, claim)).map((c) => ({ p, c })));
    if (backing.length > 0) alsoSupports.set(claim.id, [...new Set(backing.map((b) => b.p))]);
    const longest = backing.reduce((q, b) => (b.c.quote.length > q.length ? b.c.quote : q), claim.quote);
    return longest === claim.quote ? claim : { ...claim, quote: longest };
  });
  const stated: EvidenceGroup<StatedPosition>[] = [];
  const shown = [...eventShown];
  for (const position of positions) {
    const own = distinct(position.claims, shown);
    shown.push(...own);
    stated.push({
      position,
      claims: own,
      alsoSupports: new Map(),
      shownAbove: position.claims.filter((c) => eventShown.some((e) => sameQuote(e, c))).length,
    });
  }
  return [{ position: null, claims: eventShown, alsoSupports, shownAbove: 0 }, ...stated];
}
