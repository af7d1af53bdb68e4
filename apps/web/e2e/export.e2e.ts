import { readFileSync } from "node:fs";
import { defined } from "@parley/schema/defined";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPage, resultCount, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

beforeAll(async () => ({ browser, page } = await openPage({ acceptDownloads: true })));
afterAll(() => browser?.close());

/** The database IDs of the events listed on the page, from their links (global IDs). */
const listedIds = async () =>
  (
    await page
      .locator(".event-card a[href^='/events/']")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")))
  ).map(
    (href) => atob(decodeURIComponent(defined(href, "an event card's link").slice("/events/".length))).split(":")[1],
  );

async function download(format: string) {
  const link = page.locator(`.downloads a[data-format='${format}']`);
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(defined(await file.path(), "file.path()"), "utf8") };
}

describe("downloading the results of a search", () => {
  it("offers each format with the current search in the link, and the CSV holds exactly the results", async () => {
    await page.goto(web());
    await page.getByRole("searchbox", { name: "Search events, actors and places" }).fill("Tehreek");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=Tehreek/);
    await page.getByRole("checkbox", { name: /^Ceasefire/ }).check();
    await page.waitForURL(/type=CEASEFIRE/);
    await page.waitForFunction(() =>
      document.querySelector(".downloads a")?.getAttribute("href")?.includes("type=CEASEFIRE"),
    );

    const hrefs = (
      await page.locator(".downloads a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))
    ).map((href) => defined(href, "a download link's href"));
    expect(hrefs).toHaveLength(3);
    for (const [i, format] of ["csv", "json", "geojson"].entries()) {
      const params = new URL(defined(hrefs[i], "hrefs[i]"), web()).searchParams;
      expect([params.get("format"), params.get("q"), params.getAll("type")]).toEqual([
        format,
        "Tehreek",
        ["CEASEFIRE"],
      ]);
    }
    await screenshot(page, "search-downloads");

    const count = await resultCount(page);
    expect(count).toBeGreaterThan(1);
    const csv = await download("csv");
    expect(csv.name).toMatch(/^parley-events-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(count);
    expect(rows.map((r) => r.event_id_cnty)).toEqual((await listedIds()).map((id) => `PRLY${id}`));
    expect(rows.every((r) => defined(r.tags, "r.tags").includes("parley:type=CEASEFIRE"))).toBe(true);
  });

  it("downloads every page, not the 20 shown, as JSON and GeoJSON", async () => {
    await page.goto(web());
    const count = await resultCount(page);
    expect(count).toBeGreaterThan(20);
    const json = await download("json");
    expect(json.name).toMatch(/\.json$/);
    const doc = JSON.parse(json.text) as { count: number; events: { id: string; places: { name: string }[] }[] };
    expect(doc.count).toBe(count);
    expect(doc.events.slice(0, 20).map((e) => atob(e.id).split(":")[1])).toEqual(await listedIds());
    const geo = JSON.parse((await download("geojson")).text) as { type: string; features: { id: string }[] };
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.map((f) => f.id)).toEqual(doc.events.map((e) => e.id));
  });
});
