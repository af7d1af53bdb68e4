import type { Tx } from "@parley/db";

export type PositionRow = NonNullable<Awaited<ReturnType<Tx["position"]["findUnique"]>>>;
