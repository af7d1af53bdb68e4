import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser.ts";

let browser: Browser;
const api = () => new URL(inject("apiUrl"));

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("GraphiQL", () => {
  it("loads every file from the API itself and runs a query, with every other host blocked", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const elsewhere: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "blob:" || url.protocol === "data:" || url.host === api().host) return route.continue();
      elsewhere.push(url.href);
      return route.abort();
    });
    await page.goto(api().href, { waitUntil: "load" });
    const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
    await editor.waitFor({ timeout: 30_000 });
    await page.locator("button.graphiql-execute-button").click();
    const response = page.locator(".graphiql-response");
    // The page's default query: the latest events with who took part and what the sources say.
    await expect
      .poll(async () => (await response.textContent()) ?? "", { timeout: 20_000 })
      .toMatch(/"totalCount":\s*\d+/);
    expect(await response.textContent()).toMatch(/"participants"/);
    await screenshot(page, "graphiql");
    expect(elsewhere).toEqual([]);
    await page.close();
  });
});

describe("a page on another site", () => {
  let site: Server;
  let origin: string;
  beforeAll(async () => {
    // A plain page on its own port: a cross-origin caller as a browser sees it.
    site = createServer((_req, res) =>
      res
        .writeHead(200, { "content-type": "text/html" })
        .end("<!doctype html><title>Analyst's page</title><p>elsewhere</p>"),
    );
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    origin = `http://localhost:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => site.close(resolve)));

  it("reads the API with GET and with a JSON POST, and is refused writes", async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    const outcome = await page.evaluate(async (endpoint) => {
      const query = "{ events(first: 1) { totalCount } }";
      const viaGet = await fetch(`${endpoint}?query=${encodeURIComponent(query)}`).then((r) => r.json());
      const viaPost = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer prly_made-up" },
        body: JSON.stringify({ query }),
      }).then(async (r) => ({ body: await r.json(), remaining: r.headers.get("ratelimit-remaining") }));
      const write = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation { createEvent(input: { type: OTHER, title: "x", startDate: "2022-01-01" }) { __typename ... on ForbiddenError { reason } } }`,
        }),
      }).then((r) => r.json());
      let credentialed = "sent";
      await fetch(endpoint, {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      }).catch(() => (credentialed = "blocked"));
      return { viaGet, viaPost, write, credentialed };
    }, api().href);
    expect(outcome.viaGet.data.events.totalCount).toBeGreaterThan(40);
    expect(outcome.viaPost.body.data.events.totalCount).toBeGreaterThan(40);
    expect(outcome.write.data.createEvent).toEqual({ __typename: "ForbiddenError", reason: "ORIGIN_NOT_ALLOWED" });
    // The API never allows credentials, so the browser withholds the answer of a credentialed request.
    expect(outcome.credentialed).toBe("blocked");
    await page.close();
  });
});
