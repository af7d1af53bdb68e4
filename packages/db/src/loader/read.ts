import { readFileSync } from "node:fs";
import path from "node:path";
import { type DataFile, dataFileSchema, formatIssuePath } from "@parley/schema";
import { parse as parseYaml, YAMLParseError } from "yaml";

export interface DataFileProblem {
  file: string;
  path: string;
  message: string;
}

/** Every problem found in a set of data files, reported together: file, field, what is wrong. */
export class DataFileError extends Error {
  constructor(readonly problems: DataFileProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in data files; nothing was loaded:\n` +
        problems.map((p) => `  ${p.file}${p.path ? `: ${p.path}` : ""}: ${p.message}`).join("\n"),
    );
    this.name = "DataFileError";
  }
}

export interface ParsedFile {
  file: string;
  data: DataFile;
}

function parseText(file: string, text: string): unknown {
  if (file.endsWith(".json")) return JSON.parse(text);
  return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
}

/** Reads and validates data files; throws a DataFileError naming every bad file and field. */
export function readDataFiles(files: string[]): ParsedFile[] {
  const problems: DataFileProblem[] = [];
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    // Outside the working folder a relative path is a maze of ../; show the absolute one instead.
    const relative = path.relative(process.cwd(), file);
    const shown = relative && !relative.startsWith("..") ? relative : file;
    let raw: unknown;
    try {
      raw = parseText(file, readFileSync(file, "utf8"));
    } catch (error) {
      const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : "";
      problems.push({ file: shown, path: where, message: (error as Error).message.split("\n")[0] ?? "unreadable" });
      continue;
    }
    const result = dataFileSchema.safeParse(raw ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file: shown, path: describePath(raw, issue.path), message: issue.message });
      }
      continue;
    }
    parsed.push({ file: shown, data: result.data });
  }
  if (problems.length > 0) throw new DataFileError(problems);
  return parsed;
}

/** "events[3] (key kabul-talks-2022-05).start" — the record's key helps find it in a long file. */
function describePath(raw: unknown, issuePath: ReadonlyArray<PropertyKey>): string {
  const base = formatIssuePath(issuePath);
  if (issuePath.length < 2 || typeof issuePath[1] !== "number") return base;
  const record = (raw as Record<string, unknown[]> | null)?.[String(issuePath[0])]?.[issuePath[1]] as
    | { key?: unknown }
    | undefined;
  if (typeof record?.key !== "string") return base;
  const head = formatIssuePath(issuePath.slice(0, 2));
  return `${head} (key ${record.key})${base.slice(head.length)}`;
}
