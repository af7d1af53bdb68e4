import { readFileSync } from "node:fs";
import { defined } from "@parley/schema";
import { type BaselineConfig, startBaseline } from "./baseline.ts";

/**
 * The baseline server in a process of its own: `baseline-process.ts <config.json>`. Prints one JSON
 * line with its endpoint once it listens, and stops on SIGTERM.
 */
const config = JSON.parse(readFileSync(defined(process.argv[2]), "utf8")) as BaselineConfig;
const baseline = await startBaseline(config.url, config.recorded, new Set(config.writes), config.max);
process.stdout.write(`${JSON.stringify({ endpoint: baseline.endpoint })}\n`);
process.on("SIGTERM", () => {
  void baseline.close().finally(() => process.exit(0));
});
