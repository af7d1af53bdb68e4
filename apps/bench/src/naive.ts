import type { EventQuery } from "@parley/search";
import type pg from "pg";

type Filter = NonNullable<EventQuery["filter"]>;
type Field = "TYPE" | "ACTOR" | "ROLE" | "COUNTRY" | "PLACE" | "OUTLET";

/** The reference the design must beat: live SQL, one GROUP BY per facet, through the raw pg driver. */
function where(filter: Filter, query: string | null, except: Field | null, params: unknown[]): string {
  const p = (value: unknown) => `$${params.push(value)}`;
  const parts: string[] = [];
  if (query) parts.push(`e.document @@ websearch_to_tsquery('parley', ${p(query)})`);
  if (filter.types?.length && except !== "TYPE") parts.push(`e.type::text = ANY(${p(filter.types)})`);
  // ACTOR and ROLE bind: with both, one of the actors in one of the roles; either facet counts without both.
  const bound = except === "ACTOR" || except === "ROLE" ? {} : { actors: filter.actorIds, roles: filter.roles };
  if (bound.actors?.length || bound.roles?.length) {
    const actors = bound.actors?.length ? ` AND x.actor_id = ANY(${p(bound.actors)})` : "";
    const roles = bound.roles?.length ? ` AND x.role::text = ANY(${p(bound.roles)})` : "";
    parts.push(`EXISTS (SELECT 1 FROM participant x WHERE x.event_id = e.id${actors}${roles})`);
  }
  for (const { actorId, roles } of filter.participants ?? []) {
    const inRoles = roles?.length ? ` AND x.role::text = ANY(${p(roles)})` : "";
    parts.push(`EXISTS (SELECT 1 FROM participant x WHERE x.event_id = e.id AND x.actor_id = ${p(actorId)}${inRoles})`);
  }
  if (filter.countries?.length && except !== "COUNTRY")
    parts.push(
      `EXISTS (SELECT 1 FROM event_place x JOIN place y ON y.id = x.place_id WHERE x.event_id = e.id AND y.country = ANY(${p(filter.countries)}))`,
    );
  if (filter.placeIds?.length && except !== "PLACE")
    parts.push(
      `EXISTS (SELECT 1 FROM event_place x WHERE x.event_id = e.id AND x.place_id = ANY(${p(filter.placeIds)}))`,
    );
  if (filter.outletIds?.length && except !== "OUTLET")
    parts.push(
      `EXISTS (SELECT 1 FROM claim x JOIN source y ON y.id = x.source_id WHERE x.event_id = e.id AND y.outlet_id = ANY(${p(filter.outletIds)}))`,
    );
  if (filter.from) parts.push(`coalesce(e.end_date, e.start_date) >= ${p(filter.from)}::date`);
  if (filter.to) parts.push(`e.start_date <= ${p(filter.to)}::date`);
  if (filter.contested !== undefined) parts.push(`e.contested = ${p(filter.contested)}`);
  return parts.length ? `WHERE ${parts.join(" AND ")}` : "";
}

const FACETS: Record<Field, { join: string; key: string }> = {
  TYPE: { join: "", key: "e.type::text" },
  ACTOR: { join: "JOIN participant f ON f.event_id = e.id", key: "f.actor_id::text" },
  ROLE: { join: "JOIN participant f ON f.event_id = e.id", key: "f.role::text" },
  COUNTRY: { join: "JOIN event_place f ON f.event_id = e.id JOIN place g ON g.id = f.place_id", key: "g.country" },
  PLACE: { join: "JOIN event_place f ON f.event_id = e.id", key: "f.place_id::text" },
  OUTLET: { join: "JOIN claim f ON f.event_id = e.id JOIN source g ON g.id = f.source_id", key: "g.outlet_id::text" },
};

export async function naiveSearch(db: pg.Pool, input: EventQuery) {
  const filter = input.filter ?? {};
  const query = input.query?.trim() || null;
  const run = async (build: (params: unknown[]) => string) => {
    const params: unknown[] = [];
    const sql = build(params);
    return (await db.query(sql, params)).rows;
  };
  const total = await run((ps) => `SELECT count(*)::int AS n FROM event e ${where(filter, query, null, ps)}`);
  const page = await run((ps) =>
    query
      ? `SELECT e.id, e.title, e.start_date, ts_rank(e.document, websearch_to_tsquery('parley', $1)) AS r FROM event e ${where(filter, query, null, ps)} ORDER BY r DESC, e.start_date DESC, e.id DESC LIMIT ${input.first}`
      : `SELECT e.id, e.title, e.start_date FROM event e ${where(filter, query, null, ps)} ORDER BY e.start_date DESC, e.id DESC LIMIT ${input.first}`,
  );
  const facets: Record<string, unknown[]> = {};
  for (const [field, { join, key }] of Object.entries(FACETS) as [Field, (typeof FACETS)[Field]][]) {
    // bound: an actor counted in the chosen roles, a role held by the chosen actors
    const other = field === "ACTOR" ? filter.roles : field === "ROLE" ? filter.actorIds : undefined;
    facets[field] = await run((ps) => {
      const on = other?.length
        ? ` AND f.${field === "ACTOR" ? "role::text" : "actor_id"} = ANY($${ps.push(other)})`
        : "";
      return `SELECT ${key} AS value, count(DISTINCT e.id)::int AS count FROM event e ${join}${on} ${where(filter, query, field, ps)} GROUP BY 1 ORDER BY 2 DESC LIMIT 25`;
    });
  }
  const histogram = await run(
    (ps) =>
      `SELECT date_trunc('month', e.start_date)::date AS start, count(*)::int AS count FROM event e ${where(filter, query, null, ps)} GROUP BY 1 ORDER BY 1`,
  );
  return { total: total[0].n as number, page, facets, histogram };
}

/** The places or the fatalities of every result, the naive way: one GROUP BY or one SUM over the matching events. */
export async function naivePictures(db: pg.Pool, input: EventQuery, ask: "places" | "fatalities") {
  const params: unknown[] = [];
  const matching = where(input.filter ?? {}, input.query?.trim() || null, null, params);
  const sql =
    ask === "places"
      ? `SELECT p.id, p.name, p.lat, p.lon, count(DISTINCT e.id)::int AS count FROM event e JOIN event_place ep ON ep.event_id = e.id JOIN place p ON p.id = ep.place_id
          ${matching ? `${matching} AND` : "WHERE"} p.lat IS NOT NULL AND p.lon IS NOT NULL GROUP BY p.id ORDER BY count DESC, p.id LIMIT 200`
      : `SELECT sum(fatalities_low) AS low, sum(fatalities_best) AS best, sum(fatalities_high) AS high,
                count(*) FILTER (WHERE coalesce(fatalities_low, fatalities_best, fatalities_high) IS NOT NULL)::int AS events FROM event e ${matching}`;
  return (await db.query(sql, params)).rows;
}

/** Typeahead the naive way: a scan of every name and alias, accents folded, by substring. */
export async function naiveActors(db: pg.Pool, query: string) {
  const { rows } = await db.query(
    `SELECT actor_id, name FROM (SELECT id AS actor_id, name FROM actor UNION ALL SELECT actor_id, name FROM actor_alias) n
      WHERE lower(unaccent(name)) LIKE '%' || lower(unaccent($1)) || '%' ORDER BY length(name) LIMIT 10`,
    [query],
  );
  return rows;
}
