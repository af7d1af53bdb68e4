import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

export { launchBrowser, openPage } from "@parley/testkit/browser";

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../test-results/screenshots");

/** The number of events the search page says it found: "46 events", "21–40 of 46 events" (0 for "No events…"). */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator(".results .result-count").textContent()) ?? "";
  return text.startsWith("No events")
    ? 0
    : Number(/^(?:[\d,]+–[\d,]+ of )?([\d,]+) events?\b/.exec(text)?.[1]?.replace(/,/g, ""));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Waits until React has hydrated the page, so key presses reach its handlers. Before that, a
 * server-drawn slider or checkbox takes the focus and ignores the keys; on a busy machine that
 * window lasts long enough for a test to type into it.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector("main");
      return main !== null && Object.keys(main).some((k) => k.startsWith("__react"));
    },
    null,
    { polling: 50 },
  );
}
