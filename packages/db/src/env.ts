import path from "node:path";
import { z } from "zod";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  PARLEY_DATA_DIR: z.string().default(path.join(REPO_ROOT, ".parley")),
  PARLEY_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
});

/** The database settings, read once. Nothing else in @parley/db reads process.env. */
export function dbEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new Error(`Environment variable ${String(issue?.path[0])} ${issue?.message}`);
  }
  return parsed.data;
}

export const paths = {
  repoRoot: REPO_ROOT,
  migrations: path.resolve(import.meta.dirname, "../prisma/migrations"),
  schema: path.resolve(import.meta.dirname, "../prisma/schema.prisma"),
  demo: path.resolve(import.meta.dirname, "../demo"),
};
