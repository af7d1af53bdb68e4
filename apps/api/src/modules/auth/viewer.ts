import { checkApiToken, type PrismaClient, type TokenProblem } from "@parley/db";
import type { Viewer } from "../../context.ts";

export interface Credentials {
  /** The live token the request carries, if any. */
  viewer: Viewer | null;
  /** Why a bearer token was sent but gives no viewer: unknown (or malformed), or revoked. */
  tokenProblem: TokenProblem | null;
}

/** Reads `Authorization: Bearer <token>`. The secret is only hashed and compared, never kept or logged. */
export async function credentialsFrom(request: Request, db: PrismaClient): Promise<Credentials> {
  const header = request.headers.get("authorization");
  if (!header) return { viewer: null, tokenProblem: null };
  const secret = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1];
  if (!secret) return { viewer: null, tokenProblem: "TOKEN_UNKNOWN" };
  const checked = await checkApiToken(db, secret);
  if ("problem" in checked) return { viewer: null, tokenProblem: checked.problem };
  const { token } = checked;
  return { viewer: { tokenId: token.id, role: token.role, name: token.name }, tokenProblem: null };
}

/** Whether the request carries a live editor or admin token. */
export async function mayWrite(request: Request, db: PrismaClient): Promise<boolean> {
  const { viewer } = await credentialsFrom(request, db);
  return viewer !== null && viewer.role !== "READER";
}

/** How the revision history names the author of a write. */
export function authorOf(viewer: Viewer): string {
  return `token:${viewer.tokenId} (${viewer.name})`;
}
