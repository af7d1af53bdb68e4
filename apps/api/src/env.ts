import { z } from "zod";

const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    );

const schema = z.object({
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  API_HOST: z.string().default("127.0.0.1"),
  /** `open`: anyone may read; `token`: reading needs a token too (any role). */
  PARLEY_READ_ACCESS: z.enum(["open", "token"]).default("open"),
  PARLEY_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(100_000),
  /** The body limit for a live editor or admin token: a report to ingest (an HTML page) may be megabytes. */
  PARLEY_MAX_EDITOR_BODY_BYTES: z.coerce.number().int().min(1024).default(6_000_000),
  /** Origins whose pages may read the API from a browser; `*` is any. Credentials are never allowed. */
  PARLEY_CORS_ORIGINS: list("*"),
  /** Origins whose pages may also write (mutations) from a browser, besides the API's own (GraphiQL). */
  PARLEY_CORS_WRITE_ORIGINS: list(""),
  /** Requests a minute from one address without a token; 0 turns the limit off. */
  PARLEY_RATE_LIMIT: z.coerce.number().int().min(0).default(1_200),
  /** Requests a minute with one token; 0 turns the limit off. */
  PARLEY_RATE_LIMIT_TOKEN: z.coerce.number().int().min(0).default(6_000),
  /** Addresses never limited: by default this machine's, where the web app and the CLI run. */
  PARLEY_RATE_LIMIT_EXEMPT: list("127.0.0.1,::1,::ffff:127.0.0.1"),
  /** How many proxies (load balancers) stand in front of the API and append to X-Forwarded-For. */
  PARLEY_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** `max-age` in seconds for GET answers; they always carry an ETag to revalidate with. */
  PARLEY_CACHE_MAX_AGE: z.coerce.number().int().min(0).default(0),
  /** `open`: any query, and automatic persisted queries; `trusted`: only the documents in PARLEY_TRUSTED_DOCUMENTS. */
  PARLEY_DOCUMENTS: z.enum(["open", "trusted"]).default("open"),
  /** How long a write's COMMIT may go unanswered before it counts as lost and its outcome is asked for. */
  PARLEY_COMMIT_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
  /** How long, after a lost COMMIT, the API asks PostgreSQL whether it committed before answering OUTCOME_UNKNOWN. */
  PARLEY_OUTCOME_TIMEOUT_MS: z.coerce.number().int().min(10).default(15_000),
  /**
   * Where the search index is saved (one snapshot per database state) so that a start loads it
   * instead of rebuilding: by default `search` under PARLEY_DATA_DIR; `off` saves none.
   */
  PARLEY_SEARCH_SNAPSHOTS: z.string().optional(),
  /** While the index changes, it is saved again at most this often (it is also saved at shutdown). */
  PARLEY_SEARCH_SNAPSHOT_EVERY_S: z.coerce.number().int().min(10).default(1_800),
  /**
   * A streaming replica of DATABASE_URL's server: searches and other reads go there, writes to the
   * primary. A client that wrote sends back the `Parley-Lsn` its write answered with (header or
   * cookie), and its reads wait for the replica to replay that far (docs/operations.md).
   */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  /** How long a read that carries a `Parley-Lsn` waits for the replica to replay it before it turns to the primary. */
  PARLEY_REPLICA_WAIT_MS: z.coerce.number().int().min(0).default(2_000),
  /** A JSON file of `{ "<sha256>": "<query>" }`: the documents a trusted client (the web app) sends by hash. */
  PARLEY_TRUSTED_DOCUMENTS: z.string().optional(),
});

export type ApiEnv = z.infer<typeof schema>;

/** The API's settings; nothing else in apps/api reads process.env. */
export function apiEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Environment variable ${String(issue?.path[0])} ${issue?.message}`);
  }
  return parsed.data;
}
