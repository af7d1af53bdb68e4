import { queryFromInfo } from "@pothos/plugin-prisma";
import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.ts";
import { type Connection, connectionOf, type PageArgs, type PageRequest, pageRequest, plannedPage } from "./paging.ts";

/** A connection type's options: its description and `totalCount`, which `connectionOf` keeps as a thunk so it is counted only when asked. */
export function counted(name: string, description: string, items: string) {
  return {
    name,
    description,
    fields: (t: { int: (options: { description: string; resolve: (c: unknown) => unknown }) => unknown }) => ({
      totalCount: t.int({
        description: `How many ${items} there are over every page, not only this one.`,
        resolve: (c) => (c as Connection<never>).totalCount(),
      }),
    }),
  } as never;
}

/** The Prisma query for the nodes a connection's selection asks for (`edges.node` and their relations), for one statement a page. */
export async function nodeQuery(ctx: Context, info: GraphQLResolveInfo, typeName: string): Promise<object> {
  return queryFromInfo({
    context: ctx,
    info,
    typeName,
    paths: [["edges", "node"]],
    select: { id: true },
    awaitSelections: true,
  });
}

interface RelationQuery {
  where?: object;
  orderBy: object | object[];
}

type Selected = () => ReadonlySet<string>;
type Nested = (query: object, path: string[]) => object;

/**
 * A relation paged with its parent: the parent's query reads each parent's page (and its count, when
 * `totalCount` is asked), so a page of parents reads theirs in one statement per relation. The plan
 * reads nothing for arguments the field would refuse; the field then refuses them at its own path,
 * and its parent still answers.
 *
 * The selection is handed to the Prisma plugin as `relatedConnection` does (`pothosPrismaSelect`),
 * for the one thing the public `select` option does not pass on: which fields of the connection are
 * asked, so a count is read only when wanted.
 */
export function relationPage(scope: string, relation: string, query: (args: Record<string, unknown>) => RelationQuery) {
  return {
    extensions: {
      pothosPrismaSelect: (
        args: PageArgs & Record<string, unknown>,
        _ctx: Context,
        nested: Nested,
        selected: Selected,
      ) => {
        const { where, orderBy } = query(args);
        const filter = where ? { where } : {};
        const asked = selected();
        const rows = asked.has("edges") || asked.has("pageInfo");
        const page = rows
          ? (nested({ ...filter, orderBy, ...plannedPage(args, scope) }, ["edges", "node"]) as { select?: object })
          : null;
        return {
          select: {
            // The cursor is the row's ID, whatever the selection asks of the node.
            ...(page ? { [relation]: page.select ? { ...page, select: { id: true, ...page.select } } : page } : {}),
            ...(asked.has("totalCount") ? { _count: { select: { [relation]: where ? { where } : true } } } : {}),
          },
        };
      },
    },
    resolve: (parent: object, args: PageArgs) => {
      const row = parent as Record<string, unknown> & { _count?: Record<string, number> };
      const rows = (row[relation] ?? []) as { id: number }[];
      return connectionOf(rows, pageRequest(args, scope), scope, () => row._count?.[relation] ?? 0) as never;
    },
  };
}

const loaders = new WeakMap<Context, Map<string, DataLoader<number, unknown>>>();

/**
 * Pages that are not a Prisma relation (revisions, a source's events), read for every parent of a
 * list at once: one loader per request, field, alias and arguments gathers the parents' IDs.
 */
export function batchLoader<V>(
  ctx: Context,
  key: string,
  batch: (ids: readonly number[]) => Promise<V[]>,
): DataLoader<number, V> {
  let byKey = loaders.get(ctx);
  if (!byKey) {
    byKey = new Map();
    loaders.set(ctx, byKey);
  }
  let loader = byKey.get(key);
  if (!loader) {
    loader = new DataLoader(batch);
    byKey.set(key, loader);
  }
  return loader as DataLoader<number, V>;
}

/** The loader key of a field as this request asks it: its scope, alias and arguments. */
export function fieldKey(scope: string, info: GraphQLResolveInfo, args: object): string {
  return `${scope}|${info.path.key}|${JSON.stringify(args)}`;
}

/** For `batchLoader` pages: the request and the connection of the rows loaded for one parent. */
export async function loadedPage<T extends { id: number | bigint }>(
  args: PageArgs,
  scope: string,
  load: (request: PageRequest) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Connection<T>> {
  const request = pageRequest(args, scope);
  return connectionOf(await load(request), request, scope, count);
}
