import { defined, PAGE_SIZE } from "@parley/schema";
import {
  buildClientSchema,
  type GraphQLSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { useApi } from "./harness.ts";

const api = useApi({ demo: false });
let schema: GraphQLSchema;

beforeAll(async () => {
  const res = await api.gql<IntrospectionQuery>(getIntrospectionQuery({ inputValueDeprecation: true }));
  expect(res.errors).toBeUndefined();
  schema = buildClientSchema(defined(res.data, "res.data"));
});

/** Every item of the schema a client can read a description of, by its coordinate (`Event.title`, `Query.events(first:)`). */
function describedItems(): { coordinate: string; description: string | null | undefined }[] {
  const items: { coordinate: string; description: string | null | undefined }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || isSpecifiedScalarType(type)) continue;
    items.push({ coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        items.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
        for (const arg of field.args)
          items.push({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description });
      }
    }
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields()))
        items.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
    if (isEnumType(type))
      for (const value of type.getValues())
        items.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
  }
  return items;
}

describe("the schema's descriptions", () => {
  it("describe every type, field, argument, enum value and input field, as introspection shows them", () => {
    const items = describedItems();
    const undescribed = items.filter((i) => !i.description?.trim()).map((i) => i.coordinate);
    expect(items.length).toBeGreaterThan(800);
    expect(undescribed).toEqual([]);
  });

  it("say more than the name they describe", () => {
    const words = (s: string) =>
      s
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .replace(/[^A-Za-z0-9]+/g, " ")
        .trim()
        .toLowerCase();
    const restating = describedItems()
      .filter(
        (i) =>
          i.description &&
          words(i.description) ===
            words(
              defined(
                i.coordinate.split(/[.(]/).filter(Boolean).at(-1),
                "i.coordinate.split(/[.(]/).filter(Boolean).at(-1)",
              ).replace(":)", ""),
            ),
      )
      .map((i) => i.coordinate);
    expect(restating).toEqual([]);
  });

  it("state the bound of every page size and list length a client may ask for", () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args.filter((a) => a.name === "first" || a.name === "last")) {
          if (!/\b(at most|to) \d+\b/.test(arg.description ?? ""))
            unbounded.push(`${type.name}.${field.name}(${arg.name}:)`);
        }
      }
    }
    expect(unbounded).toEqual([]);
    const events =
      defined(
        defined(
          defined(schema.getQueryType(), "schema .getQueryType()").getFields().events,
          "schema .getQueryType()! .getFields() .events",
        ).args.find((a) => a.name === "first"),
        "schema .getQueryType()! .getFields() .events.args.find((a) => a.nam…",
      ).description ?? "";
    expect(events).toContain(`from 0 to ${PAGE_SIZE.max}`);
    expect(events).toContain(`${PAGE_SIZE.default} when neither`);
  });
});
