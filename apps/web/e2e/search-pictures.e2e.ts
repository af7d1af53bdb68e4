import { defined } from "@parley/schema/defined";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type EventFacts, everyEvent } from "./api.ts";
import { hydrated, openPage, resultCount, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(() => browser?.close());

const monthCounts = async () =>
  (await page.locator(".histogram-bars rect.bar title").evaluateAll((titles) => titles.map((t) => t.textContent))).map(
    (title) => {
      const text = defined(title, "a histogram bar's title");
      return {
        month: text.slice(0, 7),
        count: Number(defined(/: (\d+) events?/.exec(text), `the count in "${text}"`)[1]),
      };
    },
  );

describe("the pictures of the results", () => {
  it("draws every result by month, stacked by type, with labelled axes and a colour per type", async () => {
    await page.goto(`${web()}/?q=Tehreek`);
    const months = await monthCounts();
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(await resultCount(page));
    const chart = page.locator(".histogram-bars");
    await expect(chart.locator(".axis-title").textContent()).resolves.toBe("Events per month");
    const axisLabels = await chart.locator(".chart-axis text").allTextContents();
    const years = axisLabels.filter((t) => /^\d{4}$/.test(t)).map(Number);
    expect(years.length).toBeGreaterThanOrEqual(3);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years.at(-1)).toBeGreaterThanOrEqual(2022);
    const legend = page.getByRole("list", { name: "Event types" }).getByRole("listitem");
    const types = await legend.allTextContents();
    expect(types.map((t) => t.trim())).toEqual(expect.arrayContaining(["Ceasefire", "Talks", "Statement"]));
    const fills = await legend
      .locator(".type-swatch rect")
      .evaluateAll((rects) => rects.map((r) => r.getAttribute("fill")));
    expect(new Set(fills).size).toBe(types.length);
    // Each type's bars wear its legend colour (they stream in after the results).
    await page.waitForFunction(
      (colours) =>
        colours.every((c) => document.querySelector(`.month-timeline .chart-overlay .layer-all path[fill="${c}"]`)),
      fills,
    );
    await screenshot(page, "search-pictures");
  });

  it("chooses a range of months with the keyboard", async () => {
    await page.goto(`${web()}/?q=Tehreek`);
    const start = page.getByRole("slider", { name: "First month of the date range" });
    const end = page.getByRole("slider", { name: "Last month of the date range" });
    const months = await monthCounts();
    await hydrated(page);
    await start.focus();
    await page.keyboard.press("End");
    for (let i = 0; i < 11; i++) await page.keyboard.press("ArrowLeft");
    const first = defined(await start.getAttribute("aria-valuetext"), 'start.getAttribute("aria-valuetext")');
    await end.focus();
    await page.keyboard.press("End");
    const last = defined(await end.getAttribute("aria-valuetext"), 'end.getAttribute("aria-valuetext")');
    // The last month of the chart is the last with events; the first handle went eleven months back from it.
    const lastMonth = defined(months.at(-1), "the last month").month;
    const back = new Date(Date.UTC(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)) - 12, 1));
    const name = (d: Date) => d.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    expect(last).toBe(name(new Date(`${lastMonth}-01T00:00:00Z`)));
    expect(first).toBe(name(back));
    await page.keyboard.press("Enter");
    await page.waitForURL(/from=.*to=/);
    const url = new URL(page.url());
    expect(url.searchParams.get("from")).toBe(back.toISOString().slice(0, 10));
    expect(defined(url.searchParams.get("to"), 'url.searchParams.get("to")').slice(0, 7)).toBe(lastMonth);
    await expect(page.getByRole("button", { name: /^Remove Dates:/ }).isVisible()).resolves.toBe(true);
  });

  it("zooms and pans the map, and splits a group of near places as it zooms in", async () => {
    await page.goto(`${web()}/?q=Tehreek`);
    await hydrated(page);
    const map = page.locator(".places-map");
    const markers = () => map.locator(".map-place").count();
    const groups = map.locator(".map-cluster");
    expect(await groups.count()).toBeGreaterThan(0);
    const before = await markers();
    const land = map.locator("g[transform]");
    const home = await land.getAttribute("transform");
    await groups.first().click();
    await page.waitForFunction((n) => document.querySelectorAll(".places-map .map-place").length > n, before);
    expect(await land.getAttribute("transform")).not.toBe(home);
    expect(page.url()).not.toMatch(/place=/);
    const zoomed = await land.getAttribute("transform");
    await map.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(land.getAttribute("transform")).resolves.not.toBe(zoomed);
    await page.getByRole("button", { name: "Reset view" }).click();
    await expect(land.getAttribute("transform")).resolves.toBe(home);
    await page.getByRole("button", { name: "Zoom in", exact: true }).click();
    await expect(land.getAttribute("transform")).resolves.toMatch(/scale\(1\.5\)/);
    await screenshot(page, "search-map-zoomed");
  });

  it("maps the places of every result, not only of the page shown", async () => {
    const events = await everyEvent();
    await page.goto(web());
    expect(await resultCount(page)).toBe(events.length);
    const located = (list: EventFacts[]) =>
      list.flatMap((e) => e.places.filter((p) => p.lat !== null && p.lon !== null));
    const everywhere = located(events);
    const places = new Set(everywhere.map((p) => p.id));
    await expect(page.locator("#map-caption").textContent()).resolves.toMatch(
      new RegExp(`^${places.size} places of all ${events.length} events;`),
    );
    // Each marker's title counts its events: a place's ("Kabul (AF): 5 events") or a group's ("3 places with 9 events: …").
    const titles = await page.locator(".places-map .map-place > title").allTextContents();
    const mapped = titles.reduce(
      (sum, t) => sum + Number(defined(/(\d+) events?\b/.exec(t), `the count in "${t}"`)[1]),
      0,
    );
    expect(mapped).toBe(everywhere.length);
    const shownIds = (
      await page.locator(".event-card h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))
    ).map((href) =>
      decodeURIComponent(defined(defined(href, "an event card's link").split("/").pop(), `the ID in ${href}`)),
    );
    expect(shownIds.length).toBeLessThan(events.length);
    expect(located(events.filter((e) => shownIds.includes(e.id))).length).toBeLessThan(mapped);
  });

  it("gives the deaths of every result in the results header", async () => {
    const all = await everyEvent();
    const sum = (list: EventFacts[], key: "low" | "best" | "high") =>
      list.reduce((n, e) => n + (e.fatalities?.[key] ?? 0), 0);
    const expected = (list: EventFacts[]) => {
      const known = list.filter(
        (e) => e.fatalities && (e.fatalities.low !== null || e.fatalities.best !== null || e.fatalities.high !== null),
      );
      const parts = (["best", "low", "high"] as const)
        .filter((k) => known.some((e) => defined(e.fatalities, "the event's fatalities")[k] !== null))
        .map((k) => `${k} estimate${known.length === 1 ? "" : "s"} ${sum(known, k).toLocaleString("en-GB")}`);
      const where =
        known.length === list.length ? `all ${list.length} events` : `${known.length} of the ${list.length} events`;
      return known.length === 0
        ? "No death figures for these events"
        : `Deaths reported in ${where}: ${parts.join(", ")}`;
    };
    expect(all.some((e) => e.fatalities?.best != null)).toBe(true);
    await page.goto(web());
    await expect(page.locator(".results-header .fatalities").textContent()).resolves.toBe(expected(all));
    await page.goto(`${web()}/?type=CEASEFIRE`);
    await expect(page.locator(".results-header .fatalities").textContent()).resolves.toBe(
      expected(all.filter((e) => e.type === "CEASEFIRE")),
    );
  });

  it("filters by a place clicked on the map", async () => {
    await page.goto(web());
    const istanbul = page
      .locator(".places-map .map-place")
      .filter({ has: page.locator("title", { hasText: /^Istanbul \(TR\)/ }) });
    await istanbul.click();
    await page.waitForURL(/place=/);
    await expect(page.getByRole("button", { name: "Remove Place: Istanbul" }).isVisible()).resolves.toBe(true);
    const places = await page.locator(".event-card .event-places").allTextContents();
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((p) => p.includes("Istanbul"))).toBe(true);
  });
});
