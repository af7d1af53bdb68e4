import { defined } from "@parley/schema";
import { ACLED_GEO } from "./acled-format.ts";

/**
 * The facts of an ACLED row the importer keeps in the event's summary, after ACLED's notes, and the
 * exporter reads back: "(ACLED event KEN7182: Battles / Armed clash; disorder type Political
 * violence; admin areas Kilifi > Malindi; third parties Qatar; Turkey; located the place itself.)"
 */
export interface SummaryFacts {
  id: string;
  eventType: string;
  subEventType: string;
  disorderType: string;
  civilianTargeting: boolean;
  /** admin1, admin2, admin3 (trailing blanks dropped). */
  adminAreas: string[];
  /** The names in the `third_parties` column. */
  thirdParties: string[];
  tags: string;
  geoPrecision: string;
}

const AREA_SEPARATOR = " > ";

export function writeSummary(notes: string, f: SummaryFacts): string {
  const areas = [...f.adminAreas];
  while (areas.length && !areas.at(-1)) areas.pop();
  const facts = [
    `ACLED event ${f.id}: ${f.eventType}${f.subEventType ? ` / ${f.subEventType}` : ""}`,
    f.disorderType ? `disorder type ${f.disorderType}` : "",
    f.civilianTargeting ? "civilians targeted" : "",
    areas.length ? `admin areas ${areas.join(AREA_SEPARATOR)}` : "",
    f.thirdParties.length ? `third parties ${f.thirdParties.join("; ")}` : "",
    f.tags ? `tags: ${f.tags}` : "",
    `located ${defined(ACLED_GEO[f.geoPrecision]).label}`,
  ];
  return `${notes}${notes ? " " : ""}(${facts.filter(Boolean).join("; ")}.)`;
}

const SUMMARY = new RegExp(
  [
    /^(?:([\s\S]*) )?\(ACLED event ([A-Z]{2,4}\d+): (.+?)(?: \/ (.+?))?/.source,
    /(?:; disorder type (.+?))?(?:; (civilians targeted))?(?:; admin areas (.+?))?(?:; third parties (.+?))?(?:; tags: (.+?))?/
      .source,
    /; located (the place itself|near the place or in its area|only the wider region)\.\)$/.source,
  ].join(""),
);

/** The notes and facts of a summary the importer wrote, or null for any other summary. */
export function readSummary(summary: string): { notes: string; facts: SummaryFacts } | null {
  const m = SUMMARY.exec(summary);
  if (!m) return null;
  const geoPrecision = defined(Object.entries(ACLED_GEO).find(([, g]) => g.label === m[10]))[0];
  return {
    notes: m[1] ?? "",
    facts: {
      id: defined(m[2]),
      eventType: defined(m[3]),
      subEventType: m[4] ?? "",
      disorderType: m[5] ?? "",
      civilianTargeting: m[6] !== undefined,
      adminAreas: m[7]?.split(AREA_SEPARATOR) ?? [],
      thirdParties: m[8]?.split("; ") ?? [],
      tags: m[9] ?? "",
      geoPrecision,
    },
  };
}
