import type { PrismaClient } from "@parley/db";
import type { TokenRole } from "@parley/schema";
import type { SearchEngine } from "@parley/search";

export interface Viewer {
  tokenId: number;
  role: TokenRole;
  name: string;
}

export interface Context {
  db: PrismaClient;
  viewer: Viewer | null;
  /** A bearer token was sent but is unknown or revoked. */
  tokenRejected: boolean;
  search: SearchEngine | null;
}
