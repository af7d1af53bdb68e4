import { defined } from "@parley/schema/defined";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser.ts";

let browser: Browser;
const web = () => inject("webUrl");

/** Record pages of the demo data, by IDs the API hands out. */
let pages: Record<string, string>;
beforeAll(async () => {
  browser = await launchBrowser();
  const res = await fetch(inject("apiUrl"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `{ events(first: 1) { edges { node { id } } } actors(first: 1, nameContains: "Qatar") { edges { node { id } } } sources(first: 1) { edges { node { id } } } }`,
    }),
  });
  const { data } = await res.json();
  pages = {
    search: "/",
    searchWithQuery: "/?q=Tehreek&type=CEASEFIRE",
    event: `/events/${encodeURIComponent(data.events.edges[0].node.id)}`,
    actor: `/actors/${encodeURIComponent(data.actors.edges[0].node.id)}`,
    source: `/sources/${encodeURIComponent(data.sources.edges[0].node.id)}`,
    processes: "/processes",
    actors: "/actors",
    sources: "/sources",
    positions: "/positions",
    about: "/about",
    review: "/review",
    unknownRecord: "/events/RXZlbnQ6OTk5OTk5",
    notFound: "/no/such/page",
  };
});
afterAll(async () => {
  await browser?.close();
});

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

function expectSecurityHeaders(headers: Headers, where: string) {
  expect(headers.get("referrer-policy"), where).toBe("no-referrer");
  expect(headers.get("x-content-type-options"), where).toBe("nosniff");
  expect(headers.get("x-frame-options"), where).toBe("DENY");
  expect(headers.get("permissions-policy"), where).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers.get("strict-transport-security"), where).toBeNull();
  if (where === "staticFile") return; // scripts and styles are no documents: no CSP (and no proxy run) for them
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp, where).toMatch(/(^|; )default-src 'self'(;|$)/);
  expect(csp, where).toMatch(/(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).toContain("base-uri 'self'");
  expect(csp, where).not.toContain("unsafe-inline");
  expect(csp, where).not.toContain("unsafe-eval");
}

describe("security headers", () => {
  it("are on every page, the not-found pages, the actor lookup route, the icon and (all but the CSP) static files", async () => {
    const home = await fetch(web());
    const html = await home.text();
    const asset = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    for (const [name, path] of Object.entries({
      ...pages,
      actorLookup: "/api/actors?q=Taliban",
      icon: "/icon.svg",
      staticFile: defined(asset, "a script asset"),
    })) {
      const res = await fetch(web() + path);
      expect(res.status, name).toBe(name === "notFound" || name === "unknownRecord" ? 404 : 200);
      expectSecurityHeaders(res.headers, name);
    }
  });

  it("put a fresh nonce on every response and on every inline script of the page", async () => {
    const nonces = new Set<string>();
    for (const path of [pages.search, pages.event, pages.notFound]) {
      const res = await fetch(web() + path);
      const nonce = defined(
        nonceOf(defined(res.headers.get("content-security-policy"), 'res.headers.get("content-security-policy")')),
        'nonceOf(res.headers.get("content-security-policy")!)',
      );
      nonces.add(nonce);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => defined(m[1], "the matched group"));
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  it("add HSTS and upgrade-insecure-requests only to requests that came over HTTPS", async () => {
    const res = await fetch(web(), { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect((await fetch(web())).headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });
});

describe("pages under the Content-Security-Policy", () => {
  /** A page that records every CSP violation and every console error. */
  async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.exposeFunction("reportViolation", (text: string) => problems.push(text));
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { reportViolation(t: string): void }).reportViolation(
          `CSP: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      ),
    );
    return { page, problems };
  }

  it("render every page with its scripts running and no violation", async () => {
    const { page, problems } = await watchedPage();
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(web() + path);
      await page.waitForLoadState("networkidle");
      await expect(page.getByRole("heading", { level: 1 }).first().textContent(), name).resolves.toBeTruthy();
      // Hydrated: React has attached itself, so the page's scripts ran. Hydration can finish after
      // the network is idle on a busy machine, so this waits for it (up to 15 s) rather than looking once.
      const hydrated = await page
        .waitForFunction(
          () => {
            const main = document.querySelector("main");
            return main !== null && Object.keys(main).some((k) => k.startsWith("__react"));
          },
          null,
          { timeout: 15_000, polling: 100 },
        )
        .then(
          () => true,
          () => false,
        );
      // The problems first: a blocked script would be both the cause and the better message.
      const expected404 = name === "notFound" || name === "unknownRecord";
      expect(
        problems.filter((p) => !(expected404 && /404/.test(p))),
        name,
      ).toEqual([]);
      expect(hydrated, `${name}: React never hydrated the page`).toBe(true);
      problems.length = 0;
    }
    await page.close();
  });

  it("keep the search interactions working: typing, a facet and the actor lookup", async () => {
    const { page, problems } = await watchedPage();
    await page.goto(web());
    await page.getByRole("searchbox", { name: "Search events, actors and places" }).fill("Tehreek");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=Tehreek/);
    expect(await page.locator(".highlights mark").count()).toBeGreaterThan(0);
    await page.getByRole("checkbox", { name: /^Ceasefire/ }).check();
    await page.waitForURL(/type=CEASEFIRE/);
    const lookup = page.waitForResponse((r) => r.url().includes("/api/actors?q="));
    await page.getByRole("combobox", { name: "Find an actor by any spelling" }).fill("Qatar");
    expect((await lookup).status()).toBe(200);
    await screenshot(page, "search-under-csp");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("cannot be framed by another page", async () => {
    const { page, problems } = await watchedPage();
    await page.setContent(`<iframe id="framed" src="${web()}/" width="600" height="400"></iframe>`);
    await page.waitForTimeout(1_500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // What a person would read in the frame, not the hidden text of the browser's own error page.
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what is shown; textContent would add hidden text.
    const framedText = await frame?.evaluate(() => document.body?.innerText ?? "").catch(() => "");
    expect(framedText ?? "").not.toContain("Parley");
    expect(problems.join("\n")).toMatch(/frame-ancestors 'none'/);
    await page.close();
  });
});
