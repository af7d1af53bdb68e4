import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export type { Browser, Page };

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../test-results/screenshots");

/** Debian's Chromium, never a downloaded one. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run",
    ],
  });
}

/** A browser and one page of the size the screenshots are taken at. */
export async function openPage(options: BrowserContextOptions = {}): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  return { browser, page: await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options }) };
}

/** The number of events the search page says it found: "46 events", "21–40 of 46 events" (0 for "No events…"). */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator(".results .result-count").textContent()) ?? "";
  return text.startsWith("No events") ? 0 : Number(/^(?:[\d,]+–[\d,]+ of )?([\d,]+) events?\b/.exec(text)?.[1]?.replace(/,/g, ""));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
