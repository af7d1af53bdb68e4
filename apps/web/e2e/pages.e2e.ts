import { defined } from "@parley/schema/defined";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPage, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(() => browser?.close());

/** Clicks a link and waits until the page is the one it points to. */
async function follow(link: Locator) {
  const target = new URL(defined(await link.getAttribute("href"), "the link's href"), page.url());
  await link.click();
  await page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search);
}

describe("reading the record pages", () => {
  it("lists the demo events on the first page, rendered on the server", async () => {
    const html = await (await fetch(web())).text();
    expect(html).toContain("Istanbul");
    await page.goto(web());
    const status = (await page.locator(".results .result-count").textContent()) ?? "";
    expect(status).toMatch(/^1–20 of 4\d events$/);
    expect(await page.locator(".places-map .map-land").count()).toBeGreaterThan(5);
    await expect(page.locator(".places-map .map-place title").allTextContents()).resolves.toContainEqual(
      expect.stringMatching(/^Istanbul \(TR\): \d+ event/),
    );
    // The timeline counts every result by month, not only the 20 listed.
    const months = await page.locator(".histogram-bars rect.bar title").allTextContents();
    const counted = months.reduce(
      (sum, t) => sum + Number(defined(/: (\d+) events?/.exec(t), `the count in "${t}"`)[1]),
      0,
    );
    expect(counted).toBe(Number(defined(/of (\d+)/.exec(status), `the total in "${status}"`)[1]));
    await screenshot(page, "home");
  });

  it("follows an actor link to the actor's page with aliases and a timeline", async () => {
    await page.goto(web());
    await page.getByRole("link", { name: "Tehrik-i-Taliban Pakistan" }).first().click();
    await page.waitForURL(/\/actors\//);
    await expect(page.locator("body").textContent()).resolves.toMatch(/Tehreek-e-Taliban Pakistan/);
    const rows = page.getByRole("list", { name: "Events over time" }).getByRole("listitem");
    expect(await rows.count()).toBeGreaterThan(10);
    await expect(page.getByRole("heading", { name: "Appears most often with" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "actor-ttp");
  });

  it("opens a contested event from the timeline and shows the asserted and denied claims side by side", async () => {
    await page.getByRole("link", { name: /Pakistan reportedly frees TTP prisoners/ }).click();
    await page.waitForURL(/\/events\//);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/frees TTP prisoners/);
    expect(await page.locator(".badge-contested").count()).toBeGreaterThan(0);
    const denied = page.getByRole("region", { name: "Denied" });
    await expect(denied.textContent()).resolves.toMatch(/Khurasani/);
    const asserted = page.getByRole("region", { name: "Asserted" });
    expect(await asserted.locator(".claim").count()).toBeGreaterThan(0);
    await screenshot(page, "event-contested");
  });

  it("goes back to the same actor page", async () => {
    await page.goBack();
    await page.waitForURL(/\/actors\//);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Tehrik-i-Taliban Pakistan");
  });

  it("narrows the actor's timeline to one role, and pages through it from the newest back", async () => {
    // The counts the page must show, read from the API.
    const ttp = decodeURIComponent(
      defined(new URL(page.url()).pathname.split("/").pop(), "the ID at the end of the address"),
    );
    const res = await fetch(inject("apiUrl"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `query($id: ID!) { actor(id: $id) { roleCounts { role count } events(first: 100) { totalCount edges { node { event { id title } } } } } }`,
        variables: { id: ttp },
      }),
    });
    const { actor } = (
      (await res.json()) as {
        data: {
          actor: {
            roleCounts: { role: string; count: number }[];
            events: { totalCount: number; edges: { node: { event: { id: string; title: string } } }[] };
          };
        };
      }
    ).data;
    const total = actor.events.totalCount;
    expect(total).toBeGreaterThan(20);
    // One row per event: the TTP has one role in each of its events here, so rows and appearances agree.
    expect(new Set(actor.events.edges.map((e) => e.node.event.id)).size).toBe(total);
    const roles = page.getByRole("navigation", { name: "Roles" });
    await expect(roles.getByRole("link", { name: `Every role ${total}` }).getAttribute("aria-current")).resolves.toBe(
      "page",
    );
    const target = defined(
      actor.roleCounts.find((r) => r.role === "TARGET"),
      'actor.roleCounts.find((r) => r.role === "TARGET")',
    );
    await roles.getByRole("link", { name: `Target ${target.count}` }).click();
    await page.waitForURL(/role=TARGET/);
    await expect(page.getByRole("status").textContent()).resolves.toBe(
      `${target.count} appearances as target. Search and filter the actor's events`,
    );
    const rows = page.getByRole("list", { name: "Events over time" }).getByRole("listitem");
    expect(await rows.count()).toBe(target.count);
    for (const row of await rows.allTextContents()) expect(row).toMatch(/as Target/);

    // Ten a page: the newest ten, then the ten before, then the rest, and the way back.
    await page.goto(`${web()}/actors/${encodeURIComponent(ttp)}?per=10`);
    await expect(page.getByRole("status").textContent()).resolves.toMatch(
      new RegExp(`^${total} appearances; 10 shown, the latest\\.`),
    );
    const newest = await rows.allTextContents();
    expect(newest).toHaveLength(10);
    const seen: string[] = [];
    for (;;) {
      seen.unshift(
        ...(await page.getByRole("list", { name: "Events over time" }).locator(".timeline-body > a").allTextContents()),
      );
      const earlier = page
        .getByRole("navigation", { name: "Pages of events" })
        .getByRole("link", { name: "Earlier events" });
      if ((await earlier.count()) === 0) break;
      await follow(earlier);
    }
    expect(seen).toEqual(actor.events.edges.map((e) => e.node.event.title));
    await follow(page.getByRole("link", { name: "Later events" }));
    expect(await rows.count()).toBe(10);
    await follow(page.getByRole("link", { name: "Latest events" }));
    await expect(rows.allTextContents()).resolves.toEqual(newest);
    await screenshot(page, "actor-ttp-paged");

    // A hand-edited link: each bad part is named, and the rest of the page shows (the newest page).
    await page.goto(`${web()}/actors/${encodeURIComponent(ttp)}?role=BOSS&per=abc&before=garbage`);
    const alert = await page.getByRole("alert").filter({ hasText: "Parts of this link" }).textContent();
    expect(alert).toMatch(/ignored role=BOSS \(one of PARTY, MEDIATOR/);
    expect(alert).toMatch(/ignored per=abc \(a whole number from 1 to 100\)/);
    expect(alert).toMatch(/the page of events this link points to could not be found .*showing the newest/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Tehrik-i-Taliban Pakistan");
    const shown = await page
      .getByRole("list", { name: "Events over time" })
      .locator(".timeline-body > a")
      .allTextContents();
    expect(shown).toEqual(actor.events.edges.map((e) => e.node.event.title).slice(-100));
  });

  it("pages to the next results and back", async () => {
    await page.goto(web());
    await page.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(/after=/);
    await expect(page.locator(".results .result-count").textContent()).resolves.toMatch(/^21–40 of 4\d events$/);
    await page.goBack();
    await page.waitForURL(`${web()}/`);
  });

  it("shows a source with the outlets it cites and the claims taken from it", async () => {
    await page.goto(web());
    await page
      .getByRole("link", { name: /Istanbul/ })
      .first()
      .click();
    await page
      .getByRole("link", { name: /Deadlock in Istanbul/ })
      .first()
      .click();
    await page.waitForURL(/\/sources\//);
    const facts = await page.locator(".facts").textContent();
    expect(facts).toMatch(/Kokcha News/);
    expect(facts).toMatch(/Dawn/);
    expect(facts).toMatch(/TOLOnews/);
    expect(await page.locator(".claim").count()).toBeGreaterThan(5);
    await screenshot(page, "source-kokcha");
  });

  it("says clearly, with HTTP 404, when a record does not exist", async () => {
    const response = await page.goto(`${web()}/events/RXZlbnQ6OTk5OTk5`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("No such event");
    for (const [path, what] of [
      ["actors", "Actor"],
      ["sources", "Source"],
      ["positions", "Position"],
    ] as const) {
      const missing = await page.goto(
        `${web()}/${path}/${encodeURIComponent(Buffer.from(`${what}:999999`).toString("base64"))}`,
      );
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        `No such ${what.toLowerCase()}`,
      );
    }
  });
});
