import { createApiToken, revokeApiToken } from "@parley/db";
import { TOKEN_ROLES, type TokenRole } from "@parley/schema";
import { type Command, UsageError } from "../args.ts";
import { withDb } from "../database.ts";
import { say } from "../output.ts";

export const tokenCommand: Command = {
  name: "token",
  summary: "create, list or revoke API tokens for writing through GraphQL",
  usage:
    "Usage:\n  pnpm parley token create --role editor|admin|reader [--name NAME]\n  pnpm parley token list\n  pnpm parley token revoke <id>\n\n" +
    "The secret is printed once; only its SHA-256 hash is stored. Send it as `Authorization: Bearer <secret>`.",
  options: { role: { type: "string" }, name: { type: "string" } },
  async run({ values, positionals }) {
    const [verb, arg] = positionals;
    if (verb === "create") {
      const role = String(values.role ?? "").toUpperCase();
      if (!TOKEN_ROLES.codes.includes(role as TokenRole))
        throw new UsageError(`--role must be one of ${TOKEN_ROLES.codes.join(", ").toLowerCase()}`);
      await withDb(async (db) => {
        const { token, secret } = await createApiToken(db, {
          role: role as TokenRole,
          name: (values.name as string) ?? `${role.toLowerCase()} token`,
          author: "parley token create",
        });
        say(`Created token ${token.id} (${token.role}). Keep the secret now; it is not shown again:`);
        process.stdout.write(`${secret}\n`);
      });
    } else if (verb === "list") {
      await withDb(async (db) => {
        for (const t of await db.apiToken.findMany({ orderBy: { id: "asc" } })) {
          const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : "never used";
          process.stdout.write(
            `${t.id}\t${t.role}\t${t.prefix}…\t${t.name}\t${t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active"}\t${used}\n`,
          );
        }
      });
    } else if (verb === "revoke" && arg && /^\d+$/.test(arg)) {
      await withDb(async (db) => {
        const token = await revokeApiToken(db, Number(arg), "parley token revoke");
        if (!token) throw new UsageError(`No token has the id ${arg}`);
        say(`Token ${token.id} is revoked.`);
      });
    } else throw new UsageError("Say create, list or revoke <id>.");
  },
};
