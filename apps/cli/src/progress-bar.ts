import type { Progress, ProgressState } from "@parley/datasets";
import cliProgress from "cli-progress";

const counts = (s: ProgressState) =>
  `${s.rows} rows: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected`;

/**
 * A progress bar on stderr (by bytes read, so it needs no row count up front), or, when stderr is
 * not a terminal (CI, logs), a plain line every few seconds.
 */
export function createProgress(
  label: string,
  totalBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
  everyMs = 3000,
): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} {bar} {percentage}% | {counts} | ETA {eta_formatted}`,
        barsize: 24,
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(totalBytes, 1), 0, { counts: "starting" });
    return {
      update: (s) => bar.update(Math.min(s.bytes, totalBytes), { counts: counts(s) }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  let latest: ProgressState | null = null;
  const line = (s: ProgressState) => {
    const percent = totalBytes > 0 ? Math.floor((100 * Math.min(s.bytes, totalBytes)) / totalBytes) : 100;
    stream.write(`${label}: ${percent}% read, ${counts(s)}\n`);
  };
  return {
    update(s) {
      latest = s;
      const now = Date.now();
      if (now - last >= everyMs) {
        last = now;
        line(s);
      }
    },
    stop() {
      if (latest && last !== 0) line(latest);
    },
  };
}
