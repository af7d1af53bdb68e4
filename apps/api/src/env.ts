import { z } from "zod";

const schema = z.object({
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  API_HOST: z.string().default("127.0.0.1"),
  /** `open`: anyone may read; `token`: reading needs a token too (any role). */
  PARLEY_READ_ACCESS: z.enum(["open", "token"]).default("open"),
  PARLEY_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(100_000),
  PARLEY_CORS_ORIGINS: z.string().default("http://localhost:3000,http://127.0.0.1:3000"),
});

export type ApiEnv = z.infer<typeof schema>;

/** The API's settings; nothing else in apps/api reads process.env. */
export function apiEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Environment variable ${String(issue.path[0])} ${issue.message}`);
  }
  return parsed.data;
}
