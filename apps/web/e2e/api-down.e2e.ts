import { freePort } from "@parley/testkit";
import { startWeb } from "@parley/testkit/stack";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage } from "./browser.ts";

let browser: Browser;
let page: Page;
let web: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  // The web app's build, asking an address where nothing listens.
  web = await startWeb(`http://127.0.0.1:${await freePort()}/graphql`);
  ({ browser, page } = await openPage());
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe("when the API cannot be reached", () => {
  it("says so, and how to start it, with the header still there", async () => {
    await page.goto(`${web.url}/?q=Tehreek`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Parley’s API is not answering");
    await expect(page.getByRole("alert", { name: "Parley’s API is not answering" }).textContent()).resolves.toMatch(
      /pnpm start/,
    );
    await expect(page.getByRole("navigation", { name: "Site" }).isVisible()).resolves.toBe(true);
  });
});
