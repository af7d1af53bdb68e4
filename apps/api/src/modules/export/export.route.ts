import type { PrismaClient } from "@parley/db";
import { exportResponse } from "@parley/export";
import type { SearchEngine } from "@parley/search";
import type { Plugin } from "graphql-yoga";
import { judge } from "../auth/access.ts";
import { credentialsFrom } from "../auth/viewer.ts";

/**
 * `GET /export?format=csv|json|geojson&<the search page's parameters>`: the events of a search as a
 * download, written by @parley/export (the code behind `pnpm parley export`) while it streams.
 * Reading rules are the GraphQL endpoint's: with `PARLEY_READ_ACCESS=token` it needs a live token.
 */
export function exportRoute(options: {
  db: PrismaClient;
  search: SearchEngine | null;
  readAccess: "open" | "token";
}): Plugin {
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const url = new URL(request.url);
      if (url.pathname !== "/export") return;
      const text = (status: number, message: string, headers: Record<string, string> = {}) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ error: message }), {
            status,
            headers: { "content-type": "application/json", ...headers },
          }),
        );
      if (request.method !== "GET") return text(405, "Exports are read with GET.", { allow: "GET" });
      if (options.readAccess === "token") {
        const { refusal } = judge(await credentialsFrom(request, options.db), "READER", "Reading on this server");
        if (refusal) return text(401, refusal.message, { "www-authenticate": "Bearer" });
      }
      if (!options.search) return text(503, "This server has no search engine attached, so it cannot export.");
      endResponse(await exportResponse(options.search, url));
    },
  };
}
