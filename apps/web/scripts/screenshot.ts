/**
 * Writes docs/images/search.png, the README's picture of the search page: the stack the browser tests
 * use (a throwaway PostgreSQL, the API with the demo data, the production build of the web app) and
 * Debian's Chromium. Run `pnpm --filter @parley/web build` first; then
 * `pnpm --filter @parley/web run screenshot`.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { launchBrowser } from "@parley/testkit/browser";
import { startStack, WEB_DIR } from "@parley/testkit/stack";

const OUT = path.resolve(WEB_DIR, "../../docs/images/search.png");
/** A search an analyst would make: the TTP's talks and truces, by any spelling. */
const SEARCH = "/?q=Tehreek&type=NEGOTIATION&type=CEASEFIRE&type=PRISONER_RELEASE";

if (!existsSync(path.join(WEB_DIR, ".next", "BUILD_ID"))) {
  console.error("No production build of the web app: run `pnpm --filter @parley/web build` first.");
  process.exit(2);
}
const stack = await startStack();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(stack.webUrl + SEARCH, { waitUntil: "networkidle" });
  // The timeline's types stream in after the results.
  await page.waitForFunction(() => document.querySelectorAll(".legend li").length > 0);
  mkdirSync(path.dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`Wrote ${path.relative(process.cwd(), OUT)}`);
} finally {
  await browser.close();
  await stack.stop();
}
