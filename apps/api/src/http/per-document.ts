import type { DocumentNode } from "graphql";
import { Recent } from "../modules/shared/recent.ts";

type OperationName = string | null | undefined;
type Variables = Readonly<Record<string, unknown>> | null | undefined;

/** How many variable sets a document keeps answers for. */
const VARIABLE_SETS = 256;

/**
 * Work that follows from a parsed document, its operation and its variables alone (what the query
 * costs, whether it is a search only), done once and kept. Yoga's parser cache hands every request
 * with the same query text the same document, so a client repeating a query with the same variables
 * pays for the work once; a document dropped from that cache takes its answers with it.
 */
export function perDocument<T>(
  work: (document: DocumentNode, operationName: OperationName, variables: Variables) => T,
) {
  const kept = new WeakMap<DocumentNode, Recent<T>>();
  return (document: DocumentNode, operationName: OperationName, variables: Variables): T => {
    let answers = kept.get(document);
    if (!answers) {
      answers = new Recent<T>(VARIABLE_SETS);
      kept.set(document, answers);
    }
    return answers.get(`${operationName ?? ""}\n${JSON.stringify(variables ?? {})}`, () =>
      work(document, operationName, variables),
    );
  };
}
