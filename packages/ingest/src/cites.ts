import { defined, normalizeName } from "@parley/schema";
import { indexByName, type Knowledge, type KnownActor } from "./knowledge.ts";

export interface CiteMention {
  /** The known outlet's actor ID, or null when the outlet is proposed as a new media outlet. */
  actorId: number | null;
  text: string;
  name: string;
  quote: string;
}

const NAME = String.raw`((?:[A-Z][\p{L}\p{N}/&'’.-]*)(?:\s+(?:of\s+)?[A-Z][\p{L}\p{N}/&'’.-]*){0,4})`;
const PATTERNS = [
  new RegExp(String.raw`\btold\s+(?:the\s+)?${NAME}`, "gu"),
  new RegExp(String.raw`\b[Aa]ccording to\s+(?:the\s+)?${NAME}`, "gu"),
  new RegExp(String.raw`${NAME},?\s+(?:has\s+)?(?:reported|reports|quoted|said in a report)\b`, "gu"),
  new RegExp(String.raw`\b(?:in an interview with|speaking to|quoted by|reported by)\s+(?:the\s+)?${NAME}`, "gu"),
];

/**
 * The outlets a report cites ("told Dawn", "The Express Tribune reports", "according to Dawn"),
 * matched against known media outlets; a name that is no known actor is proposed as a new outlet.
 */
export class CiteFinder {
  private readonly outlets: Map<string, KnownActor[]>;
  private readonly others: Map<string, KnownActor[]>;

  constructor(knowledge: Knowledge) {
    this.outlets = indexByName(
      knowledge.actors.filter((a) => a.kind === "MEDIA_OUTLET"),
      (a) => a.names,
    );
    this.others = indexByName(
      knowledge.actors.filter((a) => a.kind !== "MEDIA_OUTLET"),
      (a) => a.names,
    );
  }

  find(sentence: string, placeNames: Set<string>): CiteMention[] {
    const found: CiteMention[] = [];
    for (const pattern of PATTERNS) {
      for (const m of sentence.matchAll(pattern)) {
        const raw = defined(m[1])
          .replace(/^The\s+/, "")
          .replace(/[.,]$/, "");
        const mention = this.resolve(raw, placeNames);
        if (mention) found.push({ ...mention, quote: sentence });
      }
    }
    return found;
  }

  private resolve(raw: string, placeNames: Set<string>): Omit<CiteMention, "quote"> | null {
    // "RFE/RL's Radio Mashaal": the programme if known, else the outlet before the possessive.
    const candidates = [raw, ...raw.split(/['’]s\s+/).reverse(), raw.replace(/['’]s$/, "")];
    for (const name of candidates) {
      const outlet = this.outlets.get(normalizeName(name))?.[0];
      if (outlet) return { actorId: outlet.id, text: raw, name: outlet.name };
    }
    const key = normalizeName(raw);
    const words = key.split(" ");
    if (
      this.others.has(key) ||
      placeNames.has(key) ||
      words.some((w) => ["officials", "official", "sources", "army", "government"].includes(w))
    )
      return null;
    if (/^(?:The|He|She|They|It|We|I|This|That|These|Those|Officials?|Sources?)$/.test(raw)) return null;
    return { actorId: null, text: raw, name: raw };
  }
}
