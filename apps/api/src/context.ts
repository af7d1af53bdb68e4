import type { CommitOptions, PrismaClient, TokenProblem } from "@parley/db";
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
  /** Why a bearer token that was sent gives no viewer (unknown, malformed or revoked); null otherwise. */
  tokenProblem: TokenProblem | null;
  search: SearchEngine | null;
  /** The origin of a browser page on another site that may read but not write; null otherwise. */
  refusedOrigin: string | null;
  /** The request's `Idempotency-Key` header, if it sent one. */
  idempotencyKey: string | null;
  /**
   * Set (with a replica) when the request carries a write's position the replica has not replayed
   * within PARLEY_REPLICA_WAIT_MS: its reads went to the primary, and its searches, which read the
   * replica, answer DATABASE_UNAVAILABLE.
   */
  replicaBehind?: boolean;
  /** How long a write waits for its COMMIT's answer, and then for its outcome. */
  commit: CommitOptions;
}
