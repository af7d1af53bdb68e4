import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();

const exportOf = (search: string, headers: Record<string, string> = {}) =>
  api.fetch({ path: `/export?${search}`, method: "GET", headers });

describe("GET /export", () => {
  it("streams every result of the search page's parameters as a named download", async () => {
    const search = "type=CEASEFIRE&type=NEGOTIATION&sort=DATE_ASC";
    const response = await exportOf(`format=csv&${search}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="parley-events-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];

    const found = dataOf(
      await api.gql<{ searchEvents: { totalCount: number; edges: { node: { id: string } }[] } }>(
        `{ searchEvents(filter: { types: [CEASEFIRE, NEGOTIATION] }, sort: DATE_ASC, first: 100) { totalCount edges { node { id startDate } } } }`,
      ),
    ).searchEvents;
    expect(rows).toHaveLength(found.totalCount);
    expect(rows.length).toBeGreaterThan(3);
    expect(response.headers.get("x-parley-total-count")).toBe(String(rows.length));
    expect(rows.map((r) => r.event_id_cnty)).toEqual(found.edges.map((e) => `PRLY${atob(e.node.id).split(":")[1]}`));
  });

  it("answers JSON and GeoJSON with their types", async () => {
    const json = await exportOf("format=json&q=Doha");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const doc = (await json.json()) as { events: { title: string }[]; count: number };
    expect(doc.count).toBeGreaterThan(0);
    const geo = await exportOf("format=geojson&q=Doha");
    expect(geo.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    const features = ((await geo.json()) as { features: { properties: { location: string | null } }[] }).features;
    expect(features).toHaveLength(doc.count);
    expect(features.map((f) => f.properties.location)).toContain("Doha");
  });

  it("refuses parameters it cannot read with a 400 that names them", async () => {
    const response = await exportOf("format=pdf&type=TRUCE");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { key: string }[] };
    expect(body.issues.map((i) => i.key)).toEqual(["format", "type"]);
    expect(body.error).toMatch(/^The export was refused: format=pdf: must be one of csv, json, geojson; type=TRUCE: /);
    expect((await api.fetch({ path: "/export?format=csv", method: "POST" })).status).toBe(405);
  });

  it("needs a token where reading does", async () => {
    const closed = api.withEnv({ PARLEY_READ_ACCESS: "token" });
    const refused = await closed.fetch({ path: "/export?format=json", method: "GET" });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/^{"error":"Reading on this server needs a reader token: send/);
    const allowed = await closed.fetch({ path: "/export?format=json", method: "GET", headers: await api.as("READER") });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { count: number }).count).toBeGreaterThan(40);
  });
});
