import { complexityFromQuery } from "@pothos/plugin-complexity";
import { type DocumentNode, type GraphQLSchema, getOperationAST, isObjectType, Kind } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { perDocument } from "./per-document.ts";

/**
 * Refused before any resolver runs. Complexity counts each field once, each list 10 times, each
 * connection its page size, each `totalCount` as a count of rows (COUNT_COST) and each search its
 * cost (SEARCH_COST): a page of 100 events with their participants, claims and sources is about
 * 53,000; a page of 100 inside a page of 100 is far over.
 */
export const LIMITS = { depth: 12, breadth: 300, complexity: 100_000 } as const;

/** What a `totalCount` adds: a COUNT over the connection's rows, however deep it is asked for. */
export const COUNT_COST = 10;

export interface Cost {
  complexity: number;
  depth: number;
  breadth: number;
}

/** Counts each connection's `totalCount` as the COUNT it runs (the complexity plugin would count 1). */
export function countCosts(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.name.endsWith("Connection")) continue;
    const field = type.getFields().totalCount;
    if (field) field.extensions = { ...field.extensions, complexity: COUNT_COST };
  }
  return schema;
}

/** The cost of the operation a request runs, by the schema's field complexities and the variables. */
export function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
): Cost {
  const operation = getOperationAST(document, operationName);
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const only: DocumentNode = { kind: Kind.DOCUMENT, definitions: operation ? [operation, ...fragments] : [] };
  return complexityFromQuery(only, { schema, variables });
}

const refusals = [
  { key: "depth", code: "QUERY_TOO_DEEP", says: (n: number) => `The query is ${n} levels deep` },
  { key: "breadth", code: "QUERY_TOO_BROAD", says: (n: number) => `The query selects ${n} fields` },
  { key: "complexity", code: "QUERY_TOO_COMPLEX", says: (n: number) => `The query costs ${n}` },
] as const;

/**
 * Every operation's cost is worked out before it runs (once per query and variables: see
 * perDocument): over a limit, it is refused with HTTP 400 and a code of its own; otherwise the answer
 * says what it cost in `extensions.cost`, so clients can see how near the limit their queries are.
 */
export function costLimits(schema: GraphQLSchema): Plugin {
  const keptCost = perDocument((document, operationName, variables): Cost | null => {
    try {
      return costOf(schema, document, operationName, variables ?? {});
    } catch {
      return null; // variables that do not fit their types: execution refuses them with its own message
    }
  });
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = keptCost(args.document, args.operationName, args.variableValues);
      if (!cost) return;
      for (const { key, code, says } of refusals) {
        if (cost[key] <= LIMITS[key]) continue;
        const message = `${says(cost[key])}; the limit is ${LIMITS[key]}. Ask for fewer fields or smaller pages, or split the query.`;
        setResultAndStopExecution({
          errors: [
            createGraphQLError(message, {
              extensions: { code, cost: cost[key], limit: LIMITS[key], http: { status: 400 } },
            }),
          ],
        });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!("data" in result)) return;
          setResult({ ...result, extensions: { ...result.extensions, cost: { ...cost, limit: LIMITS.complexity } } });
        },
      };
    },
  };
}
