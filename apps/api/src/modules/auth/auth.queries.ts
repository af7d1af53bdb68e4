import { builder } from "../../builder.ts";
import type { Viewer } from "../../context.ts";
import { TokenRoleEnum } from "../shared/enums.ts";

const ViewerRef = builder.objectRef<Viewer>("Viewer").implement({
  description: "The API token a request carries.",
  fields: (t) => ({
    name: t.exposeString("name", {
      description:
        'The name the token was issued under, such as "Newsroom importer"; it signs the revisions it writes.',
    }),
    role: t.field({ type: TokenRoleEnum, description: "What the token may do.", resolve: (v) => v.role }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: "Who the request's `Authorization: Bearer` token belongs to; null without a live token.",
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
);
