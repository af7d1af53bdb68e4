import { defined } from "@parley/schema";
import { type ASTVisitor, GraphQLError, Kind, type ValidationContext, type ValueNode } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

/** Limits on the shape of a request, checked before it is parsed, validated or run. */
export const DOCUMENT_LIMITS = {
  /** Names, punctuation and values in the query text (GraphiQL's introspection query has about 300). */
  tokens: 5_000,
  /** `{`, `[` and `(` inside one another in the query text, and arrays and objects in the variables. */
  nesting: 64,
  /** Values in one list, in the query text or in the variables; each field may allow fewer. */
  listLength: 200,
} as const;

const refused = (message: string) =>
  createGraphQLError(message, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });

/** Skips a string (`"…"` or `"""…"""`) starting at `i`; returns the index of its last character. */
function skipString(text: string, i: number): number {
  if (text.startsWith('"""', i)) {
    for (let j = i + 3; j < text.length; j++) if (text.startsWith('"""', j) && text[j - 1] !== "\\") return j + 2;
    return text.length;
  }
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === '"' || text[j] === "\n") return j;
  }
  return text.length;
}

/** How deep `{`, `[` and `(` nest in a GraphQL document, outside strings and comments. */
export function textNesting(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "#") while (i < text.length && text[i] !== "\n") i++;
    else if (c === '"') i = skipString(text, i);
    else if (c === "{" || c === "[" || c === "(") max = Math.max(max, ++depth);
    else if (c === "}" || c === "]" || c === ")") depth = Math.max(0, depth - 1);
  }
  return max;
}

const shown = (path: string) => (path.length > 60 ? `${path.slice(0, 60)}…` : path);

/** The first problem with the variables' shape (nesting, list lengths), walked without recursion. */
export function variablesProblem(variables: unknown): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: "$", depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = defined(stack.pop());
    if (value === null || typeof value !== "object") continue;
    if (depth > DOCUMENT_LIMITS.nesting)
      return `The variables nest more than ${DOCUMENT_LIMITS.nesting} deep (at \`${shown(path)}\`).`;
    if (Array.isArray(value)) {
      if (value.length > DOCUMENT_LIMITS.listLength)
        return `\`${shown(path)}\` lists ${value.length} values; a list may hold at most ${DOCUMENT_LIMITS.listLength}.`;
      for (const [i, item] of value.entries()) stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 });
    } else {
      for (const [key, item] of Object.entries(value))
        stack.push({ value: item, path: path === "$" ? `$${key}` : `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}

/** A validation rule: no list written in the query text holds more than the limit. */
function listLengthRule(context: ValidationContext): ASTVisitor {
  const check = (value: ValueNode, path: string) => {
    if (value.kind === Kind.LIST) {
      if (value.values.length > DOCUMENT_LIMITS.listLength) {
        context.reportError(
          refused(
            `\`${path}\` lists ${value.values.length} values; a list may hold at most ${DOCUMENT_LIMITS.listLength}.`,
          ),
        );
        return;
      }
      for (const [i, item] of value.values.entries()) check(item, `${path}[${i}]`);
    } else if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) check(field.value, `${path}.${field.name.value}`);
    }
  };
  return { Argument: (node) => check(node.value, node.name.value) };
}

/**
 * Refuses requests whose shape alone would cost the server: query text nested or long enough to
 * exhaust the parser's stack or the validator's time, deeply nested variables and huge lists. These
 * are refused with HTTP 400 before anything is parsed or run; depth, breadth and complexity are the
 * complexity plugin's (`LIMITS` in http/cost.ts), also checked before any resolver runs.
 */
export function documentLimits(): Plugin {
  return {
    onParams({ params }) {
      const problem = variablesProblem(params.variables) ?? variablesProblem(params.extensions);
      if (problem) throw refused(problem);
    },
    onParse({ setParseFn, parseFn }) {
      setParseFn((source, options) => {
        const text = typeof source === "string" ? source : source.body;
        const nesting = textNesting(text);
        if (nesting > DOCUMENT_LIMITS.nesting)
          throw refused(
            `The query nests \`{\`, \`[\` or \`(\` ${nesting} deep; the limit is ${DOCUMENT_LIMITS.nesting}.`,
          );
        return parseFn(source, { ...options, maxTokens: DOCUMENT_LIMITS.tokens });
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(listLengthRule);
    },
    // graphql-js reports a variable that does not fit its type (an unknown enum value…) without a
    // code; give it the one every other bad argument carries.
    onExecute: () => ({
      onExecuteDone({ result, setResult }) {
        if (!("errors" in result) || !result.errors?.length || result.data !== undefined) return;
        const coded = result.errors.map((error) =>
          error.extensions?.code || !error.message.startsWith('Variable "$')
            ? error
            : new GraphQLError(error.message, {
                nodes: error.nodes,
                originalError: error.originalError,
                extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
              }),
        );
        setResult({ ...result, errors: coded });
      },
    }),
  };
}
