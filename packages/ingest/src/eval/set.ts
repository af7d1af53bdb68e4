import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ACTOR_KINDS, DATE_PRECISIONS, defined, EVENT_TYPES, PARTICIPANT_ROLES } from "@parley/schema";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const reportsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "reports");

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const goldEvent = z
  .object({
    type: EVENT_TYPES.schema,
    date: day.nullable(),
    precision: DATE_PRECISIONS.schema.optional(),
    place: z.string().optional(),
    participants: z.array(z.tuple([z.string(), PARTICIPANT_ROLES.schema])),
  })
  .strict()
  .refine(
    (e) => (e.date === null) === (e.precision === undefined),
    "an event with a date needs its precision, one without has none",
  );

const reportSchema = z
  .object({
    url: z.string().url(),
    title: z.string().min(1),
    titleFrom: z.enum(["page", "url", "summary"]),
    outlet: z.string().min(1),
    published: z.union([day, z.literal("unknown")]),
    topic: z.string().min(1),
    text: z.string().min(1),
    gold: z
      .object({
        actors: z.array(z.tuple([z.string(), ACTOR_KINDS.schema]).rest(z.string())),
        places: z.array(z.tuple([z.string(), z.string()]).rest(z.string())),
        dates: z.array(z.tuple([z.string(), day.nullable(), DATE_PRECISIONS.schema])),
        events: z.array(goldEvent),
      })
      .strict(),
  })
  .strict();

export type EvalReport = z.infer<typeof reportSchema> & { file: string; split: Split };
export type Split = "dev" | "test";

/** The rule written at the top of reports/index.yaml: the first byte of SHA-256(url), even is dev, odd is test. */
export function splitOf(url: string): Split {
  return defined(createHash("sha256").update(url).digest()[0]) % 2 === 0 ? "dev" : "test";
}

/** Every report of the set, checked against its schema and against the split recorded in the index. */
export function readEvalSet(dir = reportsDir): EvalReport[] {
  const index = z
    .object({ reports: z.array(z.object({ file: z.string(), split: z.enum(["dev", "test"]) })) })
    .parse(parseYaml(readFileSync(path.join(dir, "index.yaml"), "utf8")));
  const listed = new Set(index.reports.map((r) => r.file));
  const unlisted = readdirSync(dir).filter((f) => f.endsWith(".yaml") && f !== "index.yaml" && !listed.has(f));
  if (unlisted.length) throw new Error(`Reports missing from index.yaml: ${unlisted.join(", ")}`);
  return index.reports.map(({ file, split }) => {
    const parsed = reportSchema.safeParse(parseYaml(readFileSync(path.join(dir, file), "utf8")));
    if (!parsed.success)
      throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    if (splitOf(parsed.data.url) !== split)
      throw new Error(`${file}: index.yaml says ${split}, the rule says ${splitOf(parsed.data.url)}`);
    return { ...parsed.data, file, split };
  });
}

/** The document as a person would save it: the headline, a blank line, the text. */
export const documentOf = (report: EvalReport) => `${report.title}\n\n${report.text}`;
