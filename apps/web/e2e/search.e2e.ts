import { defined } from "@parley/schema/defined";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPage, resultCount, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(() => browser?.close());

/** Resolves when the result count shows something other than `previous`. */
const countChangesFrom = async (previous: string | null) =>
  page.waitForFunction((prev) => document.querySelector(".results .result-count")?.textContent !== prev, previous);

describe("a person's search", () => {
  let tehreekUrl = "";
  let tehreekCount = 0;

  it("searches 'Tehreek' and sees the TTP's events, with the matches marked", async () => {
    await page.goto(web());
    await page.getByRole("searchbox", { name: "Search events, actors and places" }).fill("Tehreek");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=Tehreek/);
    tehreekCount = await resultCount(page);
    expect(tehreekCount).toBeGreaterThan(5);
    const cards = await page.locator(".event-card").allTextContents();
    expect(cards.filter((c) => c.includes("Tehrik-i-Taliban Pakistan")).length).toBe(cards.length);
    expect(await page.locator(".highlights mark").count()).toBeGreaterThan(0);
    tehreekUrl = page.url();
    await screenshot(page, "search-tehreek");
  });

  it("ticks a facet and sees the counts and the URL change", async () => {
    const ceasefire = page.getByRole("checkbox", { name: /^Ceasefire/ });
    const before = await page.locator(".results .result-count").textContent();
    await ceasefire.check();
    await page.waitForURL(/type=CEASEFIRE/);
    await countChangesFrom(before);
    const count = await resultCount(page);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(tehreekCount);
    await expect(page.getByRole("checkbox", { name: /^Ceasefire/ }).isChecked()).resolves.toBe(true);
    // Disjunctive counts: other types still show what they would add.
    const talks = await page
      .getByRole("checkbox", { name: /^Talks/ })
      .locator("xpath=..")
      .textContent();
    expect(Number(/(\d+)$/.exec(talks ?? "")?.[1])).toBeGreaterThan(0);
    const types = await page.locator(".event-type").allTextContents();
    expect(types.every((t) => t === "Ceasefire")).toBe(true);
  });

  it("narrows the date range by dragging across the month histogram", async () => {
    await page.getByRole("checkbox", { name: /^Ceasefire/ }).uncheck();
    await page.waitForURL((url) => !url.search.includes("type="));
    const bars = page.locator(".histogram-bars");
    const box = defined(await bars.boundingBox(), "the histogram's box");
    const before = await page.locator(".results .result-count").textContent();
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}.*to=\d{4}-\d{2}-\d{2}/);
    await countChangesFrom(before);
    const url = new URL(page.url());
    const from = defined(url.searchParams.get("from"), "the range's start in the address");
    const to = defined(url.searchParams.get("to"), "the range's end in the address");
    expect(from < to).toBe(true);
    const dates = (
      await page.locator(".event-card time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")))
    ).map((date) => defined(date, "an event card's datetime"));
    expect(dates.every((d) => d <= to)).toBe(true);
    // The histogram still shows the months around the range (it is counted without its own
    // dates), and highlights exactly the months that overlap the range.
    const histogram = await page.locator(".histogram-bars rect").evaluateAll((els) =>
      els.map((e) => ({
        title: e.querySelector("title")?.textContent ?? null,
        inRange: e.classList.contains("in-range"),
      })),
    );
    const months = histogram.map(({ title, inRange }) => {
      const text = defined(title, "a histogram bar's title");
      return {
        month: text.slice(0, 7),
        count: Number(defined(/: (\d+) events?/.exec(text), `the count in "${text}"`)[1]),
        inRange,
      };
    });
    const overlaps = (month: string) => month >= from.slice(0, 7) && month <= to.slice(0, 7);
    expect(months.filter((b) => !overlaps(b.month) && b.count > 0).length).toBeGreaterThan(0);
    expect(months.every((b) => b.inRange === overlaps(b.month))).toBe(true);
    // Every event that starts in the chosen months is a result (an earlier one may reach into them too).
    const startingInRange = months.filter((b) => b.inRange).reduce((sum, b) => sum + b.count, 0);
    expect(startingInRange).toBeGreaterThan(0);
    expect(startingInRange).toBeLessThanOrEqual(await resultCount(page));
    await screenshot(page, "search-date-range");
  });

  it("opens a contested event and sees its claims, then goes back to the same results", async () => {
    await page.goto(tehreekUrl);
    await page.getByRole("checkbox", { name: "Contested only" }).check();
    await page.waitForURL(/contested=1/);
    await page.waitForFunction(
      () =>
        document.querySelectorAll(".event-card").length > 0 &&
        [...document.querySelectorAll(".event-card")].every((c) => c.querySelector(".badge-contested")),
    );
    const listUrl = page.url();
    const listCount = await resultCount(page);
    await page.locator(".event-card h2 a").first().click();
    await page.waitForURL(/\/events\//);
    expect(await page.locator(".badge-contested").count()).toBeGreaterThan(0);
    await expect(page.getByRole("region", { name: "Denied" }).locator(".claim").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("region", { name: "Asserted" }).locator(".claim").count()).resolves.toBeGreaterThan(0);
    await page.goBack();
    await page.waitForURL(listUrl);
    expect(await resultCount(page)).toBe(listCount);
    await expect(page.getByRole("checkbox", { name: "Contested only" }).isChecked()).resolves.toBe(true);
  });

  it("offers the TTP when typing 'Tehreek' in the actor facet's filter box", async () => {
    await page.goto(web());
    await page.getByRole("combobox", { name: "Find an actor by any spelling" }).fill("Tehreek");
    const offer = page
      .getByRole("listbox", { name: "Matching actors" })
      .getByRole("option", { name: /Tehrik-i-Taliban Pakistan/ });
    await expect(offer.textContent()).resolves.toMatch(
      /as “Tehreek-e-Taliban Pakistan”|as “Tehreek-i-Taliban Pakistan”/,
    );
    await offer.click();
    await page.waitForURL(/actor=/);
    await expect(page.getByRole("checkbox", { name: /^Tehrik-i-Taliban Pakistan/ }).isChecked()).resolves.toBe(true);
  });

  it("opens an actor page with its timeline", async () => {
    await page.locator(".event-card .event-actors a", { hasText: "Tehrik-i-Taliban Pakistan" }).first().click();
    await page.waitForURL(/\/actors\//);
    expect(await page.getByRole("list", { name: "Events over time" }).getByRole("listitem").count()).toBeGreaterThan(
      10,
    );
  });

  it("says so when nothing matches, and offers a way out", async () => {
    await page.goto(`${web()}/?q=zzzzqqqq`);
    await expect(page.locator(".results .result-count").textContent()).resolves.toBe("No events match");
    await expect(page.getByRole("link", { name: "Start again with all events" }).isVisible()).resolves.toBe(true);
  });

  it("offers “ceasefire” for “ceasfire”, and the link runs the corrected search with the same filters", async () => {
    await page.goto(`${web()}/?q=ceasfire&country=PK`);
    await expect(page.locator(".results .result-count").textContent()).resolves.toBe("No events match");
    const offer = page.locator(".did-you-mean");
    await expect(offer.textContent()).resolves.toBe("Did you mean ceasefire?");
    await offer.getByRole("link", { name: "ceasefire" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "ceasefire");
    expect(new URL(page.url()).searchParams.get("country")).toBe("PK");
    expect(await resultCount(page)).toBeGreaterThan(0);
    await expect(page.locator(".did-you-mean").count()).resolves.toBe(0);
  });

  it("works without JavaScript: the first page is rendered on the server and the filters submit as a form", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${web()}/?q=Tehreek`);
    expect(await plain.locator(".event-card").count()).toBeGreaterThan(0);
    await plain.getByRole("checkbox", { name: /^Ceasefire/ }).check();
    await plain.getByRole("button", { name: "Apply filters" }).click();
    await plain.waitForURL(/type=CEASEFIRE/);
    const types = await plain.locator(".event-type").allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((t) => t === "Ceasefire")).toBe(true);
    await context.close();
  });
});
