import { defined } from "@parley/schema/defined";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actorId, ask } from "./api.ts";
import { openPage, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(() => browser?.close());

describe("record pages", () => {
  it("an outlet's page lists its reports and links to the events citing the outlet", async () => {
    await page.goto(`${web()}/actors/${encodeURIComponent(await actorId("Voice of America"))}`);
    await expect(page.locator("body").textContent()).resolves.not.toMatch(/No events recorded/);
    const reports = page.getByRole("region", { name: "Reports by Voice of America" });
    await expect(reports.getByRole("link", { name: /Pakistan, Militants Call Truce/ }).isVisible()).resolves.toBe(true);
    await reports.getByRole("link", { name: "16 events citing this outlet" }).click();
    await page.waitForURL(/outlet=/);
    await expect(page.locator(".results .result-count").textContent()).resolves.toBe("16 events");
    await expect(page.getByRole("button", { name: "Remove Outlet: Voice of America" }).isVisible()).resolves.toBe(true);
  });

  it("a source page links the original report and an archived copy of it", async () => {
    const { sources } = await ask<{ sources: { edges: { node: { id: string; url: string | null } }[] } }>(
      `{ sources(first: 20) { edges { node { id url } } } }`,
    );
    const source = defined(
      sources.edges.map((e) => e.node).find((s) => s.url),
      "sources.edges.map((e) => e.node).find((s) => s.url)",
    );
    await page.goto(`${web()}/sources/${encodeURIComponent(source.id)}`);
    await expect(page.getByRole("link", { name: /^Original at / }).getAttribute("href")).resolves.toBe(source.url);
    await expect(page.getByRole("link", { name: "Archived copy" }).getAttribute("href")).resolves.toBe(
      `https://web.archive.org/web/${source.url}`,
    );
  });

  it("an event page groups its quotes under the fact each supports, and shows each quote once", async () => {
    type Claim = { quote: string; source: { id: string } };
    const { events } = await ask<{
      events: {
        edges: {
          node: { id: string; title: string; claims: Claim[]; positions: { summary: string; claims: Claim[] }[] };
        }[];
      };
    }>(
      `{ events(first: 100) { edges { node { id title claims { quote source { id } } positions { summary claims { quote source { id } } } } } } }`,
    );
    // An event whose quotes also back a position stated at it: Moeed Yusuf's red lines.
    const event = defined(
      events.edges.map((e) => e.node).find((e) => e.title.startsWith("Moeed Yusuf sets out")),
      'events.edges.map((e) => e.node).find((e) => e.title.startsWith("Moe…',
    );
    const everyQuote = [...event.claims, ...event.positions.flatMap((p) => p.claims)].map((c) => c.quote);
    await page.goto(`${web()}/events/${encodeURIComponent(event.id)}`);
    const shown = (await page.locator(".claim blockquote").allTextContents()).map((q) => q.slice(1, -1));
    // Each quote shows exactly once (a quote cut from a longer one shows as the longer), none inside another.
    for (const quote of everyQuote)
      expect(
        shown.filter((s) => s.includes(quote)),
        quote,
      ).toHaveLength(1);
    for (const [i, s] of shown.entries())
      expect(
        shown.filter((t, j) => j !== i && t.includes(s)),
        s,
      ).toEqual([]);
    const facts = page.locator("section.fact");
    await expect(facts.first().getByRole("heading", { level: 3 }).textContent()).resolves.toBe(
      "That it happened as described",
    );
    expect(await facts.count()).toBe(1 + event.positions.length);
    for (const position of event.positions) {
      await expect(
        page
          .getByRole("region", {
            name: new RegExp(position.summary.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
          })
          .isVisible(),
      ).resolves.toBe(true);
    }
    await expect(facts.first().locator(".claim-note").first().textContent()).resolves.toMatch(
      /^Also evidence of Government of Pakistan's (red line|condition)$/,
    );
    await screenshot(page, "event-evidence-by-fact");
  });

  it("an actor page tells its appearances from its events where one event holds it in two roles", async () => {
    const id = await actorId("Afghan Taliban");
    const { actor, searchEvents } = await ask<{
      actor: { events: { totalCount: number } };
      searchEvents: { totalCount: number };
    }>(
      `query($id: ID!) { actor(id: $id) { events(first: 0) { totalCount } } searchEvents(filter: { actorIds: [$id] }) { totalCount } }`,
      { id },
    );
    expect(actor.events.totalCount).toBeGreaterThan(searchEvents.totalCount);
    await page.goto(`${web()}/actors/${encodeURIComponent(id)}`);
    await expect(page.getByRole("status").textContent()).resolves.toMatch(
      new RegExp(`^${actor.events.totalCount} appearances in ${searchEvents.totalCount} events\\.`),
    );
  });

  it("About says what the data is, where the demo data comes from, and gives the codebook", async () => {
    await page.goto(`${web()}/about`);
    await expect(
      page.getByRole("heading", { level: 2, name: "Where the demo data comes from" }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.locator("#actors-and-roles").textContent()).resolves.toMatch(
      /Mediator mean the TTP as mediator, not the TTP's events that someone else mediated.*Two actors together/s,
    );
    const types = page.getByRole("region", { name: "Event types" });
    await expect(types.locator("dt").count()).resolves.toBe(19);
    await expect(types.textContent()).resolves.toMatch(/Airstrike AIRSTRIKE.*An air or drone strike/);
    const roles = page.getByRole("region", { name: "Roles in an event" });
    await expect(roles.textContent()).resolves.toMatch(/Mediator MEDIATOR.*Carries proposals between the parties/);
    await screenshot(page, "about");
  });
});
