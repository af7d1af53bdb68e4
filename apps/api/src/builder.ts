import type PrismaTypes from "@parley/db/pothos-types";
import { getDatamodel } from "@parley/db/pothos-types";
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type { Context } from "./context.ts";
import { RELAY_DESCRIPTIONS } from "./modules/shared/relay-descriptions.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: {
    Date: { Input: string; Output: Date | string };
    DateTime: { Input: string; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // The errors plugin must come before the Prisma plugin.
  plugins: [ErrorsPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    ...RELAY_DESCRIPTIONS,
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { ...RELAY_DESCRIPTIONS.edgesFieldOptions, nullable: false },
    nodeFieldOptions: { ...RELAY_DESCRIPTIONS.nodeFieldOptions, nullable: false },
    // `node` and `nodes` are modules/shared/nodes.ts: a bad or missing ID there spoils only its own item.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  errors: { defaultTypes: [] },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
  },
});

builder.queryType({
  description:
    "Reads. Open to anyone unless the server asks for a token to read (PARLEY_READ_ACCESS=token); candidates need an editor's token.",
});
