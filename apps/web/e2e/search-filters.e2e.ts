import { defined } from "@parley/schema/defined";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hydrated, openPage, resultCount, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(() => browser?.close());

const chips = () => page.getByRole("region", { name: "Filters" }).getByRole("button", { name: /^Remove / });
const settled = () =>
  page.waitForFunction(() => document.querySelector(".search-form")?.getAttribute("aria-busy") === "false");

describe("the active filters", () => {
  it("shows each active filter as a chip that removes it, and Clear all", async () => {
    await page.goto(
      `${web()}/?q=Tehreek&type=CEASEFIRE&type=NEGOTIATION&country=PK&from=2021-01-01&to=2022-12-31&contested=1`,
    );
    await expect(chips().evaluateAll((els) => els.map((e) => e.textContent))).resolves.toEqual([
      "Remove Words: “Tehreek”×",
      "Remove Event type: Ceasefire×",
      "Remove Event type: Talks×",
      "Remove Country: Pakistan×",
      "Remove Dates: 1 January 2021 – 31 December 2022×",
      "Remove Contested only×",
    ]);
    await screenshot(page, "search-active-filters");
    await page.getByRole("button", { name: "Remove Event type: Ceasefire" }).click();
    await page.waitForURL((url) => !url.searchParams.getAll("type").includes("CEASEFIRE"));
    const url = new URL(page.url());
    expect([
      url.searchParams.get("q"),
      url.searchParams.getAll("type"),
      url.searchParams.get("country"),
      url.searchParams.get("from"),
      url.searchParams.get("contested"),
    ]).toEqual(["Tehreek", ["NEGOTIATION"], "PK", "2021-01-01", "1"]);
    await page.getByRole("button", { name: /^Remove Dates:/ }).click();
    await page.waitForURL((u) => !u.searchParams.has("from") && !u.searchParams.has("to"));
    await page.getByRole("button", { name: "Clear all" }).click();
    await page.waitForURL(
      (u) =>
        !u.searchParams.has("q") &&
        !u.searchParams.has("type") &&
        !u.searchParams.has("country") &&
        !u.searchParams.has("contested"),
    );
    expect(await chips().count()).toBe(0);
    expect(await resultCount(page)).toBeGreaterThan(40);
  });

  it("removes a filter without JavaScript too", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${web()}/?q=Tehreek&type=CEASEFIRE`);
    await plain.getByRole("button", { name: "Remove Event type: Ceasefire" }).click();
    await plain.waitForURL((url) => !url.search.includes("type=") && url.search.includes("q=Tehreek"));
    expect(await plain.getByRole("button", { name: /^Remove / }).count()).toBe(1);
    await context.close();
  });

  it("puts the actor picked in the finder at the top of the actor facet, ticked, and in the chips", async () => {
    await page.goto(`${web()}/?q=Istanbul`);
    const finder = page.getByRole("combobox", { name: "Find an actor by any spelling" });
    await finder.fill("Jamiat");
    await page
      .getByRole("listbox", { name: "Matching actors" })
      .getByRole("option", { name: /Jamiat Ulema-e-Islam \(S\)/ })
      .click();
    await page.waitForURL(/actor=/);
    await expect(
      page.getByRole("button", { name: "Remove Actor: Jamiat Ulema-e-Islam (S)" }).isVisible(),
    ).resolves.toBe(true);
    const actorFacet = page.getByRole("group", { name: "Actor" });
    const first = actorFacet.getByRole("checkbox").first();
    await expect(first.isChecked()).resolves.toBe(true);
    await expect(first.isVisible()).resolves.toBe(true);
    await expect(actorFacet.locator("li label").first().textContent()).resolves.toMatch(
      /^Jamiat Ulema-e-Islam \(S\)0$/,
    );
    await expect(page.locator(".results .result-count").textContent()).resolves.toBe("No events match");
  });

  it("shows the chosen values first and the rest of a long facet behind “more…”, not in a scroll box", async () => {
    await page.goto(`${web()}/?role=GUARANTOR`);
    const roles = page.getByRole("group", { name: "Role" });
    await expect(roles.locator("label").first().textContent()).resolves.toMatch(/^Guarantor\d+$/);
    const more = roles.getByText(/^\d+ more…/);
    await expect(more.isVisible()).resolves.toBe(true);
    const hidden = roles.locator("details label").first();
    await expect(hidden.isVisible()).resolves.toBe(false);
    await more.click();
    await expect(hidden.isVisible()).resolves.toBe(true);
    const overflow = await roles
      .locator("ul")
      .first()
      .evaluate((ul) => getComputedStyle(ul).overflowY);
    expect(overflow).toBe("visible");
  });

  it("shows how many events each actor it offers would give, and picks with the arrow keys and Enter", async () => {
    await page.goto(`${web()}/?type=CEASEFIRE`);
    const finder = page.getByRole("combobox", { name: "Find an actor by any spelling" });
    await finder.fill("Taliban");
    const options = page.getByRole("listbox", { name: "Matching actors" }).getByRole("option");
    await options.first().waitFor();
    const texts = await options.allTextContents();
    expect(texts.every((t) => /\d+ events?$/.test(t))).toBe(true);
    const ttp = texts.findIndex((t) => t.startsWith("Tehrik-i-Taliban Pakistan"));
    expect(ttp).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= ttp; i++) await finder.press("ArrowDown");
    await expect(options.nth(ttp).getAttribute("aria-selected")).resolves.toBe("true");
    const expected = Number(
      defined(/(\d+) events?$/.exec(defined(texts[ttp], "the TTP's text")), "the TTP's count of events")[1],
    );
    await finder.press("Enter");
    await page.waitForURL(/actor=/);
    await page.waitForFunction(
      (n) =>
        document.querySelector(".results .result-count")?.textContent?.endsWith(`${n} events`) ||
        (n === 1 && document.querySelector(".results .result-count")?.textContent === "1 event"),
      expected,
    );
    expect(await resultCount(page)).toBe(expected);
    await expect(finder.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });

  it("keeps the focus on a checkbox after it is toggled, as the results change", async () => {
    await page.goto(`${web()}/?q=Tehreek`);
    const talks = page.getByRole("checkbox", { name: /^Talks/ });
    await hydrated(page);
    await talks.focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/type=NEGOTIATION/);
    await settled();
    const focused = () =>
      page.evaluate(
        () =>
          `${(document.activeElement as HTMLInputElement).name}=${(document.activeElement as HTMLInputElement).value}:${(document.activeElement as HTMLInputElement).checked}`,
      );
    await expect(focused()).resolves.toBe("type=NEGOTIATION:true");
    await page.keyboard.press("Space");
    await page.waitForURL((url) => !url.search.includes("type="));
    await settled();
    await expect(focused()).resolves.toBe("type=NEGOTIATION:false");
  });
});

describe("a link with parts that cannot be read", () => {
  it("drops a bad cursor, ID, date and type with a warning, and runs the rest of the search", async () => {
    await page.goto(`${web()}/?q=Tehreek&type=CEASEFIRE&type=BOGUS&after=garbage&actor=notanid&from=2022-13-45`);
    const warning = (await page.getByRole("alert").filter({ hasText: "Parts of this link" }).textContent()) ?? "";
    expect(warning).toMatch(/ignored type=BOGUS/);
    expect(warning).toMatch(/ignored actor=notanid/);
    expect(warning).toMatch(/from/);
    expect(warning).toMatch(/page of results this link points to/);
    await expect(page.getByRole("button", { name: "Remove Event type: Ceasefire" }).isVisible()).resolves.toBe(true);
    expect(await resultCount(page)).toBeGreaterThan(0);
    const types = await page.locator(".event-card .event-type").allTextContents();
    expect(types.every((t) => t === "Ceasefire")).toBe(true);
    await expect(page.getByText("pnpm start").count()).resolves.toBe(0);
    await screenshot(page, "search-bad-link");
  });

  it("drops a `before` cursor that is no cursor, and one of another search, and shows that search's first page", async () => {
    await page.goto(`${web()}/?q=Tehreek&before=garbage`);
    await expect(page.getByRole("alert").filter({ hasText: "Parts of this link" }).textContent()).resolves.toMatch(
      /page of results this link points to/,
    );
    await expect(page.locator(".results .result-count").textContent()).resolves.toMatch(/^(1–\d+ of )?\d+ events$/);
    expect(await resultCount(page)).toBeGreaterThan(5);

    // A real cursor of the whole list (by date), used in a link that searches for words.
    await page.goto(`${web()}/?sort=DATE_ASC`);
    const next = new URL(
      defined(
        await page.getByRole("link", { name: "Next page" }).getAttribute("href"),
        'page.getByRole("link", { name: "Next page" }).getAttribute("href")',
      ),
      web(),
    );
    const cursor = defined(next.searchParams.get("after"), 'next.searchParams.get("after")');
    await page.goto(`${web()}/?q=Tehreek&after=${encodeURIComponent(cursor)}&start=21`);
    await expect(page.getByRole("alert").filter({ hasText: "Parts of this link" }).textContent()).resolves.toMatch(
      /page of results this link points to/,
    );
    await expect(page.getByRole("button", { name: "Remove Words: “Tehreek”" }).isVisible()).resolves.toBe(true);
    await expect(page.locator(".event-list").getAttribute("start")).resolves.toBe("1");
    await expect(page.getByText("pnpm start").count()).resolves.toBe(0);

    // Both ways at once: `before` is left out, and said once.
    await page.goto(
      `${web()}/?sort=DATE_ASC&after=${encodeURIComponent(cursor)}&before=${encodeURIComponent(cursor)}&start=21`,
    );
    const said = defined(
      await page.getByRole("alert").filter({ hasText: "Parts of this link" }).textContent(),
      'page.getByRole("alert").filter({ hasText: "Parts of this link" }).t…',
    );
    expect(said.match(/ignored before/g)).toHaveLength(1);
    await expect(page.locator(".event-list").getAttribute("start")).resolves.toBe("21");
  });

  it("keeps a well-formed ID of an actor that does not exist, and says nothing matches", async () => {
    await page.goto(`${web()}/?actor=${encodeURIComponent(Buffer.from("Actor:999999").toString("base64"))}`);
    await expect(page.locator(".results .result-count").textContent()).resolves.toBe("No events match");
    await expect(page.getByRole("button", { name: /^Remove Actor:/ }).isVisible()).resolves.toBe(true);
  });
});
