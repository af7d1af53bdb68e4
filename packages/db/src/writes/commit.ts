import { DatabaseUnavailableError, isDatabaseUnavailable } from "../availability.ts";
import type { PrismaClient, Tx } from "../client.ts";
import { markTransaction, type Outcome, outcomeOf, type TransactionMark } from "./outcome.ts";

export interface CommitOptions {
  /** How long COMMIT may go unanswered before it counts as lost (default 10 s). */
  commitTimeoutMs?: number;
  /** How long, after a lost COMMIT, to keep asking PostgreSQL whether it committed (default 15 s). */
  outcomeTimeoutMs?: number;
  /** How long the transaction may run before COMMIT (Prisma's interactive transaction timeout). */
  timeout?: number;
  /** Told of every COMMIT whose answer was lost, and of what PostgreSQL said about it then. */
  onLostCommit?: (transactionId: string, outcome: Outcome) => void;
}

/** The COMMIT of a write was sent and its outcome could not be learnt in time: it may or may not be stored. */
export class OutcomeUnknownError extends Error {
  constructor(
    readonly transactionId: string,
    cause: unknown,
  ) {
    super(
      `The answer to this write's COMMIT was lost (the connection dropped, or the database stopped answering), and the database could not be asked in time whether it committed (transaction ${transactionId}). ` +
        "It may or may not be stored: retry with the same idempotency key, which writes it at most once, or look it up before writing it again.",
      { cause },
    );
    this.name = "OutcomeUnknownError";
  }
}

class CommitNotAnswered extends DatabaseUnavailableError {}

/**
 * Runs `work` in a transaction and commits it, and never reports a stored write as failed: when the
 * COMMIT's answer is lost (the connection dropped, or no answer within `commitTimeoutMs`), it asks
 * PostgreSQL on another connection whether the transaction committed before answering (`outcomeOf`:
 * whether it is over, then whether the marker row it wrote before COMMIT exists). Resolves with
 * what `work` returned if it committed; rejects with the connection's error if it did not, and with
 * OutcomeUnknownError if PostgreSQL could not tell within `outcomeTimeoutMs`.
 */
export async function commitWrite<R>(
  db: PrismaClient,
  work: (tx: Tx) => Promise<R>,
  options: CommitOptions = {},
): Promise<R> {
  const { commitTimeoutMs = 10_000, outcomeTimeoutMs = 15_000 } = options;
  let mark: TransactionMark | undefined;
  let answer: R | undefined;
  let commitSent!: () => void;
  const committing = new Promise<void>((resolve) => (commitSent = resolve));
  const transaction = db.$transaction(
    async (tx) => {
      answer = await work(tx);
      mark = await markTransaction(tx);
      commitSent();
      return answer;
    },
    options.timeout ? { timeout: options.timeout } : undefined,
  );
  try {
    return await answeredWithin(transaction, committing, commitTimeoutMs);
  } catch (error) {
    if (!mark || !isDatabaseUnavailable(error)) throw error;
    const outcome = await outcomeOf(db, mark, Date.now() + outcomeTimeoutMs);
    options.onLostCommit?.(mark.txid, outcome);
    if (outcome === "committed") return answer as R;
    if (outcome === "aborted") throw error;
    throw new OutcomeUnknownError(mark.txid, error);
  }
}

/** The transaction's result, or CommitNotAnswered once its COMMIT has gone unanswered for `ms`. */
function answeredWithin<R>(transaction: Promise<R>, committing: Promise<void>, ms: number): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    transaction.then(
      (value) => {
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
    void committing.then(() => {
      if (!settled) timer = setTimeout(() => reject(new CommitNotAnswered(`COMMIT got no answer within ${ms} ms`)), ms);
    });
  });
}
