import path from "node:path";
import { createApiToken, createPrismaClient, type PrismaClient, withDatabase } from "@parley/db";
import { type RestartablePostgres, startRestartablePostgres } from "@parley/testkit";
import { startApi, startWeb, WEB_DIR } from "@parley/testkit/stack";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./browser.ts";

// A stack of its own, whose PostgreSQL this file stops and starts again under the review page.
let pg: RestartablePostgres;
let db: PrismaClient;
let browser: Browser;
let page: Page;
let webUrl: string;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  pg = await startRestartablePostgres();
  stops.push(() => pg.remove());
  const databaseUrl = withDatabase(pg.adminUrl, "parley");
  const api = await startApi(databaseUrl, {
    PARLEY_DOCUMENTS: "trusted",
    PARLEY_TRUSTED_DOCUMENTS: path.join(WEB_DIR, "trusted-documents.json"),
  });
  stops.unshift(api.stop);
  const web = await startWeb(api.url);
  stops.unshift(web.stop);
  webUrl = web.url;
  db = createPrismaClient(databaseUrl);
  stops.unshift(() => db.$disconnect());
  browser = await launchBrowser();
  stops.unshift(() => browser.close());
  page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
}, 240_000);
afterAll(async () => {
  for (const stop of stops) await stop().catch(() => {});
});

describe("a write while the database is down", () => {
  it("says nothing was saved (DATABASE_UNAVAILABLE), and the same form sent again once it is back is saved once", async () => {
    const { secret } = await createApiToken(db, { role: "EDITOR", name: "Fault editor", author: "e2e" });
    await page.goto(`${webUrl}/review`);
    await page.getByLabel("API token").fill(secret);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page
      .getByLabel("Paste the report's text")
      .fill("Ceasefire Agreed\n\nPakistan and the TTP agreed a ceasefire in Kabul on Monday, officials said.");
    await page.getByLabel("Published").fill("2022-06-01");
    await page.getByRole("button", { name: "Ingest the report" }).click();
    await page.waitForURL(/\/review\?source=/);

    const ceasefire = page
      .locator(".candidate")
      .filter({ has: page.getByRole("heading", { name: /Ceasefire/ }) })
      .first();
    const form = ceasefire.locator('form[data-action="accept"]');
    const key = await form.locator('input[name="key"]').inputValue();
    const events = () => db.event.count();
    const before = await events();

    await pg.stop();
    await form.getByRole("button", { name: /^Accept/ }).click();
    const alert = form.getByRole("alert");
    await expect(alert.textContent()).resolves.toMatch(
      /Not saved: Parley's database is unavailable right now \(DATABASE_UNAVAILABLE\), so nothing was changed\..*same key/,
    );
    await screenshot(page, "review-database-unavailable");
    expect(await form.locator('input[name="key"]').inputValue()).toBe(key);

    await pg.start();
    expect(await events()).toBe(before);
    // The API's pool finds the database again by itself; the editor sends the same form again.
    await expect
      .poll(
        async () => {
          if ((await ceasefire.locator(".review-status").count()) === 0)
            await form.getByRole("button", { name: /^Accept/ }).click();
          return ceasefire
            .locator(".review-status")
            .textContent({ timeout: 5_000 })
            .catch(() => "");
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toMatch(/Accepted/);
    expect(await events()).toBe(before + 1);
  });
});
