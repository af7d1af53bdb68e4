import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { TokenRole } from "@parley/schema";
import type { PrismaClient } from "./client.ts";
import { recordRevision } from "./revisions.ts";

const PREFIX = "prly_";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Makes a token; the secret is returned once and only its hash is stored. */
export async function createApiToken(db: PrismaClient, input: { role: TokenRole; name: string; author: string }) {
  const secret = PREFIX + randomBytes(24).toString("base64url");
  const token = await db.apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      secretHash: hashSecret(secret),
      prefix: secret.slice(0, PREFIX.length + 4),
    },
  });
  await db.$transaction((tx) =>
    recordRevision(tx, {
      entityType: "ApiToken",
      entityId: token.id,
      action: "CREATE",
      author: input.author,
      changes: { name: token.name, role: token.role },
    }),
  );
  return { token, secret };
}

export async function revokeApiToken(db: PrismaClient, id: number, author: string) {
  const token = await db.apiToken.findUnique({ where: { id } });
  if (!token) return null;
  if (token.revokedAt) return token;
  const revoked = await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  await db.$transaction((tx) =>
    recordRevision(tx, {
      entityType: "ApiToken",
      entityId: id,
      action: "UPDATE",
      author,
      changes: { revokedAt: [null, revoked.revokedAt] },
    }),
  );
  return revoked;
}

export type TokenProblem = "TOKEN_UNKNOWN" | "TOKEN_REVOKED";
export type ApiToken = NonNullable<Awaited<ReturnType<PrismaClient["apiToken"]["findUnique"]>>>;

/**
 * The live token a bearer secret belongs to, compared in constant time, or why there is none: an
 * unknown (or malformed) secret, or a token that was revoked.
 */
export async function checkApiToken(
  db: PrismaClient,
  secret: string,
): Promise<{ token: ApiToken } | { problem: TokenProblem }> {
  if (!secret.startsWith(PREFIX) || secret.length > 200) return { problem: "TOKEN_UNKNOWN" };
  const hash = hashSecret(secret);
  const token = await db.apiToken.findUnique({ where: { secretHash: hash } });
  if (!token || !timingSafeEqual(Buffer.from(token.secretHash, "hex"), Buffer.from(hash, "hex")))
    return { problem: "TOKEN_UNKNOWN" };
  if (token.revokedAt) return { problem: "TOKEN_REVOKED" };
  await noteUse(db, token);
  return { token };
}

/** `lastUsedAt` is written at most once a minute per token, so reading with a token is not a write per request. */
const LAST_USED_EVERY_MS = 60_000;

async function noteUse(db: PrismaClient, token: { id: number; lastUsedAt: Date | null }) {
  const now = new Date();
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < LAST_USED_EVERY_MS) return;
  const cutoff = new Date(now.getTime() - LAST_USED_EVERY_MS);
  // Only if no other request recorded a use meanwhile; a failure here must not refuse the request.
  await db.apiToken
    .updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] },
      data: { lastUsedAt: now },
    })
    .catch(() => undefined);
}
