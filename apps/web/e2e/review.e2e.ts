import { createApiToken, createPrismaClient, type PrismaClient } from "@parley/db";
import { defined } from "@parley/schema/defined";
import { type Stack, startStack } from "@parley/testkit/stack";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, resultCount, screenshot } from "./browser.ts";

/**
 * A stack of its own: reviewing accepts events and ingests reports, which would change the demo
 * data's counts that the other test files check on the shared stack.
 */
let stack: Stack;
const web = () => stack.webUrl;
let browser: Browser;
let db: PrismaClient;
const tokens = { editor: "", reader: "" };

const REPORT = [
  "Pakistan and the TTP resume talks in Kabul",
  "",
  "The Afghan Taliban hosted talks between Pakistan and the TTP in Kabul on Wednesday, officials said.",
  "The Khorasan Peace Council welcomed the talks.",
  "Pakistan and the TTP agreed a ceasefire in Kabul on Thursday.",
].join("\n");
const HOSTED = "The Afghan Taliban hosted talks between Pakistan and the TTP in Kabul on Wednesday, officials said.";
const HTML = `<!doctype html><html><head><title>News Site | Prisoners freed after Doha talks</title></head><body>
<nav>Home | World | Sport | Subscribe</nav><article><h1>Prisoners freed after Doha talks</h1>
<p>Pakistan released 20 TTP prisoners in Peshawar on Monday after talks in Doha mediated by Qatar, officials said.</p>
<p>The release followed weeks of negotiations between the two sides, according to officials who spoke to reporters in Doha.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>`;

