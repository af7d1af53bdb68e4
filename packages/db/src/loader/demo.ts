import { readdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../client.ts";
import { paths } from "../env.ts";
import { type LoadSummary, loadDataFiles } from "./load.ts";

/** The demo dataset: one file per report in packages/db/demo, plus the records they share. */
export function demoFiles(): string[] {
  return readdirSync(paths.demo)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => path.join(paths.demo, name));
}

/** Loads the demo dataset into a database that holds no events yet; returns null when it had some. */
export async function loadDemoIfEmpty(db: PrismaClient): Promise<LoadSummary | null> {
  if ((await db.event.count()) > 0) return null;
  return loadDataFiles(db, demoFiles(), { author: "demo dataset" });
}
