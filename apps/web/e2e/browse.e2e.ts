import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actorId, ask } from "./api.ts";
import { openPage, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(() => browser?.close());

const SECTIONS = ["Search", "Processes", "Actors", "Sources", "Positions", "API (GraphiQL)", "About"];

describe("finding one's way", () => {
  it("shows the same header on every page, with the current section marked", async () => {
    for (const [path, current] of [
      ["/", "Search"],
      ["/processes", "Processes"],
      ["/actors", "Actors"],
      ["/sources", "Sources"],
      ["/positions", "Positions"],
      ["/about", "About"],
    ] as const) {
      await page.goto(web() + path);
      const nav = page.getByRole("navigation", { name: "Site" });
      await expect(nav.getByRole("link").allTextContents()).resolves.toEqual(SECTIONS);
      await expect(nav.locator("[aria-current=page]").allTextContents(), path).resolves.toEqual([current]);
    }
    const graphiql = await page
      .getByRole("navigation", { name: "Site" })
      .getByRole("link", { name: "API (GraphiQL)" })
      .getAttribute("href");
    expect(graphiql).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  });

  it("gives every page a title of its own: the record's name, or the search's words", async () => {
    const titles: Record<string, string> = {};
    for (const path of ["/", "/?q=Tehreek", "/processes", "/actors", "/sources", "/positions", "/about"]) {
      await page.goto(web() + path);
      titles[path] = await page.title();
    }
    expect(titles).toEqual({
      "/": "Search events · Parley",
      "/?q=Tehreek": "“Tehreek”: search · Parley",
      "/processes": "Processes · Parley",
      "/actors": "Actors · Parley",
      "/sources": "Sources · Parley",
      "/positions": "Positions · Parley",
      "/about": "About the data and its codebook · Parley",
    });
    await page.goto(`${web()}/actors/${encodeURIComponent(await actorId("Qatar"))}`);
    expect(await page.title()).toBe("Qatar · Parley");
    await page.getByRole("link", { name: /Doha/ }).first().click();
    await page.waitForURL(/\/events\//);
    // The URL changes before the event page has rendered, and its title comes with it.
    const heading = page.getByRole("heading", { level: 1 });
    await expect.poll(() => heading.textContent()).not.toBe("Qatar");
    await expect.poll(() => page.title()).toBe(`${await heading.textContent()} · Parley`);
  });
});

describe("browsing", () => {
  it("shows the first page of a list, with a warning, when a link's cursor is none", async () => {
    for (const path of [
      "/processes?after=garbage&start=21",
      "/actors?before=garbage&start=21",
      "/sources?after=garbage&start=21",
    ]) {
      await page.goto(web() + path);
      await expect(
        page.getByRole("alert").filter({ hasText: "Parts of this link" }).textContent(),
        path,
      ).resolves.toMatch(/the page this link points to could not be found; showing the first/);
      await expect(page.locator(".browse .result-count").first().textContent(), path).resolves.toMatch(
        /^(1–\d+ of )?\d+ /,
      );
    }
  });

  it("lists the processes with their events and positions, and opens one", async () => {
    await page.goto(`${web()}/processes`);
    const items = page.getByRole("list", { name: "Processes" }).getByRole("listitem");
    expect(await items.count()).toBe(3);
    await expect(items.first().textContent()).resolves.toMatch(/Pakistan–TTP talks 2021–2022.*17 events.*26 positions/);
    await page.getByRole("link", { name: "Afghanistan–Pakistan talks 2025" }).click();
    await page.waitForURL(/\/processes\/.+/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Afghanistan–Pakistan talks 2025",
    );
    await screenshot(page, "process-from-list");
  });

  it("lists actors by kind with the events of each, and pages through them", async () => {
    await page.goto(`${web()}/actors`);
    const kinds = page.getByRole("navigation", { name: "Kinds of actor" });
    await expect(kinds.getByRole("link", { name: "Every kind 52" }).getAttribute("aria-current")).resolves.toBe("page");
    await expect(page.locator(".result-count").textContent()).resolves.toBe("1–20 of 52 actors, by name");
    await page.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(/after=.*start=21/);
    await expect(page.locator(".result-count").textContent()).resolves.toBe("21–40 of 52 actors, by name");
    await page.getByRole("link", { name: "Previous page" }).click();
    await page.waitForURL(/before=/);
    await expect(page.locator(".result-count").textContent()).resolves.toBe("1–20 of 52 actors, by name");

    await kinds.getByRole("link", { name: /^Government or state/ }).click();
    await page.waitForURL(/kind=GOVERNMENT/);
    const pakistan = page
      .getByRole("list", { name: "Actors" })
      .getByRole("listitem")
      .filter({ hasText: "Government of Pakistan" });
    const { searchEvents } = await ask<{ searchEvents: { totalCount: number } }>(
      `query($id: ID!) { searchEvents(filter: { actorIds: [$id] }) { totalCount } }`,
      { id: await actorId("Government of Pakistan") },
    );
    await expect(pakistan.locator(".actor-events").textContent()).resolves.toBe(`${searchEvents.totalCount} events`);
    await screenshot(page, "actors-governments");
  });

  it("finds an actor by any spelling from the actors page, with the keyboard", async () => {
    await page.goto(`${web()}/actors`);
    const finder = page.getByRole("combobox", { name: "Find an actor by any spelling" });
    await finder.fill("Tehreek");
    const options = page.getByRole("listbox", { name: "Matching actors" }).getByRole("option");
    // The count is read from the API: other test files write to the same database (review accepts events).
    const ttp = await ask<{ searchEvents: { totalCount: number } }>(
      `query($id: ID!) { searchEvents(filter: { actorIds: [$id] }, first: 0) { totalCount } }`,
      { id: await actorId("Tehrik-i-Taliban Pakistan") },
    );
    await expect(options.first().textContent()).resolves.toMatch(
      new RegExp(`Tehrik-i-Taliban Pakistan.*${ttp.searchEvents.totalCount} events`),
    );
    await finder.press("ArrowDown");
    await expect(options.first().getAttribute("aria-selected")).resolves.toBe("true");
    await expect(finder.getAttribute("aria-activedescendant")).resolves.toBe(await options.first().getAttribute("id"));
    await finder.press("Enter");
    await page.waitForURL(/\/actors\/.+/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Tehrik-i-Taliban Pakistan");
  });

  it("lists the outlets and their reports, and one outlet's reports alone", async () => {
    // Counts from the API: the demo's five reports, and any that other test files ingested (review).
    const count = async (outletId?: string) =>
      (
        await ask<{ sources: { totalCount: number } }>(
          `query($o: ID) { sources(outletId: $o, first: 0) { totalCount } }`,
          { o: outletId },
        )
      ).sources.totalCount;
    const all = await count();
    expect(all).toBeGreaterThanOrEqual(5);
    await page.goto(`${web()}/sources`);
    await expect(page.locator(".result-count").textContent()).resolves.toBe(
      all <= 20 ? `${all} reports` : `1–20 of ${all} reports`,
    );
    const reports = page.getByRole("list", { name: "Reports" }).getByRole("listitem");
    expect(await reports.count()).toBe(Math.min(all, 20));
    await page.getByRole("navigation", { name: "Outlets" }).getByRole("link", { name: "Voice of America" }).click();
    await page.waitForURL(/outlet=/);
    const voa = await count(await actorId("Voice of America"));
    await expect(page.locator(".result-count").textContent()).resolves.toBe(
      `${voa} ${voa === 1 ? "report" : "reports"} by Voice of America`,
    );
    await expect(reports.allTextContents()).resolves.toContainEqual(
      expect.stringMatching(/Pakistan, Militants Call Truce.*Voice of America.*18 May 2022/),
    );
    await screenshot(page, "sources-voa");
  });

  it("searches positions by facets and pages through them", async () => {
    await page.goto(`${web()}/positions`);
    await expect(page.locator(".result-count").textContent()).resolves.toBe("1–20 of 41 positions, newest first");
    await page.getByRole("checkbox", { name: /^Tehrik-i-Taliban Pakistan/ }).check();
    await page.waitForURL(/actor=/);
    await page.waitForFunction(() =>
      /^\d+ positions, newest first$/.test(document.querySelector(".result-count")?.textContent ?? ""),
    );
    const holders = await page.getByRole("list", { name: "Positions" }).locator("h2 a:first-child").allTextContents();
    expect(holders.length).toBe(10);
    expect(new Set(holders)).toEqual(new Set(["Tehrik-i-Taliban Pakistan"]));
    await page.getByRole("button", { name: "Remove Holder: Tehrik-i-Taliban Pakistan" }).click();
    await page.waitForURL((url) => !url.search.includes("actor="));
    await page.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(/after=/);
    await expect(page.locator(".result-count").textContent()).resolves.toBe("21–40 of 41 positions, newest first");
  });
});
