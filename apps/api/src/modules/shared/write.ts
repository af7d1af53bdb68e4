import { claimKey, commitWrite, type KeptOutcome, keepResult, type Tx } from "@parley/db";
import { defined, encodeGlobalId } from "@parley/schema";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.ts";
import { NotFoundError } from "./errors.ts";
import { keyClaimOf, reusedKey } from "./idempotency.ts";
import { NothingChanged } from "./versioning.ts";

/** The resolver call a write belongs to: its key and its answer depend on the field, its arguments and the request. */
export interface Call {
  ctx: Context;
  info: GraphQLResolveInfo;
  args: object;
}

/** Thrown inside the transaction when the key names a write already done, so that it rolls back. */
class AlreadyDone extends Error {
  constructor(readonly kept: KeptOutcome) {
    super("The idempotency key names a write already done");
  }
}

/**
 * The one way a mutation writes. `write` runs and `read` reads the answer in one transaction,
 * before COMMIT, and `commitWrite` makes sure a write is reported as failed only when it did not
 * commit. With an idempotency key, the key is claimed in the same transaction: a retry answers the
 * first outcome (the record read again) without writing, and the key exists only if the write
 * committed. An update that changed nothing rolls back, and the answer is read outside it. `write`
 * returns the ID `read` needs (a created record's), or nothing when `read` knows it already.
 */
export async function writeAndRead<T extends number | void, R>(
  call: Call,
  write: (tx: Tx) => Promise<T>,
  read: (db: Tx, written: T | undefined) => Promise<R>,
  options: { timeout?: number } = {},
): Promise<R> {
  const { ctx } = call;
  const claim = keyClaimOf(ctx, call.info, call.args);
  const work = async (tx: Tx) => {
    const kept = claim && (await claimKey(tx, claim));
    if (kept) throw new AlreadyDone(kept);
    const written = await write(tx);
    if (claim) await keepResult(tx, claim, typeof written === "number" ? written : null);
    return read(tx, written);
  };
  try {
    return await commitWrite(ctx.db, work, { ...ctx.commit, ...options });
  } catch (error) {
    if (error instanceof NothingChanged) return read(ctx.db, undefined);
    if (!(error instanceof AlreadyDone)) throw error;
    if (error.kept.requestHash !== defined(claim).requestHash) throw reusedKey(defined(claim), error.kept);
    return answerAgain(call, read, error.kept);
  }
}

/** The first outcome again: the record it wrote, as it is now; NotFoundError if it is gone since. */
async function answerAgain<T, R>(
  call: Call,
  read: (db: Tx, written: T | undefined) => Promise<R>,
  kept: KeptOutcome,
): Promise<R> {
  try {
    return await read(call.ctx.db, (kept.resultId ?? undefined) as T | undefined);
  } catch (error) {
    const { code, meta } = error as { code?: string; meta?: { modelName?: string } };
    if (code !== "P2025") throw error;
    const typename = meta?.modelName ?? "record";
    const sent = (call.args as { input?: { id?: unknown } }).input?.id;
    throw new NotFoundError(
      typename,
      typeof sent === "string" ? sent : kept.resultId !== null ? encodeGlobalId(typename, kept.resultId) : "",
    );
  }
}
