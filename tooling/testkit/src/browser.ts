import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { testEnv } from "./env.ts";

export type { Browser, Page };

/** Debian's Chromium (or CHROMIUM_PATH), never a downloaded one. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: testEnv().CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A browser and one page of the size the screenshots are taken at. */
export async function openPage(options: BrowserContextOptions = {}): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  return { browser, page: await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options }) };
}
