import { PAGE_SIZE, pageSizeProblem, pagingDirectionProblem } from "@parley/schema";
import { GraphQLError } from "graphql";

/** The arguments of every connection. */
export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** A refused argument: code BAD_USER_INPUT, and `extensions.argument` naming it. */
export function badArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument } });
}

/** Refuses a page size out of bounds, in the one wording every page size shares (`pageSizeProblem`). */
export function checkPageSize(
  args: { first?: number | null; last?: number | null },
  max: number = PAGE_SIZE.max,
): void {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    const problem = value === null || value === undefined ? null : pageSizeProblem(name, value, max);
    if (problem) throw badArgument(name, problem);
  }
}

/**
 * A cursor names the connection that gave it (`Query.events`, `Actor.events`) and a row's ID, so a
 * cursor of another connection is refused rather than silently paging from some other row.
 */
export function encodeCursor(scope: string, id: number | bigint): string {
  return Buffer.from(`${scope}:${id}`).toString("base64url");
}

const CURSOR = /^([A-Z][A-Za-z]*\.[a-z][A-Za-z]*):([1-9][0-9]{0,15})$/;

export function decodeCursor(scope: string, cursor: string, argument: "after" | "before"): number {
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString());
  if (!match || !Number.isSafeInteger(Number(match[2]))) {
    throw badArgument(
      argument,
      `\`${argument}\` is not a cursor: pass an \`endCursor\`, \`startCursor\` or edge \`cursor\` of \`${scope}\` as it was given`,
    );
  }
  if (match[1] !== scope) {
    throw badArgument(
      argument,
      `\`${argument}\` is a cursor of \`${match[1]}\`, not of \`${scope}\`: a cursor pages only the connection that gave it`,
    );
  }
  return Number(match[2]);
}

/** One page as Prisma reads it: `take` is one more than the page (to know whether there is another), negative backwards. */
export interface Page {
  take: number;
  skip: number;
  cursor?: { id: number };
}

export interface PageRequest {
  size: number;
  backward: boolean;
  cursorId: number | null;
}

/**
 * What the arguments ask for, or BAD_USER_INPUT naming the argument at fault: a page size out of
 * bounds, `first` with `last`, `after` with `before`, a direction mixed with the other's cursor, or
 * a cursor that is malformed or another connection's.
 */
export function pageRequest(args: PageArgs, scope: string, max: number = PAGE_SIZE.max): PageRequest {
  checkPageSize(args, max);
  const given = (v: unknown) => v !== null && v !== undefined;
  const mixed = pagingDirectionProblem(args);
  if (mixed) throw badArgument(mixed.argument, mixed.message);
  const backward = given(args.last) || given(args.before);
  const cursorId = args.after
    ? decodeCursor(scope, args.after, "after")
    : args.before
      ? decodeCursor(scope, args.before, "before")
      : null;
  return { size: args.first ?? args.last ?? PAGE_SIZE.default, backward, cursorId };
}

export function prismaPage({ size, backward, cursorId }: PageRequest): Page {
  const take = backward ? -(size + 1) : size + 1;
  return cursorId === null ? { take, skip: 0 } : { take, skip: 1, cursor: { id: cursorId } };
}

/** The page for a query planned before its field resolves: arguments it would refuse read nothing, and the field then refuses them. */
export function plannedPage(args: PageArgs, scope: string, max: number = PAGE_SIZE.max): Page {
  try {
    return prismaPage(pageRequest(args, scope, max));
  } catch {
    return { take: 0, skip: 0 };
  }
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => number | Promise<number>;
}

/** The connection of the rows read for `request` (one more than the page when there is another). */
export function connectionOf<T extends { id: number | bigint }>(
  rows: readonly T[],
  request: PageRequest,
  scope: string,
  totalCount: () => number | Promise<number>,
): Connection<T> {
  const more = rows.length > request.size;
  const nodes = more ? (request.backward ? rows.slice(rows.length - request.size) : rows.slice(0, request.size)) : rows;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(scope, node.id), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.backward ? request.cursorId !== null : more,
      hasPreviousPage: request.backward ? more : request.cursorId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * What a connection's selection counts towards the complexity limit: its page size times what one
 * node costs (`edges` already multiplies by 10, so the connection adds the rest), so a page of 100
 * inside a page of 100 is counted as the 10,000 rows it may read.
 */
export function pageComplexity(args: { first?: number | null; last?: number | null }) {
  const size = Math.min(Math.max(args.first ?? args.last ?? PAGE_SIZE.default, 1), PAGE_SIZE.max);
  return { field: 1, multiplier: Math.ceil(size / 10) };
}
