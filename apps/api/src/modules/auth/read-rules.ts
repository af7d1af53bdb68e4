import type { TokenRole } from "@parley/schema";
import {
  defaultFieldResolver,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isObjectType,
} from "graphql";
import type { Context } from "../../context.ts";
import { forbidden, judge } from "./access.ts";

/** Who may read a type, and how a refusal names what was asked for ("Reading candidates"). */
export interface ReadRule {
  role: TokenRole;
  action: string;
}

const RULE = "parleyReadRule";

/**
 * The extensions that restrict reading a type: `builder.prismaNode("Candidate", { extensions:
 * readableBy("EDITOR", "Reading candidates"), … })`. The rule then holds however an object of the type
 * is reached: `guardReads` applies it to every field that returns the type, through lists, `node`,
 * `nodes`, interfaces and unions, and to every field of the type itself.
 */
export function readableBy(role: TokenRole, action: string): Record<string, unknown> {
  return { [RULE]: { role, action } satisfies ReadRule };
}

export function readRuleOf(type: GraphQLObjectType): ReadRule | null {
  return (type.extensions[RULE] as ReadRule | undefined) ?? null;
}

/** The refusal for reading `type` in this request, or null when it may be read. */
export function readRefusal(type: GraphQLObjectType | ReadRule | null, ctx: Context) {
  const rule = type && "role" in type ? type : type && readRuleOf(type);
  return rule ? (judge(ctx, rule.role, rule.action).refusal ?? null) : null;
}

type Resolver = NonNullable<GraphQLField<unknown, Context>["resolve"]>;

/** A field returning a restricted object type: checked before its resolver runs, so nothing is loaded. */
function guardConcrete(resolve: Resolver, rule: ReadRule): Resolver {
  return (source, args, ctx, info) => {
    const refusal = readRefusal(rule, ctx);
    if (refusal) throw forbidden(refusal);
    return resolve(source, args, ctx, info);
  };
}

/**
 * A field returning an interface or union that a restricted type implements: each value is checked
 * once resolved. A refused item of a list becomes an error at its own index, so the others still answer.
 */
function guardAbstract(resolve: Resolver, type: GraphQLAbstractType, schema: GraphQLSchema): Resolver {
  const restricted = schema.getPossibleTypes(type).filter((t) => readRuleOf(t));
  const restrictedNames = new Set(restricted.map((t) => t.name));
  const check = async (value: unknown, ctx: Context, info: GraphQLResolveInfo): Promise<unknown> => {
    if (value === null || value === undefined || value instanceof Error) return value;
    const resolved = await type.resolveType?.(value, ctx, info, type);
    const name = typeof resolved === "string" ? resolved : undefined;
    if (!name || !restrictedNames.has(name)) return value;
    const refusal = readRefusal(schema.getType(name) as GraphQLObjectType, ctx);
    return refusal ? forbidden(refusal) : value;
  };
  return async (source, args, ctx, info) => {
    const value: unknown = await resolve(source, args, ctx, info);
    if (Array.isArray(value)) return Promise.all(value.map((item) => check(item, ctx, info)));
    const checked = await check(value, ctx, info);
    if (checked instanceof Error) throw checked;
    return checked;
  };
}

/** The same check on every field of the restricted type itself: whatever path led to an object, its fields stay closed. */
function guardOwnFields(type: GraphQLObjectType, rule: ReadRule): void {
  for (const field of Object.values(type.getFields()))
    field.resolve = guardConcrete(field.resolve ?? defaultFieldResolver, rule);
}

/** Applies every type's read rule (see `readableBy`) to every path by which the type can be reached. */
export function guardReads(schema: GraphQLSchema): GraphQLSchema {
  const objectTypes = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((t) => !t.name.startsWith("__"));
  const restricted = objectTypes.filter((t) => readRuleOf(t));
  if (restricted.length === 0) return schema;
  for (const parent of objectTypes) {
    for (const field of Object.values(parent.getFields())) {
      const returned = getNamedType(field.type);
      const resolve = field.resolve ?? defaultFieldResolver;
      if (isObjectType(returned)) {
        const rule = readRuleOf(returned);
        if (rule) field.resolve = guardConcrete(resolve, rule);
      } else if (isAbstractType(returned) && schema.getPossibleTypes(returned).some((t) => readRuleOf(t))) {
        field.resolve = guardAbstract(resolve, returned, schema);
      }
    }
  }
  for (const type of restricted) guardOwnFields(type, readRuleOf(type) as ReadRule);
  return schema;
}
