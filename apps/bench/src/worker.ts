import type { ChildProcess } from "node:child_process";
import type { Writable } from "node:stream";

/**
 * The bench's worker processes (the load client, the baseline server, the importer) read no
 * command line: each gets its settings as one JSON document on its standard input.
 */
export function sendConfig(child: ChildProcess & { stdin: Writable }, config: object): void {
  // A worker that dies before it has read everything closes the pipe: its exit code tells why.
  child.stdin.on("error", () => {});
  child.stdin.end(JSON.stringify(config));
}

/** In a worker: the settings its parent sent (sendConfig), read to the end of standard input. */
export async function readConfig<T>(): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as T;
}
