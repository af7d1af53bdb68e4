import { readConfig } from "../worker.ts";
import { type BaselineConfig, startBaseline } from "./baseline.ts";

/**
 * The baseline server in a process of its own, its settings (BaselineConfig) on standard input
 * (worker.ts). Prints one JSON line with its endpoint once it listens, and stops on SIGTERM.
 */
const config = await readConfig<BaselineConfig>();
const baseline = await startBaseline(config.url, config.recorded, new Set(config.writes), config.max);
process.stdout.write(`${JSON.stringify({ endpoint: baseline.endpoint })}\n`);
process.on("SIGTERM", () => {
  void baseline.close().finally(() => process.exit(0));
});
