import { clip, readDate } from "./fields.ts";
import { outletActor, sourceKey } from "./keys.ts";
import type { SourceInput } from "./types.ts";

interface UcdpSourceColumns {
  source_article: string;
  source_office: string;
  source_date: string;
  source_headline: string;
}

export interface UcdpSource {
  source: SourceInput;
  quote: string;
  note: string | null;
}

/** "Headline\n\nAU \t\nAuthor Name" → "Headline": UCDP sometimes keeps the byline. */
function headline(text: string): string {
  return (text.split(/\n\s*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
}

/**
 * The headlines of `"Office,date,headline";"Office,date,headline"` when source_headline cannot be
 * split on semicolons because a headline holds one.
 */
function headlinesFromArticle(article: string, count: number): string[] | null {
  const entries = article
    .trim()
    .replace(/^"/, "")
    .replace(/"$/, "")
    .split(/"\s*;\s*"/);
  if (entries.length !== count) return null;
  return entries.map((e) => e.replace(/^[^,]*,\s*\d{4}-\d{2}-\d{2}\s*,/, ""));
}

/**
 * The reports an event rests on. Since GED 5.0 each is named by outlet (source_office), date
 * (source_date) and headline, semicolon-separated in step; older events only carry a free-text
 * reference in source_article ("R 4/10 1990", "Pakistan Timeline 2012").
 */
export function ucdpSources(r: UcdpSourceColumns): UcdpSource[] {
  const offices = r.source_office ? r.source_office.split(";").map((s) => s.trim()) : [];
  if (offices.some(Boolean)) {
    const dates = r.source_date.split(";").map((s) => s.trim());
    let headlines = r.source_headline.split(";");
    if (headlines.length !== offices.length)
      headlines = headlinesFromArticle(r.source_article, offices.length) ?? [r.source_headline];
    return offices.flatMap((office, i) => {
      const title = headline(headlines[i] ?? "");
      if (!office && !title) return [];
      const date = readDate(dates[i] ?? "");
      const name = office || "unnamed outlet";
      return [
        {
          source: {
            key: sourceKey("ucdp", name.toLowerCase(), date ?? "", title),
            title: clip(title || `${name}, ${date ?? "undated"}`, 300),
            publishedAt: date,
            outlet: office ? outletActor("ucdp", office) : null,
          },
          quote: clip(title || `${name}, ${date ?? "undated"}`, 1000),
          note: title
            ? "Headline of the report, as UCDP GED records it."
            : "UCDP GED names this report without its headline.",
        },
      ];
    });
  }
  const reference = r.source_article.replace(/\s+/g, " ").trim();
  if (!reference) return [];
  const firstLine =
    r.source_article
      .split("\n")
      .map((s) => s.trim())
      .find(Boolean) ?? reference;
  return [
    {
      source: {
        key: sourceKey("ucdp", "reference", reference),
        title: clip(firstLine, 300),
        publishedAt: null,
        outlet: null,
      },
      quote: clip(reference, 1000),
      note: "UCDP GED's reference to the report; the dataset holds no outlet or headline for it.",
    },
  ];
}
