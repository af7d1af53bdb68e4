import type { CombinedError } from "@urql/core";
import type { PageView } from "./paging.ts";

/**
 * Loads the page of a list a link asks for. When the API answers but refuses it and the link has a
 * cursor (one of another list, or of a record since deleted), loads the first page instead and says
 * so in `problems`; an API that does not answer is left to the caller.
 */
export async function loadListPage<R extends { data?: unknown; error?: CombinedError }>(
  asked: PageView,
  problems: string[],
  load: (view: PageView) => Promise<R>,
): Promise<{ result: R; view: PageView }> {
  const result = await load(asked);
  if (result.data || result.error?.networkError || !(asked.after || asked.before)) return { result, view: asked };
  problems.push("the page this link points to could not be found; showing the first");
  const view = { ...asked, after: null, before: null, start: 1 };
  return { result: await load(view), view };
}
