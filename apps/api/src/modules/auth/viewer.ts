import { verifyApiToken, type PrismaClient } from "@parley/db";
import type { Viewer } from "../../context.ts";

export interface Credentials {
  /** The live token the request carries, if any. */
  viewer: Viewer | null;
  /** True when a bearer token was sent but is unknown, malformed or revoked. */
  tokenRejected: boolean;
}

/** Reads `Authorization: Bearer <token>`. The secret is only hashed and compared, never kept or logged. */
export async function credentialsFrom(request: Request, db: PrismaClient): Promise<Credentials> {
  const header = request.headers.get("authorization");
  if (!header) return { viewer: null, tokenRejected: false };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const token = match ? await verifyApiToken(db, match[1]!) : null;
  if (!token) return { viewer: null, tokenRejected: true };
  return { viewer: { tokenId: token.id, role: token.role, name: token.name }, tokenRejected: false };
}

/** How the revision history names the author of a write. */
export function authorOf(viewer: Viewer): string {
  return `token:${viewer.tokenId} (${viewer.name})`;
}
