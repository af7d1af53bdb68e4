import { defined } from "@parley/schema/defined";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPage } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(() => browser?.close());

const status = () => page.locator(".results .result-count").textContent();
const titles = () => page.locator(".event-card h2").allTextContents();

describe("pages of results", () => {
  it("says which results it shows, pages on and back a page at a time, and numbers the list from there", async () => {
    await page.goto(`${web()}/?sort=DATE_ASC`);
    await expect(status()).resolves.toMatch(/^1–20 of (4\d) events$/);
    const total = Number(
      defined(/of (\d+)/.exec(defined(await status(), "the status line")), "the total in the status line")[1],
    );
    const first = await titles();
    await page.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(/after=.*start=21/);
    await expect(status()).resolves.toBe(`21–40 of ${total} events`);
    await expect(page.locator(".event-list").getAttribute("start")).resolves.toBe("21");
    const second = await titles();
    expect(second.some((t) => first.includes(t))).toBe(false);
    await page.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(/start=41/);
    await expect(status()).resolves.toBe(`41–${total} of ${total} events`);
    await expect(page.getByRole("link", { name: "Next page" }).count()).resolves.toBe(0);
    // Back a page at a time (`before` and `last`), to the same results in the same order.
    await page.getByRole("link", { name: "Previous page" }).click();
    await page.waitForURL((url) => url.searchParams.has("before") && url.searchParams.get("start") === "21");
    await expect(status()).resolves.toBe(`21–40 of ${total} events`);
    await expect(titles()).resolves.toEqual(second);
    await expect(page.locator(".event-list").getAttribute("start")).resolves.toBe("21");
    await page.getByRole("link", { name: "Previous page" }).click();
    await page.waitForURL((url) => url.searchParams.get("start") === "1");
    await expect(status()).resolves.toBe(`1–20 of ${total} events`);
    await expect(titles()).resolves.toEqual(first);
    await expect(page.getByRole("link", { name: "Previous page" }).count()).resolves.toBe(0);
    // And forward again from a page reached backwards.
    await page.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL((url) => url.searchParams.has("after") && url.searchParams.get("start") === "21");
    await expect(titles()).resolves.toEqual(second);
  });

  it("shows 20, 50 or 100 results a page", async () => {
    await page.goto(web());
    await page.getByRole("combobox", { name: "Per page" }).selectOption("50");
    await page.waitForURL(/per=50/);
    await page.waitForFunction(() => document.querySelectorAll(".event-card").length > 20);
    await expect(status()).resolves.toMatch(/^4\d events$/);
    expect(await page.locator(".event-card").count()).toBe(
      Number(
        defined(/^(\d+)/.exec(defined(await status(), "the status line")), "the first number of the status line")[1],
      ),
    );
    await page.goto(`${web()}/?per=7`);
    await expect(page.getByRole("alert").filter({ hasText: "Parts of this link" }).textContent()).resolves.toMatch(
      /ignored per=7 \(one of 20, 50, 100\)/,
    );
    expect(await page.locator(".event-card").count()).toBe(20);
  });
});
