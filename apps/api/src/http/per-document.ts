import type { DocumentNode } from "graphql";
import { Recent } from "../modules/shared/recent.ts";

type OperationName = string | null | undefined;
type Variables = Readonly<Record<string, unknown>> | null | undefined;

/** How many (document, operation, variables) answers are kept, over all documents. */
const KEPT = 4_096;

/**
 * Work that follows from a parsed document, its operation and its variables alone (what the query
 * costs, whether it is a search only), done once and kept. Yoga's parser cache hands every request
 * with the same query text the same document, so a client repeating a query with the same variables
 * pays for the work once. At most KEPT answers, each for variables of at most 4,096 characters as
 * JSON (larger ones are worked out every time): a client sending ever new variables cannot make the
 * process keep more than about 16 MB.
 */
export function perDocument<T>(
  work: (document: DocumentNode, operationName: OperationName, variables: Variables) => T,
) {
  const numbers = new WeakMap<DocumentNode, number>();
  const answers = new Recent<T>(KEPT);
  return (document: DocumentNode, operationName: OperationName, variables: Variables): T => {
    let number = numbers.get(document);
    if (number === undefined) {
      number = nextNumber++;
      numbers.set(document, number);
    }
    return answers.get(`${number}\n${operationName ?? ""}\n${JSON.stringify(variables ?? {})}`, () =>
      work(document, operationName, variables),
    );
  };
}

let nextNumber = 0;
