import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

export { launchBrowser, openPage } from "@parley/testkit/browser";

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../test-results/screenshots");

/** The number of events the search page says it found: "46 events", "21–40 of 46 events" (0 for "No events…"). */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator(".results .result-count").textContent()) ?? "";
  return text.startsWith("No events") ? 0 : Number(/^(?:[\d,]+–[\d,]+ of )?([\d,]+) events?\b/.exec(text)?.[1]?.replace(/,/g, ""));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
