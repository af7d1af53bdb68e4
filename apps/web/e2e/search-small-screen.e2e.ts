import { defined } from "@parley/schema/defined";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPage, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

beforeAll(
  async () =>
    ({ browser, page } = await openPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })),
);
afterAll(() => browser?.close());

const hydrated = () => page.waitForFunction(() => document.querySelector(".filters")?.hasAttribute("data-drawer"));

describe("the search on a 390 px wide screen", () => {
  it("shows the first result on the first screen", async () => {
    await page.goto(`${web()}/?q=Tehreek`);
    await hydrated();
    const box = defined(
      await page.locator(".event-card").first().boundingBox(),
      'page.locator(".event-card").first().boundingBox()',
    );
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + 80).toBeLessThan(844);
    await expect(page.locator(".event-card h2").first().isVisible()).resolves.toBe(true);
    await screenshot(page, "search-390");
  });

  it("opens the filters in a drawer, keeps it open while ticking, and closes it on the results", async () => {
    await page.goto(`${web()}/?q=Tehreek`);
    await hydrated();
    const filters = page.getByRole("complementary", { name: "Filters" });
    await expect(filters.isVisible()).resolves.toBe(false);
    await page.getByRole("button", { name: /^Filters/ }).click();
    await expect(filters.isVisible()).resolves.toBe(true);
    await screenshot(page, "search-390-drawer");
    await filters.getByRole("checkbox", { name: /^Ceasefire/ }).check();
    await page.waitForURL(/type=CEASEFIRE/);
    await expect(filters.isVisible()).resolves.toBe(true);
    const close = filters.getByRole("button", { name: /^Show \d+ results?$/ });
    await page.waitForFunction(
      () =>
        /^Show \d+ results?$/.test(document.querySelector(".drawer-close")?.textContent ?? "") &&
        document.querySelector(".search-form")?.getAttribute("aria-busy") === "false",
    );
    await close.click();
    await expect(filters.isVisible()).resolves.toBe(false);
    await expect(
      page.getByRole("button", { name: "Filters (2 active)" }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
  });

  it("shows the timeline and the map in a tab of their own", async () => {
    await page.goto(`${web()}/?q=Tehreek`);
    await hydrated();
    const tabs = page.getByRole("tablist", { name: "Show the results as" });
    await page.waitForFunction(() => !document.querySelector(".view-tabs")?.hasAttribute("hidden"));
    await expect(tabs.getByRole("tab", { name: "List" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.locator(".places-map").isVisible()).resolves.toBe(false);
    await tabs.getByRole("tab", { name: "Timeline and map" }).click();
    await expect(page.locator(".places-map").isVisible()).resolves.toBe(true);
    await expect(page.locator(".event-card").first().isVisible()).resolves.toBe(false);
    await screenshot(page, "search-390-pictures");
  });
});

describe("keyboard", () => {
  it("offers a skip link to the results first", async () => {
    await page.goto(`${web()}/?q=Tehreek`);
    await hydrated();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to results" });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("results");
  });
});
