/** A progress line on stderr, redrawn in place on a terminal. */
export function progressLine(label: string) {
  const started = performance.now();
  let lastDraw = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - lastDraw < 200) return;
    lastDraw = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.floor((done / total) * 100)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${((now - started) / 1000).toFixed(1)} s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    else if (done === total || Math.floor((done / total) * 10) !== Math.floor(((done - 1) / total) * 10))
      process.stderr.write(`${line}\n`);
  };
}