/** The API the tests ask directly (not the web app's), with the editor's token. */
async function api<T>(query: string, variables: object = {}): Promise<T> {
  const res = await fetch(stack.apiUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${tokens.editor}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: { message: string }[] };
  return defined(body.data, `the API's answer (errors: ${JSON.stringify(body.errors ?? [])})`);
}

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  db = createPrismaClient(stack.databaseUrl);
  tokens.editor = (await createApiToken(db, { role: "EDITOR", name: "Browser editor", author: "e2e" })).secret;
  tokens.reader = (await createApiToken(db, { role: "READER", name: "Browser reader", author: "e2e" })).secret;
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await stack?.stop();
});

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, token: string) {
  await page.goto(`${web()}/review`);
  await page.getByLabel("API token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A candidate card by its heading's words. */
const card = (page: Page, heading: RegExp | string) =>
  page.locator(".candidate").filter({ has: page.getByRole("heading", { name: heading }) });

describe("who may review", () => {
  let candidateUrl: string;
  let quote: string;

  beforeAll(async () => {
    type Ingested = {
      ingestReport: {
        source?: { candidates: { edges: { node: { id: string; kind: string; payload: { quote?: string } } }[] } };
      };
    };
    const data = await api<Ingested>(
      `mutation ($input: IngestReportInput!) { ingestReport(input: $input) { ... on IngestReportSuccess { source { candidates(first: 50) { edges { node { id kind payload { ... on EventCandidatePayload { quote } } } } } } } } }`,
      {
        input: {
          content: "Secret Talks Held\n\nPakistan and the TTP held secret talks in Kabul on Monday, a source said.",
          date: "2022-05-02",
        },
      },
    );
    const event = defined(
      defined(data.ingestReport.source, "the source ingested")
        .candidates.edges.map((e) => e.node)
        .find((n) => n.kind === "EVENT"),
      "the event candidate of the report",
    );
    candidateUrl = `/review/candidates/${encodeURIComponent(event.id)}`;
    quote = defined(event.payload.quote, "the event candidate's quote");
  });

  it("shows a reader without a token no review page and no candidate, also at a candidate's own address", async () => {
    const { context, page } = await freshPage();
    for (const path of ["/review", candidateUrl]) {
      await page.goto(web() + path);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Review: sign in");
      expect(await page.locator(".candidate, .report-text").count()).toBe(0);
      expect(await page.content()).not.toContain(quote);
      const html = await (await fetch(web() + path)).text();
      expect(html).not.toContain(quote);
    }
    await page.goto(web());
    expect(await page.locator(".site-header").getByRole("link", { name: "Review" }).count()).toBe(0);
    await page.goto(`${web()}/review`);
    await screenshot(page, "review-sign-in");
    await context.close();
  });

  it("refuses a token that is malformed, unknown or a reader's, with a clear message and no cookie", async () => {
    const { context, page } = await freshPage();
    const cases: [string, RegExp][] = [
      ["not a token", /not a Parley API token: tokens start with prly_/],
      ["prly_madeUpAndUnknown", /Parley does not know this token, or it has been revoked/],
      [tokens.reader, /“Browser reader” is a reader's token: reviewing needs an editor's or an admin's token/],
    ];
    for (const [token, message] of cases) {
      await signIn(page, token);
      await page.locator(".sign-in").getByRole("alert").filter({ hasText: message }).waitFor();
      expect(await page.locator(".candidate").count()).toBe(0);
    }
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it("lets a revoked token's sign-in see nothing more", async () => {
    const { secret, token } = await createApiToken(db, { role: "EDITOR", name: "Soon revoked", author: "e2e" });
    const { context, page } = await freshPage();
    await signIn(page, secret);
    await page.getByRole("heading", { name: "Review", exact: true }).waitFor();
    await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await page.goto(web() + candidateUrl);
    await expect(page.locator(".sign-in").getByRole("alert").textContent()).resolves.toMatch(/no longer works/);
    expect(await page.content()).not.toContain(quote);
    await context.close();
  });
});

describe("reviewing in the browser as an editor", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await freshPage()));
  afterAll(() => context?.close());

  it("signs in, keeping the token in a cookie no script can read", async () => {
    await signIn(page, tokens.editor);
    await page.getByRole("heading", { name: "Review", exact: true }).waitFor();
    await expect(page.getByText("Signed in as").textContent()).resolves.toMatch(/Browser editor \(editor\)/);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: "parley_token",
      value: tokens.editor,
      httpOnly: true,
      sameSite: "Strict",
      path: "/",
      secure: false,
    });
    expect(await page.evaluate(() => document.cookie)).toBe("");
    expect(await page.content()).not.toContain(tokens.editor);
    await expect(page.locator(".site-header").getByRole("link", { name: "Review" }).count()).resolves.toBe(1);
  });

  it("ingests a pasted report and shows its candidates, each sentence marked in the report's text", async () => {
    await page.getByText("Add a report").click();
    await page.getByLabel("Paste the report's text").fill(REPORT);
    await page.getByLabel("Published").fill("2022-05-20");
    await page.getByRole("button", { name: "Ingest the report" }).click();
    await page.waitForURL(/\/review\?source=/);
    await expect(page.locator("#report-title").textContent()).resolves.toBe(
      "Pakistan and the TTP resume talks in Kabul",
    );
    const talks = card(page, /Talks/);
    await expect(talks.locator("blockquote").textContent()).resolves.toBe(HOSTED);
    const marked = await page
      .locator(`.report-text mark[data-candidates~="${await talks.getAttribute("data-candidate")}"]`)
      .allTextContents();
    // Every sentence that proposed the talks is marked for it, the quote among them.
    expect(marked).toContain(HOSTED);
    await expect(card(page, /Khorasan Peace Council/).count()).resolves.toBe(1);
    await screenshot(page, "review-report");
  });

  it("edits an event, accepts it, and the event is in search with its revision on its page", async () => {
    const talks = card(page, /Talks/);
    await talks.getByText("Edit").click();
    await talks.getByLabel("Title").fill("Kabul talks reviewed in the browser");
    await talks.getByRole("button", { name: "Save changes" }).click();
    await expect(talks.getByRole("status").textContent()).resolves.toMatch(/Saved/);
    await talks.getByRole("button", { name: /^Accept/ }).click();
    await expect(talks.locator(".review-status").textContent()).resolves.toMatch(/Accepted by \(Browser editor\)/);
    const eventHref = defined(
      await talks.getByRole("link", { name: "Open the event" }).getAttribute("href"),
      'talks.getByRole("link", { name: "Open the event" }).getAttribute("h…',
    );

    await page.goto(`${web()}/?q=${encodeURIComponent("Kabul talks reviewed in the browser")}`);
    await expect(resultCount(page)).resolves.toBeGreaterThanOrEqual(1);
    await expect(page.locator(`.event-card a[href="${eventHref}"]`).first().textContent()).resolves.toBe(
      "Kabul talks reviewed in the browser",
    );

    await page.goto(web() + eventHref);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Kabul talks reviewed in the browser",
    );
    const changes = page.locator("section[aria-labelledby=changes]");
    await expect(changes.textContent()).resolves.toMatch(/Created by token:\d+ \(Browser editor\)/);
    await expect(page.getByText(HOSTED).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, "review-accepted-event");
    await page.goBack();
  });

  it("merges a new actor into a known one: its name becomes an alias", async () => {
    await page.goto(`${web()}/review`);
    await page.getByRole("link", { name: "Pakistan and the TTP resume talks in Kabul" }).click();
    const council = card(page, /Khorasan Peace Council/);
    const ttp = await api<{ actors: { edges: { node: { id: string } }[] } }>(
      `{ actors(first: 1, nameContains: "Tehrik-i-Taliban Pakistan") { edges { node { id } } } }`,
    );
    const ttpId = defined(ttp.actors.edges[0], "the TTP among the actors").node.id;
    await council.getByText("Merge into an existing actor").click();
    await council.getByLabel("or the link of its page").fill(`${web()}/actors/${encodeURIComponent(ttpId)}`);
    await council.getByRole("button", { name: "Merge" }).click();
    await expect(council.locator(".review-status").textContent()).resolves.toMatch(/Accepted/);
    const actor = await api<{ actor: { aliases: string[] } | null }>(
      `query ($id: ID!) { actor(id: $id) { aliases } }`,
      {
        id: ttpId,
      },
    );
    expect(defined(actor.actor, "the TTP").aliases).toContain("Khorasan Peace Council");
  });

  it("rejects with the keyboard, and shows the keys", async () => {
    const pending = page.locator(".candidate[data-pending]");
    const before = await pending.count();
    expect(before).toBeGreaterThan(0);
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("?");
    await expect(page.locator(".shortcuts dl").textContent()).resolves.toMatch(/reject/);
    const current = page.locator(".candidate.current");
    const id = await current.getAttribute("data-candidate");
    expect(await page.locator(`.report-text mark.current[data-candidates~="${id}"]`).count()).toBeGreaterThan(0);
    await page.keyboard.press("j");
    const next = await page.locator(".candidate.current").getAttribute("data-candidate");
    if (before > 1) expect(next).not.toBe(id);
    await page.keyboard.press("e");
    await expect(page.locator(`#candidate-${next} details[data-action=edit]`).getAttribute("open")).resolves.toBe("");
    await page.keyboard.press("Escape");
    await page.keyboard.press("r");
    await expect(page.locator(`#candidate-${next} .review-status`).textContent()).resolves.toMatch(/Rejected/);
    expect(await pending.count()).toBe(before - 1);
  });

  it("ingests an uploaded HTML page without its boilerplate", async () => {
    await page.goto(`${web()}/review`);
    await page.getByText("Add a report").click();
    await page
      .getByLabel("or upload an HTML page or a text file")
      .setInputFiles({ name: "prisoners.html", mimeType: "text/html", buffer: Buffer.from(HTML) });
    await page.getByLabel("Published").fill("2025-11-03");
    await page.getByRole("button", { name: "Ingest the report" }).click();
    await page.waitForURL(/\/review\?source=/);
    await expect(page.locator("#report-title").textContent()).resolves.toBe("Prisoners freed after Doha talks");
    const text = defined(
      await page.locator(".report-text").textContent(),
      'page.locator(".report-text").textContent()',
    );
    expect(text).toContain("Pakistan released 20 TTP prisoners");
    expect(text).not.toMatch(/Subscribe|Home \| World/);
    await expect(card(page, /Prisoner release/).count()).resolves.toBeGreaterThan(0);
  });

  it("works without JavaScript, and changes nothing for the same form posted from another site", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 950 } });
    await noScript.addCookies(await context.cookies());
    const plain = await noScript.newPage();
    // The report uploaded above, which still has candidates waiting.
    await plain.goto(page.url());
    const pendingCard = plain.locator(".candidate[data-pending]").first();
    const id = defined(await pendingCard.getAttribute("data-candidate"), 'pendingCard.getAttribute("data-candidate")');
    const form = pendingCard.locator('form[data-action="reject"]');
    const fields = await form.evaluate((f: HTMLFormElement) =>
      [...new FormData(f).entries()].map(([k, v]) => [k, String(v)] as [string, string]),
    );
    const [cookie] = await context.cookies();
    const forged = new FormData();
    for (const [k, v] of fields) forged.append(k, v);
    await fetch(plain.url(), {
      method: "POST",
      body: forged,
      redirect: "manual",
      headers: {
        origin: "http://elsewhere.example",
        cookie: `${defined(cookie, "cookie").name}=${defined(cookie, "cookie").value}`,
      },
    });
    await plain.reload();
    expect(await plain.locator(`#candidate-${id}[data-pending]`).count()).toBe(1);

    await plain
      .locator(`#candidate-${id} form[data-action="reject"]`)
      .getByRole("button", { name: /^Reject/ })
      .click();
    await plain.waitForLoadState();
    await screenshot(plain, "review-no-js");
    await expect(plain.locator(`#candidate-${id} .review-status`).textContent()).resolves.toMatch(/Rejected/);
    await noScript.close();
  });

  it("signs out, clearing the cookie", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Review: sign in" }).waitFor();
    expect(await context.cookies()).toEqual([]);
  });
});
