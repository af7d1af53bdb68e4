import type { Browser, Page } from "@parley/testkit/browser";

export interface Paint {
  fcp: number;
  lcp: number;
}

/** First and largest contentful paint of `url` in a fresh browser context (cold cache, no cookies). */
export async function paintOf(browser: Browser, url: string): Promise<Paint> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${url} answered HTTP ${response?.status() ?? "nothing"}`);
    // The load event can come before the first paint on a busy machine: wait for the entries.
    // Runs in the page: no named functions inside (tsx would wrap them in a helper the page does not
    // have) and nothing imported (defined() from @parley/schema once made every callback throw there).
    const paint = await page.evaluate(async () => {
      const wanted = [{ type: "paint", name: "first-contentful-paint" }, { type: "largest-contentful-paint" }];
      const [fcp, lcp] = await Promise.all(
        wanted.map(
          ({ type, name }) =>
            new Promise<number | null>((resolve) => {
              new PerformanceObserver((list, observer) => {
                const entries = list.getEntries().filter((e) => name === undefined || e.name === name);
                if (entries.length === 0) return;
                observer.disconnect();
                resolve(entries.at(-1)?.startTime ?? null);
              }).observe({ type, buffered: true });
              setTimeout(() => resolve(null), 10_000);
            }),
        ),
      );
      return { fcp: fcp ?? null, lcp: lcp ?? null };
    });
    if (paint.fcp === null || paint.lcp === null)
      throw new Error(`Chromium reported no ${paint.fcp === null ? "first" : "largest"} contentful paint for ${url}`);
    return { fcp: paint.fcp, lcp: paint.lcp };
  } finally {
    await page.context().close();
  }
}

const COUNT = ".results .result-count";

const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector(".search-form")?.getAttribute("aria-busy")?.includes("true"));

/**
 * A search page kept open, as a person uses it: every `measure()` ticks the Ceasefire facet and
 * returns the time from the click to the changed result count, then unticks it again (not timed).
 */
export async function facetClicker(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  // The first client-side navigation also loads the router's code: do it once with another facet.
  await page.getByRole("checkbox", { name: /^Talks/ }).check();
  await page.waitForURL(/type=NEGOTIATION/);
  await page.getByRole("checkbox", { name: /^Talks/ }).uncheck();
  await page.waitForURL((u) => !u.search.includes("type="));
  await settled(page);
  const unfiltered = await page.locator(COUNT).textContent();

  return {
    async measure(): Promise<number> {
      await page.evaluate((count) => {
        const w = window as unknown as { __clickAt?: number; __updatedAt?: Promise<number> };
        const before = document.querySelector(count)?.textContent;
        w.__updatedAt = new Promise((resolve) => {
          new MutationObserver((_, observer) => {
            const now = document.querySelector(count);
            if (now && now.textContent !== before) {
              observer.disconnect();
              resolve(performance.now());
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        document.addEventListener("click", () => (w.__clickAt = performance.now()), { capture: true, once: true });
      }, COUNT);
      await page.getByRole("checkbox", { name: /^Ceasefire/ }).click();
      const elapsed = await page.evaluate(async () => {
        const w = window as unknown as { __clickAt: number; __updatedAt: Promise<number> };
        return (await w.__updatedAt) - w.__clickAt;
      });
      await page.waitForURL(/type=CEASEFIRE/);
      await settled(page);
      await page.getByRole("checkbox", { name: /^Ceasefire/ }).uncheck();
      await page.waitForURL((u) => !u.search.includes("type="));
      await page.waitForFunction(({ count, text }) => document.querySelector(count)?.textContent === text, {
        count: COUNT,
        text: unfiltered,
      });
      await settled(page);
      return elapsed;
    },
    close: () => page.context().close(),
  };
}
