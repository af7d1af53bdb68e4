import { defined } from "@parley/schema/defined";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPage, screenshot } from "./browser.ts";

let browser: Browser;
let page: Page;
const web = () => inject("webUrl");

/** An event of the Kabul talks, the way in to its process, as a reader would arrive from search. */
async function kabulTalksEventId(): Promise<string> {
  const response = await fetch(inject("apiUrl"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `{ processes(first: 100) { edges { node { name events(first: 1) { edges { node { id } } } } } } }`,
    }),
  });
  type Process = { name: string; events: { edges: { node: { id: string } }[] } };
  const { data } = (await response.json()) as { data: { processes: { edges: { node: Process }[] } } };
  const process = data.processes.edges.map((e) => e.node).find((p) => p.name.startsWith("Pakistan–TTP talks 2021"));
  return defined(defined(process, "the process").events.edges[0], "the process's first event").node.id;
}

beforeAll(async () => ({ browser, page } = await openPage()));
afterAll(() => browser?.close());

describe("negotiating positions", () => {
  it("opens the process matrix from an event and shows each party's latest position per issue", async () => {
    await page.goto(`${web()}/events/${encodeURIComponent(await kabulTalksEventId())}`);
    await page.getByRole("link", { name: "Pakistan–TTP talks 2021–2022" }).click();
    await page.waitForURL(/\/processes\//);
    const matrix = page.getByRole("table", { name: "Positions by issue and party" });
    await expect(matrix.getByRole("columnheader").allTextContents()).resolves.toEqual(
      expect.arrayContaining(["Tehrik-i-Taliban Pakistan", "Government of Pakistan", "Afghan Taliban"]),
    );
    const ttpTroops = matrix.getByRole("cell", { name: "Tehrik-i-Taliban Pakistan on territory and troop presence" });
    await expect(ttpTroops.textContent()).resolves.toMatch(/Demand.*withdraw its troops/);
    const ttpCeasefire = matrix.getByRole("cell", { name: "Tehrik-i-Taliban Pakistan on ceasefire terms" });
    await expect(ttpCeasefire.textContent()).resolves.toMatch(/Refusal.*Calls off the ceasefire/);
    await expect(ttpCeasefire.textContent()).resolves.not.toMatch(/month-long ceasefire/);
    await screenshot(page, "process-matrix");
  });

  it("follows a position from the matrix to its quote and source", async () => {
    const matrix = page.getByRole("table", { name: "Positions by issue and party" });
    await matrix.getByRole("link", { name: /^Evidence for: Pakistan must withdraw its troops/ }).click();
    await page.waitForURL(/\/positions\/.+#evidence$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/withdraw its troops/);
    const quotes = await page
      .locator("#evidence ~ .contested-columns .claim, #evidence + .claims .claim")
      .allTextContents();
    expect(quotes.join("\n")).toContain(
      "The TTP demands the Pakistani government withdraw troops from northwestern districts on the Afghan border",
    );
    await expect(
      page
        .getByRole("link", { name: /Pakistan, Militants Call Truce/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole("region", { name: "Denied" }).textContent()).resolves.toMatch(/not put any conditions/);
    await screenshot(page, "position-evidence");
  });

  it("shows who answered the position and how the holder's stand changed", async () => {
    const exchanges = page.getByRole("list", { name: "Exchanges" });
    await expect(exchanges.textContent()).resolves.toMatch(
      /Government of Pakistan.*Rules out any talks on withdrawing troops.*answers this position/,
    );
    await page.goto(`${web()}/`);
    await page.getByRole("link", { name: "Tehrik-i-Taliban Pakistan" }).first().click();
    await page.waitForURL(/\/actors\//);
    const positions = page.getByRole("list", { name: "Positions over time" }).getByRole("listitem");
    expect(await positions.count()).toBeGreaterThanOrEqual(10);
    await page.getByRole("link", { name: /^Changes over time: Calls off the ceasefire/ }).click();
    await page.waitForURL(/#changes$/);
    const steps = page.getByRole("list", { name: "The holder's positions on this issue" }).getByRole("listitem");
    expect(await steps.count()).toBe(5);
    await expect(steps.first().textContent()).resolves.toMatch(/month-long ceasefire.*replaced by a later position/);
    await screenshot(page, "position-changes");
  });

  it("says so when a process does not exist", async () => {
    const response = await page.goto(
      `${web()}/processes/${encodeURIComponent(Buffer.from("Process:9999").toString("base64"))}`,
    );
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("No such process");
  });
});
