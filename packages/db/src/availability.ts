/** SQLSTATE classes and codes that mean the server is gone, starting, or shutting down. */
const UNAVAILABLE_SQLSTATES = /^(08|57P0[1-3]|53300)/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
/** Prisma's codes for an unreachable server, a closed connection, and an exhausted pool. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /Connection terminated|connection error|Can't reach database server|Server has closed the connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Timed out fetching a new connection|Unable to start a transaction in the given time/i;

/** Raised by Parley itself when the database did not answer in time. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * Whether an error (from `pg`, Prisma or its pg adapter, at any depth of `cause`) says the
 * database cannot be reached right now, as opposed to a query that failed on its own merits.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const e = error as {
    code?: unknown;
    message?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
    originalError?: unknown;
  };
  const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : "";
  if (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return [e.cause, e.meta?.driverAdapterError, e.originalError].some((inner) =>
    isDatabaseUnavailable(inner, depth + 1),
  );
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is unavailable (down, or too busy to give a connection within 5 s) right now, so this request was not carried out (a write that gets this answer is not applied). Try again in a few seconds.";

/** What to print for a failure: an Error's stack, or the thrown value itself (some libraries reject with nothing). */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : `${String(error)} (thrown without an Error)`;
}
