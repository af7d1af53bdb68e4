import type { Page } from "./paging.ts";

interface Rows<Row> {
  findUnique(args: { where: { id: number }; select: Record<string, true> }): Promise<Record<string, unknown> | null>;
  findMany(args: object): Promise<Row[]>;
}

type Where = Record<string, unknown>;

/**
 * One page of a connection ordered by a nullable column (undated last), then by ID the same way.
 * Prisma pages a cursor over a nullable column in memory: it reads every row after the cursor with
 * no LIMIT (prisma/orm issues 15710 and 27094), 1.4–1.6 s a page at 250,000 sources. So the page's
 * cursor (`cursor`, `skip: 1`, `take`, negative backwards) becomes a WHERE on the order's keys here,
 * and the page a LIMIT.
 */
export async function nullsLastPage<Row>(
  rows: Rows<Row>,
  query: object,
  page: Page,
  where: Where,
  column: string,
  direction: "asc" | "desc",
): Promise<Row[]> {
  const forward = [{ [column]: { sort: direction, nulls: "last" } }, { id: direction }];
  // Without a cursor Prisma writes the LIMIT itself.
  if (!page.cursor) return rows.findMany({ ...query, ...page, where, orderBy: forward });
  const id = page.cursor.id;
  const at = await rows.findUnique({ where: { id }, select: { [column]: true } });
  if (!at) return [];
  const value = at[column];
  const [after, before] = direction === "desc" ? (["lt", "gt"] as const) : (["gt", "lt"] as const);
  if (page.take >= 0) {
    const later: Where =
      value === null
        ? { [column]: null, id: { [after]: id } }
        : { OR: [{ [column]: { [after]: value } }, { [column]: value, id: { [after]: id } }, { [column]: null }] };
    return rows.findMany({ ...query, where: { AND: [where, later] }, orderBy: forward, take: page.take });
  }
  const backward = [
    { [column]: { sort: direction === "desc" ? "asc" : "desc", nulls: "first" } },
    { id: direction === "desc" ? "asc" : "desc" },
  ];
  const earlier: Where =
    value === null
      ? { OR: [{ [column]: { not: null } }, { id: { [before]: id } }] }
      : { OR: [{ [column]: { [before]: value } }, { [column]: value, id: { [before]: id } }] };
  const found = await rows.findMany({
    ...query,
    where: { AND: [where, earlier] },
    orderBy: backward,
    take: -page.take,
  });
  return found.reverse();
}
