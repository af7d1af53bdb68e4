import { EVENT_TYPES, PARTICIPANT_ROLES } from "@parley/schema";
import { defined } from "@parley/schema/defined";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actorId, type EventFacts, everyEvent, tookPart } from "./api.ts";
import { openPage, resultCount, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
let events: EventFacts[];
let ttp: string;
let pakistan: string;
const web = () => inject("webUrl");

beforeAll(async () => {
  ({ browser, page } = await openPage());
  [events, ttp, pakistan] = await Promise.all([
    everyEvent(),
    actorId("Tehrik-i-Taliban Pakistan"),
    actorId("Government of Pakistan"),
  ]);
});
afterAll(() => browser?.close());

const settled = () =>
  page.waitForFunction(() => document.querySelector(".search-form")?.getAttribute("aria-busy") === "false");
const chipNames = async () =>
  (
    await page
      .getByRole("region", { name: "Filters" })
      .getByRole("button", { name: /^Remove / })
      .evaluateAll((els) => els.map((e) => e.textContent))
  ).map((text) => defined(text, "a filter chip's text").replace(/^Remove |×$/g, ""));

/** A facet's values as the page shows them: label → count. */
async function facetCounts(legend: string): Promise<Record<string, number>> {
  const group = page.getByRole("group", { name: legend, exact: true });
  const rows = await group
    .locator("li label")
    .evaluateAll((labels) =>
      labels.map(
        (l) =>
          [
            l.querySelector(".facet-label")?.textContent ?? null,
            l.querySelector(".facet-count")?.textContent ?? null,
          ] as const,
      ),
    );
  return Object.fromEntries(
    rows.map(([label, count]) => [
      defined(label, `a value's label in ${legend}`),
      Number(defined(count, `the count of ${label} in ${legend}`).replace(/,/g, "")),
    ]),
  );
}

/** Events of each type among `matching`, by label, as the type facet counts them when no type is chosen. */
function typeCounts(matching: EventFacts[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of matching) {
    const label = EVENT_TYPES.labels[e.type as keyof typeof EVENT_TYPES.labels];
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

const roleByLabel = Object.fromEntries(PARTICIPANT_ROLES.codes.map((code) => [PARTICIPANT_ROLES.labels[code], code]));

describe("an actor in a role", () => {
  it("asks for the TTP as a party through the actor's “as…” menu, keeps it while other filters change, and removes it by its chip", async () => {
    await page.goto(web());
    await page.getByText("as… Tehrik-i-Taliban Pakistan in one role").click();
    await page.getByRole("button", { name: "Tehrik-i-Taliban Pakistan as Party", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.getAll("p").includes(`${ttp}:PARTY`));
    await settled();
    await expect(chipNames()).resolves.toEqual(["Taking part: Tehrik-i-Taliban Pakistan as Party"]);
    const asParty = events.filter((e) => tookPart(e, ttp, ["PARTY"]));
    expect(asParty.length).toBeGreaterThan(0);
    expect(asParty.length).toBeLessThan(events.filter((e) => tookPart(e, ttp)).length);
    expect(await resultCount(page)).toBe(asParty.length);
    await screenshot(page, "search-actor-as-party");

    await page.getByRole("checkbox", { name: /^Ceasefire/ }).check();
    await page.waitForURL(/type=CEASEFIRE/);
    await settled();
    expect(new URL(page.url()).searchParams.getAll("p")).toEqual([`${ttp}:PARTY`]);
    expect(await resultCount(page)).toBe(asParty.filter((e) => e.type === "CEASEFIRE").length);

    await page.getByRole("button", { name: "Remove Taking part: Tehrik-i-Taliban Pakistan as Party" }).click();
    await page.waitForURL((url) => !url.searchParams.has("p"));
    await settled();
    expect(await resultCount(page)).toBe(events.filter((e) => e.type === "CEASEFIRE").length);
  });

  it("binds the role facet to the ticked actor: the TTP and Mediator is the TTP as mediator, and the role counts are the TTP's", async () => {
    await page.goto(`${web()}/?actor=${encodeURIComponent(ttp)}`);
    const note = page.getByRole("group", { name: "Role", exact: true }).locator(".facet-note");
    await expect(note.textContent()).resolves.toBe(
      "Bound to the actor ticked: Mediator here means “Tehrik-i-Taliban Pakistan as Mediator”, and each count is its events in that role. How they combine",
    );
    const roles = await facetCounts("Role");
    expect(Object.keys(roles).length).toBeGreaterThan(0);
    for (const [label, count] of Object.entries(roles))
      expect([label, count]).toEqual([
        label,
        events.filter((e) => tookPart(e, ttp, [defined(roleByLabel[label], "roleByLabel[label]")])).length,
      ]);

    // Someone mediated some of the TTP's events, but the TTP mediated none: bound, that is nothing.
    const mediatedByAnyone = events.filter(
      (e) => tookPart(e, ttp) && e.participants.some((p) => p.role === "MEDIATOR"),
    );
    expect(mediatedByAnyone.length).toBeGreaterThan(0);
    await page.goto(`${web()}/?actor=${encodeURIComponent(ttp)}&role=MEDIATOR`);
    expect(await resultCount(page)).toBe(events.filter((e) => tookPart(e, ttp, ["MEDIATOR"])).length);
    await expect(page.getByRole("button", { name: "Remove Role: Mediator" }).isVisible()).resolves.toBe(true);

    // Without an actor, a role is anyone in it.
    await page.goto(`${web()}/?role=MEDIATOR`);
    await expect(
      page.getByRole("group", { name: "Role", exact: true }).locator(".facet-note").textContent(),
    ).resolves.toMatch(/^A role means any participant in it\./);
    expect(await resultCount(page)).toBe(
      events.filter((e) => e.participants.some((p) => p.role === "MEDIATOR")).length,
    );
  });

  it("works without JavaScript: the “as…” buttons submit the search form", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${web()}/?type=CEASEFIRE`);
    await plain.getByText("as… Tehrik-i-Taliban Pakistan in one role").click();
    await plain.getByRole("button", { name: "Tehrik-i-Taliban Pakistan as Party", exact: true }).click();
    await plain.waitForURL((url) => url.searchParams.getAll("p").includes(`${ttp}:PARTY`));
    await expect(
      plain.getByRole("button", { name: "Remove Taking part: Tehrik-i-Taliban Pakistan as Party" }).isVisible(),
    ).resolves.toBe(true);
    await expect(plain.getByRole("button", { name: "Remove Event type: Ceasefire" }).isVisible()).resolves.toBe(true);
    expect(await resultCount(plain)).toBe(
      events.filter((e) => e.type === "CEASEFIRE" && tookPart(e, ttp, ["PARTY"])).length,
    );
    await context.close();
  });
});

describe("two actors together", () => {
  it("picks a dyad with “with … and …”, one side in a role, and counts the results and every facet over both", async () => {
    await page.goto(web());
    const dyad = page.getByRole("group", { name: "Two actors together" });
    const show = dyad.getByRole("button", { name: "Show events with both" });
    await expect(show.isDisabled()).resolves.toBe(true);
    await dyad.getByRole("combobox", { name: "The first actor of the pair" }).fill("Tehreek");
    await dyad.getByRole("option", { name: /^Tehrik-i-Taliban Pakistan/ }).click();
    const second = dyad.getByRole("combobox", { name: "The second actor of the pair" });
    await second.fill("Government of Pak");
    await dyad.getByRole("option", { name: /^Government of Pakistan/ }).waitFor();
    await second.press("ArrowDown");
    await second.press("Enter");
    await dyad.locator(".dyad-actor").nth(1).waitFor();
    await expect(dyad.locator(".dyad-actor").allTextContents()).resolves.toEqual([
      "Tehrik-i-Taliban Pakistan×Change the first actor, Tehrik-i-Taliban Pakistan",
      "Government of Pakistan×Change the second actor, Government of Pakistan",
    ]);
    await dyad.getByRole("combobox", { name: "Role of the second actor" }).selectOption("PARTY");
    // Choosing the role does not run the search by itself.
    expect(new URL(page.url()).searchParams.has("p")).toBe(false);
    await show.click();
    await page.waitForURL((url) => url.searchParams.getAll("p").length === 2);
    await settled();
    expect(new URL(page.url()).searchParams.getAll("p")).toEqual([ttp, `${pakistan}:PARTY`]);
    await expect(chipNames()).resolves.toEqual([
      "Taking part: Tehrik-i-Taliban Pakistan",
      "Taking part: Government of Pakistan as Party",
    ]);

    const both = events.filter((e) => tookPart(e, ttp) && tookPart(e, pakistan, ["PARTY"]));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(events.filter((e) => tookPart(e, ttp)).length);
    expect(await resultCount(page)).toBe(both.length);
    const shown = await facetCounts("Event type");
    expect(Object.fromEntries(Object.entries(shown).filter(([, n]) => n > 0))).toEqual(typeCounts(both));
    await screenshot(page, "search-dyad");

    await page.getByRole("button", { name: "Remove Taking part: Government of Pakistan as Party" }).click();
    await page.waitForURL((url) => url.searchParams.getAll("p").length === 1);
    await settled();
    expect(await resultCount(page)).toBe(events.filter((e) => tookPart(e, ttp)).length);
  });
});
