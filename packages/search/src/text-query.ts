import { defined } from "@parley/schema";
import { RoaringBitmap32 } from "./bitmap.ts";
import type { FacetIndex } from "./facet-index.ts";

/**
 * Evaluates a tsquery, as PostgreSQL prints it (`'tehreek' & ( 'kabul' | 'doha' ) & !'taliban'`),
 * against the index's lexeme bitmaps. PostgreSQL parses and stems the query; the lexemes of every
 * document are in the index. Phrases (`<->`, `<N>`) need word positions, which the bitmaps do not
 * keep: they are evaluated as AND, a superset the caller has PostgreSQL check. Prefix (`:*`) and
 * weight (`:A`) matches are not evaluated here (null: ask PostgreSQL).
 */
export interface Evaluated {
  bitmap: RoaringBitmap32;
  /** True when the bitmap may hold events that do not match (a phrase was read as AND). */
  superset: boolean;
  /** The lexemes that count towards relevance (those not under NOT). */
  terms?: string[];
  /** The query is this one lexeme, without operators. */
  word?: string;
  /** Every match holds at least one of these lexemes (given when the query has no NOT). */
  required?: string[];
}

type Node = { lexeme: string } | { not: Node } | { op: "&" | "|" | "<->"; left: Node; right: Node };

class Unsupported extends Error {}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = defined(text[i]);
    if (c === " ") i++;
    else if (c === "'") {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new Unsupported("unterminated lexeme");
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "\\") {
          value += text[i + 1] ?? "";
          i += 2;
        } else if (text[i] === "'") break;
        else value += text[i++];
      }
      i++;
      if (text[i] === ":") throw new Unsupported("prefix or weight");
      tokens.push(`'${value}`);
    } else if (c === "<") {
      const end = text.indexOf(">", i);
      tokens.push("<->");
      i = end + 1;
    } else if ("&|!()".includes(c)) {
      tokens.push(c);
      i++;
    } else throw new Unsupported(`unexpected ${c}`);
  }
  return tokens;
}

/** Precedence as in PostgreSQL: ! binds tightest, then <->, then &, then |. */
function parse(tokens: string[]): Node {
  let at = 0;
  const peek = () => tokens[at];
  const binary = (ops: string[], next: () => Node) => () => {
    let left = next();
    while (peek() !== undefined && ops.includes(defined(peek()))) {
      const op = tokens[at++] as "&" | "|" | "<->";
      left = { op, left, right: next() };
    }
    return left;
  };
  const unary = (): Node => {
    const token = tokens[at++];
    if (token === "!") return { not: unary() };
    if (token === "(") {
      const inner = or();
      if (tokens[at++] !== ")") throw new Unsupported("unbalanced parentheses");
      return inner;
    }
    if (token?.startsWith("'")) return { lexeme: token.slice(1) };
    throw new Unsupported(`unexpected ${token}`);
  };
  const phrase = binary(["<->"], unary);
  const and = binary(["&"], phrase);
  const or: () => Node = binary(["|"], and);
  const tree = or();
  if (at !== tokens.length) throw new Unsupported("trailing tokens");
  return tree;
}

function evaluate(node: Node, index: FacetIndex): Evaluated {
  if ("lexeme" in node) return { bitmap: index.lexeme(node.lexeme), superset: false };
  if ("not" in node) {
    const inner = evaluate(node.not, index);
    if (inner.superset) throw new Unsupported("a phrase under NOT");
    return { bitmap: RoaringBitmap32.andNot(index.all, inner.bitmap), superset: false };
  }
  if (node.op === "<->" && (hasNot(node.left) || hasNot(node.right))) throw new Unsupported("NOT inside a phrase");
  const left = evaluate(node.left, index);
  const right = evaluate(node.right, index);
  const bitmap =
    node.op === "|" ? RoaringBitmap32.or(left.bitmap, right.bitmap) : RoaringBitmap32.and(left.bitmap, right.bitmap);
  return { bitmap, superset: node.op === "<->" || left.superset || right.superset };
}

function terms(node: Node): string[] {
  if ("lexeme" in node) return [node.lexeme];
  if ("not" in node) return [];
  return [...terms(node.left), ...terms(node.right)];
}

function hasNot(node: Node): boolean {
  return "not" in node || ("op" in node && (hasNot(node.left) || hasNot(node.right)));
}

/** The events matching a printed tsquery, or null when only PostgreSQL can tell. */
export function evaluateTsquery(text: string, index: FacetIndex): Evaluated | null {
  if (text.trim() === "") return { bitmap: new RoaringBitmap32(), superset: false }; // only stop words: nothing matches
  try {
    const tree = parse(tokenize(text));
    const lexemes = [...new Set(terms(tree))];
    return {
      ...evaluate(tree, index),
      terms: lexemes,
      ...("lexeme" in tree ? { word: tree.lexeme } : {}),
      ...(hasNot(tree) ? {} : { required: lexemes }),
    };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}
